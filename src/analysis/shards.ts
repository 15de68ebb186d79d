import { InputError } from '../errors/steppenet-error.js';

/** Shard `index` (0-based) of `count`: the items at positions index, index + count, … of a scan's list. */
export interface Shard {
  index: number;
  count: number;
}

/** A shard or a set of shards that does not make one whole scan. */
export class ShardError extends InputError {
  constructor(readonly functionName: string, detail: string) {
    super(`${functionName}: ${detail}`);
  }
}

/** Throws ShardError unless 0 <= index < count, both whole numbers. */
export function checkShard(shard: Shard, functionName: string): void {
  if (typeof shard !== 'object' || shard === null || !Number.isInteger(shard.count) || shard.count < 1 || !Number.isInteger(shard.index) || shard.index < 0 || shard.index >= shard.count) {
    throw new ShardError(functionName, `option shard must be { index, count } with 0 <= index < count, got ${JSON.stringify(shard)}`);
  }
}

/** The items of one shard, in list order. */
export function shardOf<T>(items: readonly T[], shard: Shard | undefined): T[] {
  return shard ? items.filter((_, i) => i % shard.count === shard.index) : [...items];
}

/**
 * Checks that `parts` are every shard of one scan, each once (ShardError
 * otherwise, naming what is missing or doubled); `same` names what differs
 * between two parts that cannot come from one scan, or undefined.
 */
export function checkShardSet<P extends { shard?: Shard }>(functionName: string, parts: readonly P[], same: (a: P, b: P) => string | undefined): void {
  if (parts.length === 0) throw new ShardError(functionName, 'no shard given');
  const [first] = parts;
  const count = first.shard?.count ?? 1;
  const seen = new Set<number>();
  for (const p of parts) {
    const differs = same(p, first);
    if (differs) throw new ShardError(functionName, `shards of different scans: ${differs}`);
    if ((p.shard?.count ?? 1) !== count) throw new ShardError(functionName, `shards of ${p.shard?.count ?? 1} and of ${count} parts mixed`);
    const index = p.shard?.index ?? 0;
    if (seen.has(index)) throw new ShardError(functionName, `shard ${index + 1}/${count} given twice`);
    seen.add(index);
  }
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !seen.has(i));
  if (missing.length) throw new ShardError(functionName, `missing shard(s) ${missing.map((i) => `${i + 1}/${count}`).join(', ')}`);
}

/** Shard k of K of shard `outer` of a list: shard outer.index + outer.count·k of outer.count·K of the whole list. */
export function subShard(outer: Shard | undefined, k: number, K: number): Shard {
  const N = outer?.count ?? 1;
  return { index: (outer?.index ?? 0) + N * k, count: N * K };
}

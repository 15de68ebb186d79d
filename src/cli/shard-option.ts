import { UsageError } from './usage-error.js';

/** "--shard 2/4" → { index: 1, count: 4 } (1-based on the command line, as array jobs number their tasks); shared by critical and batch. */
export function parseShard(value: unknown, usage: string): { index: number; count: number } | undefined {
  if (value === undefined) return undefined;
  const m = typeof value === 'string' ? /^(\d+)\/(\d+)$/.exec(value) : null;
  const [i, n] = m ? [Number(m[1]), Number(m[2])] : [NaN, NaN];
  if (!(n >= 1 && i >= 1 && i <= n)) throw new UsageError(`--shard must be I/N with 1 <= I <= N, e.g. 2/4; got ${JSON.stringify(value)}`, usage);
  return { index: i - 1, count: n };
}

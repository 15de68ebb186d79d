import type { Network } from '../model/network.js';
import type { CompileOptions } from '../routing/compile-network.js';
import { selectLinks, type LinkSelection } from './link-selection.js';
import { OdRouter } from './od-router.js';
import type { OdPair } from './od-pairs.js';
import { InputError } from '../errors/steppenet-error.js';

export interface CriticalityOptions extends CompileOptions {
  ods?: readonly OdPair[];
  /** Links to score; default every link that can carry traffic. */
  links?: LinkSelection | readonly string[];
  /** Called after each link with (done, total, linkId). */
  onProgress?: (done: number, total: number, link: string) => void;
  /** Checked before each link: once aborted, the scan stops and throws the signal's reason. */
  signal?: AbortSignal;
  /**
   * Score only shard `index` (0-based) of `count`: the links at positions
   * index, index + count, … of the candidate list. Shards run anywhere (other
   * processes, other machines: a Kubernetes Indexed Job, a Slurm array) and
   * mergeCriticality() puts them back together, equal to one whole scan.
   */
  shard?: { index: number; count: number };
}

export interface LinkCriticality {
  link: string;
  name: string;
  mode: string;
  /** OD pairs whose best route uses the link. */
  pairsUsing: number;
  /** Demand-weighted extra objective (hours, km or USD/t) over pairs that can detour. */
  weightedExtra: number;
  /** The largest single-pair extra among pairs that can detour. */
  worstExtra: number;
  /** Demand of pairs left with no route when the link alone fails. */
  disconnectedDemand: number;
  disconnectedPairs: number;
}

export interface CriticalityResult {
  by: string;
  scenario: string;
  pairs: number;
  /** Links scored in the whole scan (all shards together). */
  candidates: number;
  /** Present on a shard's result. */
  shard?: { index: number; count: number };
  /** Most critical first: disconnected demand, then weighted extra. */
  ranking: LinkCriticality[];
}

/**
 * Ranks links by what their failure alone costs the OD set: the demand it
 * disconnects and the demand-weighted extra cost of the detours. Incremental:
 * for each link only the pairs whose baseline route uses it are re-routed.
 */
export function linkCriticality(network: Network, options: CriticalityOptions = {}): CriticalityResult {
  const scan = criticalityScan(network, options);
  const ranking = scan.candidates.map((id, n) => {
    options.signal?.throwIfAborted();
    const score = scan.score(id);
    options.onProgress?.(n + 1, scan.candidates.length, id);
    return score;
  });
  return scan.finish(ranking);
}

/**
 * linkCriticality that gives the event loop a turn every `sliceMillis`
 * (default 20) of scanning, so that a server answers other requests, reports
 * progress and sees `signal` abort (a cancelled job, a time limit) while it runs.
 * The same result as linkCriticality.
 */
export async function linkCriticalityAsync(network: Network, options: CriticalityOptions & { sliceMillis?: number } = {}): Promise<CriticalityResult> {
  const pause = () => new Promise<void>((resolve) => setImmediate(resolve));
  await pause();
  options.signal?.throwIfAborted();
  const scan = criticalityScan(network, options);
  const slice = options.sliceMillis ?? 20;
  const ranking: LinkCriticality[] = [];
  let sliceStart = performance.now();
  for (const [n, id] of scan.candidates.entries()) {
    if (performance.now() - sliceStart >= slice) {
      await pause();
      sliceStart = performance.now();
    }
    options.signal?.throwIfAborted();
    ranking.push(scan.score(id));
    options.onProgress?.(n + 1, scan.candidates.length, id);
  }
  return scan.finish(ranking);
}

/** The scan's parts: the OD router and its baseline, the links to score, the score of one, the result. */
function criticalityScan(network: Network, options: CriticalityOptions) {
  const router = new OdRouter(network, options.ods, options);
  const all = options.links
    ? selectLinks(network, options.links)
    : network.links.map((l) => l.properties.id).filter((id) => router.compiled.edgesOfLink(id).length > 0);
  const shard = options.shard;
  if (shard) checkShard(shard);
  const candidates = shard ? all.filter((_, i) => i % shard.count === shard.index) : all;
  const score = (id: string): LinkCriticality => {
    const link = network.link(id)!.properties;
    const score: LinkCriticality = {
      link: id, name: linkName(network, id), mode: link.mode,
      pairsUsing: 0, weightedExtra: 0, worstExtra: 0, disconnectedDemand: 0, disconnectedPairs: 0,
    };
    // pairsUsing also names pairs whose road-only candidate (not their answer) uses the link: re-routed, but not counted as users.
    for (const i of router.pairsUsing([id])) {
      if (router.baseline[i].links.includes(id)) score.pairsUsing++;
      const before = router.figure(router.baseline[i]);
      const after = router.rerouteWithout(i, [id]);
      if (!after.found) {
        score.disconnectedPairs++;
        score.disconnectedDemand += router.ods[i].demand;
      } else {
        const extra = router.figure(after) - before;
        score.weightedExtra += router.ods[i].demand * extra;
        score.worstExtra = Math.max(score.worstExtra, extra);
      }
    }
    return score;
  };
  const finish = (ranking: LinkCriticality[]): CriticalityResult => {
    ranking.sort(byCriticality);
    return { by: router.compiled.by, scenario: network.scenario?.name ?? 'current', pairs: router.ods.length, candidates: all.length, ...(shard ? { shard } : {}), ranking };
  };
  return { candidates, score, finish };
}

/** Most critical first: disconnected demand, then weighted extra, then the id (a total order, so shards merge to the same list). */
const byCriticality = (a: LinkCriticality, b: LinkCriticality) =>
  b.disconnectedDemand - a.disconnectedDemand || b.weightedExtra - a.weightedExtra || a.link.localeCompare(b.link);

/** A shard or a set of shards that does not make one whole scan. */
export class ShardError extends InputError {
  constructor(readonly functionName: string, detail: string) {
    super(`${functionName}: ${detail}`);
  }
}

function checkShard(shard: { index: number; count: number }): void {
  if (!Number.isInteger(shard.count) || shard.count < 1 || !Number.isInteger(shard.index) || shard.index < 0 || shard.index >= shard.count) {
    throw new ShardError('linkCriticality', `option shard must be { index, count } with 0 <= index < count, got ${JSON.stringify(shard)}`);
  }
}

/**
 * The shards of one criticality scan put back together: the same ranking as
 * the scan run whole. Refuses shards of different scans (objective, scenario,
 * OD set size, shard count), a shard twice, or a missing shard.
 */
export function mergeCriticality(parts: readonly CriticalityResult[]): CriticalityResult {
  const fn = 'mergeCriticality';
  if (parts.length === 0) throw new ShardError(fn, 'no shard given');
  const [first] = parts;
  const count = first.shard?.count ?? 1;
  const seen = new Set<number>();
  for (const p of parts) {
    if (p.by !== first.by || p.scenario !== first.scenario || p.pairs !== first.pairs || p.candidates !== first.candidates) {
      throw new ShardError(fn, `shards of different scans: by ${p.by}/${first.by}, scenario ${p.scenario}/${first.scenario}, ${p.pairs}/${first.pairs} OD pairs, ${p.candidates}/${first.candidates} links`);
    }
    if ((p.shard?.count ?? 1) !== count) throw new ShardError(fn, `shards of ${p.shard?.count ?? 1} and of ${count} parts mixed`);
    const index = p.shard?.index ?? 0;
    if (seen.has(index)) throw new ShardError(fn, `shard ${index + 1}/${count} given twice`);
    seen.add(index);
  }
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !seen.has(i));
  if (missing.length) throw new ShardError(fn, `missing shard(s) ${missing.map((i) => `${i + 1}/${count}`).join(', ')}`);
  const ranking = parts.flatMap((p) => p.ranking).sort(byCriticality);
  if (ranking.length !== first.candidates) throw new ShardError(fn, `the shards hold ${ranking.length} links, the scan ${first.candidates}: was a shard cut short with --top?`);
  return { by: first.by, scenario: first.scenario, pairs: first.pairs, candidates: first.candidates, ranking };
}

/** "Omsk – Cherlak (A-320)": a link as people name it. */
export function linkName(network: Network, id: string): string {
  const l = network.link(id)!.properties;
  const name = (p: string) => network.place(p)!.properties.name;
  const label = l.checkpoint?.name ?? l.road ?? l.line ?? l.name;
  return `${name(l.from)} – ${name(l.to)}${label ? ` (${label})` : ''}`;
}

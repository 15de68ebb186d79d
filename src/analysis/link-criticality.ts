import type { Network } from '../model/network.js';
import type { CompileOptions } from '../routing/compile-network.js';
import { selectLinks, type LinkSelection } from './link-selection.js';
import { OdRouter } from './od-router.js';
import { resolveOdPairs, type OdPair } from './od-pairs.js';
import { compileNetwork, type CompiledNetwork } from '../routing/compile-network.js';
import { checkShard, checkShardSet, ShardError, shardOf, subShard, type Shard } from './shards.js';
import { AUTO_MIN_WORK, autoWorkers, checkWorkers, networkData, runScanPool, type WorkersOption } from './scan-pool.js';
import { plainOptions } from './plain-options.js';

export { ShardError } from './shards.js';

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

/** Options of linkCriticalityAsync: those of linkCriticality, and how to share the event loop or the cores. */
export interface CriticalityAsyncOptions extends CriticalityOptions {
  /** In one thread: give the event loop a turn after this many milliseconds of scanning (default 20). */
  sliceMillis?: number;
  /**
   * Worker threads to score the links on (default 1: this thread). With 2 or
   * more, each thread routes the OD set once and scores shards of the links
   * as `shard` does; the shards are merged as mergeCriticality merges them, so
   * the result is the same, bit for bit. Start-up costs each thread some
   * 0.3 s plus the baseline's time (0.2–0.4 s on the bundled network): worth
   * it for long scans. 'auto': every core when links × OD pairs is at least
   * 600,000 (AUTO_MIN_WORK.scan), else 1.
   */
  workers?: WorkersOption;
}

/**
 * linkCriticality that gives the event loop a turn every `sliceMillis`
 * (default 20) of scanning, so that a server answers other requests, reports
 * progress and sees `signal` abort (a cancelled job, a time limit) while it
 * runs; or, with `workers` ≥ 2, that scores the links on worker threads
 * (aborting terminates them). The same result as linkCriticality.
 */
export async function linkCriticalityAsync(network: Network, options: CriticalityAsyncOptions = {}): Promise<CriticalityResult> {
  const workers = checkWorkers(options.workers, 'linkCriticalityAsync');
  if (workers !== 1) {
    const result = await linkCriticalityOnWorkers(network, options, workers);
    if (result) return result;
  }
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

/** Shards per worker thread: a thread slowed by other load takes fewer of them. */
const SHARDS_PER_WORKER = 4;

/** What a worker needs to score shards of a link scan: the options as plain data, the OD pairs and links resolved. */
export interface LinkScanPayload {
  options: CompileOptions;
  ods: Required<OdPair>[];
  all: string[];
  /** The shard of the whole scan the pool cuts into its shards (shard k of K of it is subShard(outer, k, K)). */
  outer?: Shard;
}

/** The scan on worker threads; undefined when 'auto' finds it too small for more than one (then it runs in this thread). */
async function linkCriticalityOnWorkers(network: Network, options: CriticalityAsyncOptions, requested: WorkersOption): Promise<CriticalityResult | undefined> {
  // Everything a caller can get wrong is checked here, in this thread, before a worker starts.
  const compiled = compileNetwork(network, options);
  const ods = resolveOdPairs(network, options.ods);
  const all = candidateLinks(network, compiled, options.links);
  const outer = options.shard;
  if (outer) checkShard(outer, 'linkCriticality');
  const mine = shardOf(all, outer);
  const workers = autoWorkers(requested, mine.length * ods.length, AUTO_MIN_WORK.scan);
  if (workers === 1) return undefined;
  const K = Math.max(1, Math.min(mine.length, workers * SHARDS_PER_WORKER));
  let done = 0;
  const payload: LinkScanPayload = { options: plainOptions(options), ods, all, ...(outer ? { outer } : {}) };
  const parts = await runScanPool<CriticalityResult>(
    { kind: 'links', network: networkData(network), payload },
    { workers, shards: K, signal: options.signal, onItem: (id) => options.onProgress?.(++done, mine.length, id) },
  );
  // Each part is a shard of the whole scan (see subShard): merged as shards run anywhere are.
  if (!outer) return mergeCriticality(parts);
  return { ...parts[0], shard: outer, ranking: parts.flatMap((p) => p.ranking).sort(byCriticality) };
}

/** In a worker thread: the scan set up once, then any shard of it (of the whole candidate list) scored. */
export function linkShardScanner(network: Network, payload: LinkScanPayload): (shard: Shard, onItem: (id: string) => void) => CriticalityResult {
  const scan = criticalityScan(network, { ...payload.options, ods: payload.ods }, payload.all);
  return (part, onItem) => {
    const shard = subShard(payload.outer, part.index, part.count);
    checkShard(shard, 'linkCriticality');
    const ranking = shardOf(scan.all, shard).map((id) => {
      const score = scan.score(id);
      onItem(id);
      return score;
    });
    return scan.finish(ranking, shard);
  };
}

/** The links a scan scores: those selected, else every link that can carry traffic (has edges in the compiled graph). */
function candidateLinks(network: Network, compiled: CompiledNetwork, links: CriticalityOptions['links']): string[] {
  return links
    ? selectLinks(network, links)
    : network.links.map((l) => l.properties.id).filter((id) => compiled.edgesOfLink(id).length > 0);
}

/** The scan's parts: the OD router and its baseline, the links to score, the score of one, the result. */
function criticalityScan(network: Network, options: CriticalityOptions, given?: readonly string[]) {
  const router = new OdRouter(network, options.ods, options);
  const all = given ? [...given] : candidateLinks(network, router.compiled, options.links);
  if (options.shard) checkShard(options.shard, 'linkCriticality');
  const candidates = shardOf(all, options.shard);
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
  const finish = (ranking: LinkCriticality[], shard: Shard | undefined = options.shard): CriticalityResult => {
    ranking.sort(byCriticality);
    return { by: router.compiled.by, scenario: network.scenario?.name ?? 'current', pairs: router.ods.length, candidates: all.length, ...(shard ? { shard } : {}), ranking };
  };
  return { all, candidates, score, finish };
}

/** Most critical first: disconnected demand, then weighted extra, then the id (a total order, so shards merge to the same list). */
const byCriticality = (a: LinkCriticality, b: LinkCriticality) =>
  b.disconnectedDemand - a.disconnectedDemand || b.weightedExtra - a.weightedExtra || a.link.localeCompare(b.link);

/**
 * The shards of one criticality scan put back together: the same ranking as
 * the scan run whole. Refuses shards of different scans (objective, scenario,
 * OD set size, shard count), a shard twice, or a missing shard.
 */
export function mergeCriticality(parts: readonly CriticalityResult[]): CriticalityResult {
  const fn = 'mergeCriticality';
  checkShardSet(fn, parts, (p, first) =>
    p.by !== first.by || p.scenario !== first.scenario || p.pairs !== first.pairs || p.candidates !== first.candidates
      ? `by ${p.by}/${first.by}, scenario ${p.scenario}/${first.scenario}, ${p.pairs}/${first.pairs} OD pairs, ${p.candidates}/${first.candidates} links`
      : undefined);
  const [first] = parts;
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

import type { Network } from '../model/network.js';
import type { CompileOptions } from '../routing/compile-network.js';
import { InputError } from '../errors/steppenet-error.js';
import { linksByGridCell, linksByRegion, type GridCell } from './link-areas.js';
import { selectLinks, type LinkSelection } from './link-selection.js';
import { OdRouter } from './od-router.js';
import { resolveOdPairs, type OdPair } from './od-pairs.js';
import { compileNetwork, type CompiledNetwork } from '../routing/compile-network.js';
import { checkShard, checkShardSet, ShardError, shardOf, subShard, type Shard } from './shards.js';
import { AUTO_MIN_WORK, autoWorkers, checkWorkers, networkData, runScanPool, type WorkersOption } from './scan-pool.js';
import { plainOptions } from './plain-options.js';

/** An area of your own for areaCriticality: an id, a name, and the links it closes. */
export interface ClosureArea {
  id: string;
  name?: string;
  /** The links it closes: as removeLinks takes them (an area selector that matches nothing is an error). */
  selection: LinkSelection | readonly string[];
}

/** Options of areaCriticality: the objective and modes (CompileOptions), the OD pairs, which areas. */
export interface AreaCriticalityOptions extends CompileOptions {
  /** OD pairs with demands; default every ordered pair of border-region centres. */
  ods?: readonly OdPair[];
  /**
   * The areas to close, one at a time: `'regions'` (default; each region's
   * links are those with an end in it, so a crossing counts in both regions),
   * `{ grid: degrees }` (cells of a grid aligned on multiples of the size;
   * a link is in every cell its line meets), or a list of your own areas.
   */
  areas?: 'regions' | { grid: number } | readonly ClosureArea[];
  /** Called after each area with (done, total, areaId). */
  onProgress?: (done: number, total: number, area: string) => void;
  /** Checked before each area: once aborted, the scan stops and throws the signal's reason. */
  signal?: AbortSignal;
  /**
   * Score only shard `index` (0-based) of `count`: the areas at positions
   * index, index + count, … of the scanned list (as linkCriticality's shard);
   * mergeAreaCriticality() puts the shards back together, equal to one whole scan.
   */
  shard?: { index: number; count: number };
}

/** One area's score: the links closed together and what closing them costs the OD set. */
export interface AreaCriticality {
  /** The region name, the cell ("73,54": its west and south edges in degrees) or your area's id. */
  area: string;
  /** The region name, the cell as "54°N–55°N, 73°E–74°E", or your area's name (its id when it has none). */
  name: string;
  /** The links closed together (those that can carry traffic). */
  links: string[];
  /** The grid cell, for a grid scan. */
  cell?: GridCell;
  /** OD pairs whose best route uses any of the links. */
  pairsUsing: number;
  /** Demand-weighted extra objective (hours, km or USD/t) over pairs that can detour. */
  weightedExtra: number;
  /** The largest single-pair extra among pairs that can detour. */
  worstExtra: number;
  /** Demand of the pairs left with no route when the whole area is closed. */
  disconnectedDemand: number;
  /** The pairs left with no route (a pair with an end in a closed region always is). */
  disconnectedPairs: number;
}

/** The areas ranked, with what was scanned: objective, scenario, OD pair count, kind of areas. */
export interface AreaCriticalityResult {
  /** The objective: time, distance, cost or generalized. */
  by: string;
  scenario: string;
  /** OD pairs in the set. */
  pairs: number;
  /** What the areas are: the network's regions, grid cells, or areas of your own. */
  kind: 'regions' | 'grid' | 'areas';
  /** Areas scanned (all shards together): those that hold at least one link that can carry traffic. */
  candidates: number;
  /** Present on a shard's result. */
  shard?: { index: number; count: number };
  /** Most critical first: disconnected demand, then weighted extra, then the area id. */
  ranking: AreaCriticality[];
}

/**
 * Ranks areas by what closing every link in the area at once costs the OD
 * set, by the measures of linkCriticality: the demand cut off and the
 * demand-weighted extra cost of the detours. Incremental: for each area only
 * the pairs whose baseline route uses one of its links are re-routed.
 */
export function areaCriticality(network: Network, options: AreaCriticalityOptions = {}): AreaCriticalityResult {
  const { kind, areas } = resolveAreas(network, options.areas);
  const scan = areaScan(network, options, kind, areas);
  if (options.shard) checkShard(options.shard, 'areaCriticality');
  const mine = shardOf(scan.scanned, options.shard);
  const ranking = mine.map((a, n) => {
    options.signal?.throwIfAborted();
    const score = scan.score(a);
    options.onProgress?.(n + 1, mine.length, a.area);
    return score;
  });
  return scan.finish(ranking, options.shard);
}

/** Options of areaCriticalityAsync: those of areaCriticality, and the worker threads to use. */
export interface AreaCriticalityAsyncOptions extends AreaCriticalityOptions {
  /**
   * Worker threads to score the areas on (default 1: this thread, giving the
   * event loop a turn between areas). With 2 or more, each thread routes the
   * OD set once and scores shards of the areas as `shard` does, merged as
   * mergeAreaCriticality merges them: the same result, bit for bit. 'auto':
   * every core when areas × OD pairs is at least 600,000 (AUTO_MIN_WORK.scan), else 1.
   */
  workers?: WorkersOption;
}

/**
 * areaCriticality off the event loop's back: in this thread with a turn for
 * the event loop between areas, or with `workers` ≥ 2 on worker threads
 * (aborting `signal` terminates them). The same result as areaCriticality.
 */
export async function areaCriticalityAsync(network: Network, options: AreaCriticalityAsyncOptions = {}): Promise<AreaCriticalityResult> {
  const requested = checkWorkers(options.workers, 'areaCriticalityAsync');
  const pause = () => new Promise<void>((resolve) => setImmediate(resolve));
  await pause();
  // Everything a caller can get wrong is checked here, in this thread, before a worker starts.
  const { kind, areas } = resolveAreas(network, options.areas);
  const outer = options.shard;
  if (outer) checkShard(outer, 'areaCriticality');
  let workers = requested === 1 ? 1 : undefined;
  let ods: Required<OdPair>[] = [], scanned: ScannedArea[] = [], mine: ScannedArea[] = [];
  if (workers === undefined) {
    const compiled = compileNetwork(network, options);
    ods = resolveOdPairs(network, options.ods);
    scanned = routableAreas(compiled, areas);
    mine = shardOf(scanned, outer);
    workers = autoWorkers(requested, mine.length * ods.length, AUTO_MIN_WORK.scan);
  }
  if (workers === 1) {
    const scan = areaScan(network, options, kind, areas);
    const mine = shardOf(scan.scanned, outer);
    const ranking: AreaCriticality[] = [];
    for (const [n, a] of mine.entries()) {
      await pause();
      options.signal?.throwIfAborted();
      ranking.push(scan.score(a));
      options.onProgress?.(n + 1, mine.length, a.area);
    }
    return scan.finish(ranking, outer);
  }
  const K = Math.max(1, Math.min(mine.length, workers * SHARDS_PER_WORKER));
  let done = 0;
  const payload: AreaScanPayload = { options: plainOptions(options), ods, kind, scanned, ...(outer ? { outer } : {}) };
  const parts = await runScanPool<AreaCriticalityResult>(
    { kind: 'areas', network: networkData(network), payload },
    { workers, shards: K, signal: options.signal, onItem: (id) => options.onProgress?.(++done, mine.length, id) },
  );
  // Each part is a shard of the whole scan (see subShard): merged as shards run anywhere are.
  if (!outer) return mergeAreaCriticality(parts);
  return { ...parts[0], shard: outer, ranking: parts.flatMap((p) => p.ranking).sort(byAreaCriticality) };
}

/** Shards per worker thread: a thread slowed by other load takes fewer of them. */
const SHARDS_PER_WORKER = 4;

type ScannedArea = { area: string; name: string; links: string[]; cell?: GridCell };

/** What a worker needs to score shards of an area scan: the options as plain data, the OD pairs and areas resolved. */
export interface AreaScanPayload {
  options: CompileOptions;
  ods: Required<OdPair>[];
  kind: AreaCriticalityResult['kind'];
  scanned: ScannedArea[];
  /** The shard of the whole scan the pool cuts into its shards (shard k of K of it is subShard(outer, k, K)). */
  outer?: Shard;
}

/** In a worker thread: the scan set up once, then any shard of it (of the whole list of areas) scored. */
export function areaShardScanner(network: Network, payload: AreaScanPayload): (shard: Shard, onItem: (id: string) => void) => AreaCriticalityResult {
  const scan = areaScan(network, { ...payload.options, ods: payload.ods }, payload.kind, payload.scanned);
  return (part, onItem) => {
    const shard = subShard(payload.outer, part.index, part.count);
    checkShard(shard, 'areaCriticality');
    const ranking = shardOf(scan.scanned, shard).map((a) => {
      const score = scan.score(a);
      onItem(a.area);
      return score;
    });
    return scan.finish(ranking, shard);
  };
}

/** The areas of `spec`, each with the links it closes (not yet only those that can carry traffic). */
function resolveAreas(network: Network, spec: AreaCriticalityOptions['areas'] = 'regions'): { kind: AreaCriticalityResult['kind']; areas: ScannedArea[] } {
  if (spec === 'regions') {
    return { kind: 'regions', areas: [...linksByRegion(network)].map(([region, ids]) => ({ area: region, name: region, links: ids })) };
  }
  if (Array.isArray(spec)) {
    const seen = new Set<string>();
    return {
      kind: 'areas',
      areas: (spec as readonly ClosureArea[]).map((a, i) => {
        if (typeof a !== 'object' || a === null || typeof a.id !== 'string' || !a.id) throw new InputError(`areaCriticality: areas[${i}] must be { id, name?, selection }, got ${JSON.stringify(a)}`);
        if (seen.has(a.id)) throw new InputError(`areaCriticality: area id "${a.id}" is given twice`);
        seen.add(a.id);
        return { area: a.id, name: a.name ?? a.id, links: selectLinks(network, a.selection) };
      }),
    };
  }
  if (typeof spec === 'object' && spec !== null && 'grid' in spec) {
    return { kind: 'grid', areas: [...linksByGridCell(network, spec.grid).values()].map(({ cell, links }) => ({ area: `${cell.west},${cell.south}`, name: cellName(cell), links, cell })) };
  }
  throw new InputError(`areaCriticality: areas must be 'regions', { grid: degrees } or a list of { id, selection }, got ${JSON.stringify(spec)}`);
}

/** The areas with only the links that can carry traffic, and only areas left with one. */
function routableAreas(compiled: CompiledNetwork, areas: readonly ScannedArea[]): ScannedArea[] {
  const routable = (ids: readonly string[]) => ids.filter((id) => compiled.edgesOfLink(id).length > 0);
  return areas.map((a) => ({ ...a, links: routable(a.links) })).filter((a) => a.links.length > 0);
}

/** The scan's parts: the OD router and its baseline, the areas to score, the score of one, the result. */
function areaScan(network: Network, options: AreaCriticalityOptions, kind: AreaCriticalityResult['kind'], areas: readonly ScannedArea[]) {
  const router = new OdRouter(network, options.ods, options);
  const scanned = routableAreas(router.compiled, areas);
  const score = (a: ScannedArea): AreaCriticality => {
    const score: AreaCriticality = { ...a, pairsUsing: 0, weightedExtra: 0, worstExtra: 0, disconnectedDemand: 0, disconnectedPairs: 0 };
    const users = router.pairsUsing(a.links);
    const reroutes = router.reroutesWithout(users, a.links);
    users.forEach((i, k) => {
      const after = reroutes[k];
      score.pairsUsing++;
      if (!after) {
        score.disconnectedPairs++;
        score.disconnectedDemand += router.ods[i].demand;
      } else {
        const extra = router.figure(after) - router.figure(router.baseline[i]);
        score.weightedExtra += router.ods[i].demand * extra;
        score.worstExtra = Math.max(score.worstExtra, extra);
      }
    });
    return score;
  };
  const finish = (ranking: AreaCriticality[], shard: Shard | undefined): AreaCriticalityResult => {
    ranking.sort(byAreaCriticality);
    return { by: router.compiled.by, scenario: network.scenario?.name ?? 'current', pairs: router.ods.length, kind, candidates: scanned.length, ...(shard ? { shard } : {}), ranking };
  };
  return { scanned, score, finish };
}

/** Most critical first: disconnected demand, then weighted extra, then the area id (a total order, so shards merge to the same list). */
const byAreaCriticality = (a: AreaCriticality, b: AreaCriticality) =>
  b.disconnectedDemand - a.disconnectedDemand || b.weightedExtra - a.weightedExtra || a.area.localeCompare(b.area);

/**
 * The shards of one area scan put back together: the same ranking as the
 * scan run whole. Refuses shards of different scans (objective, scenario, OD
 * set size, kind of areas, area count), a shard twice, or a missing shard.
 */
export function mergeAreaCriticality(parts: readonly AreaCriticalityResult[]): AreaCriticalityResult {
  const fn = 'mergeAreaCriticality';
  checkShardSet(fn, parts, (p, first) =>
    p.by !== first.by || p.scenario !== first.scenario || p.pairs !== first.pairs || p.kind !== first.kind || p.candidates !== first.candidates
      ? `by ${p.by}/${first.by}, scenario ${p.scenario}/${first.scenario}, ${p.pairs}/${first.pairs} OD pairs, ${p.candidates} ${p.kind}/${first.candidates} ${first.kind}`
      : undefined);
  const [first] = parts;
  const ranking = parts.flatMap((p) => p.ranking).sort(byAreaCriticality);
  if (ranking.length !== first.candidates) throw new ShardError(fn, `the shards hold ${ranking.length} areas, the scan ${first.candidates}: was a shard cut short with --top?`);
  return { by: first.by, scenario: first.scenario, pairs: first.pairs, kind: first.kind, candidates: first.candidates, ranking };
}

/** "54°N–55°N, 73°E–74°E". */
function cellName({ west, south, size }: GridCell): string {
  const deg = (x: number, pos: string, neg: string) => `${Math.abs(Math.round(x * 1e9) / 1e9)}°${x < 0 ? neg : pos}`;
  return `${deg(south, 'N', 'S')}–${deg(south + size, 'N', 'S')}, ${deg(west, 'E', 'W')}–${deg(west + size, 'E', 'W')}`;
}

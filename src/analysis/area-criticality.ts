import type { Network } from '../model/network.js';
import type { CompileOptions } from '../routing/compile-network.js';
import { InputError } from '../errors/steppenet-error.js';
import { linksByGridCell, linksByRegion, type GridCell } from './link-areas.js';
import { selectLinks, type LinkSelection } from './link-selection.js';
import { OdRouter } from './od-router.js';
import type { OdPair } from './od-pairs.js';

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
  /** Areas scanned: those that hold at least one link that can carry traffic. */
  candidates: number;
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
  const spec = options.areas ?? 'regions';
  let kind: AreaCriticalityResult['kind'];
  let areas: { area: string; name: string; links: string[]; cell?: GridCell }[];
  if (spec === 'regions') {
    kind = 'regions';
    areas = [...linksByRegion(network)].map(([region, ids]) => ({ area: region, name: region, links: ids }));
  } else if (Array.isArray(spec)) {
    kind = 'areas';
    const seen = new Set<string>();
    areas = (spec as readonly ClosureArea[]).map((a, i) => {
      if (typeof a !== 'object' || a === null || typeof a.id !== 'string' || !a.id) throw new InputError(`areaCriticality: areas[${i}] must be { id, name?, selection }, got ${JSON.stringify(a)}`);
      if (seen.has(a.id)) throw new InputError(`areaCriticality: area id "${a.id}" is given twice`);
      seen.add(a.id);
      return { area: a.id, name: a.name ?? a.id, links: selectLinks(network, a.selection) };
    });
  } else if (typeof spec === 'object' && spec !== null && 'grid' in spec) {
    kind = 'grid';
    areas = [...linksByGridCell(network, spec.grid).values()].map(({ cell, links }) => ({ area: `${cell.west},${cell.south}`, name: cellName(cell), links, cell }));
  } else {
    throw new InputError(`areaCriticality: areas must be 'regions', { grid: degrees } or a list of { id, selection }, got ${JSON.stringify(spec)}`);
  }
  const router = new OdRouter(network, options.ods, options);
  const routable = (ids: readonly string[]) => ids.filter((id) => router.compiled.edgesOfLink(id).length > 0);
  const scanned = areas.map((a) => ({ ...a, links: routable(a.links) })).filter((a) => a.links.length > 0);
  const ranking = scanned.map((a, n): AreaCriticality => {
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
    options.onProgress?.(n + 1, scanned.length, a.area);
    return score;
  });
  ranking.sort((a, b) => b.disconnectedDemand - a.disconnectedDemand || b.weightedExtra - a.weightedExtra || a.area.localeCompare(b.area));
  return { by: router.compiled.by, scenario: network.scenario?.name ?? 'current', pairs: router.ods.length, kind, candidates: scanned.length, ranking };
}

/** "54°N–55°N, 73°E–74°E". */
function cellName({ west, south, size }: GridCell): string {
  const deg = (x: number, pos: string, neg: string) => `${Math.abs(Math.round(x * 1e9) / 1e9)}°${x < 0 ? neg : pos}`;
  return `${deg(south, 'N', 'S')}–${deg(south + size, 'N', 'S')}, ${deg(west, 'E', 'W')}–${deg(west + size, 'E', 'W')}`;
}

import type { AreaCriticalityResult } from '../analysis/area-criticality.js';
import { round } from './number-format.js';
import { formatTable } from './table.js';

const KIND = { regions: 'region', grid: 'grid cell', areas: 'area' } as const;

/** The `top` areas of the ranking, under a line that says what was closed and scanned. */
export function renderAreaCriticality(result: AreaCriticalityResult, top = Infinity): string {
  return `Area criticality: every link of each ${KIND[result.kind]} closed at once, over ${result.pairs} OD pairs (${result.candidates} ${KIND[result.kind]}s, scenario ${result.scenario}, by ${result.by})\n\n${formatTable(
    ['rank', KIND[result.kind], 'links closed', 'pairs using', 'disconnected pairs', 'disconnected demand', `weighted extra (${result.by})`, 'worst extra'],
    result.ranking.slice(0, top).map((r, i) => [i + 1, r.name, r.links.length, r.pairsUsing, r.disconnectedPairs, r.disconnectedDemand, round(r.weightedExtra), round(r.worstExtra)]),
  )}`;
}

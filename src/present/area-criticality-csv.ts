import type { AreaCriticalityResult } from '../analysis/area-criticality.js';
import { formatCsv } from './csv.js';
import { objectiveColumn } from './units.js';

/** One line per ranked area: the links closed (space-separated ids), what closing them disconnects, and the demand-weighted and worst extra in the objective's unit. */
export function areaCriticalityCsv(result: AreaCriticalityResult): string {
  return formatCsv(
    ['rank', 'area_id', 'name', 'links_closed', 'link_ids', 'pairs_using', 'disconnected_pairs', 'disconnected_demand', objectiveColumn(result.by, 'weighted_extra_'), objectiveColumn(result.by, 'worst_extra_')],
    result.ranking.map((r, i) => [i + 1, r.area, r.name, r.links.length, r.links.join(' '), r.pairsUsing, r.disconnectedPairs, r.disconnectedDemand, r.weightedExtra, r.worstExtra]),
  );
}

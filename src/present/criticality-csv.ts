import type { CriticalityResult } from '../analysis/link-criticality.js';
import { formatCsv } from './csv.js';
import { objectiveColumn } from './units.js';

/** One line per ranked link: what its loss disconnects, and the demand-weighted and worst extra in the objective's unit. */
export function criticalityCsv(result: CriticalityResult): string {
  return formatCsv(
    ['rank', 'link_id', 'name', 'mode', 'pairs_using', 'disconnected_pairs', 'disconnected_demand', objectiveColumn(result.by, 'weighted_extra_'), objectiveColumn(result.by, 'worst_extra_')],
    result.ranking.map((r, i) => [i + 1, r.link, r.name, r.mode, r.pairsUsing, r.disconnectedPairs, r.disconnectedDemand, r.weightedExtra, r.worstExtra]),
  );
}

import type { CriticalityResult } from '../analysis/link-criticality.js';
import { round } from './number-format.js';
import { formatTable } from './table.js';

/** The `top` links of the ranking, under a line that says what was scanned. */
export function renderCriticality(result: CriticalityResult, top = Infinity): string {
  const shard = result.shard ? `, shard ${result.shard.index + 1}/${result.shard.count}: ${result.ranking.length} of ${result.candidates} links` : '';
  return `Link criticality over ${result.pairs} OD pairs (scenario ${result.scenario}, by ${result.by}${shard})\n\n${formatTable(
    ['rank', 'link', 'mode', 'pairs using', 'disconnected demand', `weighted extra (${result.by})`, 'worst extra'],
    result.ranking.slice(0, top).map((r, i) => [i + 1, r.name, r.mode, r.pairsUsing, r.disconnectedDemand, round(r.weightedExtra), round(r.worstExtra)]),
  )}`;
}

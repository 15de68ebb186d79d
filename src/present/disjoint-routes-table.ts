import type { DisjointRoutesResult } from '../analysis/disjoint-routes.js';
import { legSummary } from '../analysis/compiled-index.js';
import type { Network } from '../model/network.js';
import { round } from './number-format.js';
import { pairText, type PairQuery } from './pair-query.js';
import { formatTable } from './table.js';
import { OBJECTIVE_UNITS } from './units.js';

/** The disjoint routes, how many exist at most, the smallest cut, and why there are fewer than asked. */
export function renderDisjointRoutes(network: Network, result: DisjointRoutesResult, q: PairQuery): string {
  const unit = OBJECTIVE_UNITS[q.by].text;
  const rows = result.routes.map((r, i) => [i + 1, round(r.totals.weight), round(r.totals.km, 0), round(r.totals.hours), legSummary(network, r)]);
  const cut = [...(result.minCut.places ?? []).map((id) => `place ${network.place(id)!.properties.name}`), ...(result.minCut.links ?? []).map((id) => `link ${id}`)];
  return [
    `${result.disjoint === 'links' ? 'Link' : 'Place'}-disjoint routes ${pairText(network, q)} by ${q.by} (scenario ${network.scenario?.name ?? 'current'})`,
    `${result.routes.length} of ${result.k} asked, total ${round(result.totalCost)} ${unit}; at most ${result.maxDisjoint} exist` +
      (cut.length ? `; smallest cut: ${cut.join(', ')}` : ''),
    '',
    ...(rows.length ? [formatTable(['#', `weight ${unit}`, 'km', 'hours', 'route'], rows)] : []),
    ...(result.fewerBecause ? ['', `Fewer than ${result.k}: ${result.fewerBecause}.`] : []),
    ...(result.note ? ['', `Note: ${result.note}.`] : []),
  ].join('\n');
}

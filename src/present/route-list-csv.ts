import { legSummary } from '../analysis/compiled-index.js';
import type { Network } from '../model/network.js';
import type { Objective } from '../routing/cost-model.js';
import type { RouteResult } from '../routing/route-result.js';
import { formatCsv } from './csv.js';
import { objectiveColumn } from './units.js';

/**
 * Several routes between one pair (alternatives, disjoint routes), one line
 * each: its number, the objective's value, km, hours, USD/t, legs and links.
 */
export function routeListCsv(network: Network, routes: readonly RouteResult[], by: Objective, numberColumn: 'rank' | 'route'): string {
  return formatCsv(
    [numberColumn, objectiveColumn(by), 'km', 'hours', 'usd_per_t', 'legs', 'links'],
    routes.map((r, i) => [i + 1, r.totals.weight, r.totals.km, r.totals.hours, r.totals.cost, legSummary(network, r), r.links.join(' ')]),
  );
}

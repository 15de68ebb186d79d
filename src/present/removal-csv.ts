import type { RemovalResult, RemovalRow } from '../analysis/remove-links.js';
import type { Network } from '../model/network.js';
import { formatCsv } from './csv.js';
import { detourSummary } from './detour-summary.js';
import { objectiveColumn } from './units.js';

/** One line per OD pair: its value before and after the removal (Infinity: no route), the extra, the detour or why there is none. */
export function removalCsv(network: Network, result: RemovalResult, rows: readonly RemovalRow[]): string {
  const name = (id: string) => network.place(id)!.properties.name;
  return formatCsv(
    [
      'from_id', 'to_id', 'from', 'to', 'demand', 'effect', objectiveColumn(result.by, 'before_'), objectiveColumn(result.by, 'after_'),
      objectiveColumn(result.by, 'extra_'), 'extra_hours', 'extra_km', 'new_route', 'new_route_links', 'reason',
    ],
    rows.map((r) => [
      r.from, r.to, name(r.from), name(r.to), r.demand, r.effect, r.before, r.after, r.extra, r.extraHours, r.extraKm,
      r.effect === 'detour' ? detourSummary(r.newRoute!) : undefined, r.effect === 'detour' ? r.newRoute!.links.join(' ') : undefined, r.reason,
    ]),
  );
}

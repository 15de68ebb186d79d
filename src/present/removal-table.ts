import type { RemovalResult, RemovalRow } from '../analysis/remove-links.js';
import type { Network } from '../model/network.js';
import { detourSummary } from './detour-summary.js';
import { formatNumber } from './number-format.js';
import { formatTable } from './table.js';
import { linkName } from '../analysis/link-criticality.js';

/**
 * What removing the links did, then the pairs given (by default those that
 * detour or lose their connection). `areas` says how an area selection chose
 * the links ("within 50km:Semey"): the links are then listed one a line.
 */
export function renderRemoval(network: Network, result: RemovalResult, rows: readonly RemovalRow[], areas: readonly string[] = []): string {
  const name = (id: string) => network.place(id)!.properties.name;
  const s = result.summary;
  return [
    ...(areas.length
      ? [
        `Removed ${result.removed.length} link(s) ${areas.join(', ')} (scenario ${result.scenario}, by ${result.by}):`,
        ...result.removed.map((id) => `  ${id}: ${linkName(network, id)}`),
      ]
      : [`Removed ${result.removed.length} link(s): ${result.removed.join(', ')} (scenario ${result.scenario}, by ${result.by})`]),
    `${s.pairs} OD pairs: ${s.affected} used the removed links, ${s.disconnected} lose their connection (demand ${formatNumber(s.disconnectedDemand)}), ` +
      `demand-weighted extra ${formatNumber(s.weightedExtra, 1)}`,
    '',
    rows.length
      ? formatTable(
        ['from', 'to', 'demand', 'effect', `before (${result.by})`, 'after', 'extra', 'extra h', 'extra km', 'new route (modes, crossings) / reason'],
        rows.map((r) => [
          name(r.from), name(r.to), r.demand, r.effect, r.before, r.after, r.extra, r.extraHours, r.extraKm,
          r.effect === 'detour' ? detourSummary(r.newRoute!) : r.reason ?? '',
        ]),
      )
      : 'No pair changes its route.',
  ].join('\n');
}

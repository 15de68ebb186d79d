import type { AlternativesResult } from '../analysis/alternatives.js';
import { legSummary } from '../analysis/compiled-index.js';
import type { Network } from '../model/network.js';
import { round } from './number-format.js';
import { pairText, type PairQuery } from './pair-query.js';
import { formatTable } from './table.js';
import { OBJECTIVE_UNITS } from './units.js';

/** The k routes, cheapest first, one line each. */
export function renderAlternatives(network: Network, result: AlternativesResult, q: PairQuery): string {
  const title = `Alternatives ${pairText(network, q)} by ${q.by} (scenario ${network.scenario?.name ?? 'current'})`;
  if (!result.found) return `${title}\nNo route: ${result.reason}`;
  const rows = result.routes.map((r, i) => [i + 1, round(r.totals.weight), round(r.totals.km, 0), round(r.totals.hours), round(r.totals.cost), legSummary(network, r)]);
  return [
    title,
    '',
    formatTable(['#', `weight ${OBJECTIVE_UNITS[q.by].text}`, 'km', 'hours', 'USD/t', 'route'], rows),
    ...(result.reason ? ['', `Note: ${result.reason}.`] : []),
    // Ranked by route()'s exact figure: the search weight (first figure) then need not rise down the list.
    ...(result.routes.some((r, i) => i > 0 && r.totals.weight < result.routes[i - 1]!.totals.weight)
      ? ['', `Ranked by the exact ${q.by === 'time' ? 'hours' : 'figure'}, as route() answers; the weight column is the search's, which counts the drivers' rest amortised over every road hour.`]
      : []),
  ].join('\n');
}

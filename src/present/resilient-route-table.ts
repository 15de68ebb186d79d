import { legSummary } from '../analysis/compiled-index.js';
import type { ResilientRouteResult } from '../analysis/resilient-route.js';
import type { Network } from '../model/network.js';
import { round } from './number-format.js';
import { pairText, type PairQuery } from './pair-query.js';
import { formatTable } from './table.js';
import { OBJECTIVE_UNITS } from './units.js';

/** The chosen route and its score, the candidates it was chosen from (← marks it), and its backup for each link lost. */
export function renderResilientRoute(network: Network, result: ResilientRouteResult, q: PairQuery): string {
  const unit = OBJECTIVE_UNITS[q.by].text;
  const title = `Most resilient route ${pairText(network, q)} by ${q.by}, λ = ${result.lambda}, ${result.measure} penalty, re-routing ${result.reroute} (scenario ${network.scenario?.name ?? 'current'})`;
  if (!result.found) return `${title}\nNo route: ${result.reason}`;
  const chosen = result.route.links.join();
  const rows = result.candidates.map((c) => [c.rank, round(c.cost), round(c.penalty), round(c.score), c.worstLink ?? '', c.links.join() === chosen ? '←' : '', c.summary]);
  return [
    title,
    `Chosen: ${legSummary(network, result.route)} — cost ${round(result.route.totals.weight)} ${unit}, penalty ${round(result.penalty)}, score ${round(result.score)}`,
    `${result.linkDisjointRoutes} link-disjoint route${result.linkDisjointRoutes === 1 ? '' : 's'} join the two places.`,
    '',
    formatTable(['#', unit, 'penalty', 'score', 'worst link', '', 'route'], rows),
    '',
    'Backups of the chosen route:',
    formatTable(
      ['link lost', 'penalty', 'backup'],
      result.backups.map((b) => [b.link, round(b.penalty), b.backup.found ? legSummary(network, b.backup) : b.backup.reason]),
      { indent: '  ' },
    ),
    ...(result.note ? ['', `Note: ${result.note}.`] : []),
  ].join('\n');
}

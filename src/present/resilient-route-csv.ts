import type { ResilientRouteResult } from '../analysis/resilient-route.js';
import type { Objective } from '../routing/cost-model.js';
import { formatCsv } from './csv.js';
import { objectiveColumn } from './units.js';

/** One line per candidate: its cost, the penalty of its worst link failure and its score, all in the objective's unit. */
export function resilientRouteCsv(result: ResilientRouteResult, by: Objective): string {
  const chosen = result.route.links.join();
  return formatCsv(
    ['rank', objectiveColumn(by), objectiveColumn(by, 'penalty_'), objectiveColumn(by, 'score_'), 'worst_link', 'chosen', 'legs', 'links'],
    result.candidates.map((c) => [c.rank, c.cost, c.penalty, c.score, c.worstLink, c.links.join() === chosen, c.summary, c.links.join(' ')]),
  );
}

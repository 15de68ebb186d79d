import type { RedundancyResult } from '../analysis/od-redundancy.js';
import { formatCsv } from './csv.js';
import { objectiveColumn } from './units.js';

/** One line per OD pair: link-disjoint routes, the best and second best (no link in common) in the objective's unit and hours, and their ratio. */
export function redundancyCsv(result: RedundancyResult): string {
  return formatCsv(
    ['from_id', 'to_id', 'demand', 'disjoint_routes', objectiveColumn(result.by, 'best_'), objectiveColumn(result.by, 'second_best_'), 'ratio', 'best_hours', 'second_best_hours'],
    result.pairs.map((p) => [p.from, p.to, p.demand, p.disjointRoutes, p.best, p.secondBest, p.ratio, p.bestHours, p.secondBestHours]),
  );
}

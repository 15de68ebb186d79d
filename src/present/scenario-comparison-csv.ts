import type { ScenarioComparison, ScenarioPairRow } from '../analysis/compare-scenarios.js';
import { formatCsv } from './csv.js';
import { objectiveColumn, OBJECTIVE_UNITS } from './units.js';

/** One line per OD pair: its value in scenario A and B (Infinity: no route), the change and both routes' links. */
export function comparisonCsv(c: ScenarioComparison, rows: readonly ScenarioPairRow[] = c.rows): string {
  return formatCsv(
    [
      'from_id', 'to_id', 'from', 'to', 'from_region', 'to_region', 'demand', 'status',
      objectiveColumn(c.by, `${c.a}_`), objectiveColumn(c.by, `${c.b}_`), `change_${OBJECTIVE_UNITS[c.by].column}`, 'route_changed', `${c.a}_links`, `${c.b}_links`,
    ],
    rows.map((r) => [
      r.from, r.to, r.fromName, r.toName, r.fromRegion, r.toRegion, r.demand, r.status, r.a, r.b,
      r.change, r.routeChanged, r.linksA.join(' '), r.linksB.join(' '),
    ]),
  );
}

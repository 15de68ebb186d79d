import type { BorderCutResult } from '../analysis/border-cut.js';
import { formatCsv } from './csv.js';

/** One line for all sectors, then one per sector: the maximum flow per day, whether it is exact, its upper bound and the cut. */
export function borderCutCsv(result: BorderCutResult): string {
  const unit = `${result.unit.replace(/-/g, '_')}_per_day`;
  return formatCsv(
    ['sector', `max_${unit}`, 'exact', `at_most_${unit}`, 'unknown_crossings', 'observed_flow_crossings', 'cut'],
    [result.total, ...result.sectors].map((s) => [
      s.sector, s.value, s.exact, s.exact ? undefined : s.atMost === null ? 'unbounded' : s.atMost, s.unknown.length, s.observed.length, s.cut.map((c) => c.link).join(' '),
    ]),
  );
}

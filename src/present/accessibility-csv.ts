import type { AccessibilityMatrix } from '../analysis/accessibility.js';
import { formatCsv, type CsvField } from './csv.js';
import { objectiveColumn } from './units.js';

/** Long format: one line per layer and ordered pair of different places, with the reason where there is no route. */
export function accessibilityCsv(m: AccessibilityMatrix): string {
  const rows: CsvField[][] = [];
  for (const layer of m.layers) {
    m.places.forEach((from, i) => m.places.forEach((to, j) => {
      if (i === j) return;
      rows.push([layer.layer, from.id, to.id, from.name, to.name, layer.values[i][j] ?? undefined, layer.reasons[i][j] ?? undefined]);
    }));
  }
  return formatCsv(['mode', 'from_id', 'to_id', 'from', 'to', objectiveColumn(m.by), 'no_route_reason'], rows);
}

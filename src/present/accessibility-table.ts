import type { AccessibilityLayerName, AccessibilityMatrix } from '../analysis/accessibility.js';
import { formatNumber } from './number-format.js';
import { formatTable } from './table.js';
import { OBJECTIVE_UNITS } from './units.js';

const LAYER_TEXT: Record<AccessibilityLayerName, string> = { rail: 'rail only', road: 'road only', river: 'river only', multimodal: 'multimodal' };

/** One matrix per layer: origins down, destinations across; "–" where there is no route. */
export function renderAccessibility(m: AccessibilityMatrix): string {
  const names = m.places.map((p) => p.name);
  const blocks = m.layers.map((layer) => {
    const pairs = names.length * (names.length - 1);
    // One decimal below 100, none above; the diagonal is a plain 0.
    const cells = layer.values.map((row, i) => row.map((v, j) => (v === null ? '–' : i === j ? '0' : formatNumber(v, v >= 100 ? 0 : 1))));
    // Right-align each column by hand: the cells are text ("–" marks no route), which formatTable would left-align.
    const widths = names.map((name, j) => cells.reduce((w, row) => Math.max(w, row[j].length), name.length));
    return [
      `${LAYER_TEXT[layer.layer]}: ${m.by} in ${OBJECTIVE_UNITS[m.by].text} (scenario ${m.scenario}); ${layer.connectedPairs} of ${pairs} ordered pairs connected`,
      formatTable(['from \\ to', ...names], cells.map((row, i) => [names[i], ...row.map((c, j) => c.padStart(widths[j]))])),
    ].join('\n');
  });
  return blocks.join('\n\n');
}

import type { ScenarioComparison, ScenarioPairRow } from '../analysis/compare-scenarios.js';
import { formatNumber, round } from './number-format.js';
import { formatTable } from './table.js';
import { OBJECTIVE_UNITS } from './units.js';

const STATUS_TEXT: Record<ScenarioPairRow['status'], string> = {
  unchanged: 'unchanged', changed: 'changed', connected: 'newly connected', disconnected: 'newly disconnected', unconnected: 'no route in either',
};

const cellValue = (n: number) => (Number.isFinite(n) ? formatNumber(n) : 'no route');

/** A summary line, the region pairs with changes, then the pairs (by default the changed ones). */
export function renderComparison(c: ScenarioComparison, rows: readonly ScenarioPairRow[] = c.changed): string {
  const t = c.totals;
  const mean = t.connectedDemand > 0 ? t.weightedChange / t.connectedDemand : 0;
  const lines = [
    `Scenario ${c.a} → ${c.b}, by ${c.by}, ${t.pairs} OD pairs: ${t.changed} changed, ${t.connected} newly connected, ` +
      `${t.disconnected} newly disconnected, ${t.unconnected} with no route in either`,
    `Demand-weighted change over the pairs connected in both: ${formatNumber(t.weightedChange, 1)} ${OBJECTIVE_UNITS[c.by].text} (mean ${formatNumber(mean, 2)} per unit of demand)`,
  ];
  const regions = c.byRegion.filter((g) => g.changed + g.connected + g.disconnected > 0);
  // With one OD pair per region pair (the default OD set: one centre per region) this table would repeat the pair table.
  if (regions.some((g) => g.pairs > 1)) {
    lines.push('', 'Region pairs with changes:', formatTable(
      ['from region', 'to region', 'pairs', 'changed', 'connected', 'disconnected', 'weighted change'],
      regions.map((g) => [g.fromRegion, g.toRegion, g.pairs, g.changed, g.connected, g.disconnected, round(g.weightedChange, 2)]),
      { indent: '  ' },
    ));
  }
  lines.push('');
  if (rows.length === 0) {
    lines.push('No pair changes.');
    return lines.join('\n');
  }
  lines.push(formatTable(
    ['from', 'to', 'status', c.a, c.b, 'change', 'route'],
    rows.map((r) => [
      r.fromName, r.toName, STATUS_TEXT[r.status], cellValue(r.a), cellValue(r.b),
      r.status === 'changed' || r.status === 'unchanged' ? round(r.change, 2) : '–',
      r.routeChanged ? 'changed' : 'same',
    ]),
  ));
  return lines.join('\n');
}

import { monthName } from '../routing/cost-model.js';
import type { RouteResult } from '../routing/route-result.js';
import { formatNumber, round } from './number-format.js';
import { formatTable } from './table.js';
import { OBJECTIVE_UNITS } from './units.js';

/** A route for people: title, totals, the hours split, countries, the legs, then its border crossings and transfers. */
export function renderRoute(r: RouteResult): string {
  const title = `${r.from.name} → ${r.to.name}${r.via.length ? ` via ${r.via.map((v) => v.name).join(', ')}` : ''} by ${r.by} (scenario ${r.scenario}${r.freight ? `, freight ${r.freight}` : ''})`;
  const month = r.month !== undefined ? ` in ${monthName(r.month)}` : '';
  const snapped = r.snapped?.length ? [snappedLine(r.snapped)] : [];
  if (!r.found) return [title + month, ...snapped, `No route: ${r.reason}`].join('\n');
  const b = r.totals.hoursBreakdown;
  const crew = r.drivers ? (r.drivers.rules ? `AETR drivers' hours, ${r.drivers.count} driver${r.drivers.count === 2 ? 's' : ''}` : "drivers' hours off") : '';
  const lines = [
    title + month,
    ...snapped,
    `Total: ${formatNumber(r.totals.km, 0)} km, ${formatNumber(r.totals.hours, 1)} h, ${formatNumber(r.totals.cost, 1)} USD/t` +
      (r.by === 'generalized' ? `, ${formatNumber(r.totals.weight, 1)} ${OBJECTIVE_UNITS.generalized.text}` : ''),
    `Hours: driving ${formatNumber(b.driving, 1)}, rest ${formatNumber(b.rest, 1)}, waiting ${formatNumber(b.waiting, 1)}, ` +
      `transfer ${formatNumber(b.transfer, 1)}, rail/river running ${formatNumber(b.running, 1)}${crew ? ` (${crew})` : ''}`,
    `Countries: ${r.countries.join(' → ')}`,
    '',
    formatTable(
      ['#', 'mode', 'from', 'to', 'road / line', 'km', 'hours', 'of which rest', 'USD/t'],
      r.legs.map((l, i) => [
        i + 1, l.mode, l.from.name, l.to.name,
        (l.name || '–') + (l.season ? ` (season ${l.season.from} – ${l.season.to})` : ''),
        round(l.km, 0), round(l.hours), round(l.hoursBreakdown.rest), round(l.cost),
      ]),
    ),
  ];
  if (r.crossings.length) {
    lines.push('', 'Border crossings:', formatTable(
      ['checkpoint', 'mode', 'regime', 'from → to', 'wait h'],
      r.crossings.map((c) => [c.name, c.mode, c.regime, `${c.from} → ${c.to}`, round(c.waitHours)]),
      { indent: '  ' },
    ));
  }
  if (r.transfers.length) {
    lines.push('', 'Transfers:', formatTable(
      ['place', 'from → to', 'hours', 'USD/t'],
      r.transfers.map((t) => [t.place.name, `${t.fromMode} → ${t.toMode}`, round(t.hours), round(t.cost)]),
      { indent: '  ' },
    ));
  }
  return lines.join('\n');
}

/** "Snapped: 54.98,73.37 → Omsk (3.3 km)": where coordinates given as places were placed. */
export function snappedLine(snapped: NonNullable<RouteResult['snapped']>): string {
  return `Snapped: ${snapped.map((s) => `${s.query} → ${s.place.name} (${formatNumber(s.km, 1)} km)`).join('; ')}`;
}

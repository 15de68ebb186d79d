import type { CorridorComparison, CorridorRoute } from '../analysis/compare-corridors.js';
import { formatNumber } from './number-format.js';
import { formatTable } from './table.js';
import { OBJECTIVE_UNITS } from './units.js';

/** The side-by-side table: bypass / through / best, then the legs of each and any notes. */
export function renderCorridors(c: CorridorComparison): string {
  const columns: [string, CorridorRoute][] = [['bypass', c.bypass], [`through ${c.throughCountry}`, c.through], ['best', c.best]];
  const cell = (r: CorridorRoute, value: (r: CorridorRoute) => string) => (r.found ? value(r) : 'no route');
  const row = (label: string, value: (r: CorridorRoute) => string) => [label, ...columns.map(([, r]) => cell(r, value))];
  const rows = [
    row('km', (r) => formatNumber(r.km, 0)),
    row('hours', (r) => formatNumber(r.hours)),
    row('border waits h', (r) => formatNumber(r.borderWaitHours)),
    row('cost USD/t', (r) => formatNumber(r.cost)),
    ...(c.by === 'generalized' ? [row('generalized USD/t', (r) => formatNumber(r.weight))] : []),
    row('crossings', (r) => String(r.crossings)),
    row('countries', (r) => r.countries.join(' → ')),
    row('km per country', (r) => r.kmByCountry.map((k) => `${k.country} ${formatNumber(k.km, 0)}`).join(', ')),
    row('link-disjoint routes', (r) => {
      const d = r.resilience.disjointRoutes;
      return d.exact ? String(d.count) : `${d.count} to ${d.upperBound}`;
    }),
    row(`worst link failure (+${OBJECTIVE_UNITS[c.by].text})`, (r) => {
      const f = r.resilience.worstFailure;
      return f === null ? '–' : f.penalty === Infinity ? 'cuts it' : `+${formatNumber(f.penalty)}`;
    }),
  ];
  const lines = [
    `${c.from.name} → ${c.to.name} by ${c.by} (scenario ${c.scenario}, modes ${c.modes.join('/')})`,
    '',
    formatTable(['', ...columns.map(([name]) => name)], rows),
    '',
    c.best.is === null ? `No route at all: ${c.best.reason}` : `The best route ${c.best.is === 'through' ? `goes through ${c.throughCountry}` : `avoids ${c.throughCountry}`}.`,
  ];
  for (const [name, r] of columns.slice(0, 2)) {
    if (!r.found) {
      lines.push(`${name}: no route: ${r.reason}`);
      continue;
    }
    lines.push(`${name}: ${r.route.legs.map((l) => `${l.mode} ${l.from.name} → ${l.to.name}${l.name ? ` (${l.name})` : ''}`).join('; ')}`);
    if (r.route.crossings.length) lines.push(`  crossings: ${r.route.crossings.map((x) => `${x.name} (${x.regime}) ${x.from} → ${x.to}, wait ${formatNumber(x.waitHours)} h`).join('; ')}`);
    const worst = r.resilience.worstFailure;
    if (worst) lines.push(`  worst link failure: ${worst.name}: ${worst.penalty === Infinity ? 'no such route is left' : `+${formatNumber(worst.penalty)} ${OBJECTIVE_UNITS[c.by].text}`}`);
    if (r.revisits.length) lines.push(`  note: passes ${r.revisits.join(', ')} twice (it dips into ${c.throughCountry} and comes back; no route that enters ${c.throughCountry} is cheaper)`);
  }
  return lines.join('\n');
}

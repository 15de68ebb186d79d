// The headline questions: the M-12 bypass against the corridor through Kazakhstan, and what a scenario changes.
import { accessibility, compareCorridors, compareScenarios, loadNetwork } from 'steppenet';

const network = loadNetwork();

const c = compareCorridors(network, { from: 'Moscow', to: "Xi'an", by: 'time' });
for (const [name, r] of [['bypass', c.bypass], ['through KZ', c.through]] as const) {
  console.log(`${name}: ${Math.round(r.km)} km, ${r.hours.toFixed(0)} h, ${r.countries.join(' → ')}, ${r.resilience.disjointRoutes.count} disjoint`);
}

const diff = compareScenarios(network, 'historical', 'current', { modes: ['rail'], ods: [{ from: 'Barnaul', to: 'Semey' }, { from: 'Kulunda', to: 'Semey' }] });
for (const row of diff.rows) console.log(`${row.fromName} → ${row.toName} by rail: ${row.status}, ${row.a.toFixed(1)} h then, ${row.b.toFixed(1)} h now`);

const matrix = accessibility(network, { by: 'time', modes: ['rail'], places: ['Omsk', 'Pavlodar', 'Barnaul'] });
console.log(`rail hours Omsk → Barnaul: ${matrix.layers[0].values[0][2]?.toFixed(1)}`);

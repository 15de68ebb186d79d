// A planner's what-if: close the Kulunda rail crossing and see which Altai ↔ Kazakhstan pairs lose their rail link.
import { loadNetwork, removeLinks } from 'steppenet';

const network = loadNetwork();
const pairs = [
  { from: 'Barnaul', to: 'Pavlodar' },
  { from: 'Barnaul', to: 'Semey' },
  { from: 'Rubtsovsk', to: 'Ust-Kamenogorsk' },
];
const result = removeLinks(network, { checkpoints: ['kulunda-kurkamys'] }, { by: 'time', modes: ['rail'], ods: pairs });

console.log(`removed: ${result.removed.join(', ')}`);
for (const row of result.rows) {
  const name = (id: string) => network.place(id)!.properties.name;
  const change =
    row.effect === 'detour' ? `+${row.extraHours.toFixed(1)} h, crossing at ${row.newRoute!.crossings.map((c) => c.name).join(', ')}`
    : row.effect === 'disconnected' ? `cut off: ${row.reason}`
    : row.effect;
  console.log(`${name(row.from)} → ${name(row.to)}: ${change}`);
}

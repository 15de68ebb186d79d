// Many places at once: a table between cities, a batch of queries (one bad), and a place given as coordinates.
import { loadNetwork, placeTable, routeBatch } from 'steppenet';

const network = loadNetwork();

// All to all by time; "54.98,73.37" is latitude, longitude (as copied from a map): it snaps to Omsk.
const table = placeTable(network, ['54.98,73.37', 'Pavlodar', 'Kostanay'], ['Semey', 'Ust-Kamenogorsk'], { modes: ['river'] });
for (const [i, from] of table.origins.entries()) {
  for (const [j, to] of table.destinations.entries()) {
    const cell = table.cells[i][j];
    console.log(`${from.name} → ${to.name}: ${cell.totals ? `${cell.totals.hours.toFixed(1)} h` : `null (${cell.reason})`}`);
  }
}
console.log(`${table.origins[0].query} snapped to ${table.origins[0].name}, ${table.origins[0].snappedKm!.toFixed(1)} km away`);

// A batch: every row is answered, a bad one with its error; rows that share a profile share a compiled network.
const batch = routeBatch(network, [
  { line: 2, from: 'Omsk', to: 'Pavlodar' },
  { line: 3, from: 'Omskk', to: 'Pavlodar' },
  { line: 4, from: 'Orenburg', to: 'Aktobe', via: 'Orsk', mode: 'rail|road', by: 'cost' },
]);
for (const a of batch.answers) {
  console.log(`line ${a.query.line}: ${a.error ? `${a.error.code}: ${a.error.message}` : `${a.route!.totals.km} km`}`);
}

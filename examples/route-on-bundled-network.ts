// Load the bundled Kazakhstan–Russia network and route Omsk → Pavlodar by time.
import { loadNetwork, route } from 'steppenet';

const network = loadNetwork(); // networks/kz-ru.geojson, validated
const result = route(network, 'Omsk', 'Pavlodar', { by: 'time' });

if (result.found) {
  console.log(`${result.from.name} → ${result.to.name}: ${result.totals.hours.toFixed(1)} h, ${Math.round(result.totals.km)} km`);
  for (const leg of result.legs) console.log(`  ${leg.mode} ${leg.from.name} → ${leg.to.name} (${leg.name}), ${Math.round(leg.km)} km`);
  for (const c of result.crossings) console.log(`  border: ${c.name}, ${c.from} → ${c.to}, wait ${c.waitHours} h`);
} else {
  console.log(`No route: ${result.reason}`);
}

// Names are forgiving: aliases in any script, and typos get suggestions.
console.log(network.resolvePlace('Өскемен').properties.name);
try {
  route(network, 'Petropavlosk', 'Astana');
} catch (error) {
  console.log((error as Error).message);
}

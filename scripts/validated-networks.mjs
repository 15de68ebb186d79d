// `npm run build`, after tsc and scripts/build-cli.mjs: validates the bundled
// network with the compiled code and records its SHA-256 next to the code that
// reads the record, dist/model/ and the CLI bundle dist/bin/, so that the CLI
// need not validate it again on every call (src/model/validated-networks.ts).
// A network that fails validation is not recorded (the CLI then reports its problems as always).
import { readFileSync, rmSync } from 'node:fs';

const { validateNetwork } = await import('../dist/model/validate-network.js');
const { VALIDATED_NETWORKS_RECORD, writeValidatedRecord } = await import('../dist/model/validated-networks.js');
const records = [VALIDATED_NETWORKS_RECORD, new URL('../dist/bin/validated-networks.json', import.meta.url)];
for (const record of records) rmSync(record, { force: true });
const text = readFileSync(new URL('../networks/kz-ru.geojson', import.meta.url), 'utf8');
const problems = validateNetwork(JSON.parse(text));
if (problems.length) {
  console.error(`steppenet build: networks/kz-ru.geojson has ${problems.length} validation problems; it is validated on every load until they are fixed`);
} else {
  for (const record of records) writeValidatedRecord([text], record);
}

// `npm run build`, after tsc: validates the bundled network with the compiled
// code and records its SHA-256 in dist/model/validated-networks.json, so that
// the CLI need not validate it again on every call (src/model/validated-networks.ts).
// A network that fails validation is not recorded (the CLI then reports its problems as always).
import { readFileSync, rmSync } from 'node:fs';

const { validateNetwork } = await import('../dist/model/validate-network.js');
const { VALIDATED_NETWORKS_RECORD, writeValidatedRecord } = await import('../dist/model/validated-networks.js');
rmSync(VALIDATED_NETWORKS_RECORD, { force: true });
const text = readFileSync(new URL('../networks/kz-ru.geojson', import.meta.url), 'utf8');
const problems = validateNetwork(JSON.parse(text));
if (problems.length) {
  console.error(`steppenet build: networks/kz-ru.geojson has ${problems.length} validation problems; it is validated on every load until they are fixed`);
} else {
  writeValidatedRecord([text]);
}

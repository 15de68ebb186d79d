// `npm run build`, after scripts/validated-networks.mjs: runs the bin's route bundle once, on `route Omsk Pavlodar`,
// with STEPPENET_WRITE_CODE_CACHE=1, so that it writes dist/bin/route.cjs.v8-cache, V8's code cache of every function
// that route compiled (src/cli/run-with-code-cache.cts). Later routes compile from it instead of from the text: about
// 6 ms of start-up (issue 16). The cache fits this Node.js only; under another V8 rejects it and the bundle compiles
// as usual.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../dist/bin/steppenet.cjs', import.meta.url));
const cache = fileURLToPath(new URL('../dist/bin/route.cjs.v8-cache', import.meta.url));
const run = spawnSync(process.execPath, [bin, 'route', 'Omsk', 'Pavlodar'], {
  env: { ...process.env, STEPPENET_WRITE_CODE_CACHE: '1' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (run.status !== 0 || !existsSync(cache)) {
  console.error(`steppenet build: the route bundle failed to run (status ${run.status}), so it has no code cache`);
  process.exit(1);
}

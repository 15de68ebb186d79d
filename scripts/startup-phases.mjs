// Where the start-up of `steppenet route Omsk Pavlodar` goes (issue 16), by
// performance.now() at the end of each phase: bundles the modules of the route
// command's path into one file with the bin's esbuild options
// (scripts/build-cli.mjs), calls them phase by phase from a small script in a
// temporary folder, runs that as a fresh process
// `--runs` times and prints the median of each phase. A measuring aid only:
// the bin itself carries no timers.
//
//   node scripts/startup-phases.mjs [--runs 11] [--from Omsk] [--to Pavlodar]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { binBundleOptions, commonJsBundleOptions } from './bin-bundle-options.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({ options: { runs: { type: 'string', default: '11' }, from: { type: 'string', default: 'Omsk' }, to: { type: 'string', default: 'Pavlodar' } } });

// The modules of the route path, bundled whole into one file as the bin bundles the route command (dist/bin/route.cjs).
const body = `
export { routeCommand } from './src/cli/commands/route.ts';
export { validatedAtBuild } from './src/model/validated-networks.ts';
export { Network } from './src/model/network.ts';
export { Router } from './src/routing/router.ts';
export { renderRoute } from './src/present/route-table.ts';
export { BUNDLED_NETWORK, bundledPath } from './src/io/bundled-files.ts';
`;
// The phases, each one step of what `route` does (src/cli/commands/route.ts, src/model/load-network.ts, src/routing/router.ts).
const entry = `
const { readFileSync } = require('node:fs');
const marks = [['node start, to the first line of the bin', performance.now()]];
const mark = (label) => marks.push([label, performance.now()]);
const { validatedAtBuild, Network, Router, renderRoute, BUNDLED_NETWORK, bundledPath } = require('./body.cjs');
mark('compile and run the modules of the route command');
const path = bundledPath(BUNDLED_NETWORK);
const text = readFileSync(path, 'utf8');
mark('read the network file');
const trusted = validatedAtBuild(text, {}, new URL(process.env.STEPPENET_RECORD));
if (!trusted) throw new Error('the network is not in the validated-networks record: run npm run build');
mark('hash it, check the validated-networks record');
const file = JSON.parse(text);
mark('JSON.parse the network');
const network = new Network(file, 'kz-ru.geojson');
mark('new Network');
const router = new Router(network, {});
mark('Router: compile the graph');
const from = router.resolve(process.env.FROM), to = router.resolve(process.env.TO);
mark('resolve the two places (place index)');
const result = router.routeThrough([from.place.properties.id, to.place.properties.id]);
mark('search (with the road-only twin, compiled when needed)');
renderRoute(result);
mark('render the table');
process.stdout.write(JSON.stringify(marks) + '\\n');
`;
const out = mkdtempSync(join(root, 'node_modules', '.steppenet-phases-'));
try {
  await build({
    absWorkingDir: root,
    stdin: { contents: body, resolveDir: root, sourcefile: 'startup-phases-body.js', loader: 'js' },
    outfile: join(out, 'body.cjs'),
    ...binBundleOptions,
    // CommonJS, as the bin's route.cjs is (without its code cache).
    ...commonJsBundleOptions,
    // As in the bin's route.cjs, the validation is not part of the bundle (the bin require()s it only for a network not validated at build time).
    plugins: [{
      name: 'no-validation',
      setup(b) {
        b.onResolve({ filter: /validate-network\.(js|ts)$/ }, () => ({ path: 'validate-network', namespace: 'stub' }));
        b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ loader: 'js', contents: "export const validateNetwork = () => { throw new Error('startup-phases: not validated'); };" }));
      },
    }],
  });
  writeFileSync(join(out, 'phases.cjs'), entry);
  const runs = Number(values.runs);
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const run = spawnSync(process.execPath, [join(out, 'phases.cjs')], {
      cwd: root, encoding: 'utf8', env: { ...process.env, FROM: values.from, TO: values.to, STEPPENET_RECORD: new URL('dist/bin/validated-networks.json', `file://${root}`).href },
    });
    if (run.status !== 0) throw new Error(run.stderr);
    samples.push(JSON.parse(run.stdout));
  }
  const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const phases = samples[0].map(([label], i) => [label, median(samples.map((s) => s[i][1] - (i ? s[i - 1][1] : 0)))]);
  const total = median(samples.map((s) => s.at(-1)[1]));
  console.log(`median of ${runs} runs, ms (phases' medians need not add up to the total's):`);
  for (const [label, ms] of phases) console.log(`${ms.toFixed(1).padStart(7)}  ${label}`);
  console.log(`${total.toFixed(1).padStart(7)}  total, to the answer`);
} finally {
  rmSync(out, { recursive: true, force: true });
}

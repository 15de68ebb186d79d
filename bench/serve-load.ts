/**
 * `npm run bench:serve [-- --duration S] [--connections N]`
 *
 * Load on `steppenet serve` with autocannon: the server (the bundled network)
 * runs in a child process on 127.0.0.1, and each endpoint takes `--duration`
 * seconds (default 10) of requests from `--connections` connections (default
 * 10): an OSRM /route (Omsk → Pavlodar by road), a 25 × 25 OSRM /table of the
 * border regions' main cities, and steppenet's /v1/route by names. Prints and
 * writes bench/results/serve-load.md: requests per second and p50/p99
 * latency. Measured, never asserted by a test.
 */
import { fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { loadNetwork } from '../src/model/load-network.js';

const { values } = parseArgs({ options: { duration: { type: 'string', default: '10' }, connections: { type: 'string', default: '10' } } });
const duration = Number(values.duration);
const connections = Number(values.connections);
if (!(duration > 0 && duration <= 120) || !(Number.isInteger(connections) && connections >= 1 && connections <= 1000)) {
  console.error('usage: npm run bench:serve [-- --duration 1-120] [--connections 1-1000]');
  process.exit(2);
}

const here = dirname(fileURLToPath(import.meta.url));
const network = loadNetwork();
// 25 places for the table: the border regions' main cities, then other cities, in file order.
const cities = [...network.regionCentres(), ...network.placesWhere({ kind: 'city' })];
const table = [...new Map(cities.map((p) => [p.properties.id, p])).values()].slice(0, 25);
if (table.length < 25) throw new Error(`only ${table.length} cities for the 25 × 25 table`);
const coordinates = table.map((p) => p.geometry.coordinates.join(',')).join(';');

const endpoints = [
  { name: 'OSRM /route (Omsk → Pavlodar, road)', path: '/route/v1/road/73.37,54.98;76.95,52.29' },
  { name: 'OSRM /table 25 × 25 (road)', path: `/table/v1/road/${coordinates}` },
  { name: 'steppenet /v1/route (Omsk → Pavlodar, by names)', path: '/v1/route?from=Omsk&to=Pavlodar' },
];

const server = fork(join(here, 'serve-load-server.ts'), { stdio: 'inherit' });
const port = await new Promise<number>((resolve, reject) => {
  server.once('message', (m) => resolve((m as { port: number }).port));
  server.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening`)));
});

interface Row { name: string; requests: number; perSecond: number; p50: number; p99: number; errors: number; non2xx: number }
const rows: Row[] = [];
try {
  for (const { name, path } of endpoints) {
    const url = `http://127.0.0.1:${port}${encodeURI(path)}`;
    const check = await fetch(url);
    if (check.status !== 200) throw new Error(`${name}: HTTP ${check.status} ${await check.text()}`);
    await autocannon({ url, connections, duration: 1 }); // warm-up, not reported
    const r = await autocannon({ url, connections, duration });
    rows.push({ name, requests: r.requests.total, perSecond: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx });
    console.log(`${name}: ${Math.round(r.requests.average)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms`);
  }
} finally {
  server.disconnect();
}

const command = `npm run bench:serve -- --duration ${duration} --connections ${connections}`;
const report = [
  '# steppenet serve under load',
  '',
  `${new Date().toISOString().slice(0, 16)}Z, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, load average ${loadavg()[0].toFixed(2)} at the end.`,
  `autocannon, ${connections} connections, ${duration} s per endpoint after 1 s of warm-up; the server in its own process on 127.0.0.1, the bundled network, no logs.`,
  `Reproduce: \`${command}\``,
  '',
  '| endpoint | requests | req/s | p50 ms | p99 ms | errors | non-2xx |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map((r) => `| ${r.name} | ${r.requests} | ${Math.round(r.perSecond)} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.non2xx} |`),
  '',
].join('\n');
mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(join(here, 'results', 'serve-load.md'), report);
console.log(`\n${report}\nwritten to bench/results/serve-load.md`);

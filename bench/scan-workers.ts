/**
 * `npx tsx bench/scan-workers.ts [--rounds N] [--workers N]` (after npm run build):
 * the worker-thread part of the criticality bench alone — the single-link and
 * area scans of the bundled network with --workers 1 and N (default 2), in
 * fresh CLI processes. Writes bench/results/scan-workers.md and prints it;
 * `npm run bench` puts the same table in bench/results/criticality.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchScanWorkers, renderScanWorkersBench } from './criticality.js';

const argv = process.argv.slice(2);
const value = (name: string, fallback: number) => {
  const i = argv.indexOf(name);
  const n = i >= 0 ? Number(argv[i + 1]) : fallback;
  if (!Number.isInteger(n) || n < 1) throw new Error(`bench: ${name} needs a positive whole number`);
  return n;
};
const rounds = value('--rounds', 5);
const workers = value('--workers', 2);
const cpu = cpus();
const loadAtStart = loadavg()[0];
const started = new Date().toISOString();
const results = benchScanWorkers(rounds, workers);
const markdown = renderScanWorkersBench(results, workers, `node ${process.version}, ${cpu[0]?.model ?? 'unknown CPU'} × ${cpu.length}; 1-min load average ${loadAtStart.toFixed(2)} at start, ${loadavg()[0].toFixed(2)} at end; ${started}`);
const dir = join(fileURLToPath(new URL('.', import.meta.url)), 'results');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'scan-workers.md'), markdown);
console.log(markdown);

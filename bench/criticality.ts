/**
 * Times a full single-link criticality scan of the bundled network: every
 * usable link removed alone, over the default OD set (every ordered pair of
 * the border regions' main cities). Target: ≤ 2 s on the 2-core machine.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { linkCriticality } from '../src/analysis/link-criticality.js';
import { loadNetwork } from '../src/model/load-network.js';
import { route } from '../src/routing/route.js';

export interface CriticalityBench {
  links: number;
  pairs: number;
  /** Milliseconds per full scan, one entry per run (the first includes JIT warm-up). */
  runsMs: number[];
  medianMs: number;
}

export function benchCriticality(runs = 5): CriticalityBench {
  const network = loadNetwork();
  const runsMs: number[] = [];
  let links = 0, pairs = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const result = linkCriticality(network, { by: 'time' });
    runsMs.push(performance.now() - started);
    links = result.ranking.length;
    pairs = result.pairs;
  }
  const sorted = [...runsMs].sort((a, b) => a - b);
  return { links, pairs, runsMs, medianMs: sorted[sorted.length >> 1] };
}

/**
 * The library's one-shot route(): 10,000 Omsk → Pavlodar calls by time on one
 * loaded network (the compiled graph and the query object are reused).
 * Target: ≤ 1 s. CPU time beside wall time.
 */
export function benchLibraryRoute(calls = 10_000): { calls: number; wallMs: number; cpuMs: number } {
  const network = loadNetwork();
  route(network, 'Omsk', 'Pavlodar', { by: 'time' });
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < calls; i++) route(network, 'Omsk', 'Pavlodar', { by: 'time' });
  const wallMs = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { calls, wallMs, cpuMs: (c.user + c.system) / 1000 };
}

export function renderCriticalityBench(b: CriticalityBench, environment: string, r?: ReturnType<typeof benchLibraryRoute>): string {
  const met = b.medianMs <= 2000;
  return [
    '# Bench: single-link criticality scan of the bundled network',
    '',
    `- ${b.links} links, each removed alone, over ${b.pairs} OD pairs (every ordered pair of the border regions' main cities), by time`,
    `- ${environment}`,
    '',
    '| runs (ms) | median ms | target |',
    '|---|---:|---|',
    `| ${b.runsMs.map((ms) => ms.toFixed(0)).join(', ')} | ${b.medianMs.toFixed(0)} | ${met ? 'MET' : 'MISSED'}: ≤ 2,000 ms${met ? '' : `, over by ${(b.medianMs / 2000).toFixed(1)}×`} |`,
    '',
    ...(r
      ? [
          `${r.calls.toLocaleString('en')} library route() calls (Omsk → Pavlodar by time, one network): ${r.cpuMs.toFixed(0)} ms CPU, ${r.wallMs.toFixed(0)} ms wall — ` +
            `${r.cpuMs <= 1000 ? 'MET' : 'MISSED'}: ≤ 1,000 ms`,
          '',
        ]
      : []),
  ].join('\n');
}

/** One scan of the worker bench: the CLI arguments after `critical`. */
export interface ScanCase {
  name: string;
  args: string[];
}

export const WORKER_CASES: readonly ScanCase[] = [
  { name: 'single-link scan', args: [] },
  { name: 'area scan by region', args: ['--by-region'] },
  { name: 'area scan, 1° cells', args: ['--grid', '1deg'] },
  { name: 'area scan, 0.5° cells', args: ['--grid', '0.5deg'] },
  { name: 'area scan, 0.25° cells', args: ['--grid', '0.25deg'] },
];

export interface WorkerRun {
  workers: number;
  wallMs: number;
  cpuMs: number;
}

export interface WorkerCaseResult {
  name: string;
  command: string;
  /** Per round: the run with --workers 1 and the one with --workers N. */
  rounds: { one: WorkerRun; many: WorkerRun }[];
  /** Whether every run printed the same ranking (JSON, byte for byte). */
  identical: boolean;
}

/**
 * `steppenet critical … --workers 1` against `--workers N` (default 2), each a
 * fresh CLI process from dist/ (as a user runs it: start-up, network load and
 * worker start included), the two alternating in each round (which goes first
 * alternates too), so that load from other processes hits both alike. Wall
 * time and the process's CPU time (every thread's: bench/cpu-at-exit.mjs).
 */
export function benchScanWorkers(rounds = 5, workers = 2, cases: readonly ScanCase[] = WORKER_CASES): WorkerCaseResult[] {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const cli = join(root, 'dist', 'cli', 'main.js');
  if (!existsSync(join(root, 'dist', 'analysis', 'scan-worker.js'))) throw new Error(`bench: ${cli} or its scan worker is missing: run npm run build first`);
  const preload = pathToFileURL(join(root, 'bench', 'cpu-at-exit.mjs')).href;
  const run = (c: ScanCase, n: number): WorkerRun & { out: string } => {
    const started = performance.now();
    const p = spawnSync(process.execPath, ['--import', preload, cli, 'critical', ...c.args, '--workers', String(n), '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const wallMs = performance.now() - started;
    const cpu = /bench-cpu-ms ([\d.]+)/.exec(p.stderr ?? '');
    if (p.status !== 0 || !cpu) throw new Error(`bench: steppenet critical ${c.args.join(' ')} --workers ${n} failed (exit ${p.status}): ${p.stderr}`);
    return { workers: n, wallMs, cpuMs: Number(cpu[1]), out: p.stdout };
  };
  return cases.map((c) => {
    let reference: string | undefined;
    let identical = true;
    const result: WorkerCaseResult['rounds'] = [];
    for (let r = 0; r < rounds; r++) {
      const order = r % 2 === 0 ? [1, workers] : [workers, 1];
      const runs = order.map((n) => run(c, n));
      for (const x of runs) {
        reference ??= x.out;
        if (x.out !== reference) identical = false;
      }
      const strip = ({ workers, wallMs, cpuMs }: WorkerRun) => ({ workers, wallMs, cpuMs });
      result.push({ one: strip(runs.find((x) => x.workers === 1)!), many: strip(runs.find((x) => x.workers === workers)!) });
      process.stderr.write(`  ${c.name}: round ${r + 1}/${rounds}\n`);
    }
    return { name: c.name, command: `steppenet critical ${[...c.args, '--workers 1|N'].join(' ')}`, rounds: result, identical };
  });
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const spread = (xs: readonly number[], digits: number) => `${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)}`;

export function renderScanWorkersBench(results: readonly WorkerCaseResult[], workers: number, environment: string): string {
  const s = (ms: number) => (ms / 1000).toFixed(2);
  return [
    `## Worker threads: --workers 1 against --workers ${workers}`,
    '',
    `Each run a fresh \`node dist/cli/main.js critical … --format json\` (start-up, network load and worker start included), by time over the default OD set; the two alternate in each round. Wall time and CPU time of the whole process (all threads). Speed-up = wall with 1 ÷ wall with ${workers}, per round; CPU ratio = CPU with ${workers} ÷ CPU with 1 (what the threads cost beyond the work).`,
    `- ${environment}`,
    '',
    `| scan | rounds | wall, 1 thread (s) median (range) | wall, ${workers} workers (s) | speed-up median (range) | CPU, 1 (s) | CPU, ${workers} (s) | CPU ratio | same output |`,
    '|---|---:|---:|---:|---:|---:|---:|---:|---|',
    ...results.map((c) => {
      const w1 = c.rounds.map((r) => r.one.wallMs), wN = c.rounds.map((r) => r.many.wallMs);
      const c1 = c.rounds.map((r) => r.one.cpuMs), cN = c.rounds.map((r) => r.many.cpuMs);
      const speedups = c.rounds.map((r) => r.one.wallMs / r.many.wallMs);
      return `| ${c.name} | ${c.rounds.length} | ${s(median(w1))} (${spread(w1.map((x) => x / 1000), 2)}) | ${s(median(wN))} (${spread(wN.map((x) => x / 1000), 2)}) | ${median(speedups).toFixed(2)}× (${spread(speedups, 2)}) | ${s(median(c1))} | ${s(median(cN))} | ${(median(cN) / median(c1)).toFixed(2)} | ${c.identical ? 'yes' : 'NO'} |`;
    }),
    '',
  ].join('\n');
}

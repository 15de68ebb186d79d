/**
 * `npm run bench [-- <graph>...] [--pairs N] [--quick]`
 *
 * For each road graph (default: every city whose files exist in
 * <repo>/../shared/data/osm-roads, or generated stand-ins for all five when the
 * folder is absent): draw seeded query pairs from the largest component, and for
 * each finder in bench/finders.ts set it up, check it against plain Dijkstra on
 * every pair, then time it. Writes bench/results/<graph>.md and prints the same
 * table. Then times a full single-link criticality scan of the bundled network
 * (bench/results/criticality.md). Exits with code 1 if any finder failed its check.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RoutingGraph } from '../src/core/routing-graph.js';
import { checkFinder, describeMismatch, referenceCosts } from './check.js';
import { FINDERS, REFERENCE_PEER, sharedHierarchy, type Finder } from './finders.js';
import { DijkstraQuery } from '../src/core/dijkstra.js';
import type { ContractionHierarchyQuery, TablePaths } from '../src/core/ch-query.js';
import { mulberry32 } from '../src/core/seeded-random.js';
import {
  drawQueryPairs,
  largestComponent,
  loadBenchGraph,
  ROAD_GRAPHS,
  roadGraphDirectory,
  type BenchGraph,
} from './graphs.js';
import { benchCriticality, benchLibraryRoute, benchScanWorkers, renderCriticalityBench, renderScanWorkersBench } from './criticality.js';
import { interleavedCpuTimes, tightLoopCpuTimes, timeFinder, type TightLoopOptions } from './measure.js';
import { renderReport, type FinderRow, type TableTiming } from './report.js';

const SEED = 42;

interface Settings {
  graphs: string[];
  pairs: number;
  /** Timing budget per finder (ms). */
  budgetMs: number;
  /** Time box for a peer's correctness check (ms); also each slow finder's box per CPU-time round. */
  checkBoxMs: number;
  /** Rounds of the interleaved CPU-time pass. */
  cpuRounds: number;
  /** The CH queries back to back (measure.ts, tightLoopCpuTimes). */
  tightLoop: TightLoopOptions;
}

/** The finders the back-to-back pass measures: the CH queries, whose targets issue 16 set on that figure. */
const TIGHT_LOOP_FINDERS = ['steppenet CH', 'steppenet CH distance'];

class UsageError extends Error {
  constructor(detail: string) {
    super(`bench: ${detail}\nusage: npm run bench -- [graph ...] [--pairs N] [--quick]`);
    this.name = 'UsageError';
  }
}

function parseSettings(argv: readonly string[]): Settings {
  const graphs: string[] = [];
  let pairs: number | undefined;
  let quick = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') quick = true;
    else if (arg === '--pairs') {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value < 1) throw new UsageError(`--pairs needs a positive integer, got ${argv[i]}`);
      pairs = value;
    } else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else graphs.push(arg);
  }
  if (graphs.length === 0) {
    const directory = roadGraphDirectory();
    const available = ROAD_GRAPHS.filter((g) => existsSync(join(directory, `${g.name}-roads.co.bin.gz`)) || existsSync(join(directory, `${g.name}-roads.co.bin`)));
    // No data folder at all: every city gets a generated stand-in (loadBenchGraph's fallback).
    graphs.push(...(available.length > 0 ? available : ROAD_GRAPHS).map((g) => g.name));
  }
  return {
    graphs,
    pairs: pairs ?? (quick ? 30 : 200),
    budgetMs: quick ? 300 : 3000,
    cpuRounds: quick ? 1 : 3,
    checkBoxMs: quick ? 5_000 : 12_000,
    // 200 pairs: 20 batches of 10 per sweep, 200 per round; about 0.1 s per round for a CH query on Moscow.
    tightLoop: { rounds: quick ? 3 : 5, sweeps: quick ? 2 : 10, batchSize: 10 },
  };
}

function graphBytes(graph: RoutingGraph): number {
  let bytes = 0;
  for (const value of Object.values(graph)) if (ArrayBuffer.isView(value)) bytes += value.byteLength;
  return bytes;
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

async function benchOneFinder(
  spec: (typeof FINDERS)[number],
  bench: BenchGraph,
  pairs: ReturnType<typeof drawQueryPairs>,
  expected: Float64Array,
  settings: Settings,
): Promise<{ row: FinderRow; finder?: Finder }> {
  const { graph } = bench;
  log(`  ${spec.name}: setting up…`);
  let finder: Finder;
  try {
    finder = spec.create(graph);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`!! ${bench.name}: ${spec.name} could not be set up: ${message}`);
    return {
      row: {
        name: spec.name,
        family: spec.family,
        setup: { ms: NaN, bytes: NaN, memoryKind: 'unmeasured' },
        check: { finder: spec.name, checked: 0, total: pairs.length, mismatches: [], passed: false, meanMs: NaN },
        error: message,
      },
    };
  }
  log(`  ${spec.name}: set up in ${(finder.setup.ms / 1000).toFixed(2)} s; checking ${pairs.length} pairs…`);
  const check = checkFinder(finder, pairs, expected, spec.family === 'peer' ? settings.checkBoxMs : Infinity);
  if (!check.passed) {
    console.error(`!! ${bench.name}: ${spec.name} FAILED the correctness check on ${check.mismatches.length} of ${check.checked} pairs:`);
    for (const m of check.mismatches) console.error(`!!   ${describeMismatch(m)}`);
  }
  log(`  ${spec.name}: checked ${check.checked}/${check.total} (${check.meanMs.toFixed(3)} ms each); timing…`);
  const timing = await timeFinder(finder, pairs.slice(0, check.checked), {
    budgetMs: settings.budgetMs,
    boxMs: settings.checkBoxMs,
    estimateMs: check.meanMs,
  });
  return { row: { name: spec.name, family: spec.family, setup: finder.setup, check, timing }, finder: check.passed ? finder : undefined };
}

/**
 * Many-to-many: CH bucket tables of k × k seeded nodes of the largest
 * component, CPU time (process.cpuUsage) per table over a few repeats, and a
 * spot check of cells against plain Dijkstra.
 */
function timeTables(graph: RoutingGraph, settings: Settings): TableTiming[] {
  const { query } = sharedHierarchy(graph);
  const members = largestComponent(graph);
  const random = mulberry32(SEED + 1);
  const draw = (k: number): Uint32Array => Uint32Array.from({ length: k }, () => members[Math.floor(random() * members.length)]);
  const dijkstra = new DijkstraQuery(graph);
  const results: TableTiming[] = [];
  for (const [size, repeats] of [
    [100, settings.cpuRounds * 3],
    [1000, settings.cpuRounds],
  ] as const) {
    log(`  table ${size} × ${size}: ${repeats} repeats…`);
    const sources = draw(size);
    const targets = draw(size);
    const cpuMs: number[] = [];
    const wallMs: number[] = [];
    let matrix: Float64Array = new Float64Array(0);
    for (let r = 0; r < repeats; r++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      matrix = query.table(sources, targets);
      wallMs.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpuMs.push((c.user + c.system) / 1000);
    }
    const spot = settings.pairs < 100 ? 5 : 20;
    let wrong = 0;
    for (let k = 0; k < spot; k++) {
      const i = Math.floor(random() * size);
      const j = Math.floor(random() * size);
      const expected = dijkstra.route(sources[i], targets[j]).cost;
      const actual = matrix[i * size + j];
      const ok = expected === Infinity ? actual === Infinity : Math.abs(expected - actual) <= 1e-6 * Math.max(1, expected);
      if (!ok) {
        wrong++;
        console.error(`!! table ${size}: ${sources[i]} -> ${targets[j]}: expected ${expected}, got ${actual}`);
      }
    }
    const sortedCpu = cpuMs.slice().sort((a, b) => a - b);
    const sortedWall = wallMs.slice().sort((a, b) => a - b);
    results.push({
      paths: timeTablePaths(query, dijkstra, graph, sources, targets, repeats, spot, random),
      size,
      repeats,
      cpuMedianMs: sortedCpu[sortedCpu.length >> 1],
      cpuMinMs: sortedCpu[0],
      cpuMaxMs: sortedCpu[sortedCpu.length - 1],
      wallMedianMs: sortedWall[sortedWall.length >> 1],
      checked: spot,
      wrong,
    });
  }
  return results;
}

/**
 * `tablePaths` on the same sources and targets: CPU per table over the repeats, then every cell's path unpacked
 * (`edges(i, j)`) once, and spot-checked cells' paths summed edge by edge against plain Dijkstra's cost.
 */
function timeTablePaths(
  query: ContractionHierarchyQuery, dijkstra: DijkstraQuery, graph: RoutingGraph,
  sources: Uint32Array, targets: Uint32Array, repeats: number, spot: number, random: () => number,
): TableTiming['paths'] {
  const cpuMs: number[] = [];
  let table: TablePaths | undefined;
  for (let r = 0; r < repeats; r++) {
    const c0 = process.cpuUsage();
    table = query.tablePaths(sources, targets);
    const c = process.cpuUsage(c0);
    cpuMs.push((c.user + c.system) / 1000);
  }
  const c0 = process.cpuUsage();
  for (let i = 0; i < sources.length; i++) for (let j = 0; j < targets.length; j++) table!.edges(i, j);
  const c = process.cpuUsage(c0);
  let wrong = 0;
  for (let k = 0; k < spot; k++) {
    const i = Math.floor(random() * sources.length);
    const j = Math.floor(random() * targets.length);
    const expected = dijkstra.route(sources[i], targets[j]).cost;
    const edges = table!.edges(i, j);
    let sum = 0;
    let at = sources[i];
    let joined = true;
    for (const e of edges ?? []) {
      joined &&= graph.tail[e] === at;
      at = graph.head[e];
      sum += graph.weight[e];
    }
    const ok = expected === Infinity ? edges === null : edges !== null && joined && at === targets[j] && Math.abs(expected - sum) <= 1e-6 * Math.max(1, expected);
    if (!ok) {
      wrong++;
      console.error(`!! tablePaths ${sources.length}: ${sources[i]} -> ${targets[j]}: expected ${expected}, got a path of ${sum}`);
    }
  }
  const sorted = cpuMs.slice().sort((a, b) => a - b);
  return { cpuMedianMs: sorted[sorted.length >> 1], cpuMinMs: sorted[0], cpuMaxMs: sorted[sorted.length - 1], unpackAllCpuMs: (c.user + c.system) / 1000, checked: spot, wrong };
}

async function main(): Promise<void> {
  const settings = parseSettings(process.argv.slice(2));
  const resultsDirectory = join(dirname(fileURLToPath(import.meta.url)), 'results');
  mkdirSync(resultsDirectory, { recursive: true });
  let failures = 0;
  for (const name of settings.graphs) {
    const started = performance.now();
    log(`${name}: loading…`);
    const bench = await loadBenchGraph(name);
    const { graph } = bench;
    const componentSize = largestComponent(graph).length;
    const pairs = drawQueryPairs(graph, settings.pairs, SEED);
    log(`${name}: ${graph.nodeCount} nodes, ${graph.edgeCount} edges; reference Dijkstra on ${pairs.length} pairs…`);
    const expected = referenceCosts(graph, pairs);
    const loadAtStart = loadavg()[0];
    const rows: FinderRow[] = [];
    const exact: Finder[] = [];
    for (const spec of FINDERS) {
      const { row, finder } = await benchOneFinder(spec, bench, pairs, expected, settings);
      rows.push(row);
      if (finder) exact.push(finder);
    }
    log(`${name}: CPU time, every exact finder interleaved pair by pair, ${settings.cpuRounds} rounds…`);
    const cpuTimes = interleavedCpuTimes(exact, pairs, settings.cpuRounds, settings.checkBoxMs);
    for (const row of rows) row.cpu = cpuTimes.get(row.name);
    const tightFinders = exact.filter((f) => TIGHT_LOOP_FINDERS.includes(f.name));
    const { rounds, sweeps, batchSize } = settings.tightLoop;
    log(`${name}: CPU time of the CH queries back to back, ${rounds} rounds of ${sweeps} sweeps over the pairs, batches of ${batchSize}…`);
    const tightTimes = tightLoopCpuTimes(tightFinders, pairs, settings.tightLoop);
    for (const row of rows) row.tight = tightTimes.get(row.name);
    const tables = FINDERS.some((f) => f.name.startsWith('steppenet CH')) ? timeTables(graph, settings) : [];
    failures += tables.filter((t) => t.wrong > 0 || t.paths.wrong > 0).length;
    failures += rows.filter((r) => !r.check.passed || r.error !== undefined).length;
    const cpu = cpus();
    const markdown = renderReport({
      graph: name,
      origin: bench.origin,
      nodeCount: graph.nodeCount,
      edgeCount: graph.edgeCount,
      componentSize,
      graphBytes: graphBytes(graph),
      pairs: pairs.length,
      seed: SEED,
      environment: `node ${process.version}, ${cpu[0]?.model ?? 'unknown CPU'} × ${cpu.length}; 1-min load average ${loadAtStart.toFixed(2)} at start, ${loadavg()[0].toFixed(2)} at end; per-finder timing budget ${settings.budgetMs} ms; ${new Date().toISOString()}; this graph took ${((performance.now() - started) / 1000).toFixed(0)} s`,
      rows,
      tables,
      referencePeer: REFERENCE_PEER,
    });
    writeFileSync(join(resultsDirectory, `${name}.md`), markdown);
    console.log(markdown);
  }
  log('criticality scan of the bundled network…');
  const cpu = cpus();
  const criticality = renderCriticalityBench(
    benchCriticality(settings.pairs < 200 ? 2 : 5),
    `node ${process.version}, ${cpu[0]?.model ?? 'unknown CPU'} × ${cpu.length}; 1-min load average ${loadavg()[0].toFixed(2)}; ${new Date().toISOString()}`,
    benchLibraryRoute(),
  );
  log('scans with --workers 1 and 2 (fresh CLI processes from dist/)…');
  const loadBefore = loadavg()[0];
  let workerTable: string;
  try {
    workerTable = renderScanWorkersBench(
      benchScanWorkers(settings.pairs < 200 ? 2 : 5, 2),
      2,
      `node ${process.version}, ${cpu[0]?.model ?? 'unknown CPU'} × ${cpu.length}; 1-min load average ${loadBefore.toFixed(2)} at start, ${loadavg()[0].toFixed(2)} at end; ${new Date().toISOString()}`,
    );
  } catch (error) {
    workerTable = `## Worker threads\n\nNot measured: ${error instanceof Error ? error.message : String(error)}\n`;
  }
  writeFileSync(join(resultsDirectory, 'criticality.md'), `${criticality}\n${workerTable}`);
  console.log(criticality);
  console.log(workerTable);
  if (failures > 0) {
    console.error(`!! ${failures} finder run(s) FAILED their correctness check or setup — see the reports above.`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});

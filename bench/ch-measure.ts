/**
 * Ad-hoc CH measurement on one graph (not part of `npm run bench`):
 *   tsx bench/ch-measure.ts [graph] [--cache file] [--no-table]
 * Preprocessing CPU, route() / distance() per-query CPU medians over 200
 * seeded pairs (several rounds), and table timings, all from process.cpuUsage.
 */
import { existsSync } from 'node:fs';
import { loadContractionHierarchy, saveContractionHierarchy } from '../src/core/ch-file.js';
import { ContractionHierarchyQuery } from '../src/core/ch-query.js';
import { contractGraph, type ContractionHierarchy } from '../src/core/contraction-hierarchy.js';
import { DijkstraQuery } from '../src/core/dijkstra.js';
import { drawQueryPairs, largestComponent, loadBenchGraph } from './graphs.js';
import { mulberry32 as seededRandom } from '../src/core/seeded-random.js';

const args = process.argv.slice(2);
const name = args.find((a) => !a.startsWith('--') && !/^\//.test(a)) ?? 'moscow';
const cacheIndex = args.indexOf('--cache');
const cache = cacheIndex >= 0 ? args[cacheIndex + 1] : undefined;
const cpuMs = (c0: NodeJS.CpuUsage): number => {
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
};
const median = (v: number[]): number => {
  const s = Float64Array.from(v).sort();
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const { graph } = await loadBenchGraph(name);
const pairs = drawQueryPairs(graph, 200, 42);
let ch: ContractionHierarchy;
if (cache !== undefined && existsSync(cache)) {
  ch = await loadContractionHierarchy(cache, graph);
  console.log(`hierarchy loaded from ${cache}`);
} else {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  ch = contractGraph(graph);
  console.log(`preprocessing: ${(cpuMs(c0) / 1000).toFixed(2)} s CPU, ${((performance.now() - t0) / 1000).toFixed(2)} s wall, ${ch.shortcutHalves.length / 2} shortcuts, up ${ch.upHead.length} down ${ch.downTail.length}`);
  if (cache !== undefined) await saveContractionHierarchy(ch, cache);
}
const query = new ContractionHierarchyQuery(graph, ch);
const dijkstra = new DijkstraQuery(graph);
// Exactness on every pair.
let bad = 0;
for (const { source, target } of pairs) {
  const ref = dijkstra.route(source, target).cost;
  const r = query.route(source, target);
  const d = (query as unknown as { distance?: (s: number, t: number) => number }).distance?.(source, target) ?? ref;
  if (Math.abs(r.cost - ref) > 1e-6 * Math.max(1, ref) || Math.abs(d - ref) > 1e-6 * Math.max(1, ref)) bad++;
}
console.log(`exact: ${pairs.length - bad}/${pairs.length}`);

const time = (label: string, fn: (s: number, t: number) => unknown): void => {
  const rounds = 10;
  const all: number[] = [];
  const roundMedians: number[] = [];
  let sink = 0;
  for (let r = 0; r < rounds; r++) {
    const samples: number[] = [];
    for (const { source, target } of pairs) {
      const c0 = process.cpuUsage();
      if (fn(source, target) === undefined) sink++;
      samples.push(cpuMs(c0));
    }
    all.push(...samples);
    roundMedians.push(median(samples));
  }
  const c0 = process.cpuUsage();
  for (let r = 0; r < rounds; r++) for (const { source, target } of pairs) fn(source, target);
  const batch = (cpuMs(c0) * 1000) / (rounds * pairs.length);
  if (sink < 0) console.log(sink);
  console.log(
    `${label}: median ${(median(all) * 1000).toFixed(1)} µs CPU (round medians ${roundMedians.map((m) => (m * 1000).toFixed(0)).join(' ')}), batch mean ${batch.toFixed(1)} µs`,
  );
};
time('route', (s, t) => query.route(s, t));
const q = query as unknown as { distance?: (s: number, t: number) => number; table?: (a: ArrayLike<number>, b: ArrayLike<number>) => Float64Array };
if (q.distance) time('distance', (s, t) => q.distance!(s, t));

if (q.table && !args.includes('--no-table')) {
  const members = largestComponent(graph);
  const random = seededRandom(7);
  const draw = (k: number): Uint32Array => Uint32Array.from({ length: k }, () => members[Math.floor(random() * members.length)]);
  for (const k of [100, 1000]) {
    const sources = draw(k);
    const targets = draw(k);
    const times: number[] = [];
    let matrix: Float64Array = new Float64Array(0);
    for (let i = 0; i < (k === 100 ? 10 : 3); i++) {
      const c0 = process.cpuUsage();
      matrix = q.table(sources, targets);
      times.push(cpuMs(c0));
    }
    // Spot check against point queries.
    let wrong = 0;
    for (let i = 0; i < 200; i++) {
      const a = Math.floor(random() * k);
      const b = Math.floor(random() * k);
      const ref = query.route(sources[a], targets[b]).cost;
      if (Math.abs(matrix[a * k + b] - ref) > 1e-6 * Math.max(1, ref)) wrong++;
    }
    console.log(`table ${k}x${k}: ${times.map((t) => t.toFixed(1)).join(' / ')} ms CPU (median ${median(times).toFixed(1)}), spot check ${200 - wrong}/200`);
  }
}

// Ad-hoc: old (HEAD) vs new CH query on the same hierarchy, interleaved pair by pair, CPU time.
import { loadContractionHierarchy } from '../src/core/ch-file.js';
import { ContractionHierarchyQuery } from '../src/core/ch-query.js';
import { drawQueryPairs, loadBenchGraph } from './graphs.js';
// @ts-ignore
import { ContractionHierarchyQuery as OldQuery } from '/tmp/chlean/base/src/core/ch-query.ts';

const { graph } = await loadBenchGraph('moscow');
const pairs = drawQueryPairs(graph, 200, 42);
const ch = await loadContractionHierarchy(process.argv[2], graph);
const first = new Uint32Array(ch.shortcutHalves.length / 2);
const second = new Uint32Array(ch.shortcutHalves.length / 2);
for (let s = 0; s < first.length; s++) {
  first[s] = ch.shortcutHalves[2 * s];
  second[s] = ch.shortcutHalves[2 * s + 1];
}
const oldQ = new OldQuery(graph, { ...ch, shortcutFirst: first, shortcutSecond: second });
const newQ = new ContractionHierarchyQuery(graph, ch);
const fns: [string, (s: number, t: number) => unknown][] = [
  ['old route', (s, t) => oldQ.route(s, t)],
  ['new route', (s, t) => newQ.route(s, t)],
  ['new routeEdges', (s, t) => newQ.routeEdges(s, t)],
  ['new distance', (s, t) => newQ.distance(s, t)],
];
const samples = fns.map(() => [] as number[]);
const walls = fns.map(() => [] as number[]);
// Each finder in its own pass over all pairs (no warm cache from another finder on the same pair), passes alternating.
for (let r = 0; r < 10; r++) {
  fns.forEach(([, fn], i) => {
    for (const { source, target } of pairs) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      fn(source, target);
      walls[i].push((performance.now() - t0) * 1000);
      const c = process.cpuUsage(c0);
      samples[i].push(c.user + c.system);
    }
  });
}
fns.forEach(([name], i) => {
  const s = Float64Array.from(samples[i]).sort();
  const w = Float64Array.from(walls[i]).sort();
  console.log(`${name}: CPU median ${s[s.length >> 1]} µs, mean ${(s.reduce((a, b) => a + b, 0) / s.length).toFixed(1)} µs; wall median ${w[w.length >> 1].toFixed(1)} µs`);
});

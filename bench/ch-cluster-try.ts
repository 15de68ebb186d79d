// Ad-hoc: route()/routeEdges()/distance() CPU on a stored hierarchy, before and after clusterShortcuts, interleaved by pass.
import { loadContractionHierarchy, saveContractionHierarchy } from '../src/core/ch-file.js';
import { ContractionHierarchyQuery } from '../src/core/ch-query.js';
import { clusterShortcuts } from '../src/core/contraction-hierarchy.js';
import { drawQueryPairs, loadBenchGraph } from './graphs.js';
const { graph } = await loadBenchGraph('moscow');
const pairs = drawQueryPairs(graph, 200, 42);
const ch = await loadContractionHierarchy(process.argv[2], graph);
const c0 = process.cpuUsage();
const clustered = clusterShortcuts(ch);
const c = process.cpuUsage(c0);
console.log(`cluster: ${(c.user + c.system) / 1000} ms CPU`);
if (process.argv[3]) await saveContractionHierarchy(clustered, process.argv[3]);
const a = new ContractionHierarchyQuery(graph, ch);
const b = new ContractionHierarchyQuery(graph, clustered);
for (const { source, target } of pairs) {
  const x = a.route(source, target);
  const y = b.route(source, target);
  if (x.cost !== y.cost || x.edges.join() !== y.edges.join()) throw new Error('differs');
}
const fns: [string, (s: number, t: number) => unknown][] = [
  ['contraction order route', (s, t) => a.route(s, t)],
  ['clustered route', (s, t) => b.route(s, t)],
  ['contraction order routeEdges', (s, t) => a.routeEdges(s, t)],
  ['clustered routeEdges', (s, t) => b.routeEdges(s, t)],
  ['distance', (s, t) => b.distance(s, t)],
];
const samples = fns.map(() => [] as number[]);
for (let r = 0; r < 10; r++) {
  fns.forEach(([, fn], i) => {
    for (const { source, target } of pairs) {
      const c0 = process.cpuUsage();
      fn(source, target);
      const c = process.cpuUsage(c0);
      samples[i].push(c.user + c.system);
    }
  });
}
fns.forEach(([name], i) => {
  const s = Float64Array.from(samples[i]).sort();
  console.log(`${name}: CPU median ${s[s.length >> 1]} µs, mean ${(s.reduce((p, q) => p + q, 0) / s.length).toFixed(1)} µs`);
});

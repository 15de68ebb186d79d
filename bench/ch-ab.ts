// Ad-hoc A/B: distance() and route() CPU on two stored hierarchies of Moscow, passes alternating.
import { loadContractionHierarchy } from '../src/core/ch-file.js';
import { ContractionHierarchyQuery } from '../src/core/ch-query.js';
import { drawQueryPairs, loadBenchGraph } from './graphs.js';
const { graph } = await loadBenchGraph('moscow');
const pairs = drawQueryPairs(graph, 200, 42);
const files = process.argv.slice(2);
const queries = await Promise.all(files.map(async (f) => new ContractionHierarchyQuery(graph, await loadContractionHierarchy(f, graph))));
const fns: [string, (s: number, t: number) => unknown][] = [];
queries.forEach((q, i) => {
  let settled = 0;
  for (const { source, target } of pairs) settled += q.route(source, target).settled;
  console.log(`${files[i]}: settled ${settled / pairs.length}`);
  fns.push([`${files[i]} distance`, (s, t) => q.distance(s, t)], [`${files[i]} route`, (s, t) => q.route(s, t)]);
});
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

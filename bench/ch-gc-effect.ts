/**
 * Ad-hoc: does other code's garbage inflate a short query's process-wide CPU
 * time? CH route() and distance() measured alone, then interleaved with an
 * allocation-heavy step (like the peers' queries in the bench's interleaved
 * pass), CPU (process.cpuUsage: all threads, so GC helper threads count) beside wall.
 */
import { loadContractionHierarchy } from '../src/core/ch-file.js';
import { ContractionHierarchyQuery } from '../src/core/ch-query.js';
import { drawQueryPairs, loadBenchGraph } from './graphs.js';
const { graph } = await loadBenchGraph('moscow');
const pairs = drawQueryPairs(graph, 200, 42);
const q = new ContractionHierarchyQuery(graph, await loadContractionHierarchy(process.argv[2], graph));
let keep: object[] = [];
const garbage = (): void => {
  // Peers build objects per query and keep a big graph alive: allocate ~4 MB of small objects, retain some.
  // Like a peer holding a graph of millions of objects: retain, and replace part of it, so major GCs keep running.
  const list: object[] = [];
  for (let i = 0; i < 100_000; i++) list.push({ a: i, b: [i] });
  keep.push(list);
  if (keep.length > 30) keep = keep.slice(5);
};
const med = (v: number[]): number => Float64Array.from(v).sort()[v.length >> 1];
for (const withGarbage of [false, true]) {
  for (const [name, fn] of [
    ['route', (s: number, t: number) => q.route(s, t)],
    ['distance', (s: number, t: number) => q.distance(s, t)],
  ] as const) {
    const cpu: number[] = [];
    const wall: number[] = [];
    for (let r = 0; r < 3; r++) {
      for (const { source, target } of pairs) {
        if (withGarbage) garbage();
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        fn(source, target);
        wall.push((performance.now() - t0) * 1000);
        const c = process.cpuUsage(c0);
        cpu.push(c.user + c.system);
      }
    }
    console.log(`${withGarbage ? 'interleaved with garbage' : 'alone'} ${name}: CPU median ${med(cpu)} µs, wall median ${med(wall).toFixed(1)} µs`);
  }
}

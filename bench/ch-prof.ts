import { loadContractionHierarchy } from '../src/core/ch-file.js';
import { ContractionHierarchyQuery } from '../src/core/ch-query.js';
import { drawQueryPairs, loadBenchGraph } from './graphs.js';
const { graph } = await loadBenchGraph('moscow');
const pairs = drawQueryPairs(graph, 200, 42);
const ch = await loadContractionHierarchy(process.argv[3] ?? '/tmp/chlean/moscow-final.ch', graph);
const q = new ContractionHierarchyQuery(graph, ch);
const mode = process.argv[2];
let settled = 0, len = 0;
for (const { source, target } of pairs) { const r = q.route(source, target); settled += r.settled; len += r.edges.length; }
console.log('avg settled', settled / 200, 'avg edges', len / 200);
// up/down degree stats
let sc = 0; for (let p = 0; p < ch.upArc.length; p++) if (ch.upArc[p] >= ch.edgeCount) sc++;
console.log('up arcs', ch.upArc.length, 'shortcut up arcs', sc);
const c0 = process.cpuUsage();
for (let r = 0; r < 50; r++) for (const { source, target } of pairs) mode === 'd' ? q.distance(source, target) : q.route(source, target);
const c = process.cpuUsage(c0);
console.log(mode, ((c.user + c.system) / 10000).toFixed(1), 'µs/query');
// Arc statistics of the upward search spaces (forward side only): arcs scanned for stalls and relaxations.
{
  let up = 0, down = 0, nodes = 0;
  const { upFirst, downFirst } = ch;
  const seen = new Uint8Array(graph.nodeCount);
  for (const { source } of pairs.slice(0, 50)) {
    const stack = [ch.rank[source]];
    const list: number[] = [];
    seen[stack[0]] = 1;
    while (stack.length) {
      const x = stack.pop()!;
      list.push(x);
      nodes++;
      up += upFirst[x + 1] - upFirst[x];
      down += downFirst[x + 1] - downFirst[x];
      for (let p = upFirst[x]; p < upFirst[x + 1]; p++) if (!seen[ch.upHead[p]]) { seen[ch.upHead[p]] = 1; stack.push(ch.upHead[p]); }
    }
    for (const x of list) seen[x] = 0;
  }
  console.log('full upward closure per source: nodes', nodes / 50, 'up arcs', up / 50, 'down arcs', down / 50);
}

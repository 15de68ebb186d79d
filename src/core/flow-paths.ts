/**
 * Flow decomposition: splits an integer flow into source → sink paths. Walks
 * from the source along arcs with flow left, taking one unit off each arc it
 * walks; on coming back to a node already on the walk it drops the loop (a
 * cycle of flow, which no path needs) and carries on. Consumes `flow`.
 */
import { groupByKey } from './group-by-key.js';

/** The arcs of each path, in path order; arcs are 0..flow.length-1 with ends tail[a] → head[a]. */
export function flowPaths(
  nodeCount: number,
  tail: ArrayLike<number>,
  head: ArrayLike<number>,
  flow: Int32Array,
  source: number,
  sink: number,
): number[][] {
  const { first: firstOut, order: outArcs } = groupByKey(nodeCount, flow.length, (a) => tail[a]);
  const scan = firstOut.slice(0, nodeCount); // arcs before scan[v] carry no more flow
  const positionOnWalk = new Int32Array(nodeCount).fill(-1);
  const walkNodes: number[] = [];
  const paths: number[][] = [];
  for (;;) {
    const walk: number[] = [];
    walkNodes.length = 0;
    let v = source;
    positionOnWalk[v] = 0;
    walkNodes.push(v);
    while (v !== sink) {
      while (scan[v] < firstOut[v + 1] && flow[outArcs[scan[v]]] <= 0) scan[v]++;
      if (scan[v] === firstOut[v + 1]) break; // only at the source, once all flow is used
      const a = outArcs[scan[v]];
      flow[a]--;
      const w = head[a];
      if (positionOnWalk[w] >= 0) {
        // Loop back to w: forget the arcs since w (their flow is already taken off).
        const keep = positionOnWalk[w];
        for (let i = keep + 1; i < walkNodes.length; i++) positionOnWalk[walkNodes[i]] = -1;
        walkNodes.length = keep + 1;
        walk.length = keep;
      } else {
        positionOnWalk[w] = walkNodes.length;
        walkNodes.push(w);
        walk.push(a);
      }
      v = w;
    }
    for (const u of walkNodes) positionOnWalk[u] = -1;
    if (v !== sink) return paths;
    paths.push(walk);
  }
}

/** The residual network of a flow computation: arcs out of node u are arcsOf[firstArc[u] .. firstArc[u+1]-1]. */
export interface ResidualArcs {
  firstArc: ArrayLike<number>;
  arcsOf: ArrayLike<number>;
  arcHead: ArrayLike<number>;
  residual: ArrayLike<number>;
}

/**
 * The nodes reachable from `source` over arcs with more than `epsilon`
 * residual capacity: after a maximum flow, the source side of a minimum cut.
 * `queue` is scratch of at least nodeCount entries.
 */
export function residualReach(arcs: ResidualArcs, nodeCount: number, source: number, epsilon: number, queue: Int32Array): Uint8Array {
  const { firstArc, arcsOf, arcHead, residual } = arcs;
  const side = new Uint8Array(nodeCount);
  side[source] = 1;
  queue[0] = source;
  let qHead = 0;
  let qTail = 1;
  while (qHead < qTail) {
    const u = queue[qHead++];
    for (let p = firstArc[u]; p < firstArc[u + 1]; p++) {
      const a = arcsOf[p];
      const v = arcHead[a];
      if (side[v] === 0 && residual[a] > epsilon) {
        side[v] = 1;
        queue[qTail++] = v;
      }
    }
  }
  return side;
}

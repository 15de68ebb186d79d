/**
 * Bidirectional Dijkstra: a forward search from the source over outgoing
 * edges and a backward search from the target over incoming edges
 * (firstIn/inEdge), expanding whichever frontier is nearer. Every time a node
 * gets a label on one side while it holds one on the other, the joined path is
 * a candidate. The search stops once
 *   (smallest forward key) + (smallest backward key) >= best candidate,
 * because any path not yet seen costs at least that sum.
 *
 * The two labels of the meeting node are sums in two different orders, so
 * their total can differ in the last bits from the path's own sum: the search
 * prunes at searchLimit(maxCost) and the result's cost is the path's edges
 * summed in path order, checked exactly against maxCost (finishPath).
 */
import { GenerationStamp } from './generation-stamp.js';
import { IndexedMinHeap } from './min-heap.js';
import { checkNode, checkOptions, finishPath, notFound, searchLimit, type PathResult, type QueryOptions } from './path.js';
import type { RoutingGraph } from './routing-graph.js';

export class BidirectionalDijkstraQuery {
  private readonly forwardDist: Float64Array;
  private readonly backwardDist: Float64Array;
  /** Edge into v on the best known source -> v path. */
  private readonly forwardParent: Int32Array;
  /** Edge out of v on the best known v -> target path. */
  private readonly backwardParent: Int32Array;
  /** Marks the nodes whose label on that side belongs to the current run. */
  private readonly forwardReached: GenerationStamp;
  private readonly backwardReached: GenerationStamp;
  private readonly forwardHeap: IndexedMinHeap;
  private readonly backwardHeap: IndexedMinHeap;

  constructor(readonly graph: RoutingGraph) {
    const n = graph.nodeCount;
    this.forwardDist = new Float64Array(n);
    this.backwardDist = new Float64Array(n);
    this.forwardParent = new Int32Array(n);
    this.backwardParent = new Int32Array(n);
    this.forwardReached = new GenerationStamp(n);
    this.backwardReached = new GenerationStamp(n);
    this.forwardHeap = new IndexedMinHeap(n);
    this.backwardHeap = new IndexedMinHeap(n);
  }

  route(source: number, target: number, options?: QueryOptions): PathResult {
    const graph = this.graph;
    checkNode('BidirectionalDijkstraQuery.route', 'source', graph, source);
    checkNode('BidirectionalDijkstraQuery.route', 'target', graph, target);
    const maxCost = checkOptions('BidirectionalDijkstraQuery.route', graph, options);
    if (source === target) return { found: true, cost: 0, edges: [], nodes: [source], settled: 0 };
    const blockedEdges = options?.blockedEdges;
    const blockedNodes = options?.blockedNodes;

    const { firstOut, head, tail, weight, firstIn, inEdge } = graph;
    const forwardDist = this.forwardDist;
    const backwardDist = this.backwardDist;
    const forwardParent = this.forwardParent;
    const backwardParent = this.backwardParent;
    const forwardReached = this.forwardReached.next();
    const backwardReached = this.backwardReached.next();
    const forwardHeap = this.forwardHeap;
    const backwardHeap = this.backwardHeap;
    forwardHeap.clear();
    backwardHeap.clear();

    forwardDist[source] = 0;
    forwardParent[source] = -1;
    forwardReached.mark(source);
    forwardHeap.push(source, 0);
    backwardDist[target] = 0;
    backwardParent[target] = -1;
    backwardReached.mark(target);
    backwardHeap.push(target, 0);

    const limit = searchLimit(maxCost);
    let best = Infinity;
    let meeting = -1;
    let settled = 0;

    for (;;) {
      // One side ran out: every node it can reach is settled, so the best candidate is final.
      if (forwardHeap.isEmpty() || backwardHeap.isEmpty()) break;
      const forwardTop = forwardHeap.minKey();
      const backwardTop = backwardHeap.minKey();
      const unseenBound = forwardTop + backwardTop;
      if (unseenBound >= best || unseenBound > limit) break;

      if (forwardTop <= backwardTop) {
        const u = forwardHeap.pop();
        settled++;
        const du = forwardDist[u];
        const end = firstOut[u + 1];
        for (let e = firstOut[u]; e < end; e++) {
          if (blockedEdges !== undefined && blockedEdges[e] !== 0) continue;
          const v = head[e];
          // Blocked nodes are never labelled, so no path passes through them; the target is exempt.
          if (blockedNodes !== undefined && blockedNodes[v] !== 0 && v !== target) continue;
          const dv = du + weight[e];
          if (!forwardReached.has(v)) {
            forwardReached.mark(v);
            forwardHeap.push(v, dv);
          } else if (dv < forwardDist[v]) {
            forwardHeap.decreaseKey(v, dv);
          } else {
            continue;
          }
          forwardDist[v] = dv;
          forwardParent[v] = e;
          if (backwardReached.has(v)) {
            const candidate = dv + backwardDist[v];
            if (candidate < best) {
              best = candidate;
              meeting = v;
            }
          }
        }
      } else {
        const v = backwardHeap.pop();
        settled++;
        const dv = backwardDist[v];
        const end = firstIn[v + 1];
        for (let i = firstIn[v]; i < end; i++) {
          const e = inEdge[i];
          if (blockedEdges !== undefined && blockedEdges[e] !== 0) continue;
          const u = tail[e];
          if (blockedNodes !== undefined && blockedNodes[u] !== 0 && u !== source) continue;
          const du = dv + weight[e];
          if (!backwardReached.has(u)) {
            backwardReached.mark(u);
            backwardHeap.push(u, du);
          } else if (du < backwardDist[u]) {
            backwardHeap.decreaseKey(u, du);
          } else {
            continue;
          }
          backwardDist[u] = du;
          backwardParent[u] = e;
          if (forwardReached.has(u)) {
            const candidate = du + forwardDist[u];
            if (candidate < best) {
              best = candidate;
              meeting = u;
            }
          }
        }
      }
    }

    if (meeting < 0 || best > limit) return notFound(settled);
    const edges: number[] = [];
    for (let v = meeting; v !== source; ) {
      const e = forwardParent[v];
      edges.push(e);
      v = tail[e];
    }
    edges.reverse();
    for (let v = meeting; v !== target; ) {
      const e = backwardParent[v];
      edges.push(e);
      v = head[e];
    }
    return finishPath(graph, source, edges, maxCost, settled);
  }
}

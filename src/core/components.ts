/**
 * Components of a graph given as edge arrays (edge i from `from[i]` to
 * `to[i]`, nodes 0..nodeCount-1): connected (edges read as undirected),
 * strongly connected (directed; Tarjan) and biconnected (undirected; the
 * blocks, Hopcroft–Tarjan). No recursion anywhere: the depth-first searches
 * keep their own stacks, so graphs of 400k nodes and long chains are fine.
 * The peers: NetworkX connected_components, strongly_connected_components,
 * biconnected_component_edges; pgRouting pgr_connectedComponents,
 * pgr_strongComponents, pgr_biconnectedComponents.
 */
import type { ErrorCode } from '../errors/error-codes.js';
import { InputError } from '../errors/steppenet-error.js';

/** Components as a label per node, numbered 0.. in the order of their lowest node. */
export interface Components {
  /** Component of each node. */
  readonly component: Int32Array;
  readonly count: number;
  /** The nodes of each component, ascending; components in the order of their lowest node. */
  groups(): number[][];
}

/** The blocks of an undirected graph: each edge's block, and the articulation points (nodes in two blocks or more). */
export interface BiconnectedComponents {
  /** Block of each edge, numbered 0.. in the order of their lowest edge index; -1 for a self-loop (in no block). */
  readonly edgeComponent: Int32Array;
  readonly count: number;
  /** Nodes in two blocks or more, ascending. */
  readonly articulationPoints: readonly number[];
  /** The edges of each block, ascending; blocks in the order of their lowest edge. */
  edgeGroups(): number[][];
  /** The nodes of each block, ascending; blocks in the order of their lowest edge. */
  nodeGroups(): number[][];
}

/** Edge arrays that do not describe a graph: lengths differ, or a node is out of range. */
export class InvalidComponentsGraphError extends InputError {
  static override readonly code: ErrorCode = 'INVALID_ARGUMENT';
  constructor(functionName: string, detail: string) {
    super(`${functionName}: ${detail}`);
  }
}

/** Connected components, the edges read as undirected (union–find with path halving and union by size). */
export function connectedComponents(nodeCount: number, from: ArrayLike<number>, to: ArrayLike<number>): Components {
  checkEdges('connectedComponents', nodeCount, from, to);
  const parent = new Int32Array(nodeCount);
  const size = new Int32Array(nodeCount).fill(1);
  for (let v = 0; v < nodeCount; v++) parent[v] = v;
  const find = (v: number) => {
    while (parent[v] !== v) {
      parent[v] = parent[parent[v]];
      v = parent[v];
    }
    return v;
  };
  for (let e = 0; e < from.length; e++) {
    let a = find(from[e]);
    let b = find(to[e]);
    if (a === b) continue;
    if (size[a] < size[b]) [a, b] = [b, a];
    parent[b] = a;
    size[a] += size[b];
  }
  const label = new Int32Array(nodeCount);
  for (let v = 0; v < nodeCount; v++) label[v] = find(v);
  return numbered(label);
}

/**
 * Strongly connected components of the directed graph: Tarjan's algorithm
 * with an explicit stack of (node, next out-edge) frames.
 */
export function stronglyConnectedComponents(nodeCount: number, from: ArrayLike<number>, to: ArrayLike<number>): Components {
  checkEdges('stronglyConnectedComponents', nodeCount, from, to);
  const { first, adj } = adjacency(nodeCount, from, to, false);
  const index = new Int32Array(nodeCount).fill(-1);
  const low = new Int32Array(nodeCount);
  const onStack = new Uint8Array(nodeCount);
  const stack = new Int32Array(nodeCount);
  let top = 0;
  const frameNode = new Int32Array(nodeCount);
  const frameNext = new Int32Array(nodeCount);
  const label = new Int32Array(nodeCount);
  let counter = 0;
  for (let root = 0; root < nodeCount; root++) {
    if (index[root] >= 0) continue;
    let depth = 0;
    frameNode[0] = root;
    frameNext[0] = first[root];
    index[root] = low[root] = counter++;
    stack[top++] = root;
    onStack[root] = 1;
    while (depth >= 0) {
      const v = frameNode[depth];
      if (frameNext[depth] < first[v + 1]) {
        const w = to[adj[frameNext[depth]++]];
        if (index[w] < 0) {
          index[w] = low[w] = counter++;
          stack[top++] = w;
          onStack[w] = 1;
          depth++;
          frameNode[depth] = w;
          frameNext[depth] = first[w];
        } else if (onStack[w] && index[w] < low[v]) {
          low[v] = index[w];
        }
        continue;
      }
      // v is done: close its component if it is a root, then hand its low-link to its parent.
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack[--top];
          onStack[w] = 0;
          label[w] = v;
        } while (w !== v);
      }
      depth--;
      if (depth >= 0) {
        const parent = frameNode[depth];
        if (low[v] < low[parent]) low[parent] = low[v];
      }
    }
  }
  return numbered(label);
}

/**
 * Biconnected components (blocks) of the undirected multigraph: edges are
 * in one block when they lie on a common simple cycle; a bridge is a block
 * of its own; two parallel edges make one block. Self-loops are in none.
 * Hopcroft–Tarjan with an edge stack, iterative. Its articulation points are
 * bridgesAndArticulationPoints' (tests/components.test.ts checks both agree).
 */
export function biconnectedComponents(nodeCount: number, from: ArrayLike<number>, to: ArrayLike<number>): BiconnectedComponents {
  checkEdges('biconnectedComponents', nodeCount, from, to);
  const m = from.length;
  const { first, adj } = adjacency(nodeCount, from, to, true);
  const disc = new Int32Array(nodeCount).fill(-1);
  const low = new Int32Array(nodeCount);
  const frameNode = new Int32Array(nodeCount);
  const frameNext = new Int32Array(nodeCount);
  /** The edge each frame's node was entered by (-1 at a root): skipped once, so a parallel edge still counts as a back edge. */
  const frameEdge = new Int32Array(nodeCount);
  const edgeStack = new Int32Array(m);
  let edgeTop = 0;
  const edgeComponent = new Int32Array(m).fill(-1);
  const isCut = new Uint8Array(nodeCount);
  let blocks = 0;
  let counter = 0;
  const other = (e: number, v: number) => (from[e] === v ? to[e] : from[e]);
  for (let root = 0; root < nodeCount; root++) {
    if (disc[root] >= 0) continue;
    disc[root] = low[root] = counter++;
    let depth = 0;
    frameNode[0] = root;
    frameNext[0] = first[root];
    frameEdge[0] = -1;
    let rootChildren = 0;
    while (depth >= 0) {
      const v = frameNode[depth];
      if (frameNext[depth] < first[v + 1]) {
        const e = adj[frameNext[depth]++];
        if (e === frameEdge[depth] || from[e] === to[e]) continue;
        const w = other(e, v);
        if (disc[w] < 0) {
          edgeStack[edgeTop++] = e;
          disc[w] = low[w] = counter++;
          depth++;
          frameNode[depth] = w;
          frameNext[depth] = first[w];
          frameEdge[depth] = e;
          if (depth === 1) rootChildren++;
        } else if (disc[w] < disc[v]) {
          // A back edge up the tree (each is met twice: from its lower end, here, and from its upper end, skipped).
          edgeStack[edgeTop++] = e;
          if (disc[w] < low[v]) low[v] = disc[w];
        }
        continue;
      }
      depth--;
      if (depth < 0) break;
      const parent = frameNode[depth];
      if (low[v] < low[parent]) low[parent] = low[v];
      if (low[v] >= disc[parent]) {
        // parent separates v's subtree: the edges pushed since the tree edge parent–v are one block.
        const treeEdge = frameEdge[depth + 1];
        let e: number;
        do {
          e = edgeStack[--edgeTop];
          edgeComponent[e] = blocks;
        } while (e !== treeEdge);
        blocks++;
        if (depth > 0) isCut[parent] = 1;
      }
    }
    if (rootChildren >= 2) isCut[root] = 1;
  }
  // Renumber blocks in the order of their lowest edge.
  const renumber = new Int32Array(blocks).fill(-1);
  let next = 0;
  for (let e = 0; e < m; e++) {
    const b = edgeComponent[e];
    if (b < 0) continue;
    if (renumber[b] < 0) renumber[b] = next++;
    edgeComponent[e] = renumber[b];
  }
  const articulationPoints: number[] = [];
  for (let v = 0; v < nodeCount; v++) if (isCut[v]) articulationPoints.push(v);
  const edgeGroups = () => {
    const groups: number[][] = Array.from({ length: blocks }, () => []);
    for (let e = 0; e < m; e++) if (edgeComponent[e] >= 0) groups[edgeComponent[e]].push(e);
    return groups;
  };
  return {
    edgeComponent,
    count: blocks,
    articulationPoints,
    edgeGroups,
    nodeGroups: () => edgeGroups().map((edges) => [...new Set(edges.flatMap((e) => [from[e], to[e]]))].sort((a, b) => a - b)),
  };
}

/** Labels (any node of the component) → components numbered in the order of their lowest node. */
function numbered(label: Int32Array): Components {
  const n = label.length;
  const id = new Int32Array(n).fill(-1);
  const component = new Int32Array(n);
  let count = 0;
  for (let v = 0; v < n; v++) {
    const l = label[v];
    if (id[l] < 0) id[l] = count++;
    component[v] = id[l];
  }
  return {
    component,
    count,
    groups: () => {
      const groups: number[][] = Array.from({ length: count }, () => []);
      for (let v = 0; v < n; v++) groups[component[v]].push(v);
      return groups;
    },
  };
}

/** Out-edges of each node (both ends of each edge when `undirected`), as CSR over edge indices. */
function adjacency(n: number, from: ArrayLike<number>, to: ArrayLike<number>, undirected: boolean): { first: Uint32Array; adj: Int32Array } {
  const m = from.length;
  const first = new Uint32Array(n + 1);
  for (let e = 0; e < m; e++) {
    first[from[e] + 1]++;
    if (undirected && to[e] !== from[e]) first[to[e] + 1]++;
  }
  for (let v = 0; v < n; v++) first[v + 1] += first[v];
  const fill = first.slice(0, n);
  const adj = new Int32Array(first[n]);
  for (let e = 0; e < m; e++) {
    adj[fill[from[e]]++] = e;
    if (undirected && to[e] !== from[e]) adj[fill[to[e]]++] = e;
  }
  return { first, adj };
}

function checkEdges(fn: string, nodeCount: number, from: ArrayLike<number>, to: ArrayLike<number>): void {
  if (!Number.isInteger(nodeCount) || nodeCount < 0) throw new InvalidComponentsGraphError(fn, `nodeCount must be a whole number >= 0, got ${nodeCount}`);
  if (from.length !== to.length) throw new InvalidComponentsGraphError(fn, `from and to must have the same length, got ${from.length} and ${to.length}`);
  for (let e = 0; e < from.length; e++) {
    for (const v of [from[e], to[e]]) {
      if (!Number.isInteger(v) || v < 0 || v >= nodeCount) throw new InvalidComponentsGraphError(fn, `edge ${e} has node ${v}, not in 0..${nodeCount - 1}`);
    }
  }
}

/**
 * Contraction hierarchies (Geisberger et al. 2008): preprocessing.
 *
 * Nodes are removed ("contracted") one at a time, least important first. When
 * node v goes, every path u → v → w whose length is not matched by a "witness"
 * path u ⇝ w avoiding v gets a shortcut arc u → w of the same length, so the
 * distances among the remaining nodes never change. A query then only climbs:
 * from the source along arcs to later-contracted (higher-ranked) nodes, from the
 * target likewise backwards, and the two climbs meet at the top of the path
 * (see ch-query.ts).
 *
 * Node order: a min-heap keyed by
 *   priority = depth / 2 + 2 * added / removed arcs + added / removed hops
 * where added = shortcuts the contraction would add, removed = arcs it removes
 * (keeps the graph sparse), hops = original edges an arc stands for (keeps
 * shortcuts short), and depth (1 + the deepest contracted neighbour) keeps the
 * hierarchy shallow and spreads contraction evenly over the graph. Priorities go stale as neighbours are contracted, so (a) after each
 * contraction the neighbours are re-evaluated and (b) "lazy updates": a popped
 * node is re-evaluated and pushed back if it is no longer the minimum.
 *
 * Witness searches are Dijkstra searches from u in the remaining graph, bounded
 * by the shortcut length, by hops and by settled nodes. A search that gives up
 * only costs an unnecessary shortcut, never a wrong distance.
 *
 * The pieces: contraction-graph.ts (the shrinking graph), witness-search.ts,
 * contractor.ts (order and contraction); this file holds the public API and
 * the final renumbering of the shortcuts; ch-query.ts the query.
 *
 * Arc ids: 0..edgeCount-1 are the input graph's CSR edge ids (an original arc
 * keeps its id); edgeCount + s is shortcut s, which replaces the arcs
 * `shortcutHalves[2s]` (u → v) then `shortcutHalves[2s + 1]` (v → w). Of parallel
 * edges only the cheapest takes part; self-loops never do.
 */
import { Contractor } from './contractor.js';
import type { ContractionHierarchy } from './contraction-hierarchy-arrays.js';
import type { RoutingGraph } from './routing-graph.js';
import { InputError } from '../errors/steppenet-error.js';

export type { ContractionHierarchy } from './contraction-hierarchy-arrays.js';

/** Number of shortcuts in a hierarchy. */
export function shortcutCount(ch: ContractionHierarchy): number {
  return ch.shortcutHalves.length >>> 1;
}

export interface ContractionOptions {
  /** Nodes a witness search may settle before it gives up (default 500). */
  witnessSettledLimit?: number;
  /** Arcs a witness path may have (default 8). */
  witnessHopLimit?: number;
  /**
   * Nodes a priority estimate's witness searches may settle (default 20:
   * estimates run far more often than contractions — they were 64 % of the
   * preprocessing — so they are kept cheap; on Moscow, with the former
   * edge-difference order, 20 instead of 40 cut preprocessing from ~9 to ~7 s
   * CPU with the same shortcuts ±0.1 % and the same query search space, while
   * 10 and 5 made queries slower).
   */
  estimateSettledLimit?: number;
  /** Called every 2^16 contractions and at the end. */
  onProgress?: (contracted: number, total: number) => void;
}

/** An option that is not a positive integer. */
export class InvalidContractionOptionError extends InputError {
  constructor(
    readonly option: keyof ContractionOptions,
    readonly value: unknown,
  ) {
    super(`contractGraph: option ${option} is ${String(value)}; it must be a positive integer`);
  }
}

/**
 * A 32-bit FNV-1a hash of the graph's structure and weights (node and edge
 * counts, firstOut, head, weight bytes): a hierarchy built for one graph must
 * not answer queries on another.
 */
export function graphFingerprint(graph: RoutingGraph): number {
  let h = 0x811c9dc5;
  const mix = (word: number): void => {
    h = Math.imul(h ^ (word & 0xff), 0x01000193);
    h = Math.imul(h ^ ((word >>> 8) & 0xff), 0x01000193);
    h = Math.imul(h ^ ((word >>> 16) & 0xff), 0x01000193);
    h = Math.imul(h ^ (word >>> 24), 0x01000193);
  };
  mix(graph.nodeCount);
  mix(graph.edgeCount);
  for (let v = 0; v <= graph.nodeCount; v++) mix(graph.firstOut[v]);
  for (let e = 0; e < graph.edgeCount; e++) mix(graph.head[e]);
  const weightWords = new Uint32Array(graph.weight.buffer, graph.weight.byteOffset, graph.weight.length * 2);
  for (let i = 0; i < weightWords.length; i++) mix(weightWords[i]);
  return h >>> 0;
}

/** Bytes held by the hierarchy's typed arrays. */
export function contractionHierarchyBytes(ch: ContractionHierarchy): number {
  return (
    ch.rank.byteLength +
    ch.nodeOfRank.byteLength +
    ch.upFirst.byteLength +
    ch.upHead.byteLength +
    ch.upWeight.byteLength +
    ch.upArc.byteLength +
    ch.downFirst.byteLength +
    ch.downTail.byteLength +
    ch.downWeight.byteLength +
    ch.downArc.byteLength +
    ch.shortcutHalves.byteLength
  );
}

function positiveInteger(option: keyof ContractionOptions, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) throw new InvalidContractionOptionError(option, value);
  return value;
}

/** Builds the contraction hierarchy of a graph (see the module comment). */
export function contractGraph(graph: RoutingGraph, options: ContractionOptions = {}): ContractionHierarchy {
  const contractor = new Contractor(graph, {
    witnessSettledLimit: positiveInteger('witnessSettledLimit', options.witnessSettledLimit, 500),
    witnessHopLimit: positiveInteger('witnessHopLimit', options.witnessHopLimit, 8),
    estimateSettledLimit: positiveInteger('estimateSettledLimit', options.estimateSettledLimit, 20),
  });
  const arcs = contractor.run(options.onProgress);
  return clusterShortcuts({ ...arcs, graphFingerprint: graphFingerprint(graph) });
}

/**
 * Renumbers the shortcuts in depth-first post-order of their unpacking trees
 * (first half's tree, second half's tree, then the shortcut), starting from
 * the newest. Unpacking a path reads one shortcut after another down its
 * tree; in contraction order those reads jump across the whole table (a cache
 * miss each, most of the time a query spends unpacking), in this order a
 * tree's shortcuts lie together. Every shortcut still refers only to arcs
 * numbered below it. The search arcs' ids are remapped accordingly.
 */
export function clusterShortcuts(ch: ContractionHierarchy): ContractionHierarchy {
  const m = ch.edgeCount;
  const halves = ch.shortcutHalves;
  const count = halves.length >>> 1;
  const newId = new Int32Array(count).fill(-1);
  const stack = new Int32Array(Math.max(16, count));
  // Per stack entry: 0 = children not yet pushed, 1 = children done.
  const state = new Uint8Array(stack.length);
  let next = 0;
  for (let root = count - 1; root >= 0; root--) {
    if (newId[root] >= 0) continue;
    let top = 0;
    stack[top] = root;
    state[top++] = 0;
    while (top > 0) {
      const s = stack[top - 1];
      if (state[top - 1] === 0) {
        state[top - 1] = 1;
        // Push the second half first so the first half's tree is numbered first.
        const second = halves[2 * s + 1];
        const first = halves[2 * s];
        if (second >= m && newId[second - m] < 0) {
          stack[top] = second - m;
          state[top++] = 0;
        }
        if (first >= m && newId[first - m] < 0 && first !== second) {
          stack[top] = first - m;
          state[top++] = 0;
        }
        continue;
      }
      top--;
      if (newId[s] < 0) newId[s] = next++;
    }
  }
  const remap = (arc: number): number => (arc < m ? arc : m + newId[arc - m]);
  const shortcutHalves = new Uint32Array(halves.length);
  for (let s = 0; s < count; s++) {
    const t = newId[s];
    shortcutHalves[2 * t] = remap(halves[2 * s]);
    shortcutHalves[2 * t + 1] = remap(halves[2 * s + 1]);
  }
  const upArc = Uint32Array.from(ch.upArc, remap);
  const downArc = Uint32Array.from(ch.downArc, remap);
  return { ...ch, upArc, downArc, shortcutHalves };
}

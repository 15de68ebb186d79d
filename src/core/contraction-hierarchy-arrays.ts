/**
 * The hierarchy as the query needs it. The search graph is indexed by RANK (the
 * position in the contraction order), so nodes a query touches together lie
 * together in memory.
 */
export interface ContractionHierarchy {
  readonly nodeCount: number;
  /** Edge count of the input graph: arc ids below it are its CSR edge ids. */
  readonly edgeCount: number;
  /** `graphFingerprint` of the input graph, to catch a hierarchy used with the wrong graph. */
  readonly graphFingerprint: number;
  /** rank[node] = position in the contraction order (0 = contracted first). */
  readonly rank: Uint32Array;
  /** nodeOfRank[rank] = node; the inverse of `rank`. */
  readonly nodeOfRank: Uint32Array;
  /** Upward arcs r → higher rank: upHead/upWeight/upArc[upFirst[r] .. upFirst[r+1]-1]. */
  readonly upFirst: Uint32Array;
  readonly upHead: Uint32Array;
  readonly upWeight: Float64Array;
  readonly upArc: Uint32Array;
  /** Arcs from a higher rank into r: downTail/downWeight/downArc[downFirst[r] .. downFirst[r+1]-1]. */
  readonly downFirst: Uint32Array;
  readonly downTail: Uint32Array;
  readonly downWeight: Float64Array;
  readonly downArc: Uint32Array;
  /**
   * Shortcut s (arc id edgeCount + s) = arc shortcutHalves[2s] followed by arc
   * shortcutHalves[2s + 1]. The two halves sit side by side so unpacking reads
   * both with one memory access (one cache line) instead of two random reads.
   */
  readonly shortcutHalves: Uint32Array;
}

/** A lower bound on the cost from any node to the target of the current query. */
export interface LowerBound {
  /** Prepares the bound for a query from `source` to `target` (called once per query, before toTarget). */
  aim(source: number, target: number): void;
  /** Lower bound on the cost from v to the target; Infinity when v cannot reach it. */
  toTarget(v: number): number;
}

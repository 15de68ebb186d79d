/**
 * The correctness gate of the benchmark: before anything is timed, every
 * finder's path cost is compared with plain Dijkstra's on the same pairs
 * (absolute OR relative difference within 1e-6). A finder that disagrees on
 * any pair, or returns something that is not a path, is marked failing and
 * every disagreement is listed — never dropped.
 *
 * Peers can be very slow on the large graphs (graphology's bidirectional
 * Dijkstra takes seconds per query on Moscow), so a peer's check may be
 * time-boxed: it then covers the first `checked` pairs only, the report says
 * so, and only those pairs are timed. steppenet's finders are always checked on
 * every pair.
 */
import { DijkstraQuery } from '../src/core/dijkstra.js';
import type { RoutingGraph } from '../src/core/routing-graph.js';
import type { Finder } from './finders.js';
import type { QueryPair } from './graphs.js';

export const ABSOLUTE_TOLERANCE = 1e-6;
export const RELATIVE_TOLERANCE = 1e-6;

/** Plain Dijkstra's cost for every pair: the reference all finders are checked against. */
export function referenceCosts(graph: RoutingGraph, pairs: readonly QueryPair[]): Float64Array {
  const query = new DijkstraQuery(graph);
  const costs = new Float64Array(pairs.length);
  for (let i = 0; i < pairs.length; i++) costs[i] = query.route(pairs[i].source, pairs[i].target).cost;
  return costs;
}

export function sameCost(expected: number, actual: number): boolean {
  if (expected === Infinity || actual === Infinity) return expected === actual;
  const difference = Math.abs(expected - actual);
  return difference <= ABSOLUTE_TOLERANCE || difference <= RELATIVE_TOLERANCE * Math.abs(expected);
}

export interface Mismatch {
  pair: number;
  source: number;
  target: number;
  expected: number;
  /** NaN when the finder threw or returned a non-path (see `error`). */
  actual: number;
  error?: string;
}

export interface CheckResult {
  finder: string;
  /** Pairs checked (all of them unless the time box ran out). */
  checked: number;
  total: number;
  mismatches: Mismatch[];
  /** True when every checked pair agreed. */
  passed: boolean;
  /** Set when the time box stopped the check before the last pair. */
  timeBoxedMs?: number;
  /** Mean wall time of one pathCost call during the check (query + path check). */
  meanMs: number;
}

/**
 * Checks `finder` on `pairs` against `expected` (from referenceCosts).
 * With `timeBoxMs`, stops after the pair during which the box ran out.
 */
export function checkFinder(
  finder: Finder,
  pairs: readonly QueryPair[],
  expected: Float64Array,
  timeBoxMs = Infinity,
): CheckResult {
  const mismatches: Mismatch[] = [];
  const start = performance.now();
  let checked = 0;
  for (let i = 0; i < pairs.length; i++) {
    const { source, target } = pairs[i];
    let actual: number;
    let error: string | undefined;
    try {
      actual = finder.pathCost(source, target);
    } catch (thrown) {
      actual = NaN;
      error = thrown instanceof Error ? thrown.message : String(thrown);
    }
    if (error !== undefined || !sameCost(expected[i], actual)) {
      mismatches.push({ pair: i, source, target, expected: expected[i], actual, error });
    }
    checked++;
    if (performance.now() - start > timeBoxMs) break;
  }
  const elapsed = performance.now() - start;
  return {
    finder: finder.name,
    checked,
    total: pairs.length,
    mismatches,
    passed: mismatches.length === 0,
    timeBoxedMs: checked < pairs.length ? timeBoxMs : undefined,
    meanMs: elapsed / checked,
  };
}

/** One line per mismatch, for the console and the report. */
export function describeMismatch(m: Mismatch): string {
  const what = m.error !== undefined ? `error: ${m.error}` : `cost ${m.actual}, Dijkstra ${m.expected}`;
  return `pair ${m.pair} (${m.source} -> ${m.target}): ${what}`;
}

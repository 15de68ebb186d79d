/**
 * Redundancy per OD pair: how many routes with no link in common join the
 * two places, and what the best route avoiding every link of the best one
 * costs beside it.
 */
import type { Network } from '../model/network.js';
import type { CompileOptions } from '../routing/compile-network.js';
import { linkDisjointRoutes } from './link-disjoint-routes.js';
import { OdRouter } from './od-router.js';
import type { OdPair } from './od-pairs.js';

/** Options of odRedundancy: the objective and modes (CompileOptions) and the OD pairs. */
export interface RedundancyOptions extends CompileOptions {
  /** Default every ordered pair of region centres. */
  ods?: readonly OdPair[];
  /** Called after each pair with (done, total). */
  onProgress?: (done: number, total: number) => void;
}

/** One OD pair's redundancy. */
export interface OdRedundancy {
  from: string;
  to: string;
  demand: number;
  /** Link-disjoint routes between the two places (max flow, exact; 0 with no route). */
  disjointRoutes: number;
  /** The best route's figure in the objective (hours, km or USD/t); Infinity with no route. */
  best: number;
  /** The best route sharing no link with the best one (its second, independent option); Infinity when there is none. */
  secondBest: number;
  /** secondBest / best (1 or more; Infinity with no second route; undefined when best is 0 or missing). */
  ratio: number | undefined;
  /** The two routes' hours. */
  bestHours: number;
  secondBestHours: number;
}

/** Every pair's redundancy, in the order of the OD set. */
export interface RedundancyResult {
  by: string;
  scenario: string;
  pairs: OdRedundancy[];
}

/**
 * Redundancy per OD pair: the number of link-disjoint routes
 * (linkDisjointRoutes: max flow with capacity 1 per link) and the cost of the
 * second best, defined as the best route that shares no link with the best
 * route (the route a shipper keeps if anything on the best one fails), with
 * its ratio to the best. Routes are route()'s (rest aware).
 */
export function odRedundancy(network: Network, options: RedundancyOptions = {}): RedundancyResult {
  const { ods, onProgress, ...compile } = options;
  const router = new OdRouter(network, ods, compile);
  const pairs = router.ods.map((od, i): OdRedundancy => {
    const best = router.baseline[i];
    const second = best.found ? router.rerouteWithout(i, best.links) : undefined;
    const b = router.figure(best);
    const s = second ? router.figure(second) : Infinity;
    onProgress?.(i + 1, router.ods.length);
    return {
      from: od.from, to: od.to, demand: od.demand,
      disjointRoutes: best.found ? linkDisjointRoutes(router.compiled, od.from, od.to).count : 0,
      best: b, secondBest: s,
      ratio: Number.isFinite(b) && b > 0 ? s / b : undefined,
      bestHours: best.found ? best.totals.hours : Infinity,
      secondBestHours: second?.found ? second.totals.hours : Infinity,
    };
  });
  return { by: router.compiled.by, scenario: network.scenario?.name ?? 'current', pairs };
}

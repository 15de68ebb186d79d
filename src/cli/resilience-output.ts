/**
 * What the resilience commands (alternatives, disjoint, resilient, spof,
 * border-cut) share: one-line route summaries, routes as one GeoJSON
 * collection, and turning a library argument error into a usage error.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { ResilienceArgumentError } from '../analysis/compiled-index.js';
import type { Network } from '../model/network.js';
import type { Objective } from '../routing/cost-model.js';
import { routeToGeoJSON } from '../routing/route-geojson.js';
import type { RouteResult } from '../routing/route-result.js';
import { UsageError } from './usage-error.js';

/** The objective's unit, for column headers. */
export const OBJECTIVE_UNIT: Record<Objective, string> = { distance: 'km', time: 'h', cost: 'USD/t', generalized: 'gen. USD/t' };

export { legSummary } from '../analysis/compiled-index.js';

/** Several routes in one FeatureCollection; every feature carries `extra(i)` (e.g. { alternative: i + 1 }). */
export function routesToGeoJSON(network: Network, routes: readonly RouteResult[], extra: (i: number) => Record<string, unknown>): FeatureCollection {
  const features: Feature<Geometry>[] = [];
  routes.forEach((r, i) => {
    for (const f of routeToGeoJSON(network, r).features) features.push({ ...f, properties: { ...extra(i), ...f.properties } });
  });
  return { type: 'FeatureCollection', features };
}

/** Runs a library call; an argument it rejects (ResilienceArgumentError) is a usage error of the command. */
export function asUsage<T>(usage: string, call: () => T): T {
  try {
    return call();
  } catch (e) {
    if (e instanceof ResilienceArgumentError) throw new UsageError(e.message, usage);
    throw e;
  }
}

/** Rounds for tables and CSV. */
export const round = (n: number, digits = 1): number => (Number.isFinite(n) ? Math.round(n * 10 ** digits) / 10 ** digits : n);

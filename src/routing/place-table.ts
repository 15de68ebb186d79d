import type { Network } from '../model/network.js';
import { explainNoRoute } from './explain-no-route.js';
import { placeRef } from './describe-path.js';
import type { Objective } from './cost-model.js';
import type { FreightKind } from '../model/checkpoint-regime.js';
import type { PlaceRef, RouteTotals } from './route-result.js';
import { Router, type RouterOptions } from './router.js';
import { RouteOptionError } from './route-option-error.js';

/** An origin or destination of a table: the query as given, the place it names, where it is, and how far a coordinate query snapped. */
export interface TablePlace extends PlaceRef {
  query: string;
  lon: number;
  lat: number;
  /** Present when the query was coordinates: the km to the place it snapped to. */
  snappedKm?: number;
}

/** One cell: the totals of the best route as route() finds it, or null and why there is none. */
export interface TableCell {
  totals: RouteTotals | null;
  /** Why there is no route (only where `totals` is null). */
  reason?: string;
}

export interface PlaceTableResult {
  by: Objective;
  scenario: string;
  freight?: FreightKind;
  origins: TablePlace[];
  destinations: TablePlace[];
  /** cells[i][j]: from origins[i] to destinations[j]. */
  cells: TableCell[][];
}

/**
 * The many-to-many table of the best routes' totals (hours, km, USD/t and the
 * objective's weight) from every origin to every destination: names, aliases,
 * ids or coordinates (as route() reads them). Compiles once and searches once
 * per origin, or for 200 origins or more once for all on a contraction
 * hierarchy (Router.table, tableSearch); each cell holds the totals route()
 * gives for that pair, or null with the reason no route joins them. A place
 * to itself is all zeros. Where routes tie on the objective, the figures are
 * those of the tied route the search finds: Dijkstra's (route() with
 * `algorithm: 'dijkstra'`) for fewer than 200 origins, else the
 * hierarchy's, which may be another; the objective's value is route()'s
 * whatever the algorithm (the hierarchy's tied route may differ from it in
 * the float's last bit).
 */
export function placeTable(network: Network, origins: readonly string[], destinations: readonly string[], options: RouterOptions = {}): PlaceTableResult {
  for (const [name, list] of [['origins', origins], ['destinations', destinations]] as const) {
    if (!Array.isArray(list) || list.length === 0 || list.some((q) => typeof q !== 'string')) throw new RouteOptionError(name, list, ['a non-empty array of place names, ids or coordinates']);
  }
  const router = new Router(network, options);
  const resolve = (queries: readonly string[]): TablePlace[] =>
    queries.map((query) => {
      const { place, snapped } = router.resolve(query);
      const [lon, lat] = place.geometry.coordinates;
      return { query, ...placeRef(router.network, place.properties.id), lon, lat, ...(snapped ? { snappedKm: snapped.km } : {}) };
    });
  const from = resolve(origins);
  const to = resolve(destinations);
  const totals = router.table(from.map((p) => p.id), to.map((p) => p.id));
  const cells = totals.map((row, i) =>
    row.map((t, j): TableCell => (t ? { totals: t } : { totals: null, reason: explainNoRoute(router.compiled, from[i].id, to[j].id) })),
  );
  const net = router.network;
  return {
    by: router.compiled.by,
    scenario: net.scenario?.name ?? 'current',
    ...(router.compiled.freight ? { freight: router.compiled.freight } : {}),
    origins: from,
    destinations: to,
    cells,
  };
}

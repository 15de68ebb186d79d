import type { Network } from '../model/network.js';
import type { Scenario } from '../model/scenario.js';
import type { CompileOptions } from './compile-network.js';
import type { Algorithm } from './route-compiled.js';
import type { RouteResult } from './route-result.js';
import { RouteOptionError } from './route-option-error.js';
import { Router } from './router.js';

export { ALGORITHMS, makeQuery, routeCompiled, type Algorithm } from './route-compiled.js';
export { RouteOptionError } from './route-option-error.js';

// The Router's options plus `via`, spelled out (not `extends RouterOptions`) while Router is not yet exported from src/index.ts.
export interface RouteOptions extends CompileOptions {
  /** A scenario to apply first (bundled name, file path or object); default: the network as it is. */
  scenario?: string | Scenario;
  /** Places the route must pass, in order. */
  via?: readonly string[];
  /** Default "astar" (exact: its bound is admissible). */
  algorithm?: Algorithm;
  /** Places given as coordinates ("54.98,73.37" lat,lon, or "lonlat:73.37,54.98") snap to the nearest usable place within this many km (default 50). */
  snapKm?: number;
}

/**
 * The best route between two places (names, aliases or ids, or coordinates
 * "lat,lon" / "lonlat:lon,lat", snapped to the nearest place that serves the
 * modes within `snapKm` and named in the result's `snapped`). Never throws for
 * an unreachable destination: the result says `found: false` and why. Unknown
 * place names throw UnknownPlaceError with suggestions. Compiles through the
 * cache (compiledFor); for many queries keep a Router.
 */
export function route(network: Network, from: string, to: string, options: RouteOptions = {}): RouteResult {
  if (options.via !== undefined && !Array.isArray(options.via)) throw new RouteOptionError('via', options.via, ['an array of place names or ids']);
  return new Router(network, options).route(from, to, options.via);
}

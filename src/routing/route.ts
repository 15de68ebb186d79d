import type { Network } from '../model/network.js';
import type { RouteResult } from './route-result.js';
import { RouteOptionError } from './route-option-error.js';
import { Router, type RouterOptions } from './router.js';

export { ALGORITHMS, makeQuery, routeCompiled, type Algorithm } from './route-compiled.js';
export { RouteOptionError } from './route-option-error.js';

export interface RouteOptions extends RouterOptions {
  /** Places the route must pass, in order. */
  via?: readonly string[];
}

/**
 * The best route between two places (names, aliases or ids). Never throws for
 * an unreachable destination: the result says `found: false` and why. Unknown
 * place names throw UnknownPlaceError with suggestions. Compiles through the
 * cache (compiledFor); for many queries keep a Router.
 */
export function route(network: Network, from: string, to: string, options: RouteOptions = {}): RouteResult {
  if (options.via !== undefined && !Array.isArray(options.via)) throw new RouteOptionError('via', options.via, ['an array of place names or ids']);
  return new Router(network, options).route(from, to, options.via);
}

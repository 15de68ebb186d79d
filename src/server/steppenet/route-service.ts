import type { Network } from '../../model/network.js';
import { withScenario } from '../../model/scenario.js';
import { routeToGeoJSON } from '../../present/route-geojson.js';
import { Router } from '../../routing/router.js';
import type { Static } from 'typebox';
import type { RouteRequest, RouteResponse } from './schemas.js';

/**
 * steppenet's route service: the best route between places named as on the
 * command line, with its options. `network` is the server's (its start-up
 * scenario applied); a request's scenario is a bundled one applied to `base`.
 * The compiled graph comes from the cache (compiledFor), so repeated options
 * compile once.
 */
export function routeService(base: Network, network: Network, request: RouteRequest): Static<typeof RouteResponse> {
  const net = request.scenario ? withScenario(base, request.scenario) : network;
  const avoid = request.avoid ?? {};
  const router = new Router(net, {
    ...(request.by ? { by: request.by } : {}),
    ...(request.modes ? { modes: request.modes } : {}),
    ...(request.freight ? { freight: request.freight } : {}),
    ...(request.month !== undefined ? { month: request.month } : {}),
    avoid,
  });
  const { edges: _edges, ...result } = router.route(request.from, request.to, request.via ?? []);
  return request.format === 'geojson' ? (routeToGeoJSON(router.network, result) as Static<typeof RouteResponse>) : result;
}

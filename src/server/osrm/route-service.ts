import type { ServerLimits } from '../limits.js';
import { checkCount } from './coordinates.js';
import { OsrmError } from './osrm-error.js';
import type { RouteRequest } from './osrm-request.js';
import { toOsrmRoute } from './osrm-route.js';
import type { ProfileRouters } from './profiles.js';
import type { RouteAnswer } from './schemas.js';
import { snapAll, waypointOf } from './waypoints.js';

/**
 * OSRM's route service: the fastest route through the coordinates in order,
 * each snapped to the nearest place of the profile, and on request up to
 * `alternatives` other routes (two coordinates only, as in OSRM) that a
 * planner would consider (steppenet's reasonable alternatives).
 */
export function routeService(profiles: ProfileRouters, profile: string, request: RouteRequest, limits: ServerLimits): RouteAnswer {
  const router = profiles.router(profile);
  checkCount(request.coordinates, 2, limits.routeCoordinates, 'route');
  if (!Number.isInteger(request.alternatives) || request.alternatives > limits.alternatives) {
    throw new OsrmError('TooBig', `alternatives: ${request.alternatives} asked; at most ${limits.alternatives}`);
  }
  const snaps = snapAll(router, request.coordinates, request.radiuses);
  const stops = snaps.map((s) => s.place.properties.id);
  const best = router.routeThrough(stops);
  if (!best.found) throw new OsrmError('NoRoute', `No route found: ${best.reason ?? 'the places are not connected on this profile'}`);
  const routes = [best];
  if (request.alternatives > 0 && stops.length === 2 && stops[0] !== stops[1]) {
    const k = request.alternatives + 1;
    const found = profiles.alternativesOf(profile).between(stops[0], stops[1], k, Math.max(200, 50 * k), {});
    const sameLinks = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, i) => id === b[i]);
    routes.push(...found.routes.filter((r) => !sameLinks(r.links, best.links)).slice(0, request.alternatives));
  }
  return {
    code: 'Ok',
    routes: routes.map((r) => toOsrmRoute(router.network, r, stops, request)),
    ...(request.skipWaypoints ? {} : { waypoints: snaps.map((s) => waypointOf(s, request.generateHints)) }),
  };
}

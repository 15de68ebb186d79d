import type { ServerLimits } from '../limits.js';
import { OsrmError } from './osrm-error.js';
import type { NearestRequest } from './osrm-request.js';
import type { ProfileRouters } from './profiles.js';
import type { NearestAnswer } from './schemas.js';
import { waypointOf } from './waypoints.js';

/** OSRM's nearest service: the `number` places of the profile nearest to one coordinate, nearest first (within its radius, if given). */
export function nearestService(profiles: ProfileRouters, profile: string, request: NearestRequest, limits: ServerLimits): NearestAnswer {
  const router = profiles.router(profile);
  if (request.coordinates.length !== 1) throw new OsrmError('InvalidOptions', `coordinates: nearest takes exactly one coordinate, got ${request.coordinates.length}`);
  if (request.radiuses && request.radiuses.length !== 1) throw new OsrmError('InvalidOptions', `radiuses: ${request.radiuses.length} given for 1 coordinate`);
  if (request.number < 1) throw new OsrmError('InvalidValue', `number: ${request.number}; it must be at least 1`);
  if (request.number > limits.nearestNumber) throw new OsrmError('TooBig', `number: ${request.number} asked; at most ${limits.nearestNumber}`);
  const [lon, lat] = request.coordinates[0];
  const radius = request.radiuses?.[0] ?? null;
  const near = router.nearest(lon, lat, request.number).filter((n) => radius === null || n.km * 1000 <= radius);
  if (near.length === 0) throw new OsrmError('NoSegment', `coordinates: no place${radius !== null ? ` within ${radius} m` : ''} of (${lon},${lat}) serves this profile`);
  return { code: 'Ok', ...(request.skipWaypoints ? {} : { waypoints: near.map((n) => waypointOf(n, request.generateHints)) }) };
}

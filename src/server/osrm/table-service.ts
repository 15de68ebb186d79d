import type { ServerLimits } from '../limits.js';
import { checkCount } from './coordinates.js';
import { OsrmError } from './osrm-error.js';
import type { TableRequest } from './osrm-request.js';
import type { ProfileRouters } from './profiles.js';
import type { TableAnswer } from './schemas.js';
import { snapAll, waypointOf } from './waypoints.js';

/**
 * OSRM's table service: durations (seconds) and/or distances (metres) of the
 * fastest route from every source to every destination, null where there is
 * none. One Router.table for all sources; it stops with TooBig once it has
 * run past the time limit (checked before each row).
 */
export function tableService(profiles: ProfileRouters, profile: string, request: TableRequest, limits: ServerLimits): TableAnswer {
  const router = profiles.router(profile);
  const n = request.coordinates.length;
  checkCount(request.coordinates, 1, limits.tableCoordinates, 'table');
  const all = request.coordinates.map((_, i) => i);
  const sources = checkIndices('sources', request.sources ?? all, n);
  const destinations = checkIndices('destinations', request.destinations ?? all, n);
  const snaps = snapAll(router, request.coordinates, request.radiuses);
  const ids = snaps.map((s) => s.place.properties.id);
  const deadline = Date.now() + limits.requestMillis;
  const rows = router.table(
    sources.map((i) => ids[i]),
    destinations.map((j) => ids[j]),
    {
      beforeRow: () => {
        if (Date.now() > deadline) throw new OsrmError('TooBig', `coordinates: the table ran past ${limits.requestMillis} ms; ask for fewer sources or destinations`);
      },
    },
  );
  const waypoints = (indices: number[]) => indices.map((i) => waypointOf(snaps[i], request.generateHints));
  return {
    code: 'Ok',
    ...(request.annotations.includes('duration') ? { durations: rows.map((row) => row.map((c) => (c ? round(c.hours * 3600) : null))) } : {}),
    ...(request.annotations.includes('distance') ? { distances: rows.map((row) => row.map((c) => (c ? round(c.km * 1000) : null))) } : {}),
    ...(request.skipWaypoints ? {} : { sources: waypoints(sources), destinations: waypoints(destinations) }),
  };
}

function checkIndices(parameter: string, indices: number[], n: number): number[] {
  const bad = indices.find((i) => !Number.isInteger(i) || i < 0 || i >= n);
  if (bad !== undefined) throw new OsrmError('InvalidValue', `${parameter}: index ${bad} is out of range for ${n} coordinates (0–${n - 1})`);
  return indices;
}

const round = (x: number) => Math.round(x * 10) / 10;

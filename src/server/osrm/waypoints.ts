import type { NearbyPlace, Router } from '../../routing/router.js';
import { OsrmError } from './osrm-error.js';
import type { LonLat } from './polyline.js';
import type { Waypoint } from './schemas.js';

/**
 * Each coordinate snapped to the nearest place its profile serves: OSRM
 * snaps to a street segment, here to a place (a city, station, port,
 * checkpoint…). NoSegment when nothing lies within the coordinate's radius
 * (metres; null for no limit).
 */
export function snapAll(router: Router, points: readonly LonLat[], radiuses: readonly (number | null)[] | undefined): NearbyPlace[] {
  if (radiuses && radiuses.length !== points.length) {
    throw new OsrmError('InvalidOptions', `radiuses: ${radiuses.length} given for ${points.length} coordinates; give one per coordinate (empty for no limit)`);
  }
  return points.map(([lon, lat], i) => {
    const [nearest] = router.nearest(lon, lat, 1);
    const radius = radiuses?.[i] ?? null;
    if (!nearest || (radius !== null && nearest.km * 1000 > radius)) {
      throw new OsrmError('NoSegment', `coordinates: no place${radius !== null ? ` within ${radius} m` : ''} of item ${i} (${lon},${lat}) serves this profile`);
    }
    return nearest;
  });
}

/** OSRM's Waypoint for a snapped coordinate: the place's name and location, the snap distance in metres, its id as the hint. */
export function waypointOf(snap: NearbyPlace, generateHints: boolean): Waypoint {
  const [lon, lat] = snap.place.geometry.coordinates;
  return {
    ...(generateHints ? { hint: snap.place.properties.id } : {}),
    distance: Math.round(snap.km * 10_000) / 10,
    name: snap.place.properties.name,
    location: [lon, lat],
  };
}

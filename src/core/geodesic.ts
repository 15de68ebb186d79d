/**
 * Great-circle distance on a sphere (haversine), the lower bound A* uses on
 * geographic graphs.
 *
 * Admissibility: A* multiplies this distance by `RoutingGraph.boundScale`.
 * The bound is only safe if, for every edge, scale × greatCircleKm(tail, head)
 * <= weight. Link lengths in steppenet's data are >= the great-circle distance
 * between their ends, so for weights in km a scale of 1 is safe, and for
 * weights in hours `boundScale` must be <= 1 / (fastest speed in km/h) over
 * the whole graph. A larger scale makes A* return wrong (too long) routes.
 */

/** Mean Earth radius (IUGG), the one turf uses too. */
export const EARTH_RADIUS_KM = 6371.0088;

export const DEGREES_TO_RADIANS = Math.PI / 180;

/** Great-circle km between two points given in degrees (x = longitude, y = latitude). */
export function greatCircleKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const phi1 = lat1 * DEGREES_TO_RADIANS;
  const phi2 = lat2 * DEGREES_TO_RADIANS;
  return haversineKm(phi1, lon1 * DEGREES_TO_RADIANS, Math.cos(phi1), phi2, lon2 * DEGREES_TO_RADIANS, Math.cos(phi2));
}

/**
 * The haversine formula on radians, with each point's cos(latitude) passed in
 * so a search can compute it once per node instead of once per evaluation.
 */
export function haversineKm(
  lat1: number,
  lon1: number,
  cosLat1: number,
  lat2: number,
  lon2: number,
  cosLat2: number,
): number {
  const sinHalfDLat = Math.sin((lat2 - lat1) * 0.5);
  const sinHalfDLon = Math.sin((lon2 - lon1) * 0.5);
  const a = sinHalfDLat * sinHalfDLat + cosLat1 * cosLat2 * sinHalfDLon * sinHalfDLon;
  // Rounding can push a a hair above 1 for antipodal points.
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(a < 1 ? a : 1));
}

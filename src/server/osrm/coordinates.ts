import { OsrmError } from './osrm-error.js';
import { decodePolyline, type LonLat } from './polyline.js';

const NUMBER = String.raw`[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?`;
const PAIR = new RegExp(`^(${NUMBER}),(${NUMBER})$`);

/**
 * The coordinates of an OSRM URL: `lon,lat;lon,lat…`, `polyline(…)` or
 * `polyline6(…)`, with an optional `.json` format suffix. A malformed list
 * is InvalidQuery and a coordinate off the globe InvalidValue, naming the
 * parameter and the position.
 */
export function parseCoordinateText(text: string): LonLat[] {
  const body = text.endsWith('.json') ? text.slice(0, -'.json'.length) : text;
  const encoded = /^polyline(6?)\((.*)\)$/s.exec(body);
  if (encoded) {
    const points = decodePolyline(encoded[2], encoded[1] ? 6 : 5);
    if (!points || points.length === 0) throw new OsrmError('InvalidQuery', `coordinates: polyline${encoded[1]}(…) is not a valid encoded polyline`);
    return checkCoordinates(points);
  }
  const points = body.split(';').map((item, i): LonLat => {
    const m = PAIR.exec(item);
    if (!m) throw new OsrmError('InvalidQuery', `coordinates: item ${i} is ${JSON.stringify(item.slice(0, 40))}; expected {longitude},{latitude} pairs separated by ";", e.g. 73.37,54.98;76.95,52.29`);
    return [Number(m[1]), Number(m[2])];
  });
  return checkCoordinates(points);
}

/** Coordinates must be on the globe: longitude -180..180, latitude -90..90. */
export function checkCoordinates(points: readonly LonLat[]): LonLat[] {
  points.forEach(([lon, lat], i) => {
    if (!(Number.isFinite(lon) && Math.abs(lon) <= 180 && Number.isFinite(lat) && Math.abs(lat) <= 90)) {
      throw new OsrmError('InvalidValue', `coordinates: item ${i} (${lon},${lat}) is not a coordinate; longitude must be -180..180 and latitude -90..90`);
    }
  });
  return [...points];
}

/** At least `min` and at most `max` coordinates: fewer is InvalidOptions, more is TooBig (OSRM's codes for these). */
export function checkCount(points: readonly LonLat[], min: number, max: number, service: string): void {
  if (points.length < min) throw new OsrmError('InvalidOptions', `coordinates: ${service} needs at least ${min} coordinate${min === 1 ? '' : 's'}, got ${points.length}`);
  if (points.length > max) throw new OsrmError('TooBig', `coordinates: ${points.length} given; ${service} takes at most ${max} per request`);
}

import { readFileSync } from 'node:fs';
import type { ErrorCode } from '../errors/error-codes.js';
import { DataError, InputError } from '../errors/steppenet-error.js';
import type { Feature, MultiPolygon, Polygon } from 'geojson';

/** A closure area: a GeoJSON Polygon or MultiPolygon, bare, as a Feature, or a FeatureCollection of them. */
export type PolygonInput = Polygon | MultiPolygon | Feature<Polygon | MultiPolygon> | { type: 'FeatureCollection'; features: readonly Feature<Polygon | MultiPolygon>[] };

/** A polygon (file or object) that is not valid GeoJSON Polygon/MultiPolygon: every problem with where it is. */
export class InvalidPolygonError extends DataError {
  static override readonly code: ErrorCode = 'INVALID_FILE';
  constructor(
    /** The file, or "polygon" for an object given to the library. */
    readonly source: string,
    /** Every problem, each with its path in the GeoJSON ("$.features[1].geometry.coordinates[0]: the ring is not closed"). */
    readonly problems: readonly string[],
  ) {
    super(`${source}: not a usable GeoJSON Polygon or MultiPolygon: ${problems.slice(0, 10).join('; ')}${problems.length > 10 ? `; and ${problems.length - 10} more` : ''}`);
  }
}

/** A polygon file that cannot be read at all (no such file, a folder): the caller's path is wrong. */
export class PolygonPathError extends InputError {
  static override readonly code: ErrorCode = 'INVALID_ARGUMENT';
}

/**
 * The polygons of a GeoJSON value, checked: every ring closed, at least four
 * positions, longitudes in [-180, 180] and latitudes in [-90, 90]. Throws
 * InvalidPolygonError listing every problem (with its path in the object).
 */
export function readPolygons(value: unknown, source = 'polygon'): (Polygon | MultiPolygon)[] {
  const problems: string[] = [];
  const out: (Polygon | MultiPolygon)[] = [];
  const geometry = (g: unknown, where: string) => {
    if (typeof g !== 'object' || g === null) return void problems.push(`${where}: expected a geometry object, got ${JSON.stringify(g)}`);
    const { type, coordinates } = g as { type?: unknown; coordinates?: unknown };
    if (type !== 'Polygon' && type !== 'MultiPolygon') return void problems.push(`${where}: type is ${JSON.stringify(type)}, not Polygon or MultiPolygon`);
    const before = problems.length;
    if (type === 'Polygon') polygon(coordinates, `${where}.coordinates`);
    else if (!Array.isArray(coordinates) || coordinates.length === 0) problems.push(`${where}.coordinates: a MultiPolygon needs an array of polygons`);
    else coordinates.forEach((p, i) => polygon(p, `${where}.coordinates[${i}]`));
    if (problems.length === before) out.push(g as Polygon | MultiPolygon);
  };
  const polygon = (rings: unknown, where: string) => {
    if (!Array.isArray(rings) || rings.length === 0) return void problems.push(`${where}: a polygon needs an array of rings`);
    rings.forEach((ring, r) => {
      const at = `${where}[${r}]`;
      if (!Array.isArray(ring) || ring.length < 4) return void problems.push(`${at}: a ring needs at least 4 positions, got ${Array.isArray(ring) ? ring.length : JSON.stringify(ring)}`);
      const bad = ring.findIndex((p) => !Array.isArray(p) || p.length < 2 || !isLon(p[0]) || !isLat(p[1]));
      if (bad >= 0) return void problems.push(`${at}[${bad}]: ${JSON.stringify(ring[bad])} is not a [longitude, latitude] position`);
      const [first, last] = [ring[0] as number[], ring[ring.length - 1] as number[]];
      if (first[0] !== last[0] || first[1] !== last[1]) problems.push(`${at}: the ring is not closed (its last position must repeat the first)`);
    });
  };
  const item = (v: unknown, where: string) => {
    if (typeof v !== 'object' || v === null) return void problems.push(`${where}: expected a GeoJSON object, got ${JSON.stringify(v)}`);
    const o = v as { type?: unknown; geometry?: unknown; features?: unknown };
    if (o.type === 'Feature') geometry(o.geometry, `${where}.geometry`);
    else if (o.type === 'FeatureCollection') {
      if (!Array.isArray(o.features) || o.features.length === 0) problems.push(`${where}.features: a FeatureCollection needs at least one feature`);
      else o.features.forEach((f, i) => item(f, `${where}.features[${i}]`));
    } else geometry(v, where);
  };
  item(value, '$');
  if (problems.length) throw new InvalidPolygonError(source, problems);
  return out;
}

/** The polygons of a GeoJSON file (see readPolygons). */
export function readPolygonFile(path: string): (Polygon | MultiPolygon)[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new PolygonPathError(`cannot read polygon file ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new InvalidPolygonError(path, [`not JSON: ${(e as Error).message}`]);
  }
  return readPolygons(value, path);
}

const isLon = (x: unknown) => typeof x === 'number' && Number.isFinite(x) && x >= -180 && x <= 180;
const isLat = (x: unknown) => typeof x === 'number' && Number.isFinite(x) && x >= -90 && x <= 90;

import { createRequire } from 'node:module';
// The two Turf modules on their own: the @turf/turf barrel costs ~0.3 s of start-up per CLI call.
import { bboxClip } from '@turf/bbox-clip';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { pointToPolygonDistance } from '@turf/point-to-polygon-distance';
import { pointToLineDistance } from '@turf/point-to-line-distance';
import { isAlpha2, numericToAlpha2 } from './iso-countries.js';
import { feature } from 'topojson-client';
import type { BBox, Feature, FeatureCollection, LineString, MultiPolygon, Polygon, Position } from 'geojson';
import type { Topology, GeometryCollection, GeometryObject } from 'topojson-specification';

type Outline = Feature<Polygon | MultiPolygon>;

// Natural Earth 1:50m outlines (world-atlas): about 1 km of error at the
// border, which the tolerance below absorbs. A country's arcs are decoded
// into polygons when it is first asked for: validating a network needs a
// handful of the world's 240 (start-up, issue 16).
let topology: Topology<{ countries: GeometryCollection }> | undefined;
let geometriesByCode: Map<string, GeometryObject[]> | undefined;
const outlinesByCode = new Map<string, Outline[]>();

/** The topology's country geometries by ISO alpha-2 code, in the file's order (no arc decoded yet). */
function countryGeometries(): Map<string, GeometryObject[]> {
  if (geometriesByCode) return geometriesByCode;
  const require = createRequire(import.meta.url);
  topology = require('world-atlas/countries-50m.json') as Topology<{ countries: GeometryCollection }>;
  geometriesByCode = new Map();
  for (const geometry of topology.objects.countries.geometries) {
    const alpha2 = numericToAlpha2(String(geometry.id ?? ''));
    if (!alpha2) continue;
    geometriesByCode.set(alpha2, [...(geometriesByCode.get(alpha2) ?? []), geometry]);
  }
  return geometriesByCode;
}

/** The country's outlines (empty for a code the atlas lacks). */
function outlinesOf(code: string): Outline[] {
  let list = outlinesByCode.get(code);
  if (list) return list;
  list = (countryGeometries().get(code) ?? []).map((g) => feature(topology!, g) as Feature).filter((f): f is Outline => f.geometry !== null);
  outlinesByCode.set(code, list);
  return list;
}

/** Every country with an outline, and its outlines, in the atlas's order. */
function loadOutlines(): Map<string, Outline[]> {
  const all = new Map<string, Outline[]>();
  for (const code of countryGeometries().keys()) {
    const list = outlinesOf(code);
    if (list.length) all.set(code, list);
  }
  return all;
}

export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && isAlpha2(code);
}

/** The ISO alpha-2 code of the country containing the point, if any. */
export function countryAt(lon: number, lat: number): string | undefined {
  for (const [code, list] of loadOutlines()) {
    for (const outline of list) if (booleanPointInPolygon([lon, lat], outline)) return code;
  }
  return undefined;
}

/** Km from the point to the country's outline (0 inside); Infinity if the outline is unknown. */
export function distanceToCountryKm(lon: number, lat: number, code: string): number {
  const list = outlinesOf(code);
  if (!list.length) return Infinity;
  let best = Infinity;
  for (const outline of list) {
    if (booleanPointInPolygon([lon, lat], outline)) return 0;
    best = Math.min(best, Math.abs(pointToPolygonDistance([lon, lat], outline, { units: 'kilometers' })));
  }
  return best;
}

/**
 * Whether the point lies inside the country's outline or at most `km` from
 * it: the same answer as `distanceToCountryKm(...) <= km`, without testing
 * each polygon and measuring the distance to every edge of an outline as
 * large as Russia's (network validation, on every load: issue 16's start-up).
 * The country's edges, indexed by degree of latitude, give the crossings of
 * a ray from the point (odd: inside); then only the edges whose box, widened
 * by `km` and by a margin for the bulge of a great circle, holds the point
 * are measured, with the same geodesic distance. An edge nearer than `km` is always among them, and
 * a point on an edge is 0 km from it, so a place farther than `km` is still
 * found farther; callers measure it with distanceToCountryKm for the message.
 */
export function withinCountryKm(lon: number, lat: number, code: string, km: number): boolean {
  if (!outlinesOf(code).length) return false;
  // 1° of latitude is at least 110.5 km, 1° of longitude at least 110.5 km × cos(latitude) within the box.
  const dLat = km / 110.5;
  const maxLat = Math.abs(lat) + dLat;
  const dLon = maxLat < 89 ? km / (110.5 * Math.cos((maxLat * Math.PI) / 180)) : 360;
  // Near the antimeridian or a pole the box does not hold: measure every edge.
  if (Math.abs(lon) + dLon >= 180) return distanceToCountryKm(lon, lat, code) <= km;
  const { edges, bandStart, bandItems } = outlineEdges(code);
  // Even-odd rule over every ring of every polygon (the polygons do not overlap; holes count as rings):
  // an edge that a ray from the point crosses spans the point's latitude, so it is in the point's band, once.
  let inside = false;
  for (let j = bandStart[bandOf(lat)]!; j < bandStart[bandOf(lat) + 1]!; j++) {
    const i = bandItems[j]!;
    const ax = edges[i]!, ay = edges[i + 1]!, bx = edges[i + 2]!, by = edges[i + 3]!;
    if (ay > lat !== by > lat && lon < ax + ((lat - ay) * (bx - ax)) / (by - ay)) inside = !inside;
  }
  if (inside) return true;
  const near = new Set<number>();
  // The bands from lat - dLat to lat + dLat lie together in bandItems (an edge in several of them comes up more than once).
  for (let j = bandStart[bandOf(lat - dLat)]!; j < bandStart[bandOf(lat + dLat) + 1]!; j++) {
    const i = bandItems[j]!;
    const ax = edges[i]!, ay = edges[i + 1]!, bx = edges[i + 2]!, by = edges[i + 3]!;
    const bulge = bulgeDeg(ax, ay, bx, by);
    if (lon < Math.min(ax, bx) - dLon - bulge || lon > Math.max(ax, bx) + dLon + bulge) continue;
    if (lat < Math.min(ay, by) - dLat - bulge || lat > Math.max(ay, by) + dLat + bulge) continue;
    near.add(i);
  }
  for (const i of near) {
    const line: LineString = { type: 'LineString', coordinates: [[edges[i]!, edges[i + 1]!], [edges[i + 2]!, edges[i + 3]!]] };
    if (pointToLineDistance([lon, lat], line, { units: 'kilometers' }) <= km) return true;
  }
  return false;
}

/** A great circle bows away from the straight line between its ends by far less than a tenth of its length. */
const bulgeDeg = (ax: number, ay: number, bx: number, by: number) => 0.1 * Math.max(Math.abs(bx - ax), Math.abs(by - ay));

interface OutlineEdges {
  /** Every edge of every ring of the country's outlines, as [ax, ay, bx, by] in a row. */
  edges: Float64Array;
  /**
   * The edges by whole degree of latitude (band b = [b, b + 1)): the offsets in `edges` of those whose
   * latitudes, widened by their bulge, reach into band b are bandItems[bandStart[b + 90] .. bandStart[b + 91]).
   */
  bandStart: Int32Array;
  bandItems: Int32Array;
}

const edgesByCountry = new Map<string, OutlineEdges>();
const bandOf = (lat: number) => Math.min(90, Math.max(-90, Math.floor(lat))) + 90;

function outlineEdges(code: string): OutlineEdges {
  let found = edgesByCountry.get(code);
  if (found) return found;
  const rings: Position[][] = [];
  for (const { geometry } of outlinesOf(code)) for (const polygon of geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) rings.push(...polygon);
  let count = 0;
  for (const ring of rings) count += Math.max(0, ring.length - 1);
  const edges = new Float64Array(4 * count);
  let k = 0;
  for (const ring of rings) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const a = ring[i]!, b = ring[i + 1]!;
      edges[k++] = a[0]!; edges[k++] = a[1]!; edges[k++] = b[0]!; edges[k++] = b[1]!;
    }
  }
  // Two passes: count the edges of each band, then place them.
  const bandStart = new Int32Array(183);
  const bandRange = (i: number): [number, number] => {
    const ay = edges[i + 1]!, by = edges[i + 3]!, bulge = bulgeDeg(edges[i]!, ay, edges[i + 2]!, by);
    return [bandOf(Math.min(ay, by) - bulge), bandOf(Math.max(ay, by) + bulge)];
  };
  for (let i = 0; i < edges.length; i += 4) {
    const [lo, hi] = bandRange(i);
    for (let band = lo; band <= hi; band++) bandStart[band + 2]!++;
  }
  for (let band = 2; band < bandStart.length; band++) bandStart[band]! += bandStart[band - 1]!;
  const bandItems = new Int32Array(bandStart[bandStart.length - 1]!);
  for (let i = 0; i < edges.length; i += 4) {
    const [lo, hi] = bandRange(i);
    for (let band = lo; band <= hi; band++) bandItems[bandStart[band + 1]!++] = i;
  }
  found = { edges, bandStart, bandItems };
  edgesByCountry.set(code, found);
  return found;
}

/** Every country's outline (Natural Earth 1:50m), with its ISO alpha-2 code: the background of the report's maps. */
export function countryOutlines(): { code: string; outline: Outline }[] {
  return [...loadOutlines()].flatMap(([code, list]) => list.map((outline) => ({ code, outline })));
}

/**
 * The country outlines that reach into `bbox` ([west, south, east, north]),
 * clipped to it, each with its ISO alpha-2 code as `country`: a basemap for
 * the area with no tile server. Coordinates are rounded to 0.001° (about
 * 100 m, finer than the outlines' own error) to keep the answer small.
 */
export function countryOutlinesWithin(bbox: BBox): FeatureCollection<Polygon | MultiPolygon, { country: string }> {
  const [west, south, east, north] = bbox;
  const features: Feature<Polygon | MultiPolygon, { country: string }>[] = [];
  for (const [code, list] of loadOutlines()) {
    for (const outline of list) {
      const clipped = bboxClip(outline, [west, south, east, north]).geometry as Polygon | MultiPolygon;
      const rings: Position[][][] = clipped.type === 'Polygon' ? [clipped.coordinates] : clipped.coordinates;
      const polygons = rings
        .map((polygon) => polygon.map((ring) => ring.map(([lon, lat]) => [round3(lon), round3(lat)])).filter((ring) => ring.length >= 4))
        .filter((polygon) => polygon.length > 0);
      if (polygons.length === 0) continue;
      features.push({ type: 'Feature', geometry: { type: 'MultiPolygon', coordinates: polygons }, properties: { country: code } });
    }
  }
  return { type: 'FeatureCollection', features };
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;

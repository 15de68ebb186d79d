import { createRequire } from 'node:module';
// The two Turf modules on their own: the @turf/turf barrel costs ~0.3 s of start-up per CLI call.
import { bboxClip } from '@turf/bbox-clip';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { pointToPolygonDistance } from '@turf/point-to-polygon-distance';
import { pointToLineDistance } from '@turf/point-to-line-distance';
import { isAlpha2, numericToAlpha2 } from './iso-countries.js';
import { feature } from 'topojson-client';
import type { BBox, Feature, FeatureCollection, LineString, MultiPolygon, Polygon, Position } from 'geojson';
import type { Topology, GeometryCollection } from 'topojson-specification';

type Outline = Feature<Polygon | MultiPolygon>;

// Natural Earth 1:50m outlines (world-atlas): about 1 km of error at the
// border, which the tolerance below absorbs.
let outlines: Map<string, Outline[]> | undefined;

function loadOutlines(): Map<string, Outline[]> {
  if (outlines) return outlines;
  const require = createRequire(import.meta.url);
  const topology = require('world-atlas/countries-50m.json') as Topology<{ countries: GeometryCollection }>;
  const collection = feature(topology, topology.objects.countries);
  outlines = new Map();
  for (const f of collection.features) {
    const alpha2 = numericToAlpha2(String(f.id ?? ''));
    if (!alpha2 || !f.geometry) continue;
    const list = outlines.get(alpha2) ?? [];
    list.push(f as Outline);
    outlines.set(alpha2, list);
  }
  return outlines;
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
  const list = loadOutlines().get(code);
  if (!list) return Infinity;
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
 * One pass over the country's edges counts the crossings of a ray from the
 * point (odd: inside) and measures, with the same geodesic distance, only the
 * edges whose box, widened by `km` and by a margin for the bulge of a great
 * circle, holds the point. An edge nearer than `km` is always among them, and
 * a point on an edge is 0 km from it, so a place farther than `km` is still
 * found farther; callers measure it with distanceToCountryKm for the message.
 */
export function withinCountryKm(lon: number, lat: number, code: string, km: number): boolean {
  if (!loadOutlines().has(code)) return false;
  // 1° of latitude is at least 110.5 km, 1° of longitude at least 110.5 km × cos(latitude) within the box.
  const dLat = km / 110.5;
  const maxLat = Math.abs(lat) + dLat;
  const dLon = maxLat < 89 ? km / (110.5 * Math.cos((maxLat * Math.PI) / 180)) : 360;
  // Near the antimeridian or a pole the box does not hold: measure every edge.
  if (Math.abs(lon) + dLon >= 180) return distanceToCountryKm(lon, lat, code) <= km;
  const edges = outlineEdges(code);
  let inside = false;
  const near: number[] = [];
  for (let i = 0; i < edges.length; i += 4) {
    const ax = edges[i]!, ay = edges[i + 1]!, bx = edges[i + 2]!, by = edges[i + 3]!;
    // Even-odd rule over every ring of every polygon (the polygons do not overlap; holes count as rings).
    if (ay > lat !== by > lat && lon < ax + ((lat - ay) * (bx - ax)) / (by - ay)) inside = !inside;
    // A great circle bows away from the straight line between its ends by far less than a tenth of its length.
    const bulge = 0.1 * Math.max(Math.abs(bx - ax), Math.abs(by - ay));
    if (lon < Math.min(ax, bx) - dLon - bulge || lon > Math.max(ax, bx) + dLon + bulge) continue;
    if (lat < Math.min(ay, by) - dLat - bulge || lat > Math.max(ay, by) + dLat + bulge) continue;
    near.push(i);
  }
  if (inside) return true;
  for (const i of near) {
    const line: LineString = { type: 'LineString', coordinates: [[edges[i]!, edges[i + 1]!], [edges[i + 2]!, edges[i + 3]!]] };
    if (pointToLineDistance([lon, lat], line, { units: 'kilometers' }) <= km) return true;
  }
  return false;
}

const edgesByCountry = new Map<string, Float64Array>();

/** Every edge of every ring of the country's outlines, as [ax, ay, bx, by] in a row. */
function outlineEdges(code: string): Float64Array {
  let edges = edgesByCountry.get(code);
  if (edges) return edges;
  const rings = (loadOutlines().get(code) ?? []).flatMap(({ geometry }) => (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates).flat());
  edges = new Float64Array(4 * rings.reduce((n, ring) => n + Math.max(0, ring.length - 1), 0));
  let k = 0;
  for (const ring of rings) {
    for (let i = 0; i + 1 < ring.length; i++) {
      edges[k++] = ring[i]![0]!; edges[k++] = ring[i]![1]!; edges[k++] = ring[i + 1]![0]!; edges[k++] = ring[i + 1]![1]!;
    }
  }
  edgesByCountry.set(code, edges);
  return edges;
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

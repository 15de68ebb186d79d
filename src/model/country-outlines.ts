import { createRequire } from 'node:module';
// The two Turf modules on their own: the @turf/turf barrel costs ~0.3 s of start-up per CLI call.
import { bboxClip } from '@turf/bbox-clip';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { pointToPolygonDistance } from '@turf/point-to-polygon-distance';
import countries from 'i18n-iso-countries';
import { feature } from 'topojson-client';
import type { BBox, Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
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
    const alpha2 = countries.numericToAlpha2(String(f.id ?? ''));
    if (!alpha2 || !f.geometry) continue;
    const list = outlines.get(alpha2) ?? [];
    list.push(f as Outline);
    outlines.set(alpha2, list);
  }
  return outlines;
}

export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && countries.isValid(code);
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

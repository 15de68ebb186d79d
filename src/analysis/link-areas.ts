/**
 * Links by where they lie: near a point, inside a polygon, in a region, in a
 * cell of a grid. A link's line is its GeoJSON LineString.
 */
// The Turf modules on their own: the @turf/turf barrel costs ~0.3 s of start-up per CLI call.
import { booleanIntersects } from '@turf/boolean-intersects';
import { pointToLineDistance } from '@turf/point-to-line-distance';
import type { MultiPolygon, Polygon } from 'geojson';
import { InputError } from '../errors/steppenet-error.js';
import type { Network } from '../model/network.js';

/** A circle: `km` around a place (id or name) or a [longitude, latitude] point. */
export interface Around {
  /** The radius in km (great-circle). */
  km: number;
  /** A place id or name, or a [longitude, latitude] point. */
  around: string | readonly [number, number];
}

/** The links whose line comes within `km` of the centre (great-circle distance to the line, Turf's geodesic pointToLineDistance). */
export function linksWithin(network: Network, area: Around): { ids: string[]; label: string } {
  if (typeof area !== 'object' || area === null) throw new InputError(`selectLinks: within must be { km, around }, got ${JSON.stringify(area)}`);
  const { km, around } = area;
  if (typeof km !== 'number' || !Number.isFinite(km) || km <= 0) throw new InputError(`selectLinks: within.km must be a positive number of km, got ${JSON.stringify(km)}`);
  let centre: [number, number];
  let label: string;
  if (typeof around === 'string') {
    const place = network.resolvePlace(around);
    centre = [...place.geometry.coordinates];
    label = `within ${km} km of ${place.properties.name}`;
  } else if (Array.isArray(around) && around.length === 2 && isLon(around[0]) && isLat(around[1])) {
    centre = [around[0], around[1]];
    label = `within ${km} km of ${around[1]}, ${around[0]} (lat, lon)`;
  } else {
    throw new InputError(`selectLinks: within.around must be a place name or a [longitude, latitude] point, got ${JSON.stringify(around)}`);
  }
  const ids = network.links
    .filter((l) => pointToLineDistance(centre, l.geometry, { units: 'kilometers' }) <= km)
    .map((l) => l.properties.id);
  return { ids, label };
}

/** The links whose line intersects any of the polygons (a link along an edge or touching a corner counts). */
export function linksIntersecting(network: Network, polygons: readonly (Polygon | MultiPolygon)[]): string[] {
  return network.links.filter((l) => polygons.some((p) => booleanIntersects(l.geometry, p))).map((l) => l.properties.id);
}

/** Each region's links: every link with an end in it (a crossing belongs to the regions on both sides). */
export function linksByRegion(network: Network): Map<string, string[]> {
  const byRegion = new Map<string, string[]>();
  for (const l of network.links) {
    const p = l.properties;
    const regions = new Set([p.from, p.to].map((id) => network.place(id)!.properties.region).filter((r): r is string => !!r));
    for (const r of regions) {
      const list = byRegion.get(r) ?? [];
      list.push(p.id);
      byRegion.set(r, list);
    }
  }
  return byRegion;
}

/** A cell of a grid of `size` degrees aligned on multiples of it: its west and south edges. */
export interface GridCell {
  /** Longitude of the west edge, degrees. */
  west: number;
  /** Latitude of the south edge, degrees. */
  south: number;
  /** Side of the cell, degrees. */
  size: number;
}

/** Cells a grid may hold before it is refused: each is one closure scan. */
export const MAX_GRID_CELLS = 20_000;

/**
 * The links in each cell of a grid of `size` degrees (lines straight in
 * longitude and latitude, as GeoJSON draws them; a line along a cell's edge
 * is in both cells). Only cells that hold a link are returned.
 */
export function linksByGridCell(network: Network, size: number): Map<string, { cell: GridCell; links: string[] }> {
  if (typeof size !== 'number' || !Number.isFinite(size) || size <= 0 || size > 90) {
    throw new InputError(`areaCriticality: grid size must be a number of degrees in (0, 90], got ${JSON.stringify(size)}`);
  }
  const cells = new Map<string, { cell: GridCell; links: string[] }>();
  for (const l of network.links) {
    const coords = l.geometry.coordinates;
    const mine = new Set<string>();
    for (let s = 0; s + 1 < coords.length; s++) {
      const [x0, y0] = coords[s];
      const [x1, y1] = coords[s + 1];
      // Cell edges in floating point are off by an ulp (0.1 × 600 is 60.00000000000001): a line on an edge, to
      // within EDGE_TOLERANCE, is in the cells on both sides.
      for (let i = Math.floor((Math.min(x0, x1) - EDGE_TOLERANCE) / size); i <= Math.floor((Math.max(x0, x1) + EDGE_TOLERANCE) / size); i++) {
        for (let j = Math.floor((Math.min(y0, y1) - EDGE_TOLERANCE) / size); j <= Math.floor((Math.max(y0, y1) + EDGE_TOLERANCE) / size); j++) {
          if (mine.has(`${i},${j}`)) continue;
          const [w, so, e, n] = [i * size - EDGE_TOLERANCE, j * size - EDGE_TOLERANCE, (i + 1) * size + EDGE_TOLERANCE, (j + 1) * size + EDGE_TOLERANCE];
          if (segmentMeetsBox(x0, y0, x1, y1, w, so, e, n)) mine.add(`${i},${j}`);
          if (mine.size + cells.size > MAX_GRID_CELLS) {
            throw new InputError(`areaCriticality: a grid of ${size}° cuts the network into more than ${MAX_GRID_CELLS} cells; take larger cells`);
          }
        }
      }
    }
    for (const key of mine) {
      const [i, j] = key.split(',').map(Number);
      const entry = cells.get(key) ?? { cell: { west: round(i * size), south: round(j * size), size }, links: [] };
      entry.links.push(l.properties.id);
      cells.set(key, entry);
    }
  }
  return cells;
}

/** Degrees (about 0.1 mm): how near a cell's edge a line counts as on it. */
const EDGE_TOLERANCE = 1e-9;

/** Liang–Barsky: does the segment meet the closed box? */
function segmentMeetsBox(x0: number, y0: number, x1: number, y1: number, xmin: number, ymin: number, xmax: number, ymax: number): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = x1 - x0;
  const dy = y1 - y0;
  const clip = (p: number, q: number): boolean => {
    if (p === 0) return q >= 0;
    const r = q / p;
    if (p < 0) {
      if (r > t1) return false;
      if (r > t0) t0 = r;
    } else {
      if (r < t0) return false;
      if (r < t1) t1 = r;
    }
    return true;
  };
  return clip(-dx, x0 - xmin) && clip(dx, xmax - x0) && clip(-dy, y0 - ymin) && clip(dy, ymax - y0);
}

/** Cell edges as decimals people write (0.1 × 3 is 0.3, not 0.30000000000000004). */
const round = (x: number) => Math.round(x * 1e9) / 1e9;
const isLon = (x: unknown) => typeof x === 'number' && Number.isFinite(x) && x >= -180 && x <= 180;
const isLat = (x: unknown) => typeof x === 'number' && Number.isFinite(x) && x >= -90 && x <= 90;

import type { LinkSelection } from '../analysis/link-selection.js';
import type { Around } from '../analysis/link-areas.js';
import { readPolygonFile } from '../io/polygon-file.js';
import { list, type ParsedArgs } from './command.js';
import { UsageError } from './usage-error.js';

/** Links chosen by area, beside (or instead of) the ids and names of a command's selection argument. */
export const AREA_SELECTION_OPTIONS = {
  within: {
    type: 'string', value: 'KMkm:PLACE|KMkm:LAT,LON',
    description: 'every link whose line comes within KM km of a place or a point, e.g. 50km:Semey or 50km:54.98,73.37 (latitude first)',
  },
  polygon: { type: 'string', value: 'FILE', description: 'every link whose line meets a polygon of this GeoJSON file (Polygon or MultiPolygon, bare, a Feature or a FeatureCollection)' },
  region: { type: 'string', value: 'NAME[,NAME]', description: 'every link with an end in the region(s), e.g. "Omsk Oblast" (its border crossings too)' },
  crossings: { type: 'string', value: 'CC[,CC]', description: "every border crossing of the country (ISO alpha-2 code, e.g. KZ)" },
} as const;

/** "50km:Semey" → { km: 50, around: 'Semey' }; "50km:54.98,73.37" → { km: 50, around: [73.37, 54.98] }. */
export function parseWithin(value: string, usage: string): Around {
  const m = /^\s*(\d+(?:\.\d+)?)\s*km\s*:\s*(.+?)\s*$/i.exec(value);
  const km = m ? Number(m[1]) : NaN;
  if (!m || !(km > 0)) throw new UsageError(`--within must be KMkm:PLACE or KMkm:LAT,LON with KM > 0, e.g. 50km:Semey or 50km:54.98,73.37; got ${JSON.stringify(value)}`, usage);
  const point = /^(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)$/.exec(m[2]);
  if (!point) return { km, around: m[2] };
  const [lat, lon] = [Number(point[1]), Number(point[2])];
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) throw new UsageError(`--within: ${m[2]} is not a point LAT,LON (latitude in [-90, 90], longitude in [-180, 180])`, usage);
  return { km, around: [lon, lat] };
}

/** The area options given, as a LinkSelection (undefined when none is). */
export function areaSelection(args: ParsedArgs, usage: string): LinkSelection | undefined {
  const sel: { -readonly [K in keyof LinkSelection]: LinkSelection[K] } = {};
  if (typeof args.values.within === 'string') sel.within = [parseWithin(args.values.within, usage)];
  if (typeof args.values.polygon === 'string') sel.polygons = [{ type: 'FeatureCollection', features: readPolygonFile(args.values.polygon).map((geometry) => ({ type: 'Feature', geometry, properties: {} })) }];
  const regions = list(args, 'region');
  if (regions) sel.regions = regions;
  const crossings = list(args, 'crossings');
  if (crossings) sel.crossings = crossings.map((c) => c.toUpperCase());
  return Object.keys(sel).length ? sel : undefined;
}

/** "within 50 km of Semey, polygon area.geojson": what the area options chose, for the output's first line. */
export function describeAreaSelection(args: ParsedArgs): string[] {
  const parts: string[] = [];
  if (typeof args.values.within === 'string') parts.push(`within ${args.values.within}`);
  if (typeof args.values.polygon === 'string') parts.push(`meeting ${args.values.polygon}`);
  if (typeof args.values.region === 'string') parts.push(`in ${args.values.region}`);
  if (typeof args.values.crossings === 'string') parts.push(`crossings of ${args.values.crossings}`);
  return parts;
}

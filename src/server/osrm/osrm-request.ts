/**
 * The options of a GET query string or a POST body, read into one request
 * shape per service, so that each service has one code path for both.
 */
import type { Static } from 'typebox';
import { checkCoordinates, parseCoordinateText } from './coordinates.js';
import { OsrmError } from './osrm-error.js';
import type { LonLat } from './polyline.js';
import { ROUTE_ANNOTATIONS, TABLE_ANNOTATIONS, type NearestQuery, type RouteBody, type RouteQuery, type TableBody, type TableQuery } from './schemas.js';
import type { RouteShape } from './osrm-route.js';

interface Snapping {
  coordinates: LonLat[];
  /** Metres per coordinate; null for no limit. */
  radiuses?: (number | null)[];
  generateHints: boolean;
  skipWaypoints: boolean;
}

export interface RouteRequest extends Snapping, RouteShape {
  alternatives: number;
}

export interface TableRequest extends Snapping {
  sources?: number[];
  destinations?: number[];
  annotations: (typeof TABLE_ANNOTATIONS)[number][];
}

export interface NearestRequest extends Snapping {
  number: number;
}

type CommonOptions = { generate_hints?: boolean; skip_waypoints?: boolean };

const snapping = (coordinates: LonLat[], radiuses: (number | null)[] | undefined, o: CommonOptions): Snapping => ({
  coordinates,
  ...(radiuses ? { radiuses } : {}),
  generateHints: o.generate_hints ?? true,
  skipWaypoints: o.skip_waypoints ?? false,
});

/** "100;;unlimited" → [100, null, null]. */
const radiusList = (text: string | undefined) => text?.split(';').map((r) => (r === '' || r === 'unlimited' ? null : Number(r)));

const bodyRadiuses = (radiuses: readonly (number | 'unlimited' | null)[] | undefined) => radiuses?.map((r) => (typeof r === 'number' ? r : null));

const bodyCoordinates = (coordinates: Static<typeof RouteBody>['coordinates']): LonLat[] =>
  typeof coordinates === 'string' ? parseCoordinateText(coordinates) : checkCoordinates(coordinates as LonLat[]);

const indexList = (text: string | undefined) => (text === undefined || text === 'all' ? undefined : text.split(';').map(Number));

export function routeRequestOfQuery(coordinates: string, q: Static<typeof RouteQuery>): RouteRequest {
  const annotations = q.annotations === undefined || q.annotations === 'false' ? [] : q.annotations === 'true' ? [...ROUTE_ANNOTATIONS] : q.annotations.split(',');
  return {
    ...snapping(parseCoordinateText(coordinates), radiusList(q.radiuses), q),
    alternatives: q.alternatives === undefined || q.alternatives === 'false' ? 0 : q.alternatives === 'true' ? 1 : Number(q.alternatives),
    steps: q.steps ?? false,
    geometries: q.geometries ?? 'polyline',
    overview: q.overview ?? 'simplified',
    annotations: [...new Set(annotations)] as RouteShape['annotations'][number][],
  };
}

export function routeRequestOfBody(b: Static<typeof RouteBody>): RouteRequest {
  const annotations = b.annotations === true ? [...ROUTE_ANNOTATIONS] : b.annotations === false || b.annotations === undefined ? [] : b.annotations;
  return {
    ...snapping(bodyCoordinates(b.coordinates), bodyRadiuses(b.radiuses), b),
    alternatives: b.alternatives === true ? 1 : b.alternatives === false || b.alternatives === undefined ? 0 : b.alternatives,
    steps: b.steps ?? false,
    geometries: b.geometries ?? 'polyline',
    overview: b.overview ?? 'simplified',
    annotations: [...new Set(annotations)],
  };
}

export function tableRequestOfQuery(coordinates: string, q: Static<typeof TableQuery>): TableRequest {
  return {
    ...snapping(parseCoordinateText(coordinates), radiusList(q.radiuses), q),
    ...optional('sources', indexList(q.sources)),
    ...optional('destinations', indexList(q.destinations)),
    annotations: [...new Set(q.annotations?.split(',') ?? ['duration'])] as TableRequest['annotations'],
  };
}

export function tableRequestOfBody(b: Static<typeof TableBody>): TableRequest {
  const annotations = b.annotations === true ? [...TABLE_ANNOTATIONS] : b.annotations === false || b.annotations === undefined ? ['duration' as const] : b.annotations;
  if (annotations.length === 0) throw new OsrmError('InvalidOptions', 'annotations: an empty list asks for no table; give duration, distance or both');
  return {
    ...snapping(bodyCoordinates(b.coordinates), bodyRadiuses(b.radiuses), b),
    ...optional('sources', b.sources),
    ...optional('destinations', b.destinations),
    annotations: [...new Set(annotations)],
  };
}

export function nearestRequestOfQuery(coordinates: string, q: Static<typeof NearestQuery>): NearestRequest {
  return { ...snapping(parseCoordinateText(coordinates), radiusList(q.radiuses), q), number: q.number ?? 1 };
}

const optional = <K extends string, V>(key: K, value: V | undefined) => (value === undefined ? {} : ({ [key]: value } as Record<K, V>));

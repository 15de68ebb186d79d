/**
 * TypeBox schemas of the OSRM-compatible services (docs/http.md of
 * Project-OSRM/osrm-backend): one schema validates the request, serialises
 * the answer, documents both in /openapi.json and types the handlers.
 */
import { Type, type Static } from 'typebox';
import { OSRM_ERROR_CODES } from './osrm-error.js';

export const PROFILES = ['road', 'rail', 'river', 'multimodal'] as const;
export type Profile = (typeof PROFILES)[number];

export const GEOMETRIES = ['geojson', 'polyline', 'polyline6'] as const;
export const OVERVIEWS = ['simplified', 'full', 'false'] as const;
/** Per-segment figures a route leg can carry (OSRM's `nodes`, `datasources` and `weight` have no meaning here). */
export const ROUTE_ANNOTATIONS = ['distance', 'duration', 'speed'] as const;
export const TABLE_ANNOTATIONS = ['duration', 'distance'] as const;

const literals = <T extends readonly string[]>(values: T) => Type.Unsafe<T[number]>({ type: 'string', enum: [...values] });
const list = (items: readonly string[], separator: string) => `(${items.join('|')})(${separator}(${items.join('|')}))*`;

const RADIUS = String.raw`(\d+(\.\d+)?|unlimited)?`;

// [longitude, latitude] as a two-number array, not a tuple: OpenAPI 3.0 schemas have no tuples.
const LonLatSchema = Type.Unsafe<[number, number]>(Type.Array(Type.Number(), { minItems: 2, maxItems: 2, description: '[longitude, latitude]' }));

// Options every service takes (OSRM's "general options" this server honours).
const commonQuery = {
  generate_hints: Type.Optional(Type.Boolean({ description: 'Add `hint` (the place id) to each waypoint; default true.' })),
  skip_waypoints: Type.Optional(Type.Boolean({ description: 'Leave the waypoints out of the answer; default false.' })),
  radiuses: Type.Optional(Type.String({ pattern: `^${RADIUS}(;${RADIUS})*$`, description: 'Per coordinate, the farthest (metres) it may snap; empty or `unlimited` for no limit.' })),
  hints: Type.Optional(Type.String({ description: 'Accepted for compatibility and ignored.' })),
};

export const RouteParams = Type.Object({
  profile: Type.String({ description: `One of ${PROFILES.join(', ')}.` }),
  coordinates: Type.String({ description: '`{lon},{lat};{lon},{lat}…`, `polyline(…)` or `polyline6(…)`.' }),
});
export const ProfileParams = Type.Object({ profile: Type.String({ description: `One of ${PROFILES.join(', ')}.` }) });
export const NearestParams = Type.Object({
  profile: Type.String({ description: `One of ${PROFILES.join(', ')}.` }),
  coordinates: Type.String({ description: 'One `{lon},{lat}`.' }),
});

export const RouteQuery = Type.Object(
  {
    ...commonQuery,
    alternatives: Type.Optional(Type.String({ pattern: String.raw`^(true|false|\d+)$`, description: '`true` (one), `false` (default) or how many alternative routes; two coordinates only.' })),
    steps: Type.Optional(Type.Boolean({ description: 'One step per mode leg of each route leg; default false.' })),
    geometries: Type.Optional(literals(GEOMETRIES)),
    overview: Type.Optional(literals(OVERVIEWS)),
    annotations: Type.Optional(Type.String({ pattern: `^(true|false|${list(ROUTE_ANNOTATIONS, ',')})$`, description: '`true`, `false` (default) or a comma list of distance, duration, speed.' })),
    continue_straight: Type.Optional(literals(['default', 'true', 'false'] as const)),
  },
  { additionalProperties: false },
);

export const TableQuery = Type.Object(
  {
    ...commonQuery,
    sources: Type.Optional(Type.String({ pattern: String.raw`^(all|\d+(;\d+)*)$`, description: '`all` (default) or indices of the coordinates, `;`-separated.' })),
    destinations: Type.Optional(Type.String({ pattern: String.raw`^(all|\d+(;\d+)*)$`, description: '`all` (default) or indices of the coordinates, `;`-separated.' })),
    annotations: Type.Optional(Type.String({ pattern: `^${list(TABLE_ANNOTATIONS, ',')}$`, description: '`duration` (default), `distance` or `duration,distance`.' })),
  },
  { additionalProperties: false },
);

export const NearestQuery = Type.Object(
  { ...commonQuery, number: Type.Optional(Type.Integer({ description: 'How many places, nearest first; default 1.' })) },
  { additionalProperties: false },
);

// POST bodies: the URL's options as JSON keys, as osrm-backend takes them.
// Null first in unions: Ajv's type coercion would turn null into 0 for a number branch tried before it.
const commonBody = {
  coordinates: Type.Union([Type.Array(LonLatSchema), Type.String({ pattern: String.raw`^polyline6?\(.*\)$` })], {
    description: '`[[lon, lat], …]` or a `polyline(…)` / `polyline6(…)` string.',
  }),
  generate_hints: Type.Optional(Type.Boolean()),
  skip_waypoints: Type.Optional(Type.Boolean()),
  radiuses: Type.Optional(Type.Array(Type.Union([Type.Null(), Type.Literal('unlimited'), Type.Number({ minimum: 0 })]))),
  hints: Type.Optional(Type.Array(Type.Union([Type.Null(), Type.String()]))),
};

export const RouteBody = Type.Object(
  {
    ...commonBody,
    alternatives: Type.Optional(Type.Union([Type.Boolean(), Type.Integer({ minimum: 0 })])),
    steps: Type.Optional(Type.Boolean()),
    geometries: Type.Optional(literals(GEOMETRIES)),
    overview: Type.Optional(literals(OVERVIEWS)),
    annotations: Type.Optional(Type.Union([Type.Boolean(), Type.Array(literals(ROUTE_ANNOTATIONS))])),
    continue_straight: Type.Optional(Type.Union([Type.Boolean(), Type.Literal('default')])),
  },
  { additionalProperties: false },
);

export const TableBody = Type.Object(
  {
    ...commonBody,
    sources: Type.Optional(Type.Array(Type.Integer({ minimum: 0 }))),
    destinations: Type.Optional(Type.Array(Type.Integer({ minimum: 0 }))),
    annotations: Type.Optional(Type.Union([Type.Boolean(), Type.Array(literals(TABLE_ANNOTATIONS))])),
  },
  { additionalProperties: false },
);

// Answers.
const LineStringSchema = Type.Object({ type: Type.Literal('LineString'), coordinates: Type.Array(LonLatSchema) });
const GeometrySchema = Type.Union([Type.String({ description: 'polyline or polyline6' }), LineStringSchema]);

export const WaypointSchema = Type.Object({
  hint: Type.Optional(Type.String({ description: 'The id of the place snapped to.' })),
  distance: Type.Number({ description: 'Metres from the input coordinate to the place.' }),
  name: Type.String({ description: 'The name of the place snapped to.' }),
  location: LonLatSchema,
});

const AnnotationSchema = Type.Object({
  distance: Type.Optional(Type.Array(Type.Number())),
  duration: Type.Optional(Type.Array(Type.Number())),
  speed: Type.Optional(Type.Array(Type.Number())),
});

const StepSchema = Type.Object({
  distance: Type.Number(),
  duration: Type.Number(),
  weight: Type.Number(),
  name: Type.String(),
  mode: Type.String({ description: 'road, rail, river, or transfer (a change of mode at a place)' }),
  geometry: GeometrySchema,
  driving_side: Type.String(),
  maneuver: Type.Object({
    type: Type.String({ description: 'depart, arrive, or notification (a change of mode)' }),
    location: LonLatSchema,
    bearing_before: Type.Number(),
    bearing_after: Type.Number(),
  }),
  intersections: Type.Array(Type.Object({ location: LonLatSchema, bearings: Type.Array(Type.Number()), entry: Type.Array(Type.Boolean()), in: Type.Optional(Type.Number()), out: Type.Optional(Type.Number()) })),
});

const LegSchema = Type.Object({
  distance: Type.Number({ description: 'metres' }),
  duration: Type.Number({ description: 'seconds' }),
  weight: Type.Number(),
  summary: Type.String(),
  steps: Type.Array(StepSchema),
  annotation: Type.Optional(AnnotationSchema),
});

export const RouteSchema = Type.Object({
  distance: Type.Number({ description: 'metres' }),
  duration: Type.Number({ description: 'seconds' }),
  weight: Type.Number(),
  weight_name: Type.String(),
  geometry: Type.Optional(GeometrySchema),
  legs: Type.Array(LegSchema),
});

export const ErrorResponse = Type.Object({
  code: Type.String({ description: `OSRM's code: ${OSRM_ERROR_CODES.join(', ')}` }),
  message: Type.String(),
});

export const RouteResponse = Type.Object({ code: Type.Literal('Ok'), routes: Type.Array(RouteSchema), waypoints: Type.Optional(Type.Array(WaypointSchema)) });

const Matrix = Type.Array(Type.Array(Type.Union([Type.Null(), Type.Number()])));
export const TableResponse = Type.Object({
  code: Type.Literal('Ok'),
  durations: Type.Optional(Matrix),
  distances: Type.Optional(Matrix),
  sources: Type.Optional(Type.Array(WaypointSchema)),
  destinations: Type.Optional(Type.Array(WaypointSchema)),
});

export const NearestResponse = Type.Object({ code: Type.Literal('Ok'), waypoints: Type.Optional(Type.Array(WaypointSchema)) });

export type Waypoint = Static<typeof WaypointSchema>;
export type OsrmRoute = Static<typeof RouteSchema>;
export type RouteAnswer = Static<typeof RouteResponse>;
export type TableAnswer = Static<typeof TableResponse>;
export type NearestAnswer = Static<typeof NearestResponse>;

/** TypeBox schemas of steppenet's own services: places by name, every option the command line has. */
import { Type, type Static } from 'typebox';
import { FREIGHT_KINDS } from '../../model/checkpoint-regime.js';
import { MODES } from '../../model/types.js';
import { OBJECTIVES } from '../../routing/cost-model.js';

const literals = <T extends readonly string[]>(values: T, description?: string) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });
const commaList = (description: string) => Type.String({ description: `${description}, comma-separated.` });
const names = (description: string) => Type.Array(Type.String(), { description });

/** The bundled scenarios a request may name: a request never names a file. */
export const SCENARIO_NAMES = ['current', 'historical', 'planned'] as const;

const routeOptions = {
  by: Type.Optional(literals(OBJECTIVES, 'What the route minimises; default time.')),
  freight: Type.Optional(literals(FREIGHT_KINDS, 'What the route carries, and so which crossings it may use; default transit.')),
  scenario: Type.Optional(literals(SCENARIO_NAMES, "A bundled scenario; default the server's.")),
  month: Type.Optional(Type.Integer({ minimum: 1, maximum: 12, description: 'Month of travel: river seasons and winter waits.' })),
  format: Type.Optional(literals(['json', 'geojson'] as const, 'The route as JSON (default) or as GeoJSON.')),
};

export const RouteQuery = Type.Object(
  {
    from: Type.String({ description: 'Place name, alias (any script) or id.' }),
    to: Type.String({ description: 'Place name, alias (any script) or id.' }),
    via: Type.Optional(commaList('Places the route passes, in order')),
    modes: Type.Optional(Type.String({ pattern: `^(${MODES.join('|')})(,(${MODES.join('|')}))*$`, description: `Modes allowed (${MODES.join(', ')}), comma-separated; default all.` })),
    avoidLinks: Type.Optional(commaList('Link ids to avoid')),
    avoidPlaces: Type.Optional(commaList('Places (names or ids) to avoid')),
    avoidCheckpoints: Type.Optional(commaList('Checkpoint ids (or the ids of their links) to avoid')),
    avoidCountries: Type.Optional(commaList('ISO alpha-2 codes of countries to avoid')),
    ...routeOptions,
  },
  { additionalProperties: false },
);

export const RouteBody = Type.Object(
  {
    from: Type.String(),
    to: Type.String(),
    via: Type.Optional(names('Places the route passes, in order.')),
    modes: Type.Optional(Type.Array(literals(MODES))),
    avoid: Type.Optional(
      Type.Object(
        { links: Type.Optional(names('Link ids.')), places: Type.Optional(names('Place names or ids.')), checkpoints: Type.Optional(names('Checkpoint ids.')), countries: Type.Optional(names('ISO alpha-2 codes.')) },
        { additionalProperties: false },
      ),
    ),
    ...routeOptions,
  },
  { additionalProperties: false },
);

/** The library's RouteResult (see src/routing/route-result.ts); not found is `found: false` with the reason, totals null. */
export const RouteAnswer = Type.Object(
  {
    found: Type.Boolean(),
    reason: Type.Optional(Type.String()),
    from: Type.Object({ id: Type.String(), name: Type.String(), country: Type.String() }),
    to: Type.Object({ id: Type.String(), name: Type.String(), country: Type.String() }),
  },
  { additionalProperties: true },
);

/** The route as GeoJSON (routeToGeoJSON): a LineString per leg, a Point per transfer and crossing, the totals. */
export const RouteGeoJson = Type.Object(
  { type: Type.Literal('FeatureCollection'), features: Type.Array(Type.Object({}, { additionalProperties: true })) },
  { additionalProperties: true },
);

export const RouteResponse = Type.Union([RouteAnswer, RouteGeoJson]);

export type RouteRequest = Static<typeof RouteBody>;

/**
 * TypeBox schemas of steppenet's analysis services under /v1: one schema per
 * service serves both its GET query and its POST body, so a list is a
 * comma-separated string (as on the command line) or a JSON array. Option
 * names are the command line's in camelCase (`--wait-scale` is `waitScale`);
 * every list and number is bounded, and a scenario is a bundled name, never a file.
 */
import { Type, type Static, type TSchema } from 'typebox';
import { ACCESSIBILITY_LAYERS } from '../../analysis/accessibility.js';
import { FREIGHT_KINDS } from '../../model/checkpoint-regime.js';
import { MAX_K } from '../../model/limits.js';
import { BORDER_SECTORS, MODES } from '../../model/types.js';
import { OBJECTIVES } from '../../routing/cost-model.js';
import { SCENARIO_NAMES } from './schemas.js';

/** Items of one list parameter (places, links, OD pairs): each is a search or more. */
export const MAX_LIST_ITEMS = 1000;
const TEXT = 200;

const literals = <T extends readonly string[]>(values: T, description?: string) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });
/**
 * A list: "a,b,c" in a query string (or the key repeated), ["a", "b", "c"] in
 * a JSON body. One array schema for both: Fastify's Ajv turns a lone string
 * into a one-item array, and the service splits items at commas (listOf).
 */
const list = (description: string, maxItems = MAX_LIST_ITEMS) =>
  Type.Array(Type.String({ maxLength: maxItems * 40 }), { maxItems, description: `${description}: comma-separated, or a JSON array (at most ${maxItems}).` });
const choiceList = <T extends readonly string[]>(values: T, description: string) =>
  Type.Array(Type.String({ pattern: `^(${values.join('|')})(,(${values.join('|')}))*$` }), { maxItems: values.length, description: `${description} (${values.join(', ')}): comma-separated, or a JSON array.` });
const place = (description: string) => Type.String({ minLength: 1, maxLength: TEXT, description: `${description}: a place name, alias (any script) or id.` });
const k = (fallback: number, description: string) => Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_K, description: `${description}; default ${fallback}, at most ${MAX_K} (MAX_K).` }));
const flag = (description: string) => Type.Optional(Type.Boolean({ description }));
const format = (formats: readonly string[]) => ({ format: Type.Optional(literals(formats, `The answer as ${formats.join(' or ')}; default json.`)) });

const scenario = { scenario: Type.Optional(literals(SCENARIO_NAMES, "A bundled scenario applied to the network; default the server's.")) };
const freight = (fallback = 'transit') => ({ freight: Type.Optional(literals(FREIGHT_KINDS, `What the query carries (transit: multilateral crossings only; bilateral: also the bilateral ones); default ${fallback}.`)) });
const by = { by: Type.Optional(literals(OBJECTIVES, 'What a route minimises: distance (km), time (hours), cost (USD/t), generalized; default time.')) };
const modes = { modes: Type.Optional(choiceList(MODES, 'The modes a route may use; default every mode')) };

/** --speed, --wait-scale, --drivers, --no-rest, --weekly-rest, --month, --value-of-time, --tariff. */
const costOptions = {
  speed: Type.Optional(Type.String({ maxLength: TEXT, pattern: '^[a-z]+=[0-9.eE+-]+(,[a-z]+=[0-9.eE+-]+)*$', description: 'Forced speeds in km/h: road (every road class), motorway, trunk, primary, secondary, local, rail, river; e.g. "road=60,rail=35".' })),
  waitScale: Type.Optional(Type.Number({ minimum: 0, maximum: 1000, description: 'Multiply every checkpoint wait; default 1.' })),
  drivers: Type.Optional(Type.Integer({ minimum: 1, maximum: 2, description: 'Drivers per truck (2: multi-manning); default 1.' })),
  noRest: flag("No drivers' hours (AETR breaks and daily rests) on road legs."),
  weeklyRest: Type.Optional(Type.Number({ minimum: 0, maximum: 1000, description: 'The AETR weekly rest in hours, taken before driving would run past 144 h after the last one (Art. 8(6)): 45 regular (default), 24 reduced, 0 none.' })),
  month: Type.Optional(Type.Integer({ minimum: 1, maximum: 12, description: 'Month of travel: river seasons, winter waits in December–February; default none.' })),
  valueOfTime: Type.Optional(Type.Number({ minimum: 0, maximum: 1e6, description: 'Value of time in USD per tonne-hour, for by=generalized; default 1.' })),
  tariff: Type.Optional(Type.String({ maxLength: TEXT, pattern: '^[a-z]+=[0-9.eE+-]+(,[a-z]+=[0-9.eE+-]+)*$', description: 'Tariffs in USD per tonne-km by mode, e.g. "rail=0.035,road=0.07".' })),
};
const routing = { ...by, ...modes, ...freight(), ...scenario, ...costOptions };

/** One OD pair of a JSON body; demand default 1. */
const OdPair = Type.Object({ from: place('Origin'), to: place('Destination'), demand: Type.Optional(Type.Number({ minimum: 0, maximum: 1e12 })) }, { additionalProperties: false });
const ods = {
  ods: Type.Optional(Type.Array(
    Type.Union([OdPair, Type.String({ maxLength: MAX_LIST_ITEMS * 80, description: 'Inline pairs "from>to[>demand]", comma-separated.' })]),
    { maxItems: MAX_LIST_ITEMS, description: `The OD pairs: "A>B,C>D" (a demand as a third part: "A>B>5"), or a JSON array of {from, to, demand}; at most ${MAX_LIST_ITEMS}; default every ordered pair of the border regions' main cities. Never a file.` },
  )),
};
const analysis = { ...routing, ...ods };

const object = <P extends Record<string, TSchema>>(properties: P) => Type.Object(properties, { additionalProperties: false });

export const PlacesRequest = object({
  q: Type.String({ minLength: 1, maxLength: TEXT, description: 'A name, alias or id, Latin or Cyrillic; typos tolerated.' }),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: 'At most this many matches; default 10.' })),
  ...format(['json']),
});

export const AlternativesRequest = object({
  from: place('Origin'), to: place('Destination'),
  k: k(3, 'How many routes'),
  reasonable: flag('Only routes worth showing: at most 1.5 × the best cost, at most 80% shared with a better route.'),
  ...routing, ...format(['json', 'geojson']),
});

export const DisjointRequest = object({
  from: place('Origin'), to: place('Destination'),
  k: k(2, 'How many routes'),
  places: flag('Routes that share no place on the way (else: no link).'),
  ...routing, ...format(['json', 'geojson']),
});

export const ResilientRequest = object({
  from: place('Origin'), to: place('Destination'),
  k: k(8, 'How many of the cheapest routes are candidates'),
  lambda: Type.Optional(Type.Number({ minimum: 0, maximum: 1e6, description: 'Weight of the penalty against the cost (0 picks the cheapest); default 1.' })),
  reroute: Type.Optional(literals(['en-route', 'origin'] as const, 'Where the traveller re-routes from when a link fails; default en-route.')),
  failureProbability: Type.Optional(Type.Number({ minimum: 0, maximum: 1, description: 'One failure probability for every link: the penalty becomes the expected extra cost; default none (the worst single failure).' })),
  ...routing, ...format(['json', 'geojson']),
});

export const RemoveRequest = object({
  selection: list('What to take out of service: link, checkpoint and place ids, tags, line and road names'),
  all: flag('List every OD pair, not only those that detour or are cut off.'),
  ...analysis, ...format(['json']),
});

export const CriticalRequest = object({
  shard: Type.Optional(Type.String({ pattern: '^[0-9]{1,4}/[0-9]{1,4}$', description: 'Scan only the I-th of N equal parts of the links, "I/N".' })),
  top: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, description: 'Only the first N links of the ranking; default all.' })),
  ...analysis, ...format(['json', 'geojson']),
});

export const SpofRequest = object({
  mode: Type.Optional(literals([...MODES, 'all'] as const, 'One view: the network of one mode, or all modes together; default each mode, then all.')),
  ...freight(), ...scenario, ...format(['json', 'geojson']),
});

export const BorderCutRequest = object({
  sector: Type.Optional(literals(BORDER_SECTORS, 'One sector of the border; default every sector and the whole border.')),
  mode: Type.Optional(literals(['road', 'rail'] as const, 'Trucks by road or train pairs by rail; default road.')),
  ...freight('bilateral'),
  domestic: Type.Optional(literals(['by-class', 'unlimited'] as const, 'Capacity of domestic links without their own: by road class or rail line, or unlimited; default by-class.')),
  from: Type.Optional(list('Where the flow starts: places (default every Russian place)')),
  fromRegion: Type.Optional(Type.String({ minLength: 1, maxLength: TEXT, description: 'Where the flow starts: every place of a region.' })),
  to: Type.Optional(list('Where the flow ends: places (default every Kazakh place)')),
  toRegion: Type.Optional(Type.String({ minLength: 1, maxLength: TEXT, description: 'Where the flow ends: every place of a region.' })),
  maxStretch: Type.Optional(Type.Union([Type.Number({ minimum: 1, maximum: 1e6 }), Type.Literal('none')], { description: 'Only links on a route at most this × the shortest carry flow; "none" for every link; default 1.5 with both ends given.' })),
  ...scenario, ...format(['json', 'geojson']),
});

export const CorridorsRequest = object({
  from: Type.Optional(place('Origin in European Russia (default moscow)')),
  to: Type.Optional(place('Destination in western China (default xian)')),
  through: Type.Optional(Type.String({ pattern: '^[A-Za-z]{2}$', description: 'ISO code of the country the corridor goes through and the bypass avoids; default KZ.' })),
  ...routing, ...format(['json']),
});

export const CompareRequest = object({
  a: literals(SCENARIO_NAMES, 'The scenario compared from (bundled).'),
  b: literals(SCENARIO_NAMES, 'The scenario compared to (bundled).'),
  all: flag('List every OD pair in `rows`, not only those that change (`changed` is always there).'),
  ...by, ...modes, ...freight(), ...costOptions, ...ods, ...format(['json']),
});

export const AccessibilityRequest = object({
  ...by,
  mode: Type.Optional(literals([...ACCESSIBILITY_LAYERS, 'all'] as const, 'Which matrix: one mode, multimodal, or all of them; default all.')),
  places: Type.Optional(list("The places of the matrix (default the border regions' main cities)", 200)),
  ...freight(), ...scenario, ...costOptions, ...format(['json']),
});

export const InfoRequest = object({ ...scenario, ...format(['json']) });

export const NetworkRequest = object({ ...scenario });

/** A job's id in its URL. */
export const JobParams = object({ id: Type.String({ pattern: '^[0-9a-f-]{36}$', description: 'The id POST /v1/jobs/{kind} answered.' }) });

/** Any answer of these services: JSON (Infinity spelled "Infinity", as `--format json`) or a GeoJSON FeatureCollection. */
export const ServiceAnswer = Type.Object({}, { additionalProperties: true, description: 'As the library function returns it (see the CLI command of the same name with --format json), or a GeoJSON FeatureCollection with format=geojson.' });

export const JobAnswer = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  state: literals(['running', 'done', 'failed', 'cancelled'] as const),
  progress: Type.Object({ done: Type.Number(), total: Type.Number() }),
  result: Type.Optional(Type.Object({}, { additionalProperties: true })),
  error: Type.Optional(Type.Object({ code: Type.String(), message: Type.String() })),
});

/** steppenet's error body: a code of ERROR_CODES, a message naming the parameter, and for UNKNOWN_PLACE the closest places. */
export const ServiceError = Type.Object({
  code: Type.String(),
  message: Type.String(),
  suggestions: Type.Optional(Type.Array(Type.Object({ id: Type.String(), name: Type.String(), country: Type.String(), kind: Type.String() }))),
});

export type PlacesRequest = Static<typeof PlacesRequest>;
export type AlternativesRequest = Static<typeof AlternativesRequest>;
export type DisjointRequest = Static<typeof DisjointRequest>;
export type ResilientRequest = Static<typeof ResilientRequest>;
export type RemoveRequest = Static<typeof RemoveRequest>;
export type CriticalRequest = Static<typeof CriticalRequest>;
export type SpofRequest = Static<typeof SpofRequest>;
export type BorderCutRequest = Static<typeof BorderCutRequest>;
export type CorridorsRequest = Static<typeof CorridorsRequest>;
export type CompareRequest = Static<typeof CompareRequest>;
export type AccessibilityRequest = Static<typeof AccessibilityRequest>;
export type InfoRequest = Static<typeof InfoRequest>;
export type NetworkRequest = Static<typeof NetworkRequest>;

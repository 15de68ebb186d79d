// Fuzz: the library's entry points on the bundled network with random place
// names and options (issue 17, item 7). Each call returns a result or throws
// a typed error (typed-error.ts); never a bare Error/TypeError/RangeError,
// never a changed prototype. Options are mostly valid values, one in four of
// the wrong kind (a JavaScript caller has no type checker).
//
// Seeded: see fuzz-parameters.ts to replay a failure or run longer, e.g.
//   FUZZ_RUNS=5000 npx vitest run tests/fuzz/library-calls.test.ts
import fc from 'fast-check';
import { describe, it } from 'vitest';
import * as api from '../../src/index.js';
import { ACCESSIBILITY_LAYERS } from '../../src/analysis/accessibility.js';
import { resolveRegion } from '../../src/model/regions.js';
import { fuzzParameters, fuzzTimeout } from './fuzz-parameters.js';
import { weirdValue } from './mutate-json.js';
import { expectPrototypesClean } from './prototype-guard.js';
import { placeNames, placeQuery } from './place-queries.js';
import { expectTypedError } from './typed-error.js';

const network = api.loadNetwork();
const place = fc.oneof({ weight: 9, arbitrary: placeQuery(network) }, { weight: 1, arbitrary: weirdValue }) as fc.Arbitrary<string>;
const names = fc.constantFrom(...placeNames(network));
const linkIds = fc.constantFrom(...network.links.map((l) => l.properties.id));
const checkpointIds = fc.constantFrom(...network.checkpoints().map((l) => l.properties.checkpoint.id));
const regions = fc.constantFrom(...api.regionNames(network));
const subset = <T>(values: readonly T[]) => fc.subarray([...values], { minLength: 1 });
const smallList = <T>(arb: fc.Arbitrary<T>) => fc.array(arb, { minLength: 1, maxLength: 3 });

/** A valid value for each option the entry points take (several share names and meaning). */
const VALID: Record<string, fc.Arbitrary<unknown>> = {
  by: fc.constantFrom(...api.OBJECTIVES),
  modes: subset(api.MODES),
  layers: subset(ACCESSIBILITY_LAYERS),
  avoid: fc.record(
    { links: smallList(linkIds), places: smallList(place), checkpoints: smallList(checkpointIds), countries: smallList(fc.constantFrom('KZ', 'kz', 'RU', 'CN', 'Russia', 'XX')), modes: subset(api.MODES) },
    { requiredKeys: [] },
  ),
  cost: fc.record(
    { waitScale: fc.constantFrom(0, 0.5, 2), drivers: fc.constantFrom(1, 2), drivingRules: fc.boolean(), speedOverride: fc.record({ rail: fc.constantFrom(10, 80), road: fc.record({ motorway: fc.constantFrom(50, 120) }) }, { requiredKeys: [] }), valueOfTimePerTonneHour: fc.constantFrom(0, 1, 10) },
    { requiredKeys: [] },
  ),
  usableStatuses: subset(api.LINK_STATUSES),
  freight: fc.constantFrom(...api.FREIGHT_KINDS),
  localCrossings: fc.boolean(),
  month: fc.integer({ min: 1, max: 12 }),
  scenario: fc.constantFrom('current', 'historical', 'planned'),
  via: smallList(place),
  algorithm: fc.constantFrom(...api.ALGORITHMS),
  k: fc.integer({ min: 1, max: 5 }),
  reasonable: fc.oneof(fc.boolean(), fc.record({ maxStretch: fc.constantFrom(1, 1.5, 3), maxShared: fc.constantFrom(0, 0.5, 1) }, { requiredKeys: [] })),
  maxExamined: fc.integer({ min: 1, max: 300 }),
  disjoint: fc.constantFrom('links', 'places'),
  maxSearches: fc.integer({ min: 1, max: 100 }),
  lambda: fc.constantFrom(0, 0.5, 1, 10),
  failureProbability: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.dictionary(linkIds, fc.double({ min: 0, max: 1, noNaN: true }), { maxKeys: 3 })),
  reroute: fc.constantFrom('en-route', 'origin'),
  from: place,
  to: place,
  throughCountry: fc.constantFrom('KZ', 'RU', 'kz', 'Kazakhstan'),
  places: smallList(place),
  sector: fc.constantFrom(...api.BORDER_SECTORS),
  mode: fc.constantFrom('road', 'rail'),
  domestic: fc.constantFrom('by-class', 'unlimited'),
  maxStretch: fc.constantFrom(1, 1.5, 3, Infinity),
  placeSet: fc.oneof(smallList(names), fc.record({ region: regions }), fc.record({ country: fc.constantFrom('KZ', 'RU') })),
  ods: smallList(fc.record({ from: place, to: place, demand: fc.constantFrom(1, 0, 2.5) }, { requiredKeys: ['from', 'to'] })),
  limit: fc.integer({ min: 0, max: 20 }),
};

/** Options made of up to three of `keys`: a valid value three times in four, else any value. */
function options(keys: readonly string[], rename: Record<string, string> = {}): fc.Arbitrary<Record<string, unknown>> {
  return fc.uniqueArray(fc.constantFrom(...keys), { maxLength: 3 }).chain((chosen) =>
    fc.tuple(...chosen.map((key) => fc.oneof({ weight: 3, arbitrary: VALID[key]! }, { weight: 1, arbitrary: weirdValue }).map((v) => [rename[key] ?? key, v] as const))).map(Object.fromEntries),
  );
}

const COMPILE = ['by', 'modes', 'avoid', 'cost', 'usableStatuses', 'freight', 'localCrossings', 'month', 'scenario'];

/**
 * Each entry point: its arguments (after the network) and how to call it. A
 * failure prints as the entry point's name and its arguments.
 */
const CALLS: Record<string, { args: fc.Arbitrary<unknown[]>; call: (...args: never[]) => unknown }> = {
  route: { args: fc.tuple(place, place, options([...COMPILE, 'via', 'algorithm'])), call: (a: string, b: string, o: api.RouteOptions) => api.route(network, a, b, o) },
  alternatives: { args: fc.tuple(place, place, options([...COMPILE, 'k', 'reasonable', 'maxExamined'])), call: (a: string, b: string, o: api.AlternativesOptions) => api.alternatives(network, a, b, o) },
  disjointRoutes: { args: fc.tuple(place, place, options([...COMPILE, 'k', 'disjoint', 'maxSearches'])), call: (a: string, b: string, o: api.DisjointRoutesOptions) => api.disjointRoutes(network, a, b, o) },
  resilientRoute: { args: fc.tuple(place, place, options([...COMPILE, 'k', 'lambda', 'failureProbability', 'reroute'])), call: (a: string, b: string, o: api.ResilientRouteOptions) => api.resilientRoute(network, a, b, o) },
  compareCorridors: { args: fc.tuple(options([...COMPILE, 'from', 'to', 'throughCountry'])), call: (o: api.CorridorOptions) => api.compareCorridors(network, o) },
  accessibility: { args: fc.tuple(options(['by', 'layers', 'avoid', 'cost', 'freight', 'month', 'scenario', 'places'], { layers: 'modes' })), call: (o: api.AccessibilityOptions) => api.accessibility(network, o) },
  borderCut: { args: fc.tuple(options(['sector', 'mode', 'freight', 'domestic', 'maxStretch', 'placeSet', 'scenario'], { placeSet: 'from' })), call: (o: api.BorderCutOptions) => api.borderCut(network, o) },
  singlePointsOfFailure: { args: fc.tuple(options(['modes', 'usableStatuses', 'localCrossings', 'freight', 'scenario'])), call: (o: api.SinglePointsOfFailureOptions) => api.singlePointsOfFailure(network, o) },
  removeLinks: {
    args: fc.tuple(fc.oneof(smallList(fc.oneof(linkIds, place)), fc.record({ links: smallList(linkIds), places: smallList(place), checkpoints: smallList(checkpointIds) }, { requiredKeys: [] }), weirdValue), options([...COMPILE, 'ods'])),
    call: (selection: string[], o: api.RemovalOptions) => api.removeLinks(network, selection, o),
  },
  resolvePlace: { args: fc.tuple(place), call: (q: string) => network.resolvePlace(q) },
  search: { args: fc.tuple(place, options(['limit'])), call: (q: string, o: { limit?: number }) => network.placeIndex().search(q, o) },
  resolveRegion: { args: fc.tuple(fc.oneof(regions, place)), call: (q: string) => resolveRegion(network, q) },
};

const call = fc.constantFrom(...Object.keys(CALLS)).chain((name) => fc.tuple(fc.constant(name), CALLS[name]!.args));

describe('fuzz: library calls', () => {
  const RUNS = 200;
  const parameters = fuzzParameters<[[string, unknown[]]]>(RUNS);
  it(`return a result or throw a typed error (${parameters.numRuns} calls)`, () => {
    fc.assert(
      fc.property(call, ([name, args]) => {
        try {
          (CALLS[name]!.call as (...a: unknown[]) => unknown)(...args);
        } catch (e) {
          expectTypedError(e);
        }
        expectPrototypesClean();
      }),
      parameters,
    );
  }, fuzzTimeout(RUNS, 20_000));
});

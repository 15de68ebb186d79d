// Fuzz: mutated network files through the loader and validator (issue 17,
// item 7). Each case either loads — and then indexes its places and routes
// without an untyped error — or throws a NetworkValidationError listing its
// problems; never another exception, never a changed prototype.
//
// Seeded: see fuzz-parameters.ts to replay a failure or run longer, e.g.
//   FUZZ_RUNS=10000 npx vitest run tests/fuzz/network-file.test.ts
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundledPath, BUNDLED_NETWORK } from '../../src/io/bundled-files.js';
import { loadNetwork } from '../../src/model/load-network.js';
import { NetworkValidationError } from '../../src/model/network-validation-error.js';
import { summarizeNetwork } from '../../src/model/network-summary.js';
import type { NetworkFile } from '../../src/model/types.js';
import { route } from '../../src/routing/route.js';
import { tinyNetwork } from '../fixtures/tiny-network.js';
import { fuzzParameters, fuzzTimeout } from './fuzz-parameters.js';
import { applyMutations, mutations } from './mutate-json.js';
import { expectPrototypesClean } from './prototype-guard.js';
import { expectTypedError } from './typed-error.js';

const bundled = JSON.parse(readFileSync(bundledPath(BUNDLED_NETWORK), 'utf8')) as NetworkFile;

/** The Omsk and Pavlodar regions of the bundled network (26 places, 29 links, 3 of them crossings): real data, small enough to validate fast. */
function excerpt(): NetworkFile {
  const regions = ['Omsk Oblast', 'Pavlodar Region'];
  const places = bundled.features.filter((f) => f.properties.type === 'place' && regions.includes(f.properties.region ?? ''));
  const ids = new Set(places.map((f) => f.properties.id));
  const links = bundled.features.filter((f) => f.properties.type === 'link' && ids.has(f.properties.from) && ids.has(f.properties.to));
  return structuredClone({ type: 'FeatureCollection', features: [...places, ...links] });
}

const BASES: Record<string, () => NetworkFile> = { tiny: tinyNetwork, excerpt };

/** Every field name of the format, so mutations add known keys in unknown places. */
const FORMAT_KEYS = [
  'type', 'features', 'geometry', 'coordinates', 'properties', 'id', 'name', 'aliases', 'kind', 'country', 'region', 'modes',
  'tranship', 'lock', 'borderPoint', 'regionCentre', 'tags', 'sources', 'ref', 'from', 'to', 'mode', 'km', 'kmSource',
  'status', 'oneway', 'checkpoint', 'waitHours', 'forward', 'backward', 'sector', 'capacityPerDay', 'capacityUnit',
  'truckShare', 'speedKmh', 'hours', 'season', 'year', 'countries',
];

const dir = mkdtempSync(join(tmpdir(), 'steppenet-fuzz-network-'));

/**
 * Loads `doc` as an object or, through JSON text, as a file; returns the
 * network or the validation error. The country check (about 30 ms a network)
 * runs in half the cases.
 */
function load(doc: unknown, viaFile: boolean, checkCountries = true) {
  let input: unknown = doc;
  if (viaFile) {
    input = join(dir, 'net.geojson');
    writeFileSync(input as string, JSON.stringify(doc) ?? 'undefined');
  }
  try {
    return loadNetwork(input as NetworkFile, { checkCountries });
  } catch (e) {
    if (e instanceof NetworkValidationError) return e;
    throw e;
  }
}

describe('fuzz: mutated network files', () => {
  const RUNS = 250;
  const parameters = fuzzParameters<[string, Parameters<typeof applyMutations>[1], boolean, boolean]>(RUNS);
  it(`either load or list their problems in a NetworkValidationError (${parameters.numRuns} cases)`, () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(BASES)), mutations(FORMAT_KEYS), fc.boolean(), fc.boolean(), (base, changes, viaFile, checkCountries) => {
        const doc = applyMutations(BASES[base]!(), changes);
        const loaded = load(doc, viaFile, checkCountries);
        expectPrototypesClean();
        if (loaded instanceof NetworkValidationError) {
          expect(loaded.problems.length).toBeGreaterThan(0);
          expect(loaded.message).toContain(loaded.problems[0]!.message);
          return;
        }
        // Accepted: the stages after validation must accept it too.
        summarizeNetwork(loaded);
        const places = loaded.places;
        if (places.length >= 2) {
          try {
            route(loaded, places[0]!.properties.name, places[places.length - 1]!.properties.id);
          } catch (e) {
            expectTypedError(e);
          }
        }
        expectPrototypesClean();
      }),
      parameters,
    );
  }, fuzzTimeout(RUNS, 10_000));

  it('the unmutated bases load (so that the mutations start from valid files)', () => {
    for (const make of Object.values(BASES)) expect(load(make(), true)).not.toBeInstanceOf(NetworkValidationError);
  });
});

// Fuzz: mutated scenarios (issue 17, item 7), including keys that reach a
// prototype (__proto__, constructor, prototype) anywhere. Applying one either
// gives a network, or throws a ScenarioError (its content is wrong) or a
// NetworkValidationError (its changes make the network invalid); never another
// exception, never a changed prototype.
//
// Seeded: see fuzz-parameters.ts to replay a failure or run longer, e.g.
//   FUZZ_RUNS=10000 npx vitest run tests/fuzz/scenario.test.ts
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundledPath } from '../../src/io/bundled-files.js';
import { loadNetwork } from '../../src/model/load-network.js';
import type { Network } from '../../src/model/network.js';
import { NetworkValidationError } from '../../src/model/network-validation-error.js';
import { summarizeNetwork } from '../../src/model/network-summary.js';
import { applyScenario, ScenarioError, UnknownScenarioError, type Scenario } from '../../src/model/scenario.js';
import { route } from '../../src/routing/route.js';
import { tinyNetwork } from '../fixtures/tiny-network.js';
import { fuzzParameters, fuzzTimeout } from './fuzz-parameters.js';
import { applyMutations, mutations } from './mutate-json.js';
import { expectPrototypesClean } from './prototype-guard.js';
import { expectTypedError } from './typed-error.js';

/** A scenario for the tiny network using every part of the format: ids, tags, a nested set, an added link. */
const TINY_SCENARIO: Scenario = {
  name: 'fuzz-base',
  year: 2030,
  description: 'every part of the scenario format, on the tiny network',
  sources: [{ ref: 'test', note: 'fuzz base' }],
  overrides: [
    { select: { ids: ['omsk-olkhovka'] }, set: { status: 'restricted', oneway: true }, why: 'a why', sources: [{ ref: 'x' }] },
    { select: { tags: ['centre'] }, set: { regionCentre: true, tranship: { hours: 2, cost: 3 } } },
    { select: { ids: ['olkhovka-urlyutobe'] }, set: { checkpoint: { waitHours: { forward: 1 } } } },
  ],
  add: [
    {
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: [[75.3, 53.8], [76.967, 52.287]] },
      properties: { type: 'link', id: 'new-road', from: 'cp-urlyutobe', to: 'pavlodar', mode: 'road', km: 300, kmSource: 'estimate', status: 'planned', sources: [{ ref: 'test' }] },
    },
  ],
};

const tiny = loadNetwork(tinyNetwork(), { checkCountries: false });
// The country check is the validator's slowest part and not what a scenario tests.
const bundled = loadNetwork(undefined, { checkCountries: false });
const bundledScenario = (name: string) => JSON.parse(readFileSync(bundledPath(`networks/scenarios/${name}.json`), 'utf8')) as Scenario;

const BASES: Record<string, { network: Network; scenario: () => unknown }> = {
  tiny: { network: tiny, scenario: () => TINY_SCENARIO },
  planned: { network: bundled, scenario: () => bundledScenario('planned') },
  historical: { network: bundled, scenario: () => bundledScenario('historical') },
};

const FORMAT_KEYS = [
  'name', 'year', 'description', 'sources', 'ref', 'for', 'url', 'note', 'overrides', 'overides', 'select', 'ids', 'tags', 'set',
  'why', 'add', 'properties', 'id', 'type', 'oneway', 'regionCentre', 'status', 'checkpoint', 'waitHours', 'km',
];

const dir = mkdtempSync(join(tmpdir(), 'steppenet-fuzz-scenario-'));

describe('fuzz: mutated scenarios', () => {
  const RUNS = 250;
  const parameters = fuzzParameters<[string, Parameters<typeof applyMutations>[1], boolean]>(RUNS);
  it(`apply, or throw a ScenarioError or NetworkValidationError; the prototype stays clean (${parameters.numRuns} cases)`, () => {
    fc.assert(
      fc.property(fc.constantFrom('tiny', 'tiny', 'planned', 'historical'), mutations(FORMAT_KEYS), fc.boolean(), (base, changes, viaFile) => {
        const { network, scenario } = BASES[base]!;
        const doc = applyMutations(scenario(), changes);
        let input = doc as Scenario | string;
        if (viaFile) {
          input = join(dir, 'scenario.json');
          writeFileSync(input, JSON.stringify(doc) ?? 'undefined');
        }
        let applied: Network | undefined;
        try {
          applied = applyScenario(network, input);
        } catch (e) {
          expectPrototypesClean();
          if (e instanceof UnknownScenarioError) {
            // Only a document mutated into a string (a scenario name or path) may name no scenario.
            expect(typeof doc === 'string' && !viaFile).toBe(true);
          } else if (e instanceof ScenarioError) {
            expect(e.problems.length).toBeGreaterThan(0);
          } else if (!(e instanceof NetworkValidationError)) {
            throw e;
          }
          return;
        }
        expectPrototypesClean();
        summarizeNetwork(applied);
        if (base === 'tiny') {
          try {
            route(applied, 'Omsk', 'pavlodar');
          } catch (e) {
            expectTypedError(e);
          }
        }
        expectPrototypesClean();
      }),
      parameters,
    );
  }, fuzzTimeout(RUNS, 15_000));

  it('the unmutated bases apply (so that the mutations start from valid scenarios)', () => {
    for (const { network, scenario } of Object.values(BASES)) expect(applyScenario(network, scenario() as Scenario).scenario).toBeDefined();
  });
});

import { describe, expect, it } from 'vitest';
import { loadNetwork } from '../src/model/load-network.js';
import { NetworkValidationError } from '../src/model/network-validation-error.js';
import { applyScenario, ScenarioError, UnknownScenarioError, type Scenario } from '../src/model/scenario.js';
import { parseDrawnNetwork } from './fixtures/parse-drawn-network.js';
import { link, tinyNetwork } from './fixtures/tiny-network.js';

// The tiny network (tests/fixtures/tiny-network.ts):
//   omsk ──road── cp-olkhovka ══checkpoint══ cp-urlyutobe ──road── pavlodar, plus a rail link omsk–pavlodar.

const scenario = (overrides: Scenario['overrides'], add: Scenario['add'] = []): Scenario => ({
  name: 'test', year: 2030, description: 'a test scenario', sources: [{ ref: 'test' }], overrides, add,
});

describe('applyScenario', () => {
  const base = loadNetwork(tinyNetwork());

  it('changes exactly the fields of the features it names, and records each change', () => {
    const after = applyScenario(base, scenario([
      { select: { ids: ['olkhovka-urlyutobe'] }, set: { checkpoint: { waitHours: { forward: 1 } } }, why: 'modernised' },
      { select: { ids: ['omsk-pavlodar-rail'] }, set: { status: 'abolished' } },
    ]));
    expect(after.scenario!.changes).toEqual([
      { feature: 'olkhovka-urlyutobe', field: 'checkpoint.waitHours.forward', before: 3, after: 1, why: 'modernised' },
      { feature: 'omsk-pavlodar-rail', field: 'status', before: 'open', after: 'abolished', why: undefined },
    ]);
    // The deep merge keeps the sibling field, and the graph edge carries the new wait.
    expect(after.link('olkhovka-urlyutobe')!.properties.checkpoint!.waitHours).toEqual({ forward: 1, backward: 5 });
    expect(after.graph.getEdgeAttribute('olkhovka-urlyutobe', 'waitHours')).toBe(1);
    // Every other feature is unchanged, and the input network is untouched.
    const untouched = (net: typeof base) => net.toGeoJSON().features.filter((f) => !['olkhovka-urlyutobe', 'omsk-pavlodar-rail'].includes(f.properties.id));
    expect(untouched(after)).toEqual(untouched(base));
    expect(base.link('omsk-pavlodar-rail')!.properties.status).toBe('open');
  });

  it('selects by tag', () => {
    const after = applyScenario(base, scenario([{ select: { tags: ['centre'] }, set: { tranship: { hours: 6, cost: 3 } } }]));
    expect(after.scenario!.changes.map((c) => c.feature)).toEqual(['omsk', 'pavlodar']);
  });

  it('adds features and validates them', () => {
    const planned = link('omsk-pavlodar-road', 'omsk', 'cp-olkhovka', { status: 'planned', km: 180 });
    const after = applyScenario(base, scenario([], [planned]));
    expect(after.scenario!.added).toEqual(['omsk-pavlodar-road']);
    expect(after.link('omsk-pavlodar-road')!.properties.status).toBe('planned');
    const broken = link('broken', 'omsk', 'atlantis');
    expect(() => applyScenario(base, scenario([], [broken]))).toThrow(NetworkValidationError);
  });

  it('rejects an unknown id or an unused tag, naming them', () => {
    expect(() => applyScenario(base, scenario([{ select: { ids: ['no-such-link'] }, set: { status: 'open' } }]))).toThrow(/unknown id "no-such-link"/);
    expect(() => applyScenario(base, scenario([{ select: { tags: ['nope'] }, set: { status: 'open' } }]))).toThrow(ScenarioError);
  });

  it('rejects an override that makes the network invalid', () => {
    expect(() => applyScenario(base, scenario([{ select: { ids: ['omsk-olkhovka'] }, set: { km: -1 } }]))).toThrow(NetworkValidationError);
  });

  it('loads the bundled scenarios by name and rejects an unknown name', () => {
    expect(() => applyScenario(base, 'no-such-scenario')).toThrow(UnknownScenarioError);
  });
});

describe('applyScenario on a network loaded without the country check', () => {
  it('validates the result the same way the network was loaded', () => {
    // A drawn network: grid coordinates, not real ones, so the country check is off.
    const file = parseDrawnNetwork`
      a-----b
      | place | country |
      | b     | KZ      |
      | link | mode | hours | wait |
      | ab   | road | 1     | 2    |
    `;
    const net = loadNetwork(file, { checkCountries: false });
    const after = applyScenario(net, scenario([{ select: { ids: ['a-b'] }, set: { status: 'planned' } }]));
    expect(after.link('a-b')!.properties.status).toBe('planned');
  });
});

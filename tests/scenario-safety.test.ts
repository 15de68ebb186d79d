import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { routeCommand } from '../src/cli/commands/route.js';
import { loadNetwork } from '../src/model/load-network.js';
import { NetworkValidationError } from '../src/model/network-validation-error.js';
import { applyScenario, loadScenario, mergeProperties, ScenarioError, type Scenario } from '../src/model/scenario.js';
import { validateNetwork } from '../src/model/validate-network.js';
import { runCommand } from './fixtures/run-command.js';
import { place, tinyNetwork } from './fixtures/tiny-network.js';

// Issue 17, item 1: a scenario (a file users exchange) or a network file must
// not be able to write into Object.prototype, and every malformed field is a
// typed data error naming its path, never a TypeError.
//
// JSON.parse turns `"__proto__"` into an OWN property of the parsed object —
// exactly the dangerous case, which an object literal cannot produce — so every
// hostile input here is written as JSON text and parsed.

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const POLLUTION_KEYS = ['oneway', 'regionCentre', 'polluted'] as const;
const dir = mkdtempSync(join(tmpdir(), 'steppenet-proto-'));

/** What a polluted prototype would show: `({})[key]` for each key a test tries to inject. */
const prototypeProbe = () => Object.fromEntries(POLLUTION_KEYS.map((k) => [k, ({} as Record<string, unknown>)[k]]));
const clean = { oneway: undefined, regionCentre: undefined, polluted: undefined };

// A red run must not poison the other tests in this worker.
afterEach(() => {
  for (const key of POLLUTION_KEYS) delete (Object.prototype as Record<string, unknown>)[key];
});

const HEAD = '"name": "hostile", "description": "d", "sources": [{ "ref": "test" }]';
/** A scenario from JSON text, so `__proto__` keys are own properties as in a file. */
const hostile = (body: string): Scenario => JSON.parse(`{ ${HEAD}, ${body} }`) as Scenario;

/** Runs `fn` and returns what it threw (undefined if nothing). */
function attempt(fn: () => unknown): Error | undefined {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  return undefined;
}

/** Runs `fn`, expecting it to throw; returns the error. */
function thrown(fn: () => unknown): Error {
  const error = attempt(fn);
  if (!error) throw new Error('expected an error, none was thrown');
  return error;
}

const ADDED_LINK = (properties: string) => `{
  "type": "Feature",
  "geometry": { "type": "LineString", "coordinates": [[73.368, 54.989], [76.967, 52.287]] },
  "properties": {
    "type": "link", "id": "new-link", "from": "omsk", "to": "pavlodar", "mode": "rail", "km": 650,
    "kmSource": "estimate", "status": "planned", "sources": [{ "ref": "test" }],
    "checkpoint": { "id": "new-cp", "name": "New", "kind": "rail", "status": "planned", "sector": "west-siberia", "waitHours": { "forward": 1, "backward": 1 } }
    ${properties}
  }
}`;

describe('a scenario cannot pollute Object.prototype', () => {
  const base = loadNetwork(tinyNetwork());

  it.each([
    ['__proto__ at the top of set (every link one-way)', '{ "select": { "ids": ["omsk-olkhovka"] }, "set": { "__proto__": { "oneway": true } } }', 'overrides[0].set.__proto__'],
    ['__proto__ at the top of set (every place a region centre)', '{ "select": { "ids": ["omsk"] }, "set": { "__proto__": { "regionCentre": true } } }', 'overrides[0].set.__proto__'],
    ['__proto__ nested in checkpoint.waitHours', '{ "select": { "ids": ["olkhovka-urlyutobe"] }, "set": { "checkpoint": { "waitHours": { "__proto__": { "polluted": true } } } } }', 'overrides[0].set.checkpoint.waitHours.__proto__'],
    ['constructor.prototype in set', '{ "select": { "ids": ["omsk"] }, "set": { "constructor": { "prototype": { "polluted": true } } } }', 'overrides[0].set.constructor'],
    ['__proto__ in the second override', '{ "select": { "ids": ["omsk"] }, "set": { "note": "ok" } }, { "select": { "tags": ["centre"] }, "set": { "tranship": { "__proto__": { "polluted": true }, "hours": 1, "cost": 1 } } }', 'overrides[1].set.tranship.__proto__'],
  ])('%s: refused with the key path, prototype untouched', (_, overrides, path) => {
    const error = attempt(() => applyScenario(base, hostile(`"overrides": [${overrides}]`)));
    expect(prototypeProbe()).toEqual(clean);
    expect(error).toBeInstanceOf(ScenarioError);
    expect((error as ScenarioError).problems.join('\n')).toContain(`${path}: forbidden key`);
  });

  it('names every forbidden key, constructor and prototype too', () => {
    const error = thrown(() => loadScenario(hostile(
      '"overrides": [{ "select": { "ids": ["omsk"], "__proto__": { "polluted": true } }, "set": { "constructor": { "prototype": { "polluted": true } } } }]',
    ))) as ScenarioError;
    expect(error.problems).toEqual(expect.arrayContaining([
      expect.stringContaining('overrides[0].select.__proto__: forbidden key'),
      expect.stringContaining('overrides[0].set.constructor: forbidden key'),
      expect.stringContaining('overrides[0].set.constructor.prototype: forbidden key'),
    ]));
    expect(prototypeProbe()).toEqual(clean);
  });

  it('a __proto__ key at the top of the scenario is refused', () => {
    const error = thrown(() => loadScenario(JSON.parse(`{ ${HEAD}, "__proto__": { "polluted": true } }`))) as ScenarioError;
    expect(error).toBeInstanceOf(ScenarioError);
    expect(error.problems).toEqual([expect.stringContaining('__proto__: forbidden key')]);
  });

  it.each([
    ['at the top of the properties', ', "__proto__": { "oneway": true }', 'add[0].properties.__proto__'],
    ['nested in checkpoint.waitHours', '', 'add[0].properties.checkpoint.waitHours.__proto__'],
  ])('__proto__ in an added feature %s: refused with the key path', (_, extra, path) => {
    let feature = ADDED_LINK(extra);
    if (!extra) feature = feature.replace('"waitHours": {', '"waitHours": { "__proto__": { "polluted": true },');
    const error = attempt(() => applyScenario(base, hostile(`"add": [${feature}]`)));
    expect(prototypeProbe()).toEqual(clean);
    expect(error).toBeInstanceOf(ScenarioError);
    expect((error as ScenarioError).problems.join('\n')).toContain(`${path}: forbidden key`);
  });

  it('the merge itself refuses the keys, even when called directly', () => {
    const target = { id: 'x', checkpoint: { waitHours: { forward: 1 } } };
    for (const patch of [
      '{ "__proto__": { "oneway": true } }',
      '{ "checkpoint": { "waitHours": { "__proto__": { "polluted": true } } } }',
      '{ "constructor": { "prototype": { "polluted": true } } }',
      '{ "note": { "__proto__": { "polluted": true } } }',
    ]) {
      const error = attempt(() => mergeProperties(target, JSON.parse(patch) as Record<string, unknown>));
      expect(prototypeProbe()).toEqual(clean);
      expect(error?.message).toMatch(/forbidden key/);
    }
    // The target keeps its own prototype and gains no own `__proto__` key either.
    expect(Object.getPrototypeOf(target)).toBe(Object.prototype);
    expect(Object.keys(target)).toEqual(['id', 'checkpoint']);
  });

  it('a value the merge copies in is a fresh plain object, not shared with the scenario', () => {
    const target: Record<string, unknown> = { id: 'x' };
    const patch = { tranship: { hours: 1, cost: 2, modes: ['rail'] } };
    const changes: string[] = [];
    mergeProperties(target, patch, (field) => changes.push(field));
    expect(target.tranship).toEqual(patch.tranship);
    expect(target.tranship).not.toBe(patch.tranship);
    expect(changes).toEqual(['tranship']);
  });
});

describe('a network file cannot pollute Object.prototype', () => {
  const withProperties = (extra: string, inCheckpoint = '') => {
    const text = JSON.stringify(tinyNetwork())
      .replace('"id":"omsk","name":"omsk"', `"id":"omsk",${extra}"name":"omsk"`)
      .replace('"waitHours":{"forward":3', `"waitHours":{${inCheckpoint}"forward":3`);
    const path = join(dir, `net-${Math.random().toString(36).slice(2)}.geojson`);
    writeFileSync(path, text);
    return path;
  };

  it.each([
    ['in a place\'s properties', withProperties('"__proto__":{"regionCentre":true},'), 'omsk', '__proto__'],
    ['nested in a checkpoint\'s waitHours', withProperties('', '"__proto__":{"polluted":true},'), 'olkhovka-urlyutobe', 'checkpoint.waitHours.__proto__'],
    ['constructor in a place\'s properties', withProperties('"constructor":{"prototype":{"polluted":true}},'), 'omsk', 'constructor'],
  ])('%s: refused with the feature and key path', (_, path, feature, field) => {
    const error = attempt(() => loadNetwork(path));
    expect(prototypeProbe()).toEqual(clean);
    expect(error).toBeInstanceOf(NetworkValidationError);
    expect((error as NetworkValidationError).problems).toContainEqual({ feature, field, message: expect.stringContaining('forbidden key') });
  });

  it('a __proto__ key on the collection or a feature is refused too', () => {
    const file = JSON.parse(JSON.stringify(tinyNetwork()).replace('{"type":"FeatureCollection",', '{"type":"FeatureCollection","__proto__":{"polluted":true},').replace('{"type":"Feature","id":"omsk",', '{"type":"Feature","__proto__":{"polluted":true},"id":"omsk",'));
    expect(validateNetwork(file)).toEqual(expect.arrayContaining([
      { feature: '(collection)', field: '__proto__', message: expect.stringContaining('forbidden key') },
      { feature: 'omsk', field: 'feature.__proto__', message: expect.stringContaining('forbidden key') },
    ]));
  });
});

describe('every malformed scenario field is a typed error naming its path', () => {
  const base = loadNetwork(tinyNetwork());

  it.each([
    ['a misspelt top-level key', '"overides": []', 'overides: unknown key', 'did you mean "overrides"'],
    ['a misspelt override key', '"overrides": [{ "select": { "ids": ["omsk"] }, "sett": { "note": "x" } }]', 'overrides[0].sett: unknown key', 'did you mean "set"'],
    ['a misspelt select key', '"overrides": [{ "select": { "id": ["omsk"] }, "set": { "note": "x" } }]', 'overrides[0].select.id: unknown key', 'did you mean "ids"'],
    ['a null select', '"overrides": [{ "select": null, "set": { "note": "x" } }]', 'overrides[0].select: must be an object', ''],
    ['a string select', '"overrides": [{ "select": "omsk", "set": { "note": "x" } }]', 'overrides[0].select: must be an object', ''],
    ['select ids not an array', '"overrides": [{ "select": { "ids": "omsk" }, "set": { "note": "x" } }]', 'overrides[0].select.ids: must be an array of strings', ''],
    ['a select that selects nothing', '"overrides": [{ "select": { "ids": [] }, "set": { "note": "x" } }]', 'overrides[0].select: needs ids or tags', ''],
    ['a string set', '"overrides": [{ "select": { "ids": ["omsk"] }, "set": "open" }]', 'overrides[0].set: must be an object', ''],
    ['a number set', '"overrides": [{ "select": { "ids": ["omsk"] }, "set": 5 }]', 'overrides[0].set: must be an object', ''],
    ['a null override', '"overrides": [null]', 'overrides[0]: must be an object', ''],
    ['a null add entry', '"add": [null]', 'add[0]: must be a GeoJSON Feature', ''],
    ['a number add entry', '"add": [5]', 'add[0]: must be a GeoJSON Feature', ''],
    ['an added feature without properties', '"add": [{ "type": "Feature", "geometry": { "type": "Point", "coordinates": [0, 0] } }]', 'add[0].properties: must be an object', ''],
    ['an added feature without an id', '"add": [{ "type": "Feature", "geometry": { "type": "Point", "coordinates": [0, 0] }, "properties": { "type": "place" } }]', 'add[0].properties.id: must be a string', ''],
    ['add not an array', '"add": { "type": "Feature" }', 'add: must be an array', ''],
    ['a non-string why', '"overrides": [{ "select": { "ids": ["omsk"] }, "set": { "note": "x" }, "why": 3 }]', 'overrides[0].why: must be a string', ''],
  ])('%s', (_, body, message, suggestion) => {
    const error = thrown(() => applyScenario(base, hostile(body)));
    expect(error).toBeInstanceOf(ScenarioError);
    expect(error.message).toContain(message);
    if (suggestion) expect(error.message).toContain(suggestion);
  });

  it('runaway nesting (a 20,000-deep array) and a cycle are data errors, not stack overflows', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 20_000; i++) deep = [deep];
    const tooDeep = thrown(() => applyScenario(base, { ...hostile('"add": []'), overrides: [{ select: { ids: ['omsk'] }, set: { note: deep } }] }));
    expect(tooDeep).toBeInstanceOf(ScenarioError);
    expect(tooDeep.message).toMatch(/overrides\[0\]\.set\.note\[0\]\S*: nested more than 64 levels deep/);
    const cyclic: Record<string, unknown> = { hours: 1 };
    cyclic.self = cyclic;
    const cycle = thrown(() => applyScenario(base, { ...hostile('"add": []'), overrides: [{ select: { ids: ['omsk'] }, set: { tranship: cyclic } }] }));
    expect(cycle).toBeInstanceOf(ScenarioError);
    expect(cycle.message).toContain('overrides[0].set.tranship.self: refers back to an object that contains it');
    const file = tinyNetwork();
    (file.features[4]!.properties as unknown as Record<string, unknown>).km = deep;
    const network = thrown(() => loadNetwork(file));
    expect(network).toBeInstanceOf(NetworkValidationError);
    expect((network as NetworkValidationError).problems).toEqual([{ feature: 'omsk-olkhovka', field: expect.stringMatching(/^km\[0\]/), message: expect.stringContaining('nested more than 64 levels deep') }]);
  });

  it('lists every problem at once', () => {
    const error = thrown(() => loadScenario(hostile('"overides": [], "overrides": [{ "select": null, "set": "x" }], "add": [null, 5]'))) as ScenarioError;
    expect(error.problems).toHaveLength(5);
  });

  it('a scenario file with such problems is refused the same way', () => {
    const path = join(dir, 'typo.json');
    writeFileSync(path, `{ ${HEAD}, "overides": [] }`);
    expect(() => loadScenario(path)).toThrow(/overides: unknown key \(did you mean "overrides"\?\)/);
  });

  it('the bundled scenarios still load', () => {
    for (const name of ['current', 'historical', 'planned']) expect(loadScenario(name).name).toBe(name);
  });
});

describe('network validation refuses what the place index would refuse later', () => {
  it.each([
    ['a name with no letters', { name: '—' }, 'name'],
    ['an empty alias', { aliases: ['Omsk', ''] }, 'aliases[1]'],
    ['an alias with no letters', { aliases: ['- -'] }, 'aliases[0]'],
  ])('%s', (_, extra, field) => {
    const file = tinyNetwork();
    file.features[0] = place('omsk', 'RU', { modes: ['road', 'rail'], ...extra });
    const error = thrown(() => loadNetwork(file));
    expect(error).toBeInstanceOf(NetworkValidationError);
    expect((error as NetworkValidationError).problems).toContainEqual({ feature: 'omsk', field, message: expect.stringMatching(/letters/) });
  });
});

// Scenarios for the bundled network, selecting one of its link ids so that a
// hostile override would reach the merge.
const POLLUTING_OVERRIDES = `
    { "select": { "ids": ["border-karaozek-kurmangazy"] }, "set": { "__proto__": { "oneway": true, "regionCentre": true } } },
    { "select": { "ids": ["border-karaozek-kurmangazy"] }, "set": { "checkpoint": { "waitHours": { "__proto__": { "polluted": true } } } } }`;
const POLLUTING_SCENARIO = join(dir, 'polluting.json');
writeFileSync(POLLUTING_SCENARIO, `{ ${HEAD}, "overrides": [${POLLUTING_OVERRIDES}] }`);
/** The pollution plus malformed fields. */
const BAD_SCENARIO = join(dir, 'bad.json');
writeFileSync(BAD_SCENARIO, `{ ${HEAD}, "overrides": [${POLLUTING_OVERRIDES}, { "select": null, "set": "open" }], "add": [null] }`);

describe('the command line on a hostile scenario', () => {
  it('steppenet route Omsk Pavlodar --scenario bad.json exits 1 listing the problems, no stack trace', async () => {
    const { code, err } = await runCommand(routeCommand, ['Omsk', 'Pavlodar', '--scenario', BAD_SCENARIO]);
    expect(prototypeProbe()).toEqual(clean);
    expect(code).toBe(1);
    for (const problem of [
      'overrides[0].set.__proto__: forbidden key',
      'overrides[1].set.checkpoint.waitHours.__proto__: forbidden key',
      'overrides[2].select: must be an object',
      'overrides[2].set: must be an object',
      'add[0]: must be a GeoJSON Feature',
    ]) expect(err).toContain(problem);
    expect(err).not.toMatch(/\n\s+at /);
  });

  it('an unknown scenario name is still a usage error (exit 2)', async () => {
    const { code, err } = await runCommand(routeCommand, ['Omsk', 'Pavlodar', '--scenario', 'no-such-scenario']);
    expect(code).toBe(2);
    expect(err).toContain('usage: steppenet route');
  });
});

describe('in a fresh process', () => {
  const tsx = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });

  it('loading a scenario file with __proto__ keys leaves the prototype clean and is refused as a data error', () => {
    const script = join(dir, 'load.ts');
    writeFileSync(script, `
      import { loadNetwork, ScenarioError } from ${JSON.stringify(join(ROOT, 'src/index.ts'))};
      let error = null;
      try { loadNetwork(undefined, { scenario: ${JSON.stringify(POLLUTING_SCENARIO)} }); } catch (e) { error = e; }
      const probe = {};
      console.log(JSON.stringify({
        oneway: String(probe.oneway), regionCentre: String(probe.regionCentre), polluted: String(probe.polluted),
        scenarioError: error instanceof ScenarioError, message: error ? error.message : null,
      }));
    `);
    const run = tsx([script]);
    expect(run.stderr).toBe('');
    const result = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(result).toMatchObject({ oneway: 'undefined', regionCentre: 'undefined', polluted: 'undefined', scenarioError: true });
    expect(result.message).toContain('overrides[0].set.__proto__: forbidden key');
    expect(result.message).toContain('overrides[1].set.checkpoint.waitHours.__proto__: forbidden key');
  });

  it('the steppenet command exits 1 with the problems and no stack trace', () => {
    const run = tsx(['src/cli/main.ts', 'route', 'Omsk', 'Pavlodar', '--scenario', BAD_SCENARIO]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('overrides[0].set.__proto__: forbidden key');
    expect(run.stderr).toContain('add[0]: must be a GeoJSON Feature');
    expect(run.stderr).not.toMatch(/\n\s+at |internal error/);
  });
});

import { closest, distance } from 'fastest-levenshtein';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { bundledPath } from '../io/bundled-files.js';
import { Network } from './network.js';
import { NetworkValidationError, type ValidationProblem } from './network-validation-error.js';
import type { ScenarioChange } from './scenario-summary.js';
import type { NetworkFeature, NetworkFile, Source } from './types.js';
import { validateNetwork } from './validate-network.js';
import { childPath, cloneJson, FORBIDDEN_KEYS, formatPath, isPlainObject, own, unsafeJson } from './safe-json.js';
import type { ErrorCode } from '../errors/error-codes.js';
import { DataError, InputError } from '../errors/steppenet-error.js';

/** Selects features by id and/or tag; a feature matching either is selected. */
export interface ScenarioSelect {
  ids?: string[];
  tags?: string[];
}

export interface ScenarioOverride {
  select: ScenarioSelect;
  /** Deep-merged into the selected features' properties: objects merge, arrays and values replace. */
  set: Record<string, unknown>;
  why?: string;
  sources?: Source[];
}

/** A scenario: a named, dated, sourced set of changes to a network. */
export interface Scenario {
  name: string;
  year?: number;
  description: string;
  sources: Source[];
  overrides?: ScenarioOverride[];
  /** Whole features the scenario adds (planned links, a new hub…). */
  add?: NetworkFeature[];
}

/** A scenario whose content is wrong: every problem, each with its path (`overrides[0].select`). */
export class ScenarioError extends DataError {
  static override readonly code: ErrorCode = 'INVALID_SCENARIO';
  constructor(
    readonly scenario: string,
    readonly problems: string[],
  ) {
    super(`invalid scenario "${scenario}": ${problems.length === 1 ? problems[0] : '\n  - ' + problems.join('\n  - ')}`);
  }
}

/** A scenario name or path that names no scenario (no bundled one, no readable file): the caller's argument. */
export class UnknownScenarioError extends InputError {
  static override readonly code: ErrorCode = 'UNKNOWN_NAME';
  constructor(
    readonly scenario: string,
    detail: string,
  ) {
    super(`loadScenario: scenario "${scenario}": ${detail}`);
  }
}

const SCENARIO_DIR = 'networks/scenarios';

/** Names of the scenarios shipped in networks/scenarios. */
export function bundledScenarioNames(): string[] {
  return readdirSync(bundledPath(SCENARIO_DIR))
    .filter((f) => f.endsWith('.json'))
    .map((f) => basename(f, '.json'))
    .sort();
}

/**
 * A scenario by bundled name ("current", "historical", "planned"), by file
 * path, or as an object. Every field is checked (see `checkScenario`); the
 * result is a fresh copy built from the input's own keys.
 */
export function loadScenario(scenario: string | Scenario): Scenario {
  if (typeof scenario !== 'string') {
    const label = isPlainObject(scenario) && typeof own(scenario, 'name') === 'string' ? (own(scenario, 'name') as string) : '(object)';
    return checkScenario(scenario, label);
  }
  // Only a plain name can be a bundled one (a '%' in a path is no URL escape: bundledPath threw URIError on it).
  const bundled = /^[a-z0-9-]+$/.test(scenario) ? bundledPath(join(SCENARIO_DIR, `${scenario}.json`)) : undefined;
  const path = bundled !== undefined && existsSync(bundled) ? bundled : scenario;
  if (!existsSync(path)) {
    throw new UnknownScenarioError(scenario, `no bundled scenario of that name (${bundledScenarioNames().join(', ')}) and no such file`);
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UnknownScenarioError(scenario, `cannot read ${path}: ${(e as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new ScenarioError(scenario, [`${path} is not valid JSON: ${(e as Error).message}`]);
  }
  return checkScenario(parsed, scenario);
}

const SCENARIO_KEYS = ['name', 'year', 'description', 'sources', 'overrides', 'add'] as const;
const OVERRIDE_KEYS = ['select', 'set', 'why', 'sources'] as const;
const SELECT_KEYS = ['ids', 'tags'] as const;
const SOURCE_KEYS = ['ref', 'for', 'url', 'note'] as const;

/** `got …` for a message: short, and safe on any value. */
function got(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  return typeof v === 'number' || typeof v === 'boolean' ? String(v) : `a ${typeof v}`;
}

/** ` (did you mean "x"?)` when a known key is close to `key`, else the list of known keys. */
function suggestKey(key: string, known: readonly string[]): string {
  const best = closest(key, known as string[]);
  return distance(key.toLowerCase(), best.toLowerCase()) <= Math.max(2, Math.floor(key.length / 3))
    ? ` (did you mean "${best}"?)`
    : ` (known keys: ${known.join(', ')})`;
}

/**
 * Checks a scenario (parsed JSON or an object from a library caller) before
 * anything uses it, and returns a clean copy. Every problem is collected and
 * thrown as one ScenarioError, each with its path (`overrides[0].select`):
 * a `__proto__`, `constructor` or `prototype` key anywhere; unknown keys (with
 * the closest known key); wrong types; a selector that selects nothing; an
 * added feature without properties or an id.
 */
function checkScenario(value: unknown, label: string): Scenario {
  const problems: string[] = [];
  const add = (path: string, message: string) => problems.push(`${path}: ${message}`);

  const unsafe = unsafeJson(value);
  for (const p of unsafe) add(formatPath(p.path) || '(scenario)', p.message);
  // A cycle or runaway nesting: nothing below may look inside.
  if (unsafe.some((p) => p.fatal)) throw new ScenarioError(label, problems);
  if (!isPlainObject(value)) throw new ScenarioError(label, [`must be a JSON object, got ${got(value)}`]);

  const unknownKeys = (obj: Record<string, unknown>, known: readonly string[], path: string) => {
    for (const key of Object.keys(obj)) {
      if (!known.includes(key) && !FORBIDDEN_KEYS.has(key)) add(childPath(path, key), `unknown key${suggestKey(key, known)}`);
    }
  };
  const stringArray = (v: unknown, path: string): string[] | undefined => {
    if (v === undefined) return undefined;
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || x === '')) {
      add(path, `must be an array of strings (none empty), got ${got(v)}`);
      return undefined;
    }
    return [...(v as string[])];
  };
  const sources = (v: unknown, path: string, required: boolean): Source[] | undefined => {
    if (v === undefined && !required) return undefined;
    if (!Array.isArray(v)) {
      add(path, `must be an array of { ref, for?, url?, note? }, got ${got(v)}`);
      return undefined;
    }
    return v.map((s: unknown, i) => {
      const at = childPath(path, i);
      if (!isPlainObject(s)) {
        add(at, `must be an object { ref, for?, url?, note? }, got ${got(s)}`);
        return { ref: '' };
      }
      unknownKeys(s, SOURCE_KEYS, at);
      if (typeof own(s, 'ref') !== 'string' || !own(s, 'ref')) add(childPath(at, 'ref'), `must be a non-empty string, got ${got(own(s, 'ref'))}`);
      for (const key of ['for', 'url', 'note'] as const) {
        const text = own(s, key);
        if (text !== undefined && typeof text !== 'string') add(childPath(at, key), `must be a string, got ${got(text)}`);
      }
      return cloneJson(s) as unknown as Source;
    });
  };

  unknownKeys(value, SCENARIO_KEYS, '');
  const name = own(value, 'name');
  const description = own(value, 'description');
  const year = own(value, 'year');
  if (typeof name !== 'string' || !name) add('name', `must be a non-empty string, got ${got(name)}`);
  if (typeof description !== 'string') add('description', `must be a string, got ${got(description)}`);
  if (year !== undefined && !Number.isInteger(year)) add('year', `must be an integer, got ${got(year)}`);
  const scenario: Scenario = {
    name: name as string,
    ...(year !== undefined ? { year: year as number } : {}),
    description: description as string,
    sources: sources(own(value, 'sources'), 'sources', true) ?? [],
  };

  const overrides = own(value, 'overrides');
  if (overrides !== undefined) {
    if (!Array.isArray(overrides)) add('overrides', `must be an array of { select, set, why?, sources? }, got ${got(overrides)}`);
    else scenario.overrides = overrides.map((o: unknown, i) => checkOverride(o, `overrides[${i}]`));
  }

  const added = own(value, 'add');
  if (added !== undefined) {
    if (!Array.isArray(added)) add('add', `must be an array of GeoJSON features, got ${got(added)}`);
    else {
      scenario.add = added.map((f: unknown, i) => {
        const at = `add[${i}]`;
        if (!isPlainObject(f)) {
          add(at, `must be a GeoJSON Feature (an object with properties), got ${got(f)}`);
          return f as NetworkFeature;
        }
        const properties = own(f, 'properties');
        if (!isPlainObject(properties)) add(`${at}.properties`, `must be an object, got ${got(properties)}`);
        else if (typeof own(properties, 'id') !== 'string') add(`${at}.properties.id`, `must be a string, got ${got(own(properties, 'id'))}`);
        // The rest of the feature is checked with the network it joins.
        return cloneJson(f) as unknown as NetworkFeature;
      });
    }
  }

  if (problems.length) throw new ScenarioError(label, problems);
  return scenario;

  function checkOverride(o: unknown, at: string): ScenarioOverride {
    if (!isPlainObject(o)) {
      add(at, `must be an object { select, set, why?, sources? }, got ${got(o)}`);
      return o as ScenarioOverride;
    }
    unknownKeys(o, OVERRIDE_KEYS, at);
    const select = own(o, 'select');
    const checked: ScenarioSelect = {};
    if (!isPlainObject(select)) add(`${at}.select`, `must be an object { ids?, tags? }, got ${got(select)}`);
    else {
      unknownKeys(select, SELECT_KEYS, `${at}.select`);
      const ids = stringArray(own(select, 'ids'), `${at}.select.ids`);
      const tags = stringArray(own(select, 'tags'), `${at}.select.tags`);
      if (ids) checked.ids = ids;
      if (tags) checked.tags = tags;
      const listed = (v: unknown) => Array.isArray(v) && v.length > 0;
      if (!listed(own(select, 'ids')) && !listed(own(select, 'tags'))) add(`${at}.select`, 'needs ids or tags (a non-empty list of either)');
    }
    const set = own(o, 'set');
    if (!isPlainObject(set)) add(`${at}.set`, `must be an object of the properties to change, got ${got(set)}`);
    else if (Object.hasOwn(set, 'id') || Object.hasOwn(set, 'type')) add(`${at}.set`, 'may not change id or type');
    const why = own(o, 'why');
    if (why !== undefined && typeof why !== 'string') add(`${at}.why`, `must be a string, got ${got(why)}`);
    const overrideSources = sources(own(o, 'sources'), `${at}.sources`, false);
    return {
      select: checked,
      set: isPlainObject(set) ? cloneJson(set) : {},
      ...(why !== undefined ? { why: why as string } : {}),
      ...(overrideSources ? { sources: overrideSources } : {}),
    };
  }
}

/**
 * Returns a new network with the scenario applied: overrides merged into the
 * selected features, added features appended, the result validated again.
 * A selector that names an unknown id or a tag no feature carries is an error.
 */
export function applyScenario(network: Network, scenarioInput: string | Scenario): Network {
  const scenario = loadScenario(scenarioInput);
  const file: NetworkFile = network.toGeoJSON();
  const problems: string[] = [];
  const changes: ScenarioChange[] = [];
  const added = (scenario.add ?? []).map((f) => cloneJson(f));
  for (const f of added) file.features.push(f); // not push(...added): any number of features
  const byId = new Map(file.features.map((f) => [f.properties.id, f]));

  (scenario.overrides ?? []).forEach((override, i) => {
    const selected = new Set<NetworkFeature>();
    for (const id of override.select.ids ?? []) {
      const f = byId.get(id);
      if (f) selected.add(f);
      else problems.push(`overrides[${i}].select.ids: unknown id "${id}"`);
    }
    for (const tag of override.select.tags ?? []) {
      const tagged = file.features.filter((f) => {
        const tags: unknown = f.properties.tags;
        return Array.isArray(tags) && tags.includes(tag);
      });
      if (tagged.length === 0) problems.push(`overrides[${i}].select.tags: no feature is tagged "${tag}"`);
      tagged.forEach((f) => selected.add(f));
    }
    for (const f of selected) {
      mergeProperties(f.properties as unknown as Record<string, unknown>, override.set, (field, before, after) =>
        changes.push({ feature: f.properties.id, field, before, after, why: override.why }),
      );
    }
  });
  if (problems.length) throw new ScenarioError(scenario.name, problems);

  const validation: ValidationProblem[] = validateNetwork(file, network.validation);
  if (validation.length) throw new NetworkValidationError(validation, `${network.name} + scenario ${scenario.name}`);
  return new Network(file, network.name, {
    name: scenario.name,
    year: scenario.year,
    description: scenario.description,
    changes,
    added: added.map((f) => f.properties.id),
  }, network.validation);
}

/**
 * Deep-merges `patch` into `target` (a feature's properties): objects merge,
 * arrays and values replace; `record` hears of each field that changes. Safe
 * on any input: a `__proto__`, `constructor` or `prototype` key anywhere in
 * the patch (or nesting past the depth limit) is a ScenarioError and nothing
 * changes; only own keys are read, and values are copied in as fresh plain
 * objects.
 */
export function mergeProperties(
  target: Record<string, unknown>,
  patch: Record<string, unknown>,
  record: (field: string, before: unknown, after: unknown) => void = () => {},
): void {
  const unsafe = unsafeJson(patch);
  if (unsafe.length) throw new ScenarioError('(merge)', unsafe.map((p) => `${formatPath(p.path) || '(patch)'}: ${p.message}`));
  mergeInto(target, patch, '', record);
}

function mergeInto(
  target: Record<string, unknown>,
  patch: Record<string, unknown>,
  prefix: string,
  record: (field: string, before: unknown, after: unknown) => void,
): void {
  for (const key of Object.keys(patch)) {
    if (FORBIDDEN_KEYS.has(key)) continue;
    const value = patch[key];
    const field = prefix ? `${prefix}.${key}` : key;
    const current = Object.hasOwn(target, key) ? target[key] : undefined;
    if (isPlainObject(value) && isPlainObject(current)) {
      mergeInto(current, value, field, record);
    } else if (JSON.stringify(current) !== JSON.stringify(value)) {
      record(field, current, value);
      target[key] = cloneJson(value);
    }
  }
}

// A bundled scenario never changes while the process runs, so the network it
// makes is kept per base network: a loop of route(…, { scenario: 'planned' })
// applies it once. Files and objects are applied afresh every time.
const bundledApplied = new WeakMap<Network, Map<string, Network>>();

/** The network an analysis works on: `scenario` applied first when one is given. */
export function withScenario(network: Network, scenario: string | Scenario | undefined): Network {
  if (scenario === undefined) return network;
  if (typeof scenario !== 'string' || !/^[a-z0-9-]+$/.test(scenario) || !bundledScenarioNames().includes(scenario)) {
    return applyScenario(network, scenario);
  }
  let byName = bundledApplied.get(network);
  if (!byName) bundledApplied.set(network, (byName = new Map()));
  let applied = byName.get(scenario);
  if (!applied) byName.set(scenario, (applied = applyScenario(network, scenario)));
  return applied;
}

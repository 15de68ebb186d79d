import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { bundledPath } from '../io/bundled-files.js';
import { Network } from './network.js';
import { NetworkValidationError, type ValidationProblem } from './network-validation-error.js';
import type { ScenarioChange } from './scenario-summary.js';
import type { NetworkFeature, NetworkFile, Source } from './types.js';
import { validateNetwork } from './validate-network.js';

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

export class ScenarioError extends Error {
  constructor(
    readonly scenario: string,
    readonly problems: string[],
  ) {
    super(`scenario "${scenario}": ${problems.length === 1 ? problems[0] : '\n  - ' + problems.join('\n  - ')}`);
    this.name = 'ScenarioError';
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

/** A scenario by bundled name ("current", "historical", "planned"), by file path, or as an object (validated). */
export function loadScenario(scenario: string | Scenario): Scenario {
  if (typeof scenario !== 'string') return checkScenario(scenario, scenario.name ?? '(object)');
  const bundled = bundledPath(join(SCENARIO_DIR, `${scenario}.json`));
  const path = /^[a-z0-9-]+$/.test(scenario) && existsSync(bundled) ? bundled : scenario;
  if (!existsSync(path)) {
    throw new ScenarioError(scenario, [`no bundled scenario of that name (${bundledScenarioNames().join(', ')}) and no such file`]);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new ScenarioError(scenario, [`${path} is not valid JSON: ${(e as Error).message}`]);
  }
  return checkScenario(parsed, scenario);
}

function checkScenario(value: unknown, label: string): Scenario {
  const problems: string[] = [];
  const s = value as Partial<Scenario>;
  if (typeof value !== 'object' || value === null) throw new ScenarioError(label, ['must be a JSON object']);
  if (typeof s.name !== 'string' || !s.name) problems.push('name: missing');
  if (typeof s.description !== 'string') problems.push('description: missing');
  if (s.year !== undefined && !Number.isInteger(s.year)) problems.push(`year: must be an integer, got ${JSON.stringify(s.year)}`);
  if (!Array.isArray(s.sources)) problems.push('sources: must be an array of { ref }');
  if (s.overrides !== undefined && !Array.isArray(s.overrides)) problems.push('overrides: must be an array');
  (s.overrides ?? []).forEach((o, i) => {
    if (typeof o?.select !== 'object' || (!o.select.ids && !o.select.tags)) problems.push(`overrides[${i}].select: needs ids or tags`);
    if (typeof o?.set !== 'object' || o.set === null || Array.isArray(o.set)) problems.push(`overrides[${i}].set: must be an object`);
    if (o?.set && ('id' in o.set || 'type' in o.set)) problems.push(`overrides[${i}].set: may not change id or type`);
  });
  if (s.add !== undefined && !Array.isArray(s.add)) problems.push('add: must be an array of features');
  if (problems.length) throw new ScenarioError(label, problems);
  return s as Scenario;
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
  const added = (scenario.add ?? []).map((f) => structuredClone(f));
  file.features.push(...added);
  const byId = new Map(file.features.map((f) => [f.properties.id, f]));

  (scenario.overrides ?? []).forEach((override, i) => {
    const selected = new Set<NetworkFeature>();
    for (const id of override.select.ids ?? []) {
      const f = byId.get(id);
      if (f) selected.add(f);
      else problems.push(`overrides[${i}].select.ids: unknown id "${id}"`);
    }
    for (const tag of override.select.tags ?? []) {
      const tagged = file.features.filter((f) => (f.properties.tags ?? []).includes(tag));
      if (tagged.length === 0) problems.push(`overrides[${i}].select.tags: no feature is tagged "${tag}"`);
      tagged.forEach((f) => selected.add(f));
    }
    for (const f of selected) {
      deepMerge(f.properties as unknown as Record<string, unknown>, override.set, '', (field, before, after) =>
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

function deepMerge(
  target: Record<string, unknown>,
  patch: Record<string, unknown>,
  prefix: string,
  record: (field: string, before: unknown, after: unknown) => void,
): void {
  for (const [key, value] of Object.entries(patch)) {
    const field = prefix ? `${prefix}.${key}` : key;
    const current = target[key];
    const isPlainObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
    if (isPlainObject(value) && isPlainObject(current)) {
      deepMerge(current as Record<string, unknown>, value as Record<string, unknown>, field, record);
    } else if (JSON.stringify(current) !== JSON.stringify(value)) {
      record(field, current, value);
      target[key] = structuredClone(value);
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

import { readFileSync, statSync } from 'node:fs';
import { MAX_NETWORK_FEATURES, MAX_NETWORK_FILE_BYTES } from './limits.js';
import { basename } from 'node:path';
import type { AbstractGraph as Graph } from 'graphology-types';
import { BUNDLED_NETWORK, bundledPath } from '../io/bundled-files.js';
import { Network } from './network.js';
import { NetworkValidationError } from './network-validation-error.js';
import { applyScenario, type Scenario } from './scenario.js';
import type { NetworkFeature, NetworkFile } from './types.js';
import { validateNetwork, type ValidateOptions } from './validate-network.js';
import { validatedAtBuild } from './validated-networks.js';

export interface LoadOptions extends ValidateOptions {
  /** A bundled scenario name, a scenario file path, or a scenario object. Default: the file as it is ("current"). */
  scenario?: string | Scenario;
  /** A name for messages and reports; default the file name. */
  name?: string;
}

/** What loadNetwork accepts: a file path, a parsed GeoJSON FeatureCollection, or a graphology graph. */
export type NetworkInput = string | NetworkFile | Graph;

/**
 * Loads and validates a network. Every problem in the input is reported at
 * once as a NetworkValidationError; nothing is coerced.
 *
 * A graphology graph is read as: node key = place id, node attributes = place
 * properties plus `lon` and `lat`; edge attributes = link properties (`id`
 * defaults to the edge key; `from`/`to` are the edge's ends). Its links get
 * straight-line geometry; an undirected edge is a two-way link, a directed
 * edge is one-way only where its `oneway` attribute says so.
 */
export function loadNetwork(input: NetworkInput = bundledPath(BUNDLED_NETWORK), options: LoadOptions = {}): Network {
  let file: unknown;
  let validated = false;
  let name = options.name ?? 'network';
  if (typeof input === 'string') {
    name = options.name ?? basename(input);
    let text: string;
    try {
      const bytes = statSync(input).size;
      if (bytes > MAX_NETWORK_FILE_BYTES) {
        throw new NetworkValidationError([{ feature: '(collection)', field: 'file', message: `${(bytes / 1e6).toFixed(0)} MB; at most ${MAX_NETWORK_FILE_BYTES / 1e6} MB (MAX_NETWORK_FILE_BYTES) are read, and at most ${MAX_NETWORK_FEATURES} features (MAX_NETWORK_FEATURES) loaded` }], name);
      }
      text = readFileSync(input, 'utf8');
    } catch (e) {
      if (e instanceof NetworkValidationError) throw e;
      throw new NetworkValidationError([{ feature: '(collection)', field: 'file', message: (e as Error).message }], name);
    }
    try {
      file = JSON.parse(text);
    } catch (e) {
      throw new NetworkValidationError([{ feature: '(collection)', field: 'json', message: (e as Error).message }], name);
    }
    // The bundled network as built: validated by `npm run build` (see validated-networks.ts).
    validated = validatedAtBuild(text, options);
  } else if (isGraphology(input)) {
    if (input.order + input.size > MAX_NETWORK_FEATURES) {
      throw new NetworkValidationError([{ feature: '(collection)', field: 'graph', message: `${input.order} nodes and ${input.size} edges; at most ${MAX_NETWORK_FEATURES} in all (MAX_NETWORK_FEATURES)` }], name);
    }
    file = fromGraphologyGraph(input);
  } else {
    file = input;
  }
  const problems = validated ? [] : validateNetwork(file, options);
  if (problems.length) throw new NetworkValidationError(problems, name);
  const { checkCountries, countryToleranceKm } = options;
  // A file read here is ours alone; the caller's objects are copied, so that changing them later cannot change the network.
  const features = typeof input === 'string' ? (file as NetworkFile) : structuredClone(file as NetworkFile);
  const network = new Network(features, name, undefined, { checkCountries, countryToleranceKm });
  return options.scenario === undefined ? network : applyScenario(network, options.scenario);
}

function isGraphology(value: unknown): value is Graph {
  return typeof value === 'object' && value !== null && typeof (value as Graph).forEachEdge === 'function' && typeof (value as Graph).order === 'number';
}

function fromGraphologyGraph(graph: Graph): NetworkFile {
  const features: NetworkFeature[] = [];
  const position = new Map<string, [number, number]>();
  graph.forEachNode((key, attributes) => {
    const { lon, lat, ...properties } = attributes as Record<string, unknown>;
    const coordinates = [lon, lat] as [number, number];
    position.set(key, coordinates);
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates },
      properties: { type: 'place', id: key, ...properties },
    } as NetworkFeature);
  });
  graph.forEachEdge((key, attributes, source, target, _sa, _ta, undirected) => {
    features.push({
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: [position.get(source)!, position.get(target)!] },
      properties: { type: 'link', id: key, ...(undirected ? { oneway: false } : {}), ...attributes, from: source, to: target },
    } as NetworkFeature);
  });
  return { type: 'FeatureCollection', features };
}

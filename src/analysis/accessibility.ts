import { DijkstraQuery } from '../core/dijkstra.js';
import type { Network } from '../model/network.js';
import { withScenario, type Scenario } from '../model/scenario.js';
import { MODES, type Mode } from '../model/types.js';
import { compileNetwork, type CompileOptions } from '../routing/compile-network.js';
import type { Objective } from '../routing/cost-model.js';
import { describePath, placeRef } from '../routing/describe-path.js';
import { explainNoRoute } from '../routing/explain-no-route.js';
import type { PlaceRef } from '../routing/route-result.js';
import { InputError } from '../errors/steppenet-error.js';

/** A mode alone, or every allowed mode with transfers where goods can tranship. */
export type AccessibilityLayerName = Mode | 'multimodal';
export const ACCESSIBILITY_LAYERS: readonly AccessibilityLayerName[] = [...MODES, 'multimodal'];

export interface AccessibilityOptions extends Omit<CompileOptions, 'modes'> {
  /** Which matrices: each mode alone and/or multimodal; default all four. */
  modes?: readonly AccessibilityLayerName[];
  /** A scenario to apply first (bundled name, file path or object). */
  scenario?: string | Scenario;
  /** The places (names or ids); default the border regions' main cities (`regionCentres()`). */
  places?: readonly string[];
}

export interface AccessibilityLayer {
  layer: AccessibilityLayerName;
  /**
   * values[i][j]: the best objective value from places[i] to places[j]; null
   * where there is no route; 0 on the diagonal. For `time`, the hours of the
   * best route along its exact AETR timeline (as route() reports them), not
   * its search weight with the amortised rest.
   */
  values: (number | null)[][];
  /** reasons[i][j]: why there is no route where values[i][j] is null, else null. */
  reasons: (string | null)[][];
  /** Ordered pairs of different places with a route. */
  connectedPairs: number;
}

export interface AccessibilityMatrix {
  by: Objective;
  scenario: string;
  places: PlaceRef[];
  layers: AccessibilityLayer[];
}

export class AccessibilityArgumentError extends InputError {
  constructor(readonly argument: string, detail: string) {
    super(`accessibility: ${argument} ${detail}`);
  }
}

/**
 * The matrix of best times (or km, cost) between the border regions' main
 * cities, by each mode alone and multimodal. One one-to-many Dijkstra per
 * origin and layer (it stops once every other place is settled), not one
 * search per pair. Where a cell has no route, explainNoRoute says why.
 */
export function accessibility(network: Network, options: AccessibilityOptions = {}): AccessibilityMatrix {
  const { modes: layerNames = ACCESSIBILITY_LAYERS, scenario, places: placeQueries, ...compileOptions } = options;
  if (!Array.isArray(layerNames)) throw new AccessibilityArgumentError('modes', `must be an array of layers (${ACCESSIBILITY_LAYERS.join(', ')}), got ${JSON.stringify(layerNames)}`);
  if (placeQueries !== undefined && !Array.isArray(placeQueries)) throw new AccessibilityArgumentError('places', `must be an array of place names or ids, got ${JSON.stringify(placeQueries)}`);
  const bad = layerNames.filter((l) => !ACCESSIBILITY_LAYERS.includes(l));
  if (bad.length) throw new AccessibilityArgumentError('modes', `has ${bad.map((b) => JSON.stringify(b)).join(', ')}; each must be one of ${ACCESSIBILITY_LAYERS.join(', ')}`);
  if (layerNames.length === 0) throw new AccessibilityArgumentError('modes', 'is empty');
  const net = withScenario(network, scenario);
  const ids = placeQueries ? placeQueries.map((q) => net.resolvePlace(q).properties.id) : net.regionCentres().map((p) => p.properties.id);
  if (ids.length === 0) throw new AccessibilityArgumentError('places', 'is empty: pass some, or mark region centres in the network');
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate !== undefined) throw new AccessibilityArgumentError('places', `names "${duplicate}" twice`);

  let by: Objective = compileOptions.by ?? 'time';
  const layers = layerNames.map((layer): AccessibilityLayer => {
    const compiled = compileNetwork(net, { ...compileOptions, modes: layer === 'multimodal' ? MODES : [layer] });
    by = compiled.by;
    const query = new DijkstraQuery(compiled.graph);
    const targets = ids.map((id) => compiled.arriveNode(id));
    const values: (number | null)[][] = [];
    const reasons: (string | null)[][] = [];
    let connectedPairs = 0;
    ids.forEach((origin, i) => {
      const paths = query.oneToMany(compiled.departNode(origin), targets);
      const hours = (j: number, edges: readonly number[]) =>
        describePath(compiled, edges, { from: placeRef(net, origin), to: placeRef(net, ids[j]), via: [], by: compiled.by, scenario: net.scenario?.name ?? 'current' }).totals.hours;
      values.push(paths.map((p, j) => (i === j ? 0 : !p.found ? null : compiled.by === 'time' ? hours(j, p.edges) : p.cost)));
      reasons.push(paths.map((p, j) => (i === j || p.found ? null : explainNoRoute(compiled, origin, ids[j]))));
      connectedPairs += paths.filter((p, j) => i !== j && p.found).length;
    });
    return { layer, values, reasons, connectedPairs };
  });
  return { by, scenario: net.scenario?.name ?? 'current', places: ids.map((id) => placeRef(net, id)), layers };
}

import type { Network } from '../model/network.js';
import { withScenario, type Scenario } from '../model/scenario.js';
import { MODES, type Mode } from '../model/types.js';
import type { CompileOptions } from '../routing/compile-network.js';
import type { Objective } from '../routing/cost-model.js';
import { placeRef } from '../routing/describe-path.js';
import { explainNoRoute } from '../routing/explain-no-route.js';
import type { PlaceRef } from '../routing/route-result.js';
import { Router } from '../routing/router.js';
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
  /** hours[i][j]: the hours (exact AETR timeline) of the route values[i][j] is the figure of; null where there is none. */
  hours: (number | null)[][];
  /** km[i][j]: the km of that route; null where there is none. */
  km: (number | null)[][];
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
 * cities, by each mode alone and multimodal. One Router.table per layer:
 * one one-to-many Dijkstra per origin (it stops once every other place is
 * settled), or for 200 places or more one bucket table on a contraction
 * hierarchy (see tableSearch), not one search per pair. Where a cell has no
 * route, explainNoRoute says why.
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
    // A Router's table is route()'s answer for every pair (rest aware: the multimodal layer is never worse than road alone).
    const router = new Router(net, { ...compileOptions, modes: layer === 'multimodal' ? MODES : [layer] });
    const compiled = router.compiled;
    by = compiled.by;
    const table = router.table(ids, ids);
    const values = table.map((row, i) => row.map((t, j) => (i === j ? 0 : t === null ? null : compiled.by === 'time' ? t.hours : t.weight)));
    const hours = table.map((row, i) => row.map((t, j) => (i === j ? 0 : t === null ? null : t.hours)));
    const km = table.map((row, i) => row.map((t, j) => (i === j ? 0 : t === null ? null : t.km)));
    const reasons = table.map((row, i) => row.map((t, j) => (i === j || t !== null ? null : explainNoRoute(compiled, ids[i], ids[j]))));
    const connectedPairs = table.reduce((n, row, i) => n + row.filter((t, j) => i !== j && t !== null).length, 0);
    return { layer, values, hours, km, reasons, connectedPairs };
  });
  return { by, scenario: net.scenario?.name ?? 'current', places: ids.map((id) => placeRef(net, id)), layers };
}

import type { Network } from '../model/network.js';
import { MODES, type Mode } from '../model/types.js';
import type { Objective } from '../routing/cost-model.js';
import type { RouteResult } from '../routing/route-result.js';
import { route } from '../routing/route.js';

/** The pairs the report always answers: one per border sector plus the long haul. */
export const HEADLINE_PAIRS: readonly [string, string][] = [
  ['omsk', 'pavlodar'],
  ['orenburg', 'uralsk'],
  ['barnaul', 'ust-kamenogorsk'],
  ['moscow', 'almaty'],
];

export interface HeadlineRow {
  from: string;
  to: string;
  /** The best route for each single mode, then for all modes together. */
  byMode: Record<Mode | 'multimodal', RouteResult>;
}

/** For each pair, the best route by one mode at a time and by all modes together. */
export function headlineRoutes(network: Network, pairs = HEADLINE_PAIRS, by: Objective = 'time'): HeadlineRow[] {
  return pairs.map(([from, to]) => {
    const byMode = {} as HeadlineRow['byMode'];
    for (const mode of MODES) byMode[mode] = route(network, from, to, { by, modes: [mode] });
    byMode.multimodal = route(network, from, to, { by });
    return { from, to, byMode };
  });
}

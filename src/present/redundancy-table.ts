import type { RedundancyResult } from '../analysis/od-redundancy.js';
import type { Network } from '../model/network.js';
import { round } from './number-format.js';
import { formatTable } from './table.js';
import { OBJECTIVE_UNITS } from './units.js';
import type { Objective } from '../routing/cost-model.js';

/** The pairs with the fewest independent routes first, then the dearest second best. */
export function renderRedundancy(network: Network, result: RedundancyResult, top = Infinity): string {
  const unit = OBJECTIVE_UNITS[result.by as Objective]?.text ?? result.by;
  const name = (id: string) => network.place(id)?.properties.name ?? id;
  const rows = [...result.pairs].sort((a, b) => a.disjointRoutes - b.disjointRoutes || (b.ratio ?? 0) - (a.ratio ?? 0));
  return `Redundancy of ${result.pairs.length} OD pairs (scenario ${result.scenario}, by ${result.by}): link-disjoint routes, and the best route sharing no link with the best one\n\n${formatTable(
    ['from', 'to', 'disjoint routes', `best (${unit})`, `second best (${unit})`, 'ratio'],
    rows.slice(0, top).map((p) => [name(p.from), name(p.to), p.disjointRoutes, round(p.best), round(p.secondBest), p.ratio === undefined ? undefined : round(p.ratio, 2)]),
  )}`;
}

import type { CheapestCrossingResult } from '../analysis/cheapest-crossing-flow.js';
import { formatCsv } from './csv.js';

/** One line per crossing in scope: its daily capacity and the cheapest flow's units over it. */
export function crossingFlowCsv(result: CheapestCrossingResult): string {
  const unit = result.mode === 'road' ? 'trucks_per_day' : 'train_pairs_per_day';
  return formatCsv(
    ['checkpoint_id', 'name', 'link_id', `capacity_${unit}`, `flow_${unit}`],
    result.crossings.map((c) => [c.checkpoint, c.name, c.link, c.capacity, c.flow]),
  );
}

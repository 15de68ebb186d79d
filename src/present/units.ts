import type { Objective } from '../routing/cost-model.js';

/**
 * The unit of each objective, spelled for people (`text`: table headers and
 * sentences) and for files (`column`: the unit part of a CSV column name).
 */
export const OBJECTIVE_UNITS: Record<Objective, { text: string; column: string }> = {
  distance: { text: 'km', column: 'km' },
  time: { text: 'h', column: 'hours' },
  cost: { text: 'USD/t', column: 'usd_per_t' },
  generalized: { text: 'generalized USD/t', column: 'usd_per_t' },
};

/**
 * The CSV column of an objective's value: `distance_km`, `time_hours`,
 * `cost_usd_per_t`, `generalized_usd_per_t`, after `prefix`. `by` is a string
 * for results read back from files (merged criticality shards); one that names
 * no objective stands alone.
 */
export function objectiveColumn(by: Objective | string, prefix = ''): string {
  const unit = Object.hasOwn(OBJECTIVE_UNITS, by) ? OBJECTIVE_UNITS[by as Objective].column : undefined;
  return unit ? `${prefix}${by}_${unit}` : `${prefix}${by}`;
}

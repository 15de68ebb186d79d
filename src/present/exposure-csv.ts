import type { ExposureResult } from '../analysis/exposure.js';
import { formatCsv } from './csv.js';

/** One line per region (or country), figures unrounded, each column named with its unit. */
export function exposureCsv(result: ExposureResult, per: 'region' | 'country' = 'region'): string {
  const rows = per === 'region' ? result.regions : result.countries;
  return formatCsv(
    [
      per, 'country', 'failures', 'pairs', 'demand_t_per_year', 'demand_min_t_per_year', 'demand_max_t_per_year',
      'worst_increase_hours', 'worst_increase_min_hours', 'worst_increase_max_hours', 'worst_failure_id', 'worst_failure',
      'average_increase_hours', 'cut_off_t_per_year', 'cut_off_min_t_per_year', 'cut_off_max_t_per_year', 'cut_off_failure_id',
      'loss_tonne_hours_per_day', 'loss_min_tonne_hours_per_day', 'loss_max_tonne_hours_per_day',
      'loss_usd_per_day', 'loss_min_usd_per_day', 'loss_max_usd_per_day',
    ],
    rows.map((r) => [
      r.group, r.country, result.areas, r.pairs, r.demand.central, r.demand.min, r.demand.max,
      r.worstIncreaseHours.central, r.worstIncreaseHours.min, r.worstIncreaseHours.max, r.worstFailure?.id, r.worstFailure?.name,
      r.averageIncreaseHours, r.cutOff.central, r.cutOff.min, r.cutOff.max, r.cutOffFailure?.id,
      r.lossTonneHoursPerDay.central, r.lossTonneHoursPerDay.min, r.lossTonneHoursPerDay.max,
      r.lossUsdPerDay.central, r.lossUsdPerDay.min, r.lossUsdPerDay.max,
    ]),
  );
}

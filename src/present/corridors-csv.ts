import type { CorridorComparison, CorridorRoute } from '../analysis/compare-corridors.js';
import { formatCsv } from './csv.js';
import { objectiveColumn } from './units.js';

/** The corridor routes in order (bypass, through), with the best-route flag. */
export const corridorRoutes = (c: CorridorComparison): [kind: 'bypass' | 'through', route: CorridorRoute][] => [['bypass', c.bypass], ['through', c.through]];

/**
 * One line per corridor route (the bypass of the country and the route through
 * it): whether it is the best overall, its figures (whole; Infinity where there
 * is no route), km per country ("RU:1234.5 KZ:678.9"), resilience and links.
 */
export function corridorsCsv(c: CorridorComparison): string {
  return formatCsv(
    [
      'corridor', 'from_id', 'to_id', 'from', 'to', 'through_country', 'best', 'found', objectiveColumn(c.by), 'km', 'hours', 'border_wait_hours', 'usd_per_t',
      'crossings', 'countries', 'km_by_country', 'disjoint_routes', 'disjoint_routes_upper_bound', 'worst_failure_link', 'worst_failure_penalty', 'links', 'reason',
    ],
    corridorRoutes(c).map(([kind, r]) => [
      kind, c.from.id, c.to.id, c.from.name, c.to.name, c.throughCountry, c.best.is === kind, r.found, r.found ? r.weight : Infinity,
      r.found ? r.km : undefined, r.found ? r.hours : undefined, r.found ? r.borderWaitHours : undefined, r.found ? r.cost : undefined,
      r.found ? r.crossings : undefined, r.countries.join(' '), r.kmByCountry.map((k) => `${k.country}:${k.km}`).join(' '),
      r.found ? r.resilience.disjointRoutes.count : undefined, r.found ? r.resilience.disjointRoutes.upperBound : undefined,
      r.resilience.worstFailure?.link, r.resilience.worstFailure?.penalty, r.route.found ? r.route.links.join(' ') : undefined, r.reason,
    ]),
  );
}

import type { Network } from '../model/network.js';
import type { PublishedDistance } from '../io/distance-table.js';
import { compileNetwork } from '../routing/compile-network.js';
import { routeCompiled } from '../routing/route.js';

/** One published distance next to the network's shortest rail route. */
export interface DistanceCheck extends PublishedDistance {
  /** Shortest rail km in the network; null when no rail route exists. */
  networkKm: number | null;
  /** (network − published) / published; null when no route. */
  deviation: number | null;
  holds: boolean;
  /** Links of the network's route. */
  links: string[];
  /** Why the row could not be routed (unknown place id, no rail route). */
  problem?: string;
}

export interface DistanceValidation {
  tolerance: number;
  rows: DistanceCheck[];
  holding: number;
}

/**
 * Routes every published tariff distance by rail, by distance, and compares.
 * Tariff distances are shortest paths by definition, so a row that misses
 * points at a missing line, a wrong length or a misplaced junction. Transit
 * through the neighbouring country is allowed (sealed trains run so).
 */
export function validateRailDistances(network: Network, table: readonly PublishedDistance[], options: { tolerance?: number } = {}): DistanceValidation {
  const tolerance = options.tolerance ?? 0.03;
  const compiled = compileNetwork(network, { by: 'distance', modes: ['rail'] });
  const rows = table.map((row): DistanceCheck => {
    const unknown = [row.from, row.to].filter((id) => !network.place(id));
    if (unknown.length) return { ...row, networkKm: null, deviation: null, holds: false, links: [], problem: `no place ${unknown.join(', ')} in the network` };
    const r = routeCompiled(compiled, [row.from, row.to]);
    if (!r.found) return { ...row, networkKm: null, deviation: null, holds: false, links: [], problem: r.reason };
    const deviation = (r.totals.km - row.km) / row.km;
    return { ...row, networkKm: r.totals.km, deviation, holds: Math.abs(deviation) <= tolerance, links: [...r.links] };
  });
  return { tolerance, rows, holding: rows.filter((r) => r.holds).length };
}

import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { CorridorComparison } from '../analysis/compare-corridors.js';
import type { Network } from '../model/network.js';
import { corridorRoutes } from './corridors-csv.js';
import { finite } from './links-geojson.js';
import { routeToGeoJSON } from './route-geojson.js';
import { objectiveColumn } from './units.js';

/**
 * The corridor routes (the bypass and the route through the country), each as
 * its legs, transfers and crossings (route-geojson), every feature with its
 * `corridor` kind, whether it is the best route, and the corridor's figures.
 */
export function corridorsGeoJSON(network: Network, c: CorridorComparison): FeatureCollection {
  const features: Feature<Geometry>[] = [];
  for (const [kind, r] of corridorRoutes(c)) {
    if (!r.route.found) continue;
    const corridor = {
      corridor: kind, best: c.best.is === kind, through_country: c.throughCountry, [objectiveColumn(c.by, 'corridor_')]: finite(r.weight),
      corridor_km: r.km, corridor_hours: r.hours, corridor_border_wait_hours: r.borderWaitHours, corridor_usd_per_t: r.cost, corridor_crossings: r.crossings,
      corridor_countries: r.countries.join(' '), disjoint_routes: r.resilience.disjointRoutes.count,
      ...(r.resilience.worstFailure ? { worst_failure_link: r.resilience.worstFailure.link, worst_failure_penalty: finite(r.resilience.worstFailure.penalty) } : {}),
    };
    for (const f of routeToGeoJSON(network, r.route).features) features.push({ ...f, properties: { ...corridor, ...f.properties } });
  }
  return { type: 'FeatureCollection', features };
}

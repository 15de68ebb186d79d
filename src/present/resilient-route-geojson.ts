import type { FeatureCollection } from 'geojson';
import type { ResilientRouteResult } from '../analysis/resilient-route.js';
import type { Network } from '../model/network.js';
import { routesToGeoJSON } from './route-geojson.js';

/** The chosen route (role "chosen") and each backup that exists (role "backup", with the link whose loss it answers). */
export function resilientRouteGeoJSON(network: Network, result: ResilientRouteResult): FeatureCollection {
  const found = result.backups.filter((b) => b.backup.found);
  const routes = [result.route, ...found.map((b) => b.backup)];
  return routesToGeoJSON(network, routes, (i) => (i === 0 ? { role: 'chosen' } : { role: 'backup', failedLink: found[i - 1].link }));
}

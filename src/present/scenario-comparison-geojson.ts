import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { ScenarioComparison, ScenarioPairRow } from '../analysis/compare-scenarios.js';
import type { Network } from '../model/network.js';
import { finite, linksGeometry } from './links-geojson.js';
import { objectiveColumn, OBJECTIVE_UNITS } from './units.js';

/**
 * Each pair whose route changed, with both routes: one MultiLineString per
 * scenario that has a route (property `scenario`: A's or B's name), both
 * carrying the pair's figures under A and B. Figures whole; no route is null.
 */
export function comparisonGeoJSON(network: Network, c: ScenarioComparison, rows: readonly ScenarioPairRow[] = c.rows): FeatureCollection {
  const features: Feature<Geometry>[] = [];
  for (const r of rows.filter((row) => row.routeChanged || row.status === 'connected' || row.status === 'disconnected')) {
    const pair = {
      from_id: r.from, to_id: r.to, from: r.fromName, to: r.toName, from_region: r.fromRegion, to_region: r.toRegion, demand: r.demand, status: r.status,
      [objectiveColumn(c.by, `${c.a}_`)]: finite(r.a), [objectiveColumn(c.by, `${c.b}_`)]: finite(r.b), [`change_${OBJECTIVE_UNITS[c.by].column}`]: finite(r.change),
      [`${c.a}_hours`]: finite(r.hoursA), [`${c.b}_hours`]: finite(r.hoursB), [`${c.a}_km`]: finite(r.kmA), [`${c.b}_km`]: finite(r.kmB), route_changed: r.routeChanged,
    };
    for (const [scenario, links, reason] of [[c.a, r.linksA, r.reasonA], [c.b, r.linksB, r.reasonB]] as const) {
      if (links.length) features.push({ type: 'Feature', geometry: linksGeometry(network, links), properties: { kind: 'route', scenario, ...pair, links: links.join(' ') } });
      else {
        features.push({
          type: 'Feature',
          geometry: { type: 'MultiPoint', coordinates: [network.place(r.from)!.geometry.coordinates, network.place(r.to)!.geometry.coordinates] },
          properties: { kind: 'no route', scenario, ...pair, ...(reason ? { reason } : {}) },
        });
      }
    }
  }
  return { type: 'FeatureCollection', features };
}

import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { RemovalResult, RemovalRow } from '../analysis/remove-links.js';
import type { Network } from '../model/network.js';
import { finite } from './links-geojson.js';
import { routeToGeoJSON } from './route-geojson.js';
import { objectiveColumn } from './units.js';

/**
 * The removed links (kind "removed link"), each detouring pair's new route
 * (its legs, transfers and crossings, with the pair's before/after figures),
 * and each pair cut off as a MultiPoint of its two places (kind "cut off").
 * Figures are whole; no route is null (JSON has no Infinity).
 */
export function removalGeoJSON(network: Network, result: RemovalResult, rows: readonly RemovalRow[]): FeatureCollection {
  const features: Feature<Geometry>[] = result.removed.map((id) => ({
    type: 'Feature', geometry: network.link(id)!.geometry,
    properties: { kind: 'removed link', link: id, name: network.link(id)!.properties.name ?? null, mode: network.link(id)!.properties.mode },
  }));
  const name = (id: string) => network.place(id)!.properties.name;
  for (const r of rows) {
    const pair = {
      from_id: r.from, to_id: r.to, from: name(r.from), to: name(r.to), demand: r.demand, effect: r.effect,
      [objectiveColumn(result.by, 'before_')]: finite(r.before), [objectiveColumn(result.by, 'after_')]: finite(r.after),
      [objectiveColumn(result.by, 'extra_')]: finite(r.extra), extra_hours: finite(r.extraHours), extra_km: finite(r.extraKm),
      ...(r.reason ? { reason: r.reason } : {}),
    };
    if (r.newRoute?.found) {
      for (const f of routeToGeoJSON(network, r.newRoute).features) features.push({ ...f, properties: { ...pair, part: f.properties?.kind, ...f.properties, kind: 'new route' } });
    } else {
      features.push({
        type: 'Feature',
        geometry: { type: 'MultiPoint', coordinates: [network.place(r.from)!.geometry.coordinates, network.place(r.to)!.geometry.coordinates] },
        properties: { kind: r.effect === 'disconnected' ? 'cut off' : r.effect, ...pair },
      });
    }
  }
  return { type: 'FeatureCollection', features };
}

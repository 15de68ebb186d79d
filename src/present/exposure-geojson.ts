import type { Feature, FeatureCollection, Point } from 'geojson';
import type { ExposureResult, GroupExposure } from '../analysis/exposure.js';
import type { Network } from '../model/network.js';

/**
 * The exposure rows as points with their figures as properties: a region at
 * its centre city (`regionCentre`), else at the mean of its places; a country
 * at the mean of its places (the network holds no region outlines). Rows with
 * no place to stand on (no region) are left out.
 */
export function exposureGeoJSON(network: Network, result: ExposureResult, per: 'region' | 'country' = 'region'): FeatureCollection<Point> {
  const rows = per === 'region' ? result.regions : result.countries;
  const key = (p: { region?: string; country: string }) => (per === 'region' ? p.region : p.country);
  const at = (group: string): [number, number] | undefined => {
    const places = network.places.filter((p) => key(p.properties) === group);
    const centre = places.find((p) => p.properties.regionCentre && per === 'region');
    if (centre) return [...centre.geometry.coordinates];
    if (places.length === 0) return undefined;
    const mean = (i: 0 | 1) => places.reduce((s, p) => s + p.geometry.coordinates[i], 0) / places.length;
    return [mean(0), mean(1)];
  };
  return {
    type: 'FeatureCollection',
    features: rows.flatMap((r: GroupExposure, i): Feature<Point>[] => {
      const coordinates = at(r.group);
      if (!coordinates) return [];
      return [{
        type: 'Feature', geometry: { type: 'Point', coordinates },
        properties: { rank: i + 1, [per]: r.group, ...r, areas: result.areas, by: result.by, scenario: result.scenario },
      }];
    }),
  };
}

import type { Feature, FeatureCollection, MultiLineString, Polygon } from 'geojson';
import type { AreaCriticalityResult } from '../analysis/area-criticality.js';
import type { Network } from '../model/network.js';

/**
 * The ranked areas, each with its rank, scores and the objective: a grid cell
 * as its square, a region or an area of your own as the lines of the links it
 * closes (the network holds no region outlines).
 */
export function areaCriticalityGeoJSON(network: Network, result: AreaCriticalityResult): FeatureCollection<Polygon | MultiLineString> {
  return {
    type: 'FeatureCollection',
    features: result.ranking.map((r, i): Feature<Polygon | MultiLineString> => {
      const { cell, ...scores } = r;
      const geometry: Polygon | MultiLineString = cell
        ? { type: 'Polygon', coordinates: [[[cell.west, cell.south], [cell.west + cell.size, cell.south], [cell.west + cell.size, cell.south + cell.size], [cell.west, cell.south + cell.size], [cell.west, cell.south]]] }
        : { type: 'MultiLineString', coordinates: r.links.map((id) => network.link(id)!.geometry.coordinates) };
      return { type: 'Feature', geometry, properties: { rank: i + 1, ...scores, by: result.by } };
    }),
  };
}

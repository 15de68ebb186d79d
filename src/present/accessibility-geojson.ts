import type { FeatureCollection, Point } from 'geojson';
import type { AccessibilityMatrix } from '../analysis/accessibility.js';
import type { Network } from '../model/network.js';
import { objectiveColumn } from './units.js';

/**
 * The places as points, each with its row of the matrix as flat properties
 * (`<layer>_to_<place id>_<objective>_<unit>`, e.g. `road_to_pavlodar_time_hours`;
 * null where there is no route) and, per layer, how many of the other places
 * it reaches. Flat, so GIS tools can style by any figure. Figures whole.
 */
export function accessibilityGeoJSON(network: Network, m: AccessibilityMatrix): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: m.places.map((from, i) => {
      const properties: Record<string, string | number | null> = { id: from.id, name: from.name, country: from.country, by: m.by, scenario: m.scenario };
      for (const layer of m.layers) {
        let reached = 0;
        m.places.forEach((to, j) => {
          if (i === j) return;
          const v = layer.values[i][j];
          if (v !== null) reached++;
          properties[objectiveColumn(m.by, `${layer.layer}_to_${to.id}_`)] = v;
        });
        properties[`${layer.layer}_places_reached`] = reached;
      }
      return { type: 'Feature' as const, geometry: network.place(from.id)!.geometry, properties };
    }),
  };
}

import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import type { AccessibilityMatrix } from '../analysis/accessibility.js';
import type { Network } from '../model/network.js';
import { objectiveColumn } from './units.js';

/**
 * The matrix as a map: the places as points (`kind` place), each with its
 * row of the matrix as flat properties (`<layer>_to_<place id>_<objective>_<unit>`,
 * e.g. `road_to_pavlodar_time_hours`; null where there is no route) and, per
 * layer, how many of the other places it reaches; then, per layer, one
 * straight line from each place to each other place it reaches (`kind`
 * od-pair: who reaches whom), with the layer, both places, the objective's
 * figure, the route's hours and km. Flat, so GIS tools can style and filter
 * by any figure. Figures whole.
 */
export function accessibilityGeoJSON(network: Network, m: AccessibilityMatrix): FeatureCollection<Point | LineString> {
  const at = (id: string) => network.place(id)!.geometry.coordinates;
  const points: Feature<Point>[] = m.places.map((from, i) => {
    const properties: Record<string, string | number | null> = { kind: 'place', id: from.id, name: from.name, country: from.country, by: m.by, scenario: m.scenario };
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
  });
  const lines: Feature<LineString>[] = m.layers.flatMap((layer) =>
    m.places.flatMap((from, i) =>
      m.places.flatMap((to, j): Feature<LineString>[] => {
        const v = layer.values[i][j];
        if (i === j || v === null) return [];
        return [{
          type: 'Feature',
          geometry: { type: 'LineString', coordinates: [at(from.id), at(to.id)] },
          properties: {
            kind: 'od-pair', layer: layer.layer, from_id: from.id, to_id: to.id, from: from.name, to: to.name, by: m.by, scenario: m.scenario,
            [objectiveColumn(m.by)]: v, hours: layer.hours[i][j], km: layer.km[i][j],
          },
        }];
      }),
    ),
  );
  return { type: 'FeatureCollection', features: [...points, ...lines] };
}

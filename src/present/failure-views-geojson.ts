import type { FeatureCollection } from 'geojson';
import type { FailureView } from '../analysis/single-points-of-failure.js';
import type { Network } from '../model/network.js';

/** Bridges as lines and articulation points as points, each with its view and what it cuts off. */
export function failureViewsGeoJSON(network: Network, views: readonly FailureView[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: views.flatMap((v) => [
      ...v.bridges.map((b) => ({ type: 'Feature' as const, geometry: network.link(b.link)!.geometry, properties: { kind: 'bridge', view: v.view, ...b } })),
      ...v.articulationPoints.map((a) => ({ type: 'Feature' as const, geometry: network.place(a.place)!.geometry, properties: { kind: 'articulation point', view: v.view, ...a } })),
    ]),
  };
}

import type { FeatureCollection } from 'geojson';
import type { CriticalityResult } from '../analysis/link-criticality.js';
import type { Network } from '../model/network.js';

/** The ranked links as lines, each with its rank, scores and the objective. */
export function criticalityGeoJSON(network: Network, result: CriticalityResult): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: result.ranking.map((r, i) => ({ type: 'Feature', geometry: network.link(r.link)!.geometry, properties: { rank: i + 1, ...r, by: result.by } })),
  };
}

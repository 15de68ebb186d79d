import type { FeatureCollection } from 'geojson';
import type { BorderCutResult } from '../analysis/border-cut.js';
import type { Network } from '../model/network.js';

/** The links of the cut across the whole border, each with its capacity and the flow's unit. */
export function borderCutGeoJSON(network: Network, result: BorderCutResult): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: result.total.cut.map((c) => ({ type: 'Feature', geometry: network.link(c.link)!.geometry, properties: { ...c, unit: result.unit, sector: result.total.sector } })),
  };
}

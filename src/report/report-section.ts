import type { FeatureCollection } from 'geojson';
import type { Network } from '../model/network.js';
import type { Block } from '../present/report-blocks.js';

/**
 * One section of the report: its blocks, the GeoJSON layers it maps (by file
 * name, without extension), and its findings for the summary — sentences
 * computed from the section's own results; the summary links each to the
 * section's first heading.
 */
export interface ReportSection {
  blocks: Block[];
  layers?: Record<string, FeatureCollection>;
  /** A finding links to the section's first heading, or to the heading whose text it names. */
  findings?: (string | { text: string; heading: string })[];
}

/** A place's name for a heading or a table row; its id where the network lacks it. */
export const placeName = (network: Network, id: string) => network.place(id)?.properties.name ?? id;

/** The network's links as a grey background map layer, rail darker than road, rivers blue. */
export function networkBackground(network: Network): import('../present/report-blocks.js').MapLayer {
  return {
    features: network.links,
    frames: false,
    style: (f) => {
      const mode = f.properties?.mode;
      return mode === 'rail' ? { stroke: '#8a8a8a', width: 0.7 } : mode === 'river' ? { stroke: '#7fb2d8', width: 0.9 } : { stroke: '#c4c4c4', width: 0.6 };
    },
  };
}

import type { FeatureCollection } from 'geojson';
import type { Network } from '../model/network.js';

/** One section of the report: its markdown lines and the GeoJSON layers it maps (by file name, without extension). */
export interface ReportSection {
  markdown: string[];
  layers?: Record<string, FeatureCollection>;
}

/** A place's name for a heading or a table row; its id where the network lacks it. */
export const placeName = (network: Network, id: string) => network.place(id)?.properties.name ?? id;

/**
 * The report as data: a list of blocks that the markdown renderer
 * (report-markdown.ts) and the HTML renderer (report-html.ts) both draw, so
 * report.md and report.html always say the same thing.
 *
 * Text in `heading`, `paragraph` and `list` blocks may carry two inline marks,
 * written as in markdown: `code` and [a link](#anchor) to a heading of the
 * report. Everything else is plain text (the HTML renderer escapes it).
 */
import type { Feature, FeatureCollection } from 'geojson';
import type { MdCell } from './markdown.js';

export interface LineStyle {
  stroke: string;
  width: number;
  dash?: string;
  opacity?: number;
  /** Points (Point and MultiPoint features) are drawn as circles of this radius, filled with `fill`; without a radius they are not drawn. */
  radius?: number;
  fill?: string;
}

/** One layer of a map: features drawn in one style (or a style per feature), and the GeoJSON file that holds them, if any. */
export interface MapLayer {
  /** The GeoJSON file (in the report's folder) that holds this layer's features. */
  file?: string;
  features: Feature[];
  style: LineStyle | ((feature: Feature) => LineStyle | undefined);
  /** Whether the map's extent follows this layer (default true). */
  frames?: boolean;
}

export interface MapLegendEntry {
  label: string;
  style: LineStyle;
}

export interface MapBlock {
  kind: 'map';
  title: string;
  caption?: string;
  /** Bottom first: the first layer is drawn first. */
  layers: MapLayer[];
  legend: MapLegendEntry[];
  /** Places named on the map. */
  labels?: { lon: number; lat: number; text: string }[];
}

/** A chart as a Vega-Lite spec with its data inline; rendered to SVG headlessly. */
export interface ChartBlock {
  kind: 'chart';
  title: string;
  caption?: string;
  spec: Record<string, unknown>;
}

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; headers: string[]; rows: MdCell[][] }
  | { kind: 'pre'; text: string }
  | MapBlock
  | ChartBlock;

export interface ReportModel {
  title: string;
  blocks: Block[];
  /** GeoJSON layers by file name (without extension). */
  layers: Record<string, FeatureCollection>;
}

/** A heading's anchor, as GitHub makes it: lower case, punctuation dropped, spaces as hyphens. */
export function slug(text: string): string {
  return text.toLowerCase().replace(/`/g, '').replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
}

/** Every heading's anchor in order, made unique as GitHub does (a repeated one gets -1, -2, …). */
export function headingAnchors(blocks: readonly Block[]): Map<Block, string> {
  const seen = new Map<string, number>();
  const anchors = new Map<Block, string>();
  for (const b of blocks) {
    if (b.kind !== 'heading') continue;
    const base = slug(b.text);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.set(b, n ? `${base}-${n}` : base);
  }
  return anchors;
}

/** The GeoJSON files a map draws, in order, without repeats. */
export const mapFiles = (map: MapBlock) => [...new Set(map.layers.flatMap((l) => (l.file ? [l.file] : [])))];

/**
 * A static SVG map drawn from GeoJSON: the bundled country outlines as
 * background, then the map's layers, labels, a legend and a title. The
 * projection is equirectangular with x scaled by cos(mean latitude), which is
 * fair at these latitudes for a map of this size.
 */
import type { Feature, Geometry, Position } from 'geojson';
import { countryOutlines } from '../model/country-outlines.js';
import { escapeHtml } from './html-escape.js';
import type { LineStyle, MapBlock } from './report-blocks.js';

const WIDTH = 900;
const MAP_HEIGHT_MAX = 560;

function positions(g: Geometry | null): Position[] {
  if (!g) return [];
  switch (g.type) {
    case 'Point': return [g.coordinates];
    case 'MultiPoint': case 'LineString': return g.coordinates;
    case 'MultiLineString': case 'Polygon': return g.coordinates.flat();
    case 'MultiPolygon': return g.coordinates.flat(2);
    case 'GeometryCollection': return g.geometries.flatMap(positions);
  }
}

const lines = (g: Geometry | null): Position[][] =>
  !g ? [] : g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : g.type === 'GeometryCollection' ? g.geometries.flatMap(lines) : [];
const points = (g: Geometry | null): Position[] =>
  !g ? [] : g.type === 'Point' ? [g.coordinates] : g.type === 'MultiPoint' ? g.coordinates : g.type === 'GeometryCollection' ? g.geometries.flatMap(points) : [];
const rings = (g: Geometry): Position[][] => (g.type === 'Polygon' ? g.coordinates : g.type === 'MultiPolygon' ? g.coordinates.flat() : []);

const styleAttrs = (s: LineStyle) =>
  `stroke="${escapeHtml(s.stroke)}" stroke-width="${s.width}"${s.dash ? ` stroke-dasharray="${escapeHtml(s.dash)}"` : ''}${s.opacity !== undefined ? ` stroke-opacity="${s.opacity}"` : ''}`;

/** A point's circle at "x,y" (pixels). */
function circle(at: string, s: LineStyle): string {
  const [x, y] = at.split(',');
  return `<circle cx="${x}" cy="${y}" r="${s.radius}" fill="${escapeHtml(s.fill ?? 'none')}" ${styleAttrs(s)}/>`;
}

/** The map as an <svg> element (no external references); `id` for its title's anchor. */
export function renderSvgMap(map: MapBlock, id: string): string {
  const framing = map.layers.filter((l) => l.frames !== false).flatMap((l) => l.features.flatMap((f) => positions(f.geometry)));
  const all = framing.length ? framing : map.layers.flatMap((l) => l.features.flatMap((f) => positions(f.geometry)));
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lon, lat] of all) [w, s, e, n] = [Math.min(w, lon!), Math.min(s, lat!), Math.max(e, lon!), Math.max(n, lat!)];
  if (!Number.isFinite(w)) [w, s, e, n] = [45, 40, 90, 58];
  const padLon = Math.max(1, (e - w) * 0.06), padLat = Math.max(0.8, (n - s) * 0.08);
  [w, s, e, n] = [w - padLon, s - padLat, e + padLon, n + padLat];
  const kx = Math.cos((((s + n) / 2) * Math.PI) / 180);
  let scale = WIDTH / ((e - w) * kx);
  let height = (n - s) * scale;
  if (height > MAP_HEIGHT_MAX) {
    // A tall extent: keep the height, widen the longitudes so the map stays WIDTH wide.
    scale = MAP_HEIGHT_MAX / (n - s);
    height = MAP_HEIGHT_MAX;
    const half = WIDTH / scale / kx / 2, mid = (w + e) / 2;
    [w, e] = [mid - half, mid + half];
  }
  const px = (p: Position) => `${(((p[0]! - w) * kx) * scale).toFixed(1)},${((n - p[1]!) * scale).toFixed(1)}`;
  /** A path's d, dropping points less than half a pixel from the last kept one. */
  const pathD = (pts: Position[], close: boolean) => {
    let d = '', last = '';
    let lx = NaN, ly = NaN;
    pts.forEach((p, i) => {
      const x = (p[0]! - w) * kx * scale, y = (n - p[1]!) * scale;
      if (i > 0 && i < pts.length - 1 && Math.hypot(x - lx, y - ly) < 0.5) return;
      last = `${x.toFixed(1)},${y.toFixed(1)}`;
      d += (d ? 'L' : 'M') + last;
      [lx, ly] = [x, y];
    });
    return d + (close ? 'Z' : '');
  };
  const within = (f: Feature) => {
    let [a, b, c, d] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const [lon, lat] of positions(f.geometry)) [a, b, c, d] = [Math.min(a, lon!), Math.min(b, lat!), Math.max(c, lon!), Math.max(d, lat!)];
    return a <= e && c >= w && b <= n && d >= s;
  };
  // The legend below the map, three entries a row.
  const PER_ROW = 3;
  const legendHeight = 20 * Math.ceil(map.legend.length / PER_ROW) + 10;
  const titleHeight = 30;
  const total = titleHeight + height + legendHeight;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" class="map" role="img" aria-labelledby="${id}-title" viewBox="0 0 ${WIDTH} ${Math.ceil(total)}" width="${WIDTH}" height="${Math.ceil(total)}">`);
  out.push(`<title id="${id}-title">${escapeHtml(map.title)}</title>`);
  out.push(`<text x="0" y="20" class="map-title">${escapeHtml(map.title)}</text>`);
  out.push(`<defs><clipPath id="${id}-clip"><rect x="0" y="0" width="${WIDTH}" height="${height.toFixed(1)}"/></clipPath></defs>`);
  out.push(`<g transform="translate(0,${titleHeight})"><rect width="${WIDTH}" height="${height.toFixed(1)}" fill="#dceaf3"/><g clip-path="url(#${id}-clip)">`);
  // Countries: land in a pale tint, with the border lines.
  const countries = countryOutlines().filter((c) => within(c.outline));
  out.push(`<g class="countries" fill="#f6f4ee" stroke="#9d9d9d" stroke-width="0.8">`);
  for (const c of countries) {
    const d = rings(c.outline.geometry).map((r) => pathD(r, true)).join('');
    out.push(`<path d="${d}" fill="${c.code === 'KZ' ? '#fbf1dc' : '#f6f4ee'}"><title>${escapeHtml(c.code)}</title></path>`);
  }
  out.push('</g>');
  for (const layer of map.layers) {
    out.push(`<g class="layer" fill="none" stroke-linecap="round" stroke-linejoin="round">`);
    for (const f of layer.features) {
      const style = typeof layer.style === 'function' ? layer.style(f) : layer.style;
      if (!style || !within(f)) continue;
      for (const l of lines(f.geometry)) out.push(`<path d="${pathD(l, false)}" ${styleAttrs(style)}/>`);
      if (style.radius) for (const p of points(f.geometry)) out.push(circle(px(p), style));
    }
    out.push('</g>');
  }
  for (const label of map.labels ?? []) {
    const [x, y] = px([label.lon, label.lat]).split(',').map(Number) as [number, number];
    // Near the right edge the name goes to the left of its point.
    const left = x > WIDTH - 130;
    out.push(`<circle cx="${x}" cy="${y}" r="3.5" fill="#222"/><text x="${left ? x - 6 : x + 6}" y="${y - 5}"${left ? ' text-anchor="end"' : ''} class="map-label">${escapeHtml(label.text)}</text>`);
  }
  out.push('</g>');
  out.push(`<g transform="translate(0,${(height + 6).toFixed(1)})" class="legend">`);
  map.legend.forEach((entry, i) => {
    const x = (WIDTH / PER_ROW) * (i % PER_ROW), y = 16 + 20 * Math.floor(i / PER_ROW);
    const symbol = entry.style.radius
      ? circle(`${x + 22},${y - 4}`, entry.style)
      : `<line x1="${x + 4}" x2="${x + 40}" y1="${y - 4}" y2="${y - 4}" fill="none" ${styleAttrs(entry.style)}/>`;
    out.push(`${symbol}<text x="${x + 48}" y="${y}">${escapeHtml(entry.label)}</text>`);
  });
  out.push('</g></g></svg>');
  return out.join('\n');
}

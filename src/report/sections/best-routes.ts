import type { Feature } from 'geojson';
import type { Network } from '../../model/network.js';
import { MODES } from '../../model/types.js';
import type { RouteResult } from '../../routing/route-result.js';
import { round } from '../../present/number-format.js';
import { routeToGeoJSON } from '../../present/route-geojson.js';
import { headlineRoutes } from '../headline-routes.js';
import { networkBackground, placeName, type ReportSection } from '../report-section.js';

const hours = (r: RouteResult) => (r.found ? round(r.totals.hours) : null);
const km = (r: RouteResult) => (r.found ? round(r.totals.km, 0) : null);

/** One colour per headline pair on the map. */
export const PAIR_COLOURS = ['#d7301f', '#1d6fb8', '#2ca25f', '#8856a7'];

/** The key pairs' best routes by each mode and multimodal; the multimodal ones as a map layer, the single-mode ones as another. */
export function bestRoutesSection(network: Network): ReportSection {
  const rows = headlineRoutes(network);
  const pairName = (r: (typeof rows)[number]) => `${placeName(network, r.from)} → ${placeName(network, r.to)}`;
  const headline: Feature[] = rows.flatMap((r) => routeToGeoJSON(network, r.byMode.multimodal).features.map((f) => ({ ...f, properties: { ...f.properties, pair: pairName(r) } })));
  const singleMode: Feature[] = rows.flatMap((r) => MODES.flatMap((m) => routeToGeoJSON(network, r.byMode[m]).features.map((f) => ({ ...f, properties: { ...f.properties, pair: pairName(r), routeMode: m } }))));
  const blocks: ReportSection['blocks'] = [
    { kind: 'heading', level: 2, text: 'Best routes by mode (by time, scenario current)' },
    {
      kind: 'table',
      headers: ['from → to', ...MODES.map((m) => `${m} h (km)`), 'multimodal h (km)', 'multimodal route'],
      rows: rows.map((r) => [
        pairName(r),
        ...[...MODES, 'multimodal' as const].map((m) => {
          const res = r.byMode[m];
          return res.found ? `${hours(res)} (${km(res)})` : 'no route';
        }),
        r.byMode.multimodal.found ? r.byMode.multimodal.legs.map((l) => `${l.mode} ${l.from.name}–${l.to.name}`).join('; ') : r.byMode.multimodal.reason,
      ]),
    },
  ];
  const unreachable = rows.flatMap((r) => MODES.filter((m) => !r.byMode[m].found).map((m) => `${pairName(r)} by ${m}: ${r.byMode[m].reason}`));
  if (unreachable.length) blocks.push({ kind: 'paragraph', text: 'Where a single mode has no route:' }, { kind: 'list', items: unreachable });
  const ends = rows.flatMap((r) => [r.from, r.to]).map((id) => network.place(id)).filter((p) => p !== undefined);
  blocks.push({
    kind: 'map',
    title: 'The network and the best multimodal routes of the key pairs',
    caption: 'Grey: the network (rail darker than road, rivers blue). The best route of each single mode is in `single-mode-routes.geojson`.',
    layers: [
      networkBackground(network),
      { file: 'headline-routes.geojson', features: headline, style: (f) => ({ stroke: PAIR_COLOURS[Math.max(0, rows.findIndex((r) => pairName(r) === f.properties?.pair)) % PAIR_COLOURS.length]!, width: 3.2 }) },
    ],
    legend: [
      ...rows.map((r, i) => ({ label: pairName(r), style: { stroke: PAIR_COLOURS[i % PAIR_COLOURS.length]!, width: 3.2 } })),
      { label: 'rail', style: { stroke: '#8a8a8a', width: 0.7 } },
      { label: 'road', style: { stroke: '#c4c4c4', width: 0.6 } },
      { label: 'river', style: { stroke: '#7fb2d8', width: 0.9 } },
    ],
    labels: ends.map((p) => ({ lon: p.geometry.coordinates[0]!, lat: p.geometry.coordinates[1]!, text: p.properties.name })),
  });
  return {
    blocks,
    layers: {
      'headline-routes': { type: 'FeatureCollection', features: headline },
      'single-mode-routes': { type: 'FeatureCollection', features: singleMode },
    },
  };
}

import type { Network } from '../../model/network.js';
import { MODES } from '../../model/types.js';
import type { RouteResult } from '../../routing/route-result.js';
import { mdTable } from '../../present/markdown.js';
import { round } from '../../present/number-format.js';
import { routeToGeoJSON } from '../../present/route-geojson.js';
import { headlineRoutes } from '../headline-routes.js';
import { placeName, type ReportSection } from '../report-section.js';

const hours = (r: RouteResult) => (r.found ? round(r.totals.hours) : null);
const km = (r: RouteResult) => (r.found ? round(r.totals.km, 0) : null);

/** The key pairs' best routes by each mode and multimodal; the multimodal ones as a map layer. */
export function bestRoutesSection(network: Network): ReportSection {
  const rows = headlineRoutes(network);
  const markdown = [
    '', '## Best routes by mode (by time, scenario current)', '',
    mdTable(
      ['from → to', ...MODES.map((m) => `${m} h (km)`), 'multimodal h (km)', 'multimodal route'],
      rows.map((r) => [
        `${placeName(network, r.from)} → ${placeName(network, r.to)}`,
        ...[...MODES, 'multimodal' as const].map((m) => {
          const res = r.byMode[m];
          return res.found ? `${hours(res)} (${km(res)})` : 'no route';
        }),
        r.byMode.multimodal.found ? r.byMode.multimodal.legs.map((l) => `${l.mode} ${l.from.name}–${l.to.name}`).join('; ') : r.byMode.multimodal.reason,
      ]),
    ),
  ];
  const unreachable = rows.flatMap((r) => MODES.filter((m) => !r.byMode[m].found).map((m) => `- ${placeName(network, r.from)} → ${placeName(network, r.to)} by ${m}: ${r.byMode[m].reason}`));
  if (unreachable.length) markdown.push('', 'Where a single mode has no route:', '', ...unreachable);
  return {
    markdown,
    layers: { 'headline-routes': { type: 'FeatureCollection', features: rows.flatMap((r) => routeToGeoJSON(network, r.byMode.multimodal).features) } },
  };
}

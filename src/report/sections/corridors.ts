import type { FeatureCollection } from 'geojson';
import { compareCorridors, type CorridorRoute } from '../../analysis/compare-corridors.js';
import type { Network } from '../../model/network.js';
import { renderCorridors } from '../../present/corridors-table.js';
import { mdTable } from '../../present/markdown.js';
import { routeToGeoJSON } from '../../present/route-geojson.js';
import type { ReportSection } from '../report-section.js';

const RUNS = [['current', ['road']], ['current', ['rail']], ['current', undefined], ['planned', ['road']], ['planned', ['rail']], ['planned', undefined]] as const;

/** Moscow → Xi'an around Kazakhstan (the M-12 bypass) against through it, by road, rail and all modes, today and planned. */
export function corridorsSection(network: Network): ReportSection {
  const markdown = [
    '', '## The M-12 bypass against the corridor through Kazakhstan', '',
    'Moscow → Xi\'an: the best route that never enters Kazakhstan (the bypass: the M-12 and the roads east, or the Trans-Siberian, ' +
      'then through Mongolia or at Zabaikalsk), the best route that enters it, and the best overall — by road alone (the M-12 ' +
      'question proper), by rail alone, and with every mode. Link-disjoint routes and the worst single-link failure measure resilience. ' +
      'The network holds the main lines and roads of Russia, Mongolia and northern China that lead to Xi\'an, not every alternative in ' +
      'China: a difference inside China is less certain than one in Russia or Kazakhstan.',
    '',
  ];
  const runs = RUNS.map(([scenario, modes]) => ({ scenario, modes, c: compareCorridors(network, { scenario, modes }) }));
  const via = (r: CorridorRoute) => (r.found ? r.route.crossings.map((x) => x.name.replace(/\s*\(.*\)$/, '')).join(', ') : r.reason ?? 'no route');
  markdown.push(mdTable(
    ['scenario', 'modes', 'bypass h (km)', 'bypass crosses at', 'through KZ h (km)', 'through KZ crosses at', 'faster'],
    runs.map(({ scenario, modes, c }) => [
      scenario, modes ? modes.join(', ') : 'all',
      c.bypass.found ? `${Math.round(c.bypass.hours)} (${Math.round(c.bypass.km)})` : 'no route', via(c.bypass),
      c.through.found ? `${Math.round(c.through.hours)} (${Math.round(c.through.km)})` : 'no route', via(c.through),
      !c.bypass.found || !c.through.found ? '–' : c.bypass.hours < c.through.hours ? 'bypass' : 'through KZ',
    ]),
  ));
  // The map layer holds the all-modes routes of both scenarios.
  const features: FeatureCollection['features'] = [];
  for (const { scenario, modes, c } of runs) {
    markdown.push('', `### ${modes ? `${modes.join(', ')} only` : 'All modes'}, scenario ${scenario}`, '', '```text', renderCorridors(c), '```');
    if (modes) continue;
    for (const [kind, r] of [['bypass', c.bypass], ['through-kz', c.through]] as const) {
      if (r.found) for (const f of routeToGeoJSON(network, r.route).features) features.push({ ...f, properties: { ...f.properties, corridor: kind, scenario } });
    }
  }
  return { markdown, layers: { corridors: { type: 'FeatureCollection', features } } };
}

import type { Feature } from 'geojson';
import { resilientRoute } from '../../analysis/resilient-route.js';
import type { Network } from '../../model/network.js';
import { round } from '../../present/number-format.js';
import { resilientRouteGeoJSON } from '../../present/resilient-route-geojson.js';
import { HEADLINE_PAIRS } from '../headline-routes.js';
import { networkBackground, placeName, type ReportSection } from '../report-section.js';
import { PAIR_COLOURS } from './best-routes.js';

/** One decimal; mdTable writes Infinity (the pair is cut) as ∞. */
const round1 = (n: number | undefined) => (n === undefined ? null : round(n));

/** For each key pair, the fastest route against the most resilient of the 8 fastest; the chosen routes and their backups as a map layer. */
export function resilientRoutesSection(network: Network): ReportSection {
  const rows = HEADLINE_PAIRS.map(([from, to]) => resilientRoute(network, from, to, { by: 'time', k: 8, lambda: 1 }));
  const pairName = (i: number) => `${placeName(network, HEADLINE_PAIRS[i]![0])} → ${placeName(network, HEADLINE_PAIRS[i]![1])}`;
  const features: Feature[] = rows.flatMap((r, i) => (r.found ? resilientRouteGeoJSON(network, r).features.map((f) => ({ ...f, properties: { ...f.properties, pair: pairName(i) } })) : []));
  const colourOf = (f: Feature) => PAIR_COLOURS[Math.max(0, rows.findIndex((_, i) => pairName(i) === f.properties?.pair)) % PAIR_COLOURS.length]!;
  return {
    blocks: [
      { kind: 'heading', level: 2, text: 'Shortest and most resilient routes (by time, λ = 1, worst case, re-routing en route)' },
      {
        kind: 'paragraph',
        text: 'For each key pair, the fastest route and the most resilient one among the 8 fastest: the route minimising hours + the worst ' +
          'single-link failure penalty (what losing its most important link adds, re-routing from where the closure is met).',
      },
      {
        kind: 'table',
        headers: ['from → to', 'fastest h', 'its worst failure +h', 'most resilient h', 'its worst failure +h', 'most resilient route', 'link-disjoint routes'],
        rows: rows.map((r, i) => {
          const fastest = r.candidates.find((c) => c.rank === 1);
          const chosen = r.candidates.find((c) => c.links.join() === r.route.links.join());
          return [
            pairName(i),
            round1(fastest?.cost), round1(fastest?.penalty), round1(chosen?.cost), round1(chosen?.penalty),
            r.found ? (chosen?.rank === 1 ? 'the fastest' : chosen?.summary) : r.reason, r.linkDisjointRoutes,
          ];
        }),
      },
      {
        kind: 'map',
        title: 'The most resilient routes and their backups',
        caption: 'Each key pair\'s most resilient route (solid) and the backup taken when each of its links is lost (dashed).',
        layers: [
          networkBackground(network),
          { file: 'resilient-routes.geojson', features: [...features].sort((a, b) => Number(a.properties?.role === 'chosen') - Number(b.properties?.role === 'chosen')), style: (f) => (f.properties?.role === 'chosen' ? { stroke: colourOf(f), width: 3.2 } : { stroke: colourOf(f), width: 1.6, dash: '5 3', opacity: 0.8 }) },
        ],
        legend: [
          ...rows.map((_, i) => ({ label: pairName(i), style: { stroke: PAIR_COLOURS[i % PAIR_COLOURS.length]!, width: 3.2 } })),
          { label: 'backup', style: { stroke: '#555', width: 1.6, dash: '5 3' } },
        ],
      },
    ],
    layers: { 'resilient-routes': { type: 'FeatureCollection', features } },
  };
}

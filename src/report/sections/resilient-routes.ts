import { resilientRoute } from '../../analysis/resilient-route.js';
import type { Network } from '../../model/network.js';
import { mdTable } from '../../present/markdown.js';
import { round } from '../../present/number-format.js';
import { HEADLINE_PAIRS } from '../headline-routes.js';
import { placeName, type ReportSection } from '../report-section.js';

/** One decimal; mdTable writes Infinity (the pair is cut) as ∞. */
const round1 = (n: number | undefined) => (n === undefined ? null : round(n));

/** For each key pair, the fastest route against the most resilient of the 8 fastest. */
export function resilientRoutesSection(network: Network): ReportSection {
  const rows = HEADLINE_PAIRS.map(([from, to]) => resilientRoute(network, from, to, { by: 'time', k: 8, lambda: 1 }));
  return {
    markdown: [
      '', '## Shortest and most resilient routes (by time, λ = 1, worst case, re-routing en route)', '',
      'For each key pair, the fastest route and the most resilient one among the 8 fastest: the route minimising hours + the worst ' +
        'single-link failure penalty (what losing its most important link adds, re-routing from where the closure is met).',
      '',
      mdTable(
        ['from → to', 'fastest h', 'its worst failure +h', 'most resilient h', 'its worst failure +h', 'most resilient route', 'link-disjoint routes'],
        rows.map((r, i) => {
          const fastest = r.candidates.find((c) => c.rank === 1);
          const chosen = r.candidates.find((c) => c.links.join() === r.route.links.join());
          return [
            `${placeName(network, HEADLINE_PAIRS[i][0])} → ${placeName(network, HEADLINE_PAIRS[i][1])}`,
            round1(fastest?.cost), round1(fastest?.penalty), round1(chosen?.cost), round1(chosen?.penalty),
            r.found ? (chosen?.rank === 1 ? 'the fastest' : chosen?.summary) : r.reason, r.linkDisjointRoutes,
          ];
        }),
      ),
    ],
  };
}

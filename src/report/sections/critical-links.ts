import { linkCriticality } from '../../analysis/link-criticality.js';
import type { Network } from '../../model/network.js';
import { mdTable } from '../../present/markdown.js';
import { round } from '../../present/number-format.js';
import type { ReportSection } from '../report-section.js';

/** The ten links whose loss costs the OD pairs most; every used link as a map layer with its rank. */
export function criticalLinksSection(network: Network): ReportSection {
  const critical = linkCriticality(network, { by: 'time' });
  const top = critical.ranking.slice(0, 10);
  return {
    markdown: [
      '',
      `## The ten most critical links (by time, ${critical.pairs} OD pairs between the border regions' main cities)`,
      '',
      'Each link is removed alone; pairs whose best route used it are routed again. "Cut off" is the number of pairs left with no route; ' +
        '"extra hours" sums the detours of the others.',
      '',
      mdTable(
        ['rank', 'link', 'mode', 'pairs using', 'cut off', 'extra hours (sum)', 'worst detour h'],
        top.map((r, i) => [i + 1, r.name, r.mode, r.pairsUsing, r.disconnectedPairs, Math.round(r.weightedExtra), round(r.worstExtra)]),
      ),
    ],
    layers: {
      'critical-links': {
        type: 'FeatureCollection',
        features: critical.ranking.filter((r) => r.pairsUsing > 0).map((r, i) => ({
          type: 'Feature', geometry: network.link(r.link)!.geometry, properties: { rank: i + 1, ...r },
        })),
      },
    },
  };
}

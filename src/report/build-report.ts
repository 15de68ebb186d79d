import type { FeatureCollection } from 'geojson';
import { linkCriticality } from '../analysis/link-criticality.js';
import type { Network } from '../model/network.js';
import { summarizeNetwork } from '../model/network-summary.js';
import { MODES } from '../model/types.js';
import { routeToGeoJSON } from '../routing/route-geojson.js';
import type { RouteResult } from '../routing/route-result.js';
import { headlineRoutes } from './headline-routes.js';
import { mdTable } from './markdown.js';

export interface Report {
  markdown: string;
  /** GeoJSON layers by file name (without extension). */
  layers: Record<string, FeatureCollection>;
}

const hours = (r: RouteResult) => (r.found ? Math.round(r.totals.hours * 10) / 10 : null);
const km = (r: RouteResult) => (r.found ? Math.round(r.totals.km) : null);

/**
 * The headline report: the network at a glance, the best routes of the key
 * pairs by mode, and the links the border regions can least afford to lose.
 */
export function buildReport(network: Network): Report {
  const layers: Record<string, FeatureCollection> = {};
  const out: string[] = [];
  const summary = summarizeNetwork(network);
  out.push(
    '# steppenet — Kazakhstan–Russia border network report',
    '',
    `Network \`${summary.name}\`: ${summary.places.total} places, ${summary.links.total} links (${Object.entries(summary.links.byMode).map(([m, n]) => `${n} ${m}`).join(', ')}), ` +
      `${summary.checkpoints.total} border crossings (${Object.entries(summary.checkpoints.bySector).map(([s, n]) => `${s} ${n}`).join(', ')}). ` +
      `Times are freight hours including checkpoint waits and transfers; see the README for how to read this report.`,
  );

  out.push('', '## Best routes by mode (by time, scenario current)', '');
  const rows = headlineRoutes(network);
  out.push(mdTable(
    ['from → to', ...MODES.map((m) => `${m} h (km)`), 'multimodal h (km)', 'multimodal route'],
    rows.map((r) => [
      `${name(network, r.from)} → ${name(network, r.to)}`,
      ...[...MODES, 'multimodal' as const].map((m) => {
        const res = r.byMode[m];
        return res.found ? `${hours(res)} (${km(res)})` : 'no route';
      }),
      r.byMode.multimodal.found ? r.byMode.multimodal.legs.map((l) => `${l.mode} ${l.from.name}–${l.to.name}`).join('; ') : r.byMode.multimodal.reason,
    ]),
  ));
  const unreachable = rows.flatMap((r) => MODES.filter((m) => !r.byMode[m].found).map((m) => `- ${name(network, r.from)} → ${name(network, r.to)} by ${m}: ${r.byMode[m].reason}`));
  if (unreachable.length) out.push('', 'Where a single mode has no route:', '', ...unreachable);
  layers['headline-routes'] = {
    type: 'FeatureCollection',
    features: rows.flatMap((r) => routeToGeoJSON(network, r.byMode.multimodal).features),
  };

  const critical = linkCriticality(network, { by: 'time' });
  const top = critical.ranking.slice(0, 10);
  out.push(
    '',
    `## The ten most critical links (by time, ${critical.pairs} OD pairs between the border regions' main cities)`,
    '',
    'Each link is removed alone; pairs whose best route used it are routed again. "Cut off" is the number of pairs left with no route; ' +
      '"extra hours" sums the detours of the others.',
    '',
    mdTable(
      ['rank', 'link', 'mode', 'pairs using', 'cut off', 'extra hours (sum)', 'worst detour h'],
      top.map((r, i) => [i + 1, r.name, r.mode, r.pairsUsing, r.disconnectedPairs, Math.round(r.weightedExtra), Math.round(r.worstExtra * 10) / 10]),
    ),
  );
  layers['critical-links'] = {
    type: 'FeatureCollection',
    features: critical.ranking.filter((r) => r.pairsUsing > 0).map((r, i) => ({
      type: 'Feature', geometry: network.link(r.link)!.geometry, properties: { rank: i + 1, ...r },
    })),
  };
  return { markdown: out.join('\n') + '\n', layers };
}

const name = (network: Network, id: string) => network.place(id)?.properties.name ?? id;

import type { Feature } from 'geojson';
import { linkCriticality } from '../../analysis/link-criticality.js';
import type { Network } from '../../model/network.js';
import { round } from '../../present/number-format.js';
import type { LineStyle } from '../../present/report-blocks.js';
import { networkBackground, type ReportSection } from '../report-section.js';

/** A link's name without its line in brackets at the end (which may hold brackets itself). */
const shortName = (name: string) => name.replace(/\s*\((?:[^()]|\([^()]*\))*\)$/, '');

/** Five classes of extra hours, light and thin to dark and wide; a link that cuts pairs off stands out in purple. */
const CLASS_STYLES: LineStyle[] = [
  { stroke: '#fed976', width: 1.2 }, { stroke: '#feb24c', width: 1.8 }, { stroke: '#fd8d3c', width: 2.6 }, { stroke: '#e31a1c', width: 3.6 }, { stroke: '#800026', width: 4.8 },
];
const CUT_OFF_STYLE: LineStyle = { stroke: '#7a0177', width: 5.5, dash: '7 3' };

/** The ten links whose loss costs the OD pairs most; every used link as a map layer with its rank and class. */
export function criticalLinksSection(network: Network, onProgress?: (done: number, total: number) => void): ReportSection {
  const critical = linkCriticality(network, { by: 'time', onProgress });
  const top = critical.ranking.slice(0, 10);
  const used = critical.ranking.filter((r) => r.pairsUsing > 0);
  // Class breaks at the quintiles of the extra hours of the links in use.
  const sorted = used.map((r) => r.weightedExtra).sort((a, b) => a - b);
  const breaks = [0.2, 0.4, 0.6, 0.8].map((q) => sorted[Math.floor(q * (sorted.length - 1))] ?? 0);
  const classOf = (extra: number) => breaks.filter((b) => extra > b).length;
  const features: Feature[] = used.map((r, i) => ({
    type: 'Feature', geometry: network.link(r.link)!.geometry, properties: { rank: i + 1, ...r, class: classOf(r.weightedExtra) + 1 },
  }));
  const cutting = used.filter((r) => r.disconnectedPairs > 0);
  const heading = `The ten most critical links (by time, ${critical.pairs} OD pairs between the border regions' main cities)`;
  const [first] = top;
  const short = shortName;
  const findings = first ? [
    `The most critical link is ${short(first.name)} (${first.mode}): losing it adds ${Math.round(first.weightedExtra)} hours of detours over the ${first.pairsUsing} pairs that use it; ` +
      `next come ${top.slice(1, 3).map((r) => short(r.name)).join(' and ')}. ` +
      (cutting.length ? `${cutting.length} links cut pairs off when lost (${cutting.slice(0, 3).map((r) => `${short(r.name)}: ${r.disconnectedPairs} pairs`).join('; ')}).` : 'No single link cuts any pair off: every pair has a detour.'),
  ] : [];
  const fmt = (n: number) => String(Math.round(n));
  const classLabels = [`up to ${fmt(breaks[0]!)} h`, ...breaks.slice(0, 3).map((b, i) => `${fmt(b)}–${fmt(breaks[i + 1]!)} h`), `over ${fmt(breaks[3]!)} h`];
  return {
    findings,
    blocks: [
      { kind: 'heading', level: 2, text: heading },
      {
        kind: 'paragraph',
        text: 'Each link is removed alone; pairs whose best route used it are routed again. "Cut off" is the number of pairs left with no route; ' +
          '"extra hours" sums the detours of the others.',
      },
      {
        kind: 'table',
        headers: ['rank', 'link', 'mode', 'pairs using', 'cut off', 'extra hours (sum)', 'worst detour h'],
        rows: top.map((r, i) => [i + 1, r.name, r.mode, r.pairsUsing, r.disconnectedPairs, Math.round(r.weightedExtra), round(r.worstExtra)]),
      },
      {
        kind: 'map',
        title: 'Critical links: extra hours of detours when each link is lost',
        caption: `The ${used.length} links on some pair's best route, in five classes of summed extra hours (quintiles); ${cutting.length ? `the ${cutting.length} links whose loss cuts pairs off in dashed purple` : 'no link\'s loss cuts a pair off'}.`,
        layers: [
          networkBackground(network),
          { file: 'critical-links.geojson', features: [...features].reverse().sort((a, b) => Number(Number(a.properties?.disconnectedPairs) > 0) - Number(Number(b.properties?.disconnectedPairs) > 0)), style: (f) => (Number(f.properties?.disconnectedPairs) > 0 ? CUT_OFF_STYLE : CLASS_STYLES[Number(f.properties?.class) - 1]) },
        ],
        legend: [...CLASS_STYLES.map((style, i) => ({ label: `extra ${classLabels[i]!}`, style })).reverse(), ...(cutting.length ? [{ label: 'cuts pairs off', style: CUT_OFF_STYLE }] : [])],
      },
      {
        kind: 'chart',
        title: 'The ten most critical links: extra hours of detours (sum over the pairs)',
        spec: {
          width: 520,
          data: { values: top.map((r, i) => ({ link: `${i + 1}. ${shortName(r.name)}`, hours: Math.round(r.weightedExtra), mode: r.mode })) },
          mark: { type: 'bar', color: '#e31a1c' },
          encoding: {
            y: { field: 'link', type: 'nominal', sort: null, title: null, axis: { labelLimit: 400 } },
            x: { field: 'hours', type: 'quantitative', title: 'extra hours (sum over the pairs)' },
          },
        },
      },
    ],
    layers: { 'critical-links': { type: 'FeatureCollection', features } },
  };
}

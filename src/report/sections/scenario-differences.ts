import type { Feature, LineString } from 'geojson';
import { compareScenarios, type ScenarioPairRow } from '../../analysis/compare-scenarios.js';
import type { Network } from '../../model/network.js';
import { applyScenario } from '../../model/scenario.js';
import type { LinkProperties } from '../../model/types.js';
import type { LineStyle, MapLegendEntry } from '../../present/report-blocks.js';
import { checkpointPassable, DEFAULT_USABLE_STATUSES } from '../../routing/compile-network.js';
import { networkBackground, type ReportSection } from '../report-section.js';

export const SCENARIO_DIFFERENCES_HEADING = 'Everything planned at once: what changes between today and the planned scenario';
export const SCENARIO_DIFFERENCES_LAYER = 'scenario-differences';

/** What a scenario does to one link, in the order the legend lists them. */
export const LINK_CHANGES = ['opens', 'closes', 'checkpoint changes', 'restriction lifted', 'restricted', 'changes, still closed', 'other change'] as const;
export type LinkChange = (typeof LINK_CHANGES)[number];

const LINK_STYLES: Record<LinkChange, LineStyle> = {
  opens: { stroke: '#1a9850', width: 4.2 },
  closes: { stroke: '#d73027', width: 4.2 },
  'checkpoint changes': { stroke: '#f46d43', width: 6, opacity: 0.9 },
  'restriction lifted': { stroke: '#35978f', width: 3.4 },
  restricted: { stroke: '#bf812d', width: 3.4 },
  'changes, still closed': { stroke: '#7b3294', width: 2.2, dash: '5 3' },
  'other change': { stroke: '#7b3294', width: 1.6 },
};
const LINK_LABELS: Record<LinkChange, string> = {
  opens: 'link opens',
  closes: 'link closes',
  'checkpoint changes': 'checkpoint: waits, capacity, status',
  'restriction lifted': 'link restriction lifted',
  restricted: 'link becomes restricted',
  'changes, still closed': 'closed link changes, stays closed',
  'other change': 'link otherwise changed',
};
const PLACE_STYLE: LineStyle = { stroke: '#7b3294', width: 1.8, radius: 5, fill: '#fff' };

/** Classes of hours saved on a pair (straight desire lines), light to dark; slower and newly (dis)connected pairs stand out. */
const FASTER: { upTo: number; label: string; style: LineStyle }[] = [
  { upTo: 2, label: 'pair faster by up to 2 h', style: { stroke: '#9ecae1', width: 1.4, opacity: 0.9 } },
  { upTo: 5, label: 'pair faster by 2–5 h', style: { stroke: '#4292c6', width: 2.2, opacity: 0.9 } },
  { upTo: Infinity, label: 'pair faster by over 5 h', style: { stroke: '#08306b', width: 3, opacity: 0.9 } },
];
const SLOWER: LineStyle = { stroke: '#cb181d', width: 2.2, opacity: 0.9 };
const CONNECTED: LineStyle = { stroke: '#08306b', width: 2.2, dash: '2 3' };
const DISCONNECTED: LineStyle = { stroke: '#000', width: 2.2, dash: '2 3' };

/** Hours that count as a change of a pair's time (below it, a route changes at the same time). */
const MIN_CHANGE_HOURS = 0.01;

const r1 = (n: number) => Math.round(n * 10) / 10;

/** Whether routing can use the link as the default options do: a usable status, and a passable checkpoint if it has one. */
const usable = (l: LinkProperties) => DEFAULT_USABLE_STATUSES.includes(l.status) && (!l.checkpoint || checkpointPassable(l.checkpoint));

/**
 * How a scenario changed a link, from its properties before (none: the
 * scenario added it) and after, and the fields it changed: whether routing
 * can use it first (opens, closes, still closed), then what changed on a link
 * usable in both.
 */
export function classifyLinkChange(before: LinkProperties | undefined, after: LinkProperties, fields: readonly string[]): LinkChange {
  const [was, is] = [before !== undefined && usable(before), usable(after)];
  if (!was && is) return 'opens';
  if (was && !is) return 'closes';
  if (!was) return 'changes, still closed';
  if (fields.some((f) => f.startsWith('checkpoint.'))) return 'checkpoint changes';
  if (before?.status === 'restricted' && after.status === 'open') return 'restriction lifted';
  if (before?.status === 'open' && after.status === 'restricted') return 'restricted';
  return 'other change';
}

const describeValue = (v: unknown) => (v === undefined ? 'none' : typeof v === 'string' ? v : JSON.stringify(v));

/** A pair's change class on the map; undefined when its time does not change. */
function pairStyle(r: ScenarioPairRow): { label: string; style: LineStyle } | undefined {
  if (r.status === 'connected') return { label: 'pair newly connected', style: CONNECTED };
  if (r.status === 'disconnected') return { label: 'pair cut off', style: DISCONNECTED };
  const change = r.hoursB - r.hoursA;
  if (!(Math.abs(change) >= MIN_CHANGE_HOURS)) return undefined;
  if (change > 0) return { label: 'pair slower', style: SLOWER };
  return FASTER.find((c) => -change <= c.upTo)!;
}

/**
 * The whole `planned` scenario against today, on one map: the links it opens,
 * closes or changes (checkpoints modernised, river restrictions lifted), the
 * places it changes (the repaired locks), and the ordered pairs of border
 * region centres whose best time (all modes) changes, as straight lines.
 */
export function scenarioDifferencesSection(network: Network): ReportSection {
  const planned = applyScenario(network, 'planned');
  const fieldsOf = new Map<string, string[]>();
  const whyOf = new Map<string, string>();
  for (const c of planned.scenario?.changes ?? []) {
    if (c.field.endsWith('note')) continue;
    fieldsOf.set(c.feature, [...(fieldsOf.get(c.feature) ?? []), `${c.field}: ${describeValue(c.before)} → ${describeValue(c.after)}`]);
    if (c.why && !whyOf.has(c.feature)) whyOf.set(c.feature, c.why);
  }
  for (const id of planned.scenario?.added ?? []) if (!fieldsOf.has(id)) fieldsOf.set(id, ['added']);
  const linkFeatures: Feature[] = [];
  const placeFeatures: Feature[] = [];
  for (const [id, fields] of fieldsOf) {
    const after = planned.link(id);
    const common = { id, changes: fields.join('; '), ...(whyOf.has(id) ? { why: whyOf.get(id)! } : {}) };
    if (after) {
      const before = network.link(id)?.properties;
      const change = classifyLinkChange(before, after.properties, fields.map((f) => f.split(':')[0]!));
      linkFeatures.push({
        type: 'Feature', geometry: after.geometry,
        properties: { kind: 'link', change, ...common, name: after.properties.name, mode: after.properties.mode, current_status: before?.status ?? null, planned_status: after.properties.status },
      });
      continue;
    }
    const place = planned.place(id);
    if (place) placeFeatures.push({ type: 'Feature', geometry: place.geometry, properties: { kind: 'place', change: 'place changed', ...common, name: place.properties.name, place_kind: place.properties.kind } });
  }
  // The legend's order, so wider classes draw under thinner ones listed before them.
  linkFeatures.sort((a, b) => LINK_CHANGES.indexOf(b.properties!.change) - LINK_CHANGES.indexOf(a.properties!.change));

  const comparison = compareScenarios(network, 'current', 'planned', { by: 'time' });
  // Newly connected first, then by the hours saved, cut off last.
  const saving = (r: ScenarioPairRow) => (r.status === 'connected' ? Infinity : r.status === 'disconnected' ? -Infinity : r.hoursA - r.hoursB);
  const changedPairs = comparison.rows.filter((r) => pairStyle(r) !== undefined).sort((a, b) => (saving(b) > saving(a) ? 1 : saving(b) < saving(a) ? -1 : 0));
  const at = (id: string) => network.place(id)!.geometry.coordinates;
  const pairFeatures: Feature<LineString>[] = changedPairs.map((r) => ({
    type: 'Feature',
    geometry: { type: 'LineString', coordinates: [at(r.from), at(r.to)] },
    properties: {
      kind: 'od-pair', change: pairStyle(r)!.label.replace(/^pair /, ''), from_id: r.from, to_id: r.to, from: r.fromName, to: r.toName, status: r.status,
      current_hours: Number.isFinite(r.hoursA) ? r.hoursA : null, planned_hours: Number.isFinite(r.hoursB) ? r.hoursB : null,
      change_hours: Number.isFinite(r.hoursA) && Number.isFinite(r.hoursB) ? r.hoursB - r.hoursA : null,
      current_km: Number.isFinite(r.kmA) ? r.kmA : null, planned_km: Number.isFinite(r.kmB) ? r.kmB : null, route_changed: r.routeChanged,
    },
  }));
  // On the map, a pair whose reverse changes by the same hours is drawn once.
  const key = (f: Feature) => `${f.properties!.from_id}>${f.properties!.to_id}`;
  const drawn = new Map<string, Feature<LineString>>();
  for (const f of pairFeatures) {
    const reverse = drawn.get(`${f.properties!.to_id}>${f.properties!.from_id}`);
    if (reverse && Math.abs(Number(reverse.properties!.change_hours) - Number(f.properties!.change_hours)) < MIN_CHANGE_HOURS && reverse.properties!.status === f.properties!.status) continue;
    drawn.set(key(f), f);
  }
  const pairsOnMap = [...drawn.values()].reverse(); // the largest change last, on top
  const stylesOfPairs = new Map(changedPairs.map((r) => [`${r.from}>${r.to}`, pairStyle(r)!]));
  const linkCounts = new Map<string, number>();
  for (const f of linkFeatures) linkCounts.set(f.properties!.change, (linkCounts.get(f.properties!.change) ?? 0) + 1);
  const presentPairClasses = [...new Map([...stylesOfPairs.values()].map((s) => [s.label, s])).values()];
  const pairOrder = [...FASTER.map((c) => c.label).reverse(), 'pair slower', 'pair newly connected', 'pair cut off'];
  presentPairClasses.sort((a, b) => pairOrder.indexOf(a.label) - pairOrder.indexOf(b.label));
  const legend: MapLegendEntry[] = [
    ...LINK_CHANGES.filter((c) => linkCounts.has(c)).map((c) => ({ label: `${LINK_LABELS[c]} (${linkCounts.get(c)})`, style: LINK_STYLES[c] })),
    ...(placeFeatures.length ? [{ label: `place changed (${placeFeatures.length}, e.g. a lock)`, style: PLACE_STYLE }] : []),
    ...presentPairClasses.map((c) => ({ label: c.label, style: c.style })),
  ];
  // Names at the ends of the pairs that gain most.
  const labelled = [...new Set(pairsOnMap.slice(-6).flatMap((f) => [f.properties!.from_id as string, f.properties!.to_id as string]))];
  const faster = changedPairs.filter((r) => r.status === 'changed' && r.hoursB < r.hoursA);
  const slower = changedPairs.filter((r) => r.status === 'changed' && r.hoursB > r.hoursA);
  const connected = changedPairs.filter((r) => r.status === 'connected');
  const disconnected = changedPairs.filter((r) => r.status === 'disconnected');
  const best = faster[0];
  const both = (r: ScenarioPairRow) => comparison.rows.some((o) => o.from === r.to && o.to === r.from && Math.abs((o.hoursB - o.hoursA) - (r.hoursB - r.hoursA)) < MIN_CHANGE_HOURS);
  const pairName = (r: ScenarioPairRow) => `${r.fromName} ${both(r) ? '↔' : '→'} ${r.toName}`;
  const counted = (change: LinkChange, one: string, many: string) => (linkCounts.get(change) ? `${linkCounts.get(change)} ${linkCounts.get(change) === 1 ? one : many}` : undefined);
  const linkSummary = [
    counted('opens', 'link opens', 'links open'), counted('closes', 'link closes', 'links close'), counted('checkpoint changes', 'checkpoint changes its waits, capacity or status', 'checkpoints change their waits, capacity or status'),
    counted('restriction lifted', 'restricted link is freed', 'restricted links are freed'),
    counted('changes, still closed', 'closed link changes but stays closed', 'closed links change but stay closed'), placeFeatures.length ? `${placeFeatures.length} ${placeFeatures.length === 1 ? 'place changes' : 'places change'}` : undefined,
  ].filter((s) => s !== undefined).join(', ');
  const pairSummary = `${faster.length} of ${comparison.totals.pairs} ordered pairs of border-region centres get faster (all modes, by time)` +
    `${best ? `, most ${pairName(best)} (${r1(best.hoursA)} → ${r1(best.hoursB)} h)` : ''}; ${slower.length ? `${slower.length} get slower` : 'none gets slower'}` +
    `${connected.length ? `; ${connected.length} are newly connected` : ''}${disconnected.length ? `; ${disconnected.length} are cut off` : ''}`;

  // One bar per pair drawn on the map (both directions once), the 15 largest changes.
  const chartRows = [...drawn.values()].filter((f) => f.properties!.change_hours !== null).slice(0, 15);
  const blocks: ReportSection['blocks'] = [
    { kind: 'heading', level: 3, text: SCENARIO_DIFFERENCES_HEADING },
    {
      kind: 'paragraph',
      text: `The \`planned\` scenario applies every announced project at once (the sections above take one programme at a time): ${linkSummary}. ` +
        `${pairSummary}.`,
    },
    {
      kind: 'map',
      title: 'Today → planned: the links that change and the pairs that gain',
      caption: 'Links drawn by what the planned scenario does to them; places it changes as circles. Thin straight lines join the pairs of ' +
        'border-region centres whose best time (all modes) changes, by the hours saved (a pair whose reverse changes as much is drawn once); ' +
        `they are desire lines, not routes. Both sit over the grey network of today; the layer lists every changed link with the fields that change and every ordered pair with its hours and km in both scenarios.`,
      layers: [
        networkBackground(network),
        { file: `${SCENARIO_DIFFERENCES_LAYER}.geojson`, features: pairsOnMap, style: (f) => stylesOfPairs.get(key(f))?.style },
        { file: `${SCENARIO_DIFFERENCES_LAYER}.geojson`, features: linkFeatures, style: (f) => LINK_STYLES[f.properties!.change as LinkChange] },
        { file: `${SCENARIO_DIFFERENCES_LAYER}.geojson`, features: placeFeatures, style: PLACE_STYLE },
      ],
      legend,
      labels: labelled.map((id) => ({ lon: at(id)[0]!, lat: at(id)[1]!, text: network.place(id)!.properties.name })),
    },
  ];
  if (chartRows.length) {
    blocks.push({
      kind: 'chart',
      title: `Today → planned: change of the best time of the ${chartRows.length} pairs of border-region centres that change most (all modes)`,
      spec: {
        width: 420,
        data: {
          values: chartRows.map((f) => {
            const row = changedPairs.find((r) => r.from === f.properties!.from_id && r.to === f.properties!.to_id)!;
            return { pair: pairName(row), change: r1(row.hoursB - row.hoursA) };
          }),
        },
        mark: 'bar',
        encoding: {
          y: { field: 'pair', type: 'nominal', sort: null, title: null, axis: { labelLimit: 400 } },
          x: { field: 'change', type: 'quantitative', title: 'change, hours (negative: faster)' },
          color: { condition: { test: 'datum.change < 0', value: '#2171b5' }, value: '#cb181d' },
        },
      },
    });
  }
  return {
    blocks,
    findings: [{ heading: SCENARIO_DIFFERENCES_HEADING, text: `Everything planned at once: ${linkSummary}; ${pairSummary}.` }],
    layers: { [SCENARIO_DIFFERENCES_LAYER]: { type: 'FeatureCollection', features: [...linkFeatures, ...placeFeatures, ...pairFeatures] } },
  };
}

import type { Feature } from 'geojson';
import { compareCorridors, type CorridorRoute } from '../../analysis/compare-corridors.js';
import type { Network } from '../../model/network.js';
import { renderCorridors } from '../../present/corridors-table.js';
import { routeToGeoJSON } from '../../present/route-geojson.js';
import { networkBackground, type ReportSection } from '../report-section.js';

const RUNS = [['current', ['road']], ['current', ['rail']], ['current', undefined], ['planned', ['road']], ['planned', ['rail']], ['planned', undefined]] as const;
const BYPASS = '#d7301f';
const THROUGH = '#1d6fb8';

/** Moscow → Xi'an around Kazakhstan (the M-12 bypass) against through it, by road, rail and all modes, today and planned. */
export function corridorsSection(network: Network): ReportSection {
  const blocks: ReportSection['blocks'] = [
    { kind: 'heading', level: 2, text: 'The M-12 bypass against the corridor through Kazakhstan' },
    {
      kind: 'paragraph',
      text: 'Moscow → Xi\'an: the best route that never enters Kazakhstan (the bypass: the M-12 and the roads east, or the Trans-Siberian, ' +
        'then through Mongolia or at Zabaikalsk), the best route that enters it, and the best overall — by road alone (the M-12 ' +
        'question proper), by rail alone, and with every mode. Link-disjoint routes and the worst single-link failure measure resilience. ' +
        'The network holds the main lines and roads of Russia, Mongolia and northern China that lead to Xi\'an, not every alternative in ' +
        'China: a difference inside China is less certain than one in Russia or Kazakhstan.',
    },
  ];
  const runs = RUNS.map(([scenario, modes]) => ({ scenario, modes, c: compareCorridors(network, { scenario, modes }) }));
  const via = (r: CorridorRoute) => (r.found ? r.route.crossings.map((x) => x.name.replace(/\s*\(.*\)$/, '')).join(', ') : r.reason ?? 'no route');
  const modesName = (modes: readonly string[] | undefined) => (modes ? modes.join(', ') : 'all');
  blocks.push({
    kind: 'table',
    headers: ['scenario', 'modes', 'bypass h (km)', 'bypass crosses at', 'through KZ h (km)', 'through KZ crosses at', 'faster'],
    rows: runs.map(({ scenario, modes, c }) => [
      scenario, modesName(modes),
      c.bypass.found ? `${Math.round(c.bypass.hours)} (${Math.round(c.bypass.km)})` : 'no route', via(c.bypass),
      c.through.found ? `${Math.round(c.through.hours)} (${Math.round(c.through.km)})` : 'no route', via(c.through),
      !c.bypass.found || !c.through.found ? '–' : c.bypass.hours < c.through.hours ? 'bypass' : 'through KZ',
    ]),
  });
  // Where the hours go, for each route of the table.
  const PARTS = ['driving', 'running', 'rest', 'waiting', 'transfer'] as const;
  const hoursData = runs.flatMap(({ scenario, modes, c }) => ([['bypass', c.bypass], ['through KZ', c.through]] as const).flatMap(([kind, r]) =>
    r.found ? PARTS.map((part) => ({ route: `${scenario}, ${modesName(modes)}: ${kind}`, part, hours: Math.round(r.route.totals.hoursBreakdown[part] * 10) / 10 })) : []));
  blocks.push({
    kind: 'chart',
    title: 'Moscow → Xi\'an: where the hours go (driving, rail running, rest, waits, transfers)',
    spec: {
      width: 480,
      data: { values: hoursData },
      mark: 'bar',
      encoding: {
        y: { field: 'route', type: 'nominal', sort: null, title: null, axis: { labelLimit: 400 } },
        x: { field: 'hours', type: 'quantitative', stack: 'zero', title: 'hours' },
        color: { field: 'part', type: 'nominal', title: null, sort: [...PARTS], scale: { domain: [...PARTS], range: ['#fd8d3c', '#6baed6', '#fdd0a2', '#d62728', '#9e9ac8'] } },
        order: { field: 'partOrder', type: 'quantitative' },
      },
      transform: [{ calculate: `indexof(${JSON.stringify(PARTS)}, datum.part)`, as: 'partOrder' }],
    },
  });
  // The map layer holds the all-modes routes of both scenarios.
  const features: Feature[] = [];
  for (const { scenario, modes, c } of runs) {
    blocks.push({ kind: 'heading', level: 3, text: `${modes ? `${modes.join(', ')} only` : 'All modes'}, scenario ${scenario}` }, { kind: 'pre', text: renderCorridors(c) });
    if (modes) continue;
    for (const [kind, r] of [['bypass', c.bypass], ['through-kz', c.through]] as const) {
      if (r.found) for (const f of routeToGeoJSON(network, r.route).features) features.push({ ...f, properties: { ...f.properties, corridor: kind, scenario } });
    }
  }
  blocks.splice(4, 0, {
    kind: 'map',
    title: 'Moscow → Xi\'an: the bypass around Kazakhstan against the corridor through it (all modes)',
    caption: 'Solid: today (scenario current); dashed: scenario planned, where it differs.',
    layers: [
      networkBackground(network),
      {
        file: 'corridors.geojson',
        features: [...features].sort((a, b) => Number(a.properties?.scenario === 'current') - Number(b.properties?.scenario === 'current')),
        style: (f) => ({ stroke: f.properties?.corridor === 'bypass' ? BYPASS : THROUGH, width: f.properties?.scenario === 'current' ? 3.2 : 2, dash: f.properties?.scenario === 'current' ? undefined : '6 4' }),
      },
    ],
    legend: [
      { label: 'bypass (never enters Kazakhstan)', style: { stroke: BYPASS, width: 3.2 } },
      { label: 'through Kazakhstan', style: { stroke: THROUGH, width: 3.2 } },
      { label: 'scenario planned', style: { stroke: '#555', width: 2, dash: '6 4' } },
    ],
    labels: [
      ...(['moscow', 'xian'] as const).flatMap((id) => {
        const p = network.place(id);
        return p ? [{ lon: p.geometry.coordinates[0]!, lat: p.geometry.coordinates[1]!, text: p.properties.name }] : [];
      }),
    ],
  });
  const findings = (['road', 'rail'] as const).map((mode) => {
    const run = runs.find((r) => r.scenario === 'current' && r.modes?.[0] === mode && r.modes.length === 1)!.c;
    if (!run.bypass.found || !run.through.found) return `By ${mode}, Moscow → Xi'an has ${run.bypass.found ? 'no route through Kazakhstan' : 'no bypass around Kazakhstan'}.`;
    const diff = Math.round(Math.abs(run.bypass.hours - run.through.hours));
    const faster = run.bypass.hours < run.through.hours ? 'the bypass is faster' : 'the corridor through Kazakhstan is faster';
    return `By ${mode}, Moscow → Xi'an takes ${Math.round(run.bypass.hours)} h around Kazakhstan (${Math.round(run.bypass.km)} km, via ${via(run.bypass)}) ` +
      `against ${Math.round(run.through.hours)} h through it (${Math.round(run.through.km)} km, via ${via(run.through)}): ${faster} by ${diff} h today.`;
  });
  return { blocks, findings, layers: { corridors: { type: 'FeatureCollection', features } } };
}

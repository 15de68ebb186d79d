import type { FeatureCollection } from 'geojson';
import { linkCriticality } from '../analysis/link-criticality.js';
import type { Network } from '../model/network.js';
import { summarizeNetwork } from '../model/network-summary.js';
import { MODES } from '../model/types.js';
import type { RouteResult } from '../routing/route-result.js';
import { compareCorridors, type CorridorRoute } from '../analysis/compare-corridors.js';
import { borderCut } from '../analysis/border-cut.js';
import { resilientRoute } from '../analysis/resilient-route.js';
import { HEADLINE_PAIRS, headlineRoutes } from './headline-routes.js';
import { eastKazakhstanRailShare, hubAndLocksAnswer, kulundaLokotAnswer, modernisationAnswer } from './scenario-answers.js';
import { renderCorridors } from '../present/corridors-table.js';
import { mdTable } from '../present/markdown.js';
import { round } from '../present/number-format.js';
import { routeToGeoJSON } from '../present/route-geojson.js';
import { renderComparison } from '../present/scenario-comparison-table.js';

export interface Report {
  markdown: string;
  /** GeoJSON layers by file name (without extension). */
  layers: Record<string, FeatureCollection>;
}

const hours = (r: RouteResult) => (r.found ? round(r.totals.hours) : null);
const km = (r: RouteResult) => (r.found ? round(r.totals.km, 0) : null);

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
      top.map((r, i) => [i + 1, r.name, r.mode, r.pairsUsing, r.disconnectedPairs, Math.round(r.weightedExtra), round(r.worstExtra)]),
    ),
  );
  layers['critical-links'] = {
    type: 'FeatureCollection',
    features: critical.ranking.filter((r) => r.pairsUsing > 0).map((r, i) => ({
      type: 'Feature', geometry: network.link(r.link)!.geometry, properties: { rank: i + 1, ...r },
    })),
  };
  out.push(
    '', '## Shortest and most resilient routes (by time, λ = 1, worst case, re-routing en route)', '',
    'For each key pair, the fastest route and the most resilient one among the 8 fastest: the route minimising hours + the worst ' +
      'single-link failure penalty (what losing its most important link adds, re-routing from where the closure is met).',
    '',
  );
  const resilientRows = HEADLINE_PAIRS.map(([from, to]) => resilientRoute(network, from, to, { by: 'time', k: 8, lambda: 1 }));
  out.push(mdTable(
    ['from → to', 'fastest h', 'its worst failure +h', 'most resilient h', 'its worst failure +h', 'most resilient route', 'link-disjoint routes'],
    resilientRows.map((r, i) => {
      const fastest = r.candidates.find((c) => c.rank === 1);
      const chosen = r.candidates.find((c) => c.links.join() === r.route.links.join());
      return [
        `${name(network, HEADLINE_PAIRS[i][0])} → ${name(network, HEADLINE_PAIRS[i][1])}`,
        round1(fastest?.cost), round1(fastest?.penalty), round1(chosen?.cost), round1(chosen?.penalty),
        r.found ? (chosen?.rank === 1 ? 'the fastest' : chosen?.summary) : r.reason, r.linkDisjointRoutes,
      ];
    }),
  ));

  const cut = borderCut(network, { mode: 'road' });
  out.push(
    '', `## Border capacity: maximum road flow across the Kazakhstan–Russia border (${cut.unit} per day)`, '',
    'From the checkpoints\' capacities (published where known, estimates by class otherwise: networks/README.md), vehicle figures ' +
      'converted by each checkpoint\'s truck share, for Kazakh and Russian carriers (multilateral and bilateral crossings). Every ' +
      'Russian place is a source and every Kazakh place a sink, so each sector\'s cut is its counted checkpoints (a region-to-region ' +
      'cut, `steppenet border-cut --from-region … --to-region …`, counts only crossings on reasonable routes between the two regions ' +
      'and domestic roads at their class capacity); the smallest ' +
      'capacities are the bottlenecks to widen first. A sector with crossings of unknown capacity, or whose figure is observed traffic rather than a design capacity, gives a lower bound ("at least"); ' +
      'an observed figure in the bottleneck column is what the post carried, not what it could.',
    '',
    mdTable(
      ['sector', `max flow ${cut.unit}/day`, 'checkpoints in the cut', 'smallest (bottlenecks)', 'unknown capacity', 'observed traffic only'],
      [...cut.sectors, cut.total].map((sc) => [
        sc.sector, sc.exact ? Math.round(sc.value) : `at least ${Math.round(sc.value)}`, sc.cut.length,
        [...sc.cut].sort((a, b) => a.capacity - b.capacity).slice(0, 3).map((c) => `${c.name} ${Math.round(c.capacity)}`).join('; '),
        sc.unknown.length,
        sc.observed.length,
      ]),
    ),
  );
  if (cut.unknown.length) out.push('', `Capacity unknown (counted as 0, so the figures are lower bounds): ${cut.unknown.join(', ')}.`);

  out.push('', '## The M-12 bypass against the corridor through Kazakhstan', '');
  out.push(
    'Moscow → Xi\'an: the best route that never enters Kazakhstan (the bypass: the M-12 and the roads east, or the Trans-Siberian, ' +
      'then through Mongolia or at Zabaikalsk), the best route that enters it, and the best overall — by road alone (the M-12 ' +
      'question proper), by rail alone, and with every mode. Link-disjoint routes and the worst single-link failure measure resilience. ' +
      'The network holds the main lines and roads of Russia, Mongolia and northern China that lead to Xi\'an, not every alternative in ' +
      'China: a difference inside China is less certain than one in Russia or Kazakhstan.',
    '',
  );
  const corridorLayers: FeatureCollection['features'] = [];
  const corridorRuns = ([['current', ['road']], ['current', ['rail']], ['current', undefined], ['planned', ['road']], ['planned', ['rail']], ['planned', undefined]] as const)
    .map(([scenario, modes]) => ({ scenario, modes, c: compareCorridors(network, { scenario, modes }) }));
  const via = (r: CorridorRoute) => (r.found ? r.route.crossings.map((x) => x.name.replace(/\s*\(.*\)$/, '')).join(', ') : r.reason ?? 'no route');
  out.push(mdTable(
    ['scenario', 'modes', 'bypass h (km)', 'bypass crosses at', 'through KZ h (km)', 'through KZ crosses at', 'faster'],
    corridorRuns.map(({ scenario, modes, c }) => [
      scenario, modes ? modes.join(', ') : 'all',
      c.bypass.found ? `${Math.round(c.bypass.hours)} (${Math.round(c.bypass.km)})` : 'no route', via(c.bypass),
      c.through.found ? `${Math.round(c.through.hours)} (${Math.round(c.through.km)})` : 'no route', via(c.through),
      !c.bypass.found || !c.through.found ? '–' : c.bypass.hours < c.through.hours ? 'bypass' : 'through KZ',
    ]),
  ));
  for (const { scenario, modes, c } of corridorRuns) {
    out.push('', `### ${modes ? `${modes.join(', ')} only` : 'All modes'}, scenario ${scenario}`, '', '```text', renderCorridors(c), '```');
    if (!modes) {
      for (const [kind, r] of [['bypass', c.bypass], ['through-kz', c.through]] as const) {
        if (r.found) for (const f of routeToGeoJSON(network, r.route).features) corridorLayers.push({ ...f, properties: { ...f.properties, corridor: kind, scenario } });
      }
    }
  }
  layers['corridors'] = { type: 'FeatureCollection', features: corridorLayers };

  out.push('', '## Scenario answers', '');
  const kulunda = kulundaLokotAnswer(network);
  out.push(
    '### What abolishing Kulunda – Malinovo Ozero – Lokot cost (rail, 1999 → today)',
    '',
    'Rail routes between every rail place of the Altai Krai and of the Pavlodar, Abai and East Kazakhstan regions, in the `historical` ' +
      'scenario (line open) and today (abolished):',
    '',
    '```text', renderComparison(kulunda), '```',
  );
  out.push('', '### The Omsk – Pavlodar hub and repaired Irtysh locks (today → planned, that programme alone)');
  const beyond = ['omsk', 'tyumen', 'kurgan', 'novosibirsk', 'yekaterinburg'];
  for (const [title, modes, by, origins] of [
    ['Omsk ↔ the Irtysh cities by river alone, by time', ['river'], 'time', undefined],
    ['Omsk ↔ the Irtysh cities, all modes, by time', undefined, 'time', undefined],
    ['Omsk and the rail cities beyond it ↔ the Irtysh cities, all modes, by cost per tonne', undefined, 'cost', beyond],
  ] as const) {
    out.push('', `${title}:`, '', '```text', renderComparison(hubAndLocksAnswer(network, { modes, by, origins })), '```');
  }
  const modern = modernisationAnswer(network);
  const countryOf = (id: string) => network.place(id)!.properties.country;
  const gainers = [...modern.changed].sort((a, b) => a.change - b.change);
  const crossBorderGainers = gainers.filter((r) => countryOf(r.from) !== countryOf(r.to));
  const domesticGainers = gainers.filter((r) => countryOf(r.from) === countryOf(r.to));
  out.push(
    '', '### The checkpoint modernisation programme (road, today → planned, that programme alone)', '',
    `The road journeys between Russian and Kazakh main cities that gain most when the modernised checkpoints open with shorter waits ` +
      `(${domesticGainers.length} journeys inside one country gain too, where their shortest road crosses the neighbour: see networks/README.md):`,
    '', '```text', renderComparison(modern, crossBorderGainers.slice(0, 15)), '```',
  );
  const share = eastKazakhstanRailShare(network);
  out.push(
    '', '### East Kazakhstan without a rail link to Russia', '',
    `Of the ${share.settlements} settlements the network holds in the East Kazakhstan and Abai regions, ${share.settlements - share.withRail} ` +
      `(${Math.round(share.shareWithout * 100)}%) have no rail route into Russia${share.without.length ? `: ${share.without.join(', ')}` : ''}. ` +
      'The literature puts about 70% of the eastern border area out of reach of rail [MK22]: it measures territory, the network holds ' +
      'the towns on the lines, so this share is a floor, not an estimate of the same quantity.',
  );
  out.push('', ...whatIsAssumed(network));
  return { markdown: out.join('\n') + '\n', layers };
}

/** The caveats: how much of what the report concludes rests on estimates and assumptions. */
function whatIsAssumed(network: Network): string[] {
  const s = summarizeNetwork(network);
  const pct = (part: number, whole: number) => `${whole ? Math.round((100 * part) / whole) : 0}%`;
  const lengths = Object.entries(s.links.kmBySource).map(([mode, c]) => {
    const total = Object.values(c).reduce((a, b) => a + b, 0);
    return `${mode} ${pct(c.estimate ?? 0, total)} of ${Math.round(total).toLocaleString('en-US')} km`;
  });
  const crossings = network.checkpoints();
  const noCapacity = crossings.filter((l) => l.properties.checkpoint.capacityPerDay === undefined && l.properties.checkpoint.status !== 'abolished');
  const observed = crossings.filter((l) => l.properties.checkpoint.capacityObserved === true).length;
  return [
    '## What this rests on',
    '',
    `- Estimated lengths (great-circle × a stated factor where no published km was found): ${lengths.join(', ')}.`,
    `- Border waits: ${s.checkpoints.waitAssumed} of ${s.checkpoints.total} crossings have assumed waits (documented defaults by regime and traffic)` +
      `${s.checkpoints.waitAssumed < s.checkpoints.total ? ', the rest published figures' : ': no published per-crossing wait was found'}; ` +
      `${noCapacity.length} crossings have no published capacity and count as unknown in the border cut, and ${observed} carry observed traffic, a lower bound.`,
    '- Truck and train speeds, the AETR drivers\' hours, tariffs, transfer and lock times and the value of time are the stated defaults of the freight time model (README), sourced where the README says so, otherwise assumptions.',
    `- The network holds the main lines and roads of the border regions and the corridors, not every road: a route it does not find may exist on minor roads.`,
    `- Network \`${s.name}\`, scenario ${s.scenario.name}; ${s.places.total} places, ${s.links.total} links; report made ${new Date().toISOString().slice(0, 10)}.`,
  ];
}

/** One decimal; mdTable writes Infinity (the pair is cut) as ∞. */
const round1 = (n: number | undefined) => (n === undefined ? null : round(n));
const name = (network: Network, id: string) => network.place(id)?.properties.name ?? id;

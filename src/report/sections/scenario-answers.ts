import type { Network } from '../../model/network.js';
import type { ScenarioComparison, ScenarioPairRow } from '../../analysis/compare-scenarios.js';
import { renderComparison } from '../../present/scenario-comparison-table.js';
import { eastKazakhstanRailShare, hubAndLocksAnswer, kulundaLokotAnswer, modernisationAnswer } from '../scenario-answers.js';
import type { ReportSection } from '../report-section.js';

const HUB_HEADING = 'The Omsk – Pavlodar hub and repaired Irtysh locks (today → planned, that programme alone)';
const CHECKPOINTS_HEADING = 'The checkpoint modernisation programme (road, today → planned, that programme alone)';
const r1 = (n: number) => Math.round(n * 10) / 10;

/** A bar chart of the change of each changed pair (negative: better). */
function changeChart(title: string, rows: readonly ScenarioPairRow[], unit: string): ReportSection['blocks'][number] {
  return {
    kind: 'chart',
    title,
    spec: {
      width: 420,
      data: { values: rows.filter((r) => Number.isFinite(r.change)).map((r) => ({ pair: `${r.fromName} → ${r.toName}`, change: r1(r.change) })) },
      mark: 'bar',
      encoding: {
        y: { field: 'pair', type: 'nominal', sort: null, title: null, axis: { labelLimit: 400 } },
        x: { field: 'change', type: 'quantitative', title: `change, ${unit} (negative: better)` },
        color: { condition: { test: 'datum.change < 0', value: '#2ca25f' }, value: '#d7301f' },
      },
    },
  };
}

/** The literature's questions: the abolished Kulunda line, the hub and the locks, the checkpoint programme, East Kazakhstan's rail. */
export function scenarioAnswersSection(network: Network): ReportSection {
  const blocks: ReportSection['blocks'] = [
    { kind: 'heading', level: 2, text: 'Scenario answers' },
    { kind: 'heading', level: 3, text: 'What abolishing Kulunda – Malinovo Ozero – Lokot cost (rail, 1999 → today)' },
    {
      kind: 'paragraph',
      text: 'Rail routes between every rail place of the Altai Krai and of the Pavlodar, Abai and East Kazakhstan regions, in the `historical` ' +
        'scenario (line open) and today (abolished):',
    },
    { kind: 'pre', text: renderComparison(kulundaLokotAnswer(network)) },
    { kind: 'heading', level: 3, text: HUB_HEADING },
  ];
  const beyond = ['omsk', 'tyumen', 'kurgan', 'novosibirsk', 'yekaterinburg'];
  const hub: { title: string; answer: ScenarioComparison }[] = [];
  for (const [title, modes, by, origins] of [
    ['Omsk ↔ the Irtysh cities by river alone, by time', ['river'], 'time', undefined],
    ['Omsk ↔ the Irtysh cities, all modes, by time', undefined, 'time', undefined],
    ['Omsk and the rail cities beyond it ↔ the Irtysh cities, all modes, by cost per tonne', undefined, 'cost', beyond],
  ] as const) {
    const answer = hubAndLocksAnswer(network, { modes, by, origins });
    hub.push({ title, answer });
    blocks.push({ kind: 'paragraph', text: `${title}:` }, { kind: 'pre', text: renderComparison(answer) });
  }
  const [river, allModes, cost] = hub.map((h) => h.answer) as [ScenarioComparison, ScenarioComparison, ScenarioComparison];
  const cheaper = cost.changed.filter((r) => r.change < 0).sort((a, b) => a.change - b.change);
  blocks.push(changeChart('Hub and locks: change of the cost per tonne (USD/t), Omsk and the rail cities beyond ↔ the Irtysh cities', cheaper, 'USD/t'));
  const modern = modernisationAnswer(network);
  const countryOf = (id: string) => network.place(id)!.properties.country;
  const gainers = [...modern.changed].sort((a, b) => a.change - b.change);
  const crossBorderGainers = gainers.filter((r) => countryOf(r.from) !== countryOf(r.to));
  const domesticGainers = gainers.filter((r) => countryOf(r.from) === countryOf(r.to));
  blocks.push(
    { kind: 'heading', level: 3, text: CHECKPOINTS_HEADING },
    {
      kind: 'paragraph',
      text: `The road journeys between Russian and Kazakh main cities that gain most when the modernised checkpoints open with shorter waits ` +
        `(${domesticGainers.length} journeys inside one country gain too, where their shortest road crosses the neighbour: see networks/README.md):`,
    },
    { kind: 'pre', text: renderComparison(modern, crossBorderGainers.slice(0, 15)) },
    changeChart('Checkpoint modernisation: change of the road hours, the 15 cross-border journeys that gain most', crossBorderGainers.slice(0, 15), 'hours'),
  );
  const share = eastKazakhstanRailShare(network);
  blocks.push(
    { kind: 'heading', level: 3, text: 'East Kazakhstan without a rail link to Russia' },
    {
      kind: 'paragraph',
      text: `Of the ${share.settlements} settlements the network holds in the East Kazakhstan and Abai regions, ${share.settlements - share.withRail} ` +
        `(${Math.round(share.shareWithout * 100)}%) have no rail route into Russia${share.without.length ? `: ${share.without.join(', ')}` : ''}. ` +
        'The literature puts about 70% of the eastern border area out of reach of rail [MK22]: it measures territory, the network holds ' +
        'the towns on the lines, so this share is a floor, not an estimate of the same quantity.',
    },
  );
  const connected = river.changed.filter((r) => r.status === 'connected');
  const best = cheaper[0];
  const findings = [
    {
      heading: HUB_HEADING,
      text: `The Omsk – Pavlodar hub and repaired Irtysh locks: by river ${connected.length ? `they newly connect ${connected.map((r) => `${r.fromName} → ${r.toName} (${Math.round(r.b)} h)`).join(', ')}` : 'they connect no new pair'}; ` +
        `with every mode, by time, ${allModes.totals.changed + allModes.totals.connected ? `${allModes.totals.changed + allModes.totals.connected} of ${allModes.totals.pairs} pairs change` : `no pair is faster (road and rail stay quicker)`}; ` +
        `by cost per tonne ${cheaper.length} of ${cost.totals.pairs} pairs get cheaper${best ? `, most ${best.fromName} → ${best.toName} (${r1(best.change)} USD/t)` : ''}.`,
    },
    {
      heading: CHECKPOINTS_HEADING,
      text: `The checkpoint modernisation shortens ${modern.totals.changed} of ${modern.totals.pairs} road journeys between the border regions' centres` +
        `${crossBorderGainers[0] ? `, most ${crossBorderGainers[0].fromName} → ${crossBorderGainers[0].toName} (${r1(crossBorderGainers[0].change)} h)` : ''}.`,
    },
  ];
  return { blocks, findings };
}

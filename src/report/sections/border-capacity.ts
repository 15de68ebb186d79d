import { borderCut } from '../../analysis/border-cut.js';
import type { Network } from '../../model/network.js';
import type { ReportSection } from '../report-section.js';

/** The maximum road flow across the Kazakhstan–Russia border per sector, and its bottlenecks. */
export function borderCapacitySection(network: Network): ReportSection {
  const cut = borderCut(network, { mode: 'road' });
  const flow = (sc: { exact: boolean; value: number }) => (sc.exact ? `${Math.round(sc.value)}` : `at least ${Math.round(sc.value)}`);
  const bottlenecks = (sc: (typeof cut.sectors)[number]) => [...sc.cut].sort((a, b) => a.capacity - b.capacity).slice(0, 3);
  const blocks: ReportSection['blocks'] = [
    { kind: 'heading', level: 2, text: `Border capacity: maximum road flow across the Kazakhstan–Russia border (${cut.unit} per day)` },
    {
      kind: 'paragraph',
      text: 'From the checkpoints\' capacities (published where known, estimates by class otherwise: networks/README.md), vehicle figures ' +
        'converted by each checkpoint\'s truck share, for Kazakh and Russian carriers (multilateral and bilateral crossings). Every ' +
        'Russian place is a source and every Kazakh place a sink, so each sector\'s cut is its counted checkpoints (a region-to-region ' +
        'cut, `steppenet border-cut --from-region … --to-region …`, counts only crossings on reasonable routes between the two regions ' +
        'and domestic roads at their class capacity); the smallest ' +
        'capacities are the bottlenecks to widen first. A sector with crossings of unknown capacity, or whose figure is observed traffic rather than a design capacity, gives a lower bound ("at least"); ' +
        'an observed figure in the bottleneck column is what the post carried, not what it could.',
    },
    {
      kind: 'table',
      headers: ['sector', `max flow ${cut.unit}/day`, 'checkpoints in the cut', 'smallest (bottlenecks)', 'unknown capacity', 'observed traffic only'],
      rows: [...cut.sectors, cut.total].map((sc) => [
        sc.sector, sc.exact ? Math.round(sc.value) : `at least ${Math.round(sc.value)}`, sc.cut.length,
        bottlenecks(sc).map((c) => `${c.name} ${Math.round(c.capacity)}`).join('; '),
        sc.unknown.length,
        sc.observed.length,
      ]),
    },
  ];
  if (cut.unknown.length) blocks.push({ kind: 'paragraph', text: `Capacity unknown (counted as 0, so the figures are lower bounds): ${cut.unknown.join(', ')}.` });
  const noKnown = cut.sectors.filter((sc) => sc.cut.every((c) => !(c.capacity > 0)));
  const findings = [
    `The road border carries ${flow(cut.total)} ${cut.unit} a day across the ${cut.total.cut.length} checkpoints of known capacity; ` +
      `the bottlenecks (smallest capacities) are ${bottlenecks(cut.total).map((c) => `${c.name} (${Math.round(c.capacity)})`).join(', ')}` +
      `${noKnown.length ? `; ${noKnown.map((sc) => sc.sector).join(', ')} ${noKnown.length === 1 ? 'has' : 'have'} no crossing of known capacity` : ''}` +
      `${cut.unknown.length ? `, and ${cut.unknown.length} crossings in all have none, so the figures are lower bounds` : ''}.`,
  ];
  blocks.push({
    kind: 'chart',
    title: `Maximum road flow by sector (${cut.unit} per day)`,
    spec: {
      width: 420,
      data: { values: cut.sectors.map((sc) => ({ sector: sc.sector, flow: Math.round(sc.value), bound: sc.exact ? 'design capacity' : 'lower bound' })) },
      mark: 'bar',
      encoding: {
        y: { field: 'sector', type: 'nominal', sort: '-x', title: null },
        x: { field: 'flow', type: 'quantitative', title: `${cut.unit} per day` },
        color: { field: 'bound', type: 'nominal', title: null, scale: { domain: ['design capacity', 'lower bound'], range: ['#2b8cbe', '#a6bddb'] } },
      },
    },
  });
  return { blocks, findings };
}

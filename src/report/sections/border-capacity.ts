import { borderCut } from '../../analysis/border-cut.js';
import type { Network } from '../../model/network.js';
import { mdTable } from '../../present/markdown.js';
import type { ReportSection } from '../report-section.js';

/** The maximum road flow across the Kazakhstan–Russia border per sector, and its bottlenecks. */
export function borderCapacitySection(network: Network): ReportSection {
  const cut = borderCut(network, { mode: 'road' });
  const markdown = [
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
  ];
  if (cut.unknown.length) markdown.push('', `Capacity unknown (counted as 0, so the figures are lower bounds): ${cut.unknown.join(', ')}.`);
  return { markdown };
}

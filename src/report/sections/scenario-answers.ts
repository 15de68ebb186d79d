import type { Network } from '../../model/network.js';
import { renderComparison } from '../../present/scenario-comparison-table.js';
import { eastKazakhstanRailShare, hubAndLocksAnswer, kulundaLokotAnswer, modernisationAnswer } from '../scenario-answers.js';
import type { ReportSection } from '../report-section.js';

/** The literature's questions: the abolished Kulunda line, the hub and the locks, the checkpoint programme, East Kazakhstan's rail. */
export function scenarioAnswersSection(network: Network): ReportSection {
  const markdown = [
    '', '## Scenario answers', '',
    '### What abolishing Kulunda – Malinovo Ozero – Lokot cost (rail, 1999 → today)',
    '',
    'Rail routes between every rail place of the Altai Krai and of the Pavlodar, Abai and East Kazakhstan regions, in the `historical` ' +
      'scenario (line open) and today (abolished):',
    '',
    '```text', renderComparison(kulundaLokotAnswer(network)), '```',
    '', '### The Omsk – Pavlodar hub and repaired Irtysh locks (today → planned, that programme alone)',
  ];
  const beyond = ['omsk', 'tyumen', 'kurgan', 'novosibirsk', 'yekaterinburg'];
  for (const [title, modes, by, origins] of [
    ['Omsk ↔ the Irtysh cities by river alone, by time', ['river'], 'time', undefined],
    ['Omsk ↔ the Irtysh cities, all modes, by time', undefined, 'time', undefined],
    ['Omsk and the rail cities beyond it ↔ the Irtysh cities, all modes, by cost per tonne', undefined, 'cost', beyond],
  ] as const) {
    markdown.push('', `${title}:`, '', '```text', renderComparison(hubAndLocksAnswer(network, { modes, by, origins })), '```');
  }
  const modern = modernisationAnswer(network);
  const countryOf = (id: string) => network.place(id)!.properties.country;
  const gainers = [...modern.changed].sort((a, b) => a.change - b.change);
  const crossBorderGainers = gainers.filter((r) => countryOf(r.from) !== countryOf(r.to));
  const domesticGainers = gainers.filter((r) => countryOf(r.from) === countryOf(r.to));
  markdown.push(
    '', '### The checkpoint modernisation programme (road, today → planned, that programme alone)', '',
    `The road journeys between Russian and Kazakh main cities that gain most when the modernised checkpoints open with shorter waits ` +
      `(${domesticGainers.length} journeys inside one country gain too, where their shortest road crosses the neighbour: see networks/README.md):`,
    '', '```text', renderComparison(modern, crossBorderGainers.slice(0, 15)), '```',
  );
  const share = eastKazakhstanRailShare(network);
  markdown.push(
    '', '### East Kazakhstan without a rail link to Russia', '',
    `Of the ${share.settlements} settlements the network holds in the East Kazakhstan and Abai regions, ${share.settlements - share.withRail} ` +
      `(${Math.round(share.shareWithout * 100)}%) have no rail route into Russia${share.without.length ? `: ${share.without.join(', ')}` : ''}. ` +
      'The literature puts about 70% of the eastern border area out of reach of rail [MK22]: it measures territory, the network holds ' +
      'the towns on the lines, so this share is a floor, not an estimate of the same quantity.',
  );
  return { markdown };
}

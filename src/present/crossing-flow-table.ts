import type { CheapestCrossingResult } from '../analysis/cheapest-crossing-flow.js';
import type { Network } from '../model/network.js';
import { formatNumber, round } from './number-format.js';
import { formatTable } from './table.js';

const UNIT = { road: 'trucks/day', rail: 'train pairs/day' } as const;

/** The flow carried, its cost, and the crossings in scope with their capacities and flows. */
export function renderCrossingFlow(network: Network, result: CheapestCrossingResult): string {
  const name = (id: string) => network.place(id)!.properties.name;
  return [
    `Cheapest flow ${name(result.from)} → ${name(result.to)} by ${result.mode} (by ${result.by}): ${formatNumber(result.value)}${result.amount !== undefined && result.value < result.amount ? ` of the ${formatNumber(result.amount)} asked` : ''} ${UNIT[result.mode]}, ` +
      `total ${formatNumber(result.cost, 1)}, average ${formatNumber(result.averageCost, 2)} a unit`,
    ...(result.unknown.length ? [`No capacity figure, so carrying nothing here: ${result.unknown.join(', ')}`] : []),
    '',
    formatTable(['crossing', 'link', `capacity (${UNIT[result.mode]})`, 'flow'], result.crossings.map((c) => [c.name, c.link, c.capacity, round(c.flow, 0)])),
  ].join('\n');
}

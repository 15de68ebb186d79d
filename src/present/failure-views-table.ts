import type { FailureView } from '../analysis/single-points-of-failure.js';
import type { Network } from '../model/network.js';
import { formatTable } from './table.js';

/** Each view (a mode, or all modes) with its bridges and articulation points and the places each cuts off. */
export function renderFailureViews(network: Network, scenario: string, views: readonly FailureView[]): string {
  const rows = (v: FailureView) => [
    ...v.bridges.map((b) => ['link', b.link, b.name, b.cutsOff, cutOffText(network, b.pieces)]),
    ...v.articulationPoints.map((a) => ['place', a.place, a.name, a.cutsOff, cutOffText(network, a.pieces)]),
  ];
  return [
    `Single points of failure (scenario ${scenario})`,
    ...views.flatMap((v) => ['', heading(v), ...(v.bridges.length + v.articulationPoints.length
      ? [formatTable(['kind', 'id', 'name', 'cuts off', 'places cut off'], rows(v), { indent: '  ' })]
      : ['  none'])]),
  ].join('\n');
}

function heading(v: FailureView): string {
  return `${v.view === 'all' ? 'All modes' : v.view}: ${v.places} places, ${v.links} links, ${v.components} piece${v.components === 1 ? '' : 's'}; ` +
    `${v.bridges.length} bridge${v.bridges.length === 1 ? '' : 's'}, ${v.articulationPoints.length} articulation point${v.articulationPoints.length === 1 ? '' : 's'}`;
}

/** The places cut off, by name, at most 6 shown. */
function cutOffText(network: Network, pieces: string[][]): string {
  const names = pieces.flat().map((id) => network.place(id)!.properties.name);
  return names.length > 6 ? `${names.slice(0, 6).join(', ')} … (+${names.length - 6})` : names.join(', ');
}

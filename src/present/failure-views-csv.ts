import type { FailureView } from '../analysis/single-points-of-failure.js';
import type { Network } from '../model/network.js';
import { formatCsv } from './csv.js';

/** One line per bridge and articulation point of each view, with every place it cuts off (ids, and names). */
export function failureViewsCsv(network: Network, views: readonly FailureView[]): string {
  const cutOff = (pieces: string[][]) => [pieces.flat().join(' '), pieces.flat().map((id) => network.place(id)!.properties.name).join('; ')];
  return formatCsv(
    ['view', 'kind', 'id', 'name', 'places_cut_off', 'cut_off_ids', 'cut_off'],
    views.flatMap((v) => [
      ...v.bridges.map((b) => [v.view, 'link', b.link, b.name, b.cutsOff, ...cutOff(b.pieces)]),
      ...v.articulationPoints.map((a) => [v.view, 'place', a.place, a.name, a.cutsOff, ...cutOff(a.pieces)]),
    ]),
  );
}

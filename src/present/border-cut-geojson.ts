import type { Feature, FeatureCollection } from 'geojson';
import type { BorderCutResult } from '../analysis/border-cut.js';
import type { Network } from '../model/network.js';

/**
 * The border as the cut sees it: every KZ–RU checkpoint of the mode in the
 * cut's scope (the sector asked for, or all of them; between given place
 * sets only those a reasonable route can use; `kind` checkpoint) with
 * its capacity (null where none is given: `capacity_known` false, and `why`),
 * its flow in the maximum flow and whether it is in the minimum cut
 * (`in_cut`), then the domestic links of the cut (`kind` domestic). A sector
 * whose crossings all lack a capacity has a flow of 0 and an empty cut, and
 * still shows its crossings. `unit` is the flow's unit per day; `cut_sector`,
 * `cut_value` and `exact` describe the cut the layer belongs to.
 */
export function borderCutGeoJSON(network: Network, result: BorderCutResult): FeatureCollection {
  const { total } = result;
  const inCut = new Map(total.cut.map((c) => [c.link, c]));
  const cut = { unit: result.unit, cut_sector: total.sector, cut_value: total.value, exact: total.exact };
  const checkpoints: Feature[] = result.checkpoints
    .filter((c) => (total.sector === 'all' || c.sector === total.sector) && c.onRoute !== false)
    .map((c) => ({
      type: 'Feature',
      geometry: network.link(c.link)!.geometry,
      properties: {
        kind: 'checkpoint', link: c.link, checkpoint: c.checkpoint, name: c.name, sector: c.sector ?? null, status: c.status, regime: c.regime,
        capacity: c.capacity === 'unknown' ? null : c.capacity, capacity_known: c.capacity !== 'unknown', ...(c.given ? { given: c.given } : {}), ...(c.why ? { why: c.why } : {}),
        flow: c.flow, in_cut: inCut.has(c.link), ...cut,
      },
    }));
  const listed = new Set(result.checkpoints.map((c) => c.link));
  const domestic: Feature[] = total.cut.filter((c) => !listed.has(c.link)).map((c) => ({
    type: 'Feature',
    geometry: network.link(c.link)!.geometry,
    properties: { kind: c.kind, link: c.link, name: c.name, capacity: c.capacity, capacity_known: true, ...(c.capacityFrom ? { capacity_from: c.capacityFrom } : {}), in_cut: true, ...cut },
  }));
  return { type: 'FeatureCollection', features: [...checkpoints, ...domestic] };
}

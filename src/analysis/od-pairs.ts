import type { Network } from '../model/network.js';

/** An origin–destination pair with its demand (any unit: tonnes, trucks, trains; default 1). */
export interface OdPair {
  from: string;
  to: string;
  demand?: number;
}

export class OdPairError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OdPairError';
  }
}

/**
 * The default OD set: every ordered pair of the border regions' main cities
 * (places with `regionCentre: true`: 19 cities, 342 pairs on the bundled network).
 * Ordered, because border waits differ by direction.
 */
export function defaultOdPairs(network: Network): OdPair[] {
  const centres = network.regionCentres().map((p) => p.properties.id);
  return centres.flatMap((from) => centres.filter((to) => to !== from).map((to) => ({ from, to, demand: 1 })));
}

/** Resolves the places of user OD pairs (names or ids) and checks demands; an empty list is an error. */
export function resolveOdPairs(network: Network, ods: readonly OdPair[] | undefined): Required<OdPair>[] {
  const list = ods ?? defaultOdPairs(network);
  if (!Array.isArray(list)) throw new OdPairError(`OD pairs must be an array of { from, to, demand? }, got ${JSON.stringify(list)}`);
  if (list.length === 0) throw new OdPairError('no OD pairs: pass some, or mark region centres in the network');
  return list.map((od, i) => {
    if (typeof od !== 'object' || od === null) throw new OdPairError(`OD pair ${i} must be an object { from, to, demand? }, got ${JSON.stringify(od)}`);
    const demand = od.demand ?? 1;
    if (!Number.isFinite(demand) || demand < 0) throw new OdPairError(`OD pair ${i} (${od.from} → ${od.to}): demand must be a number >= 0, got ${demand}`);
    return { from: network.resolvePlace(od.from).properties.id, to: network.resolvePlace(od.to).properties.id, demand };
  });
}

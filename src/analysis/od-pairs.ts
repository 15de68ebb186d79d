import type { Network } from '../model/network.js';
import { InputError } from '../errors/steppenet-error.js';

/** An origin–destination pair with its demand (any unit: tonnes, trucks, trains; default 1). */
export interface OdPair {
  from: string;
  to: string;
  demand?: number;
  /** The low end of the demand's range, in the unit of `demand` (tonnes a year from a freight demand file); default `demand`. */
  demandMin?: number;
  /** The high end of the demand's range; default `demand`. */
  demandMax?: number;
}

/** An OD pair list that cannot be routed: empty, or a demand that is not a number >= 0. */
export class OdPairError extends InputError {}

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
  if (!Array.isArray(list)) throw new OdPairError(`resolveOdPairs: ods must be an array of { from, to, demand? }, got ${JSON.stringify(list)}`);
  if (list.length === 0) throw new OdPairError('resolveOdPairs: ods is empty: pass some, or mark region centres in the network');
  return list.map((od, i) => {
    if (typeof od !== 'object' || od === null) throw new OdPairError(`resolveOdPairs: ods[${i}] must be an object { from, to, demand? }, got ${JSON.stringify(od)}`);
    const demand = od.demand ?? 1;
    if (!Number.isFinite(demand) || demand < 0) throw new OdPairError(`resolveOdPairs: ods[${i}] (${od.from} → ${od.to}) has demand ${demand}; it must be a number >= 0`);
    const demandMin = od.demandMin ?? demand;
    const demandMax = od.demandMax ?? demand;
    if (!(Number.isFinite(demandMin) && Number.isFinite(demandMax) && demandMin >= 0 && demandMin <= demand && demand <= demandMax)) {
      throw new OdPairError(`resolveOdPairs: ods[${i}] (${od.from} → ${od.to}) has the range ${demandMin}–${demandMax} around demand ${demand}; it needs 0 <= demandMin <= demand <= demandMax`);
    }
    return { from: network.resolvePlace(od.from).properties.id, to: network.resolvePlace(od.to).properties.id, demand, demandMin, demandMax };
  });
}

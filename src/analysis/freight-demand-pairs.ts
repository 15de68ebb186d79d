import type { Network } from '../model/network.js';
import { FreightDemandError, type FreightDemandProblem, type FreightDemandRow } from '../io/freight-demand.js';
import { UnknownPlaceError } from '../places/unknown-place-error.js';
import type { OdPair } from './od-pairs.js';

/**
 * The OD pairs of freight demand rows, weighted by tonnes a year: `demand`
 * is tonnes_per_year, `demandMin`/`demandMax` the range. Names resolve
 * against the network (ids, names, aliases: network.resolvePlace); an
 * unknown or ambiguous name throws the UnknownPlaceError that suggests the
 * closest names, its message prefixed with the file and line. Rows of the
 * same ordered pair (a rail and a river flow, say) become one pair with
 * their tonnes added, in the order the pair first appears; a row whose two
 * names resolve to one place is a FreightDemandError.
 */
export function freightDemandOdPairs(network: Network, rows: readonly FreightDemandRow[], source = 'freight demand'): OdPair[] {
  const pairs = new Map<string, Required<OdPair>>();
  const problems: FreightDemandProblem[] = [];
  for (const row of rows) {
    const from = resolve(network, row.from, row, 'from', source);
    const to = resolve(network, row.to, row, 'to', source);
    if (from === to) {
      problems.push({ line: row.line, column: 'to', message: `"${row.to}" is the same place as from "${row.from}" (${from})` });
      continue;
    }
    const key = `${from}\u0000${to}`;
    const pair = pairs.get(key);
    if (pair) {
      pair.demand += row.tonnes;
      pair.demandMin += row.tonnesMin;
      pair.demandMax += row.tonnesMax;
    } else {
      pairs.set(key, { from, to, demand: row.tonnes, demandMin: row.tonnesMin, demandMax: row.tonnesMax });
    }
  }
  if (problems.length > 0) throw new FreightDemandError(source, problems);
  return [...pairs.values()];
}

function resolve(network: Network, name: string, row: FreightDemandRow, column: 'from' | 'to', source: string): string {
  try {
    return network.resolvePlace(name).properties.id;
  } catch (e) {
    if (e instanceof UnknownPlaceError) e.message = `${source} line ${row.line}, ${column}: ${e.message}`;
    throw e;
  }
}

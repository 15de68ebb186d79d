/** summarizeNetwork() / `steppenet info`: crossings by regime, capacities known and unknown per mode. */
import { describe, expect, it } from 'vitest';
import { renderSummary } from '../src/present/network-summary-table.js';
import { loadNetwork } from '../src/model/load-network.js';
import { summarizeNetwork } from '../src/model/network-summary.js';
import { parseDrawnNetwork } from './fixtures/parse-drawn-network.js';

describe('summarizeNetwork: regimes and capacities', () => {
  // Five checkpoints from R (RU) to K (KZ): local is the simplified regime; d's regime is given.
  const net = loadNetwork(parseDrawnNetwork`
    r
    |
    k

    | place | country |
    | k     | KZ      |

    | link | id | mode | hours | wait | checkpoint | regime    | capacity         |
    | rk   | a  | road | 1     | 1    |            |           | 500 trucks       |
    | rk   | b  | road | 1     | 1    | bilateral  |           |                  |
    | rk   | c  | road | 1     | 1    | local      |           |                  |
    | rk   | d  | rail | 1     | 1    | rail       | bilateral | 12 train-pairs   |
    | rk   | e  | rail | 1     | 1    | rail       |           |                  |
  `, { checkCountries: false });

  it('counts crossings by regime (given, else from the kind) and capacities known/unknown per mode', () => {
    const s = summarizeNetwork(net);
    expect(s.checkpoints.byRegime).toEqual({ bilateral: 2, multilateral: 2, simplified: 1 });
    expect(s.checkpoints.capacity).toEqual({ rail: { known: 1, unknown: 1 }, road: { known: 1, unknown: 2 } });
    const text = renderSummary(s);
    expect(text).toContain('by regime: bilateral 2, multilateral 2, simplified 1');
    expect(text).toContain('capacity known / unknown: rail 1 / 1, road 1 / 2');
  });
});

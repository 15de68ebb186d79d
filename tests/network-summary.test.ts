/** summarizeNetwork() / `steppenet info`: crossings by regime, capacities known and unknown per mode. */
import { describe, expect, it } from 'vitest';
import { renderSummary } from '../src/present/network-summary-table.js';
import { loadNetwork } from '../src/model/load-network.js';
import { summarizeNetwork } from '../src/model/network-summary.js';
import { drawNetwork } from './fixtures/drawn-network.js';

describe('summarizeNetwork: regimes and capacities', () => {
  //   R (RU) ══ a: road, multilateral, 500 trucks ══ K (KZ)
  //   R      ══ b: road, bilateral, no capacity ════ K
  //   R      ══ c: road, local (simplified), none ══ K
  //   R      ══ d: rail, regime given bilateral, 12 train pairs ══ K
  //   R      ══ e: rail, no capacity ══════════════ K
  const net = loadNetwork(drawNetwork(
    [{ id: 'r', at: [0, 1], modes: ['road', 'rail'] }, { id: 'k', at: [0, 0], modes: ['road', 'rail'], country: 'KZ' }],
    [
      { id: 'a', from: 'r', to: 'k', mode: 'road', hours: 1, wait: [1, 1], capacity: [500, 'trucks'] },
      { id: 'b', from: 'r', to: 'k', mode: 'road', hours: 1, wait: [1, 1], checkpointKind: 'bilateral' },
      { id: 'c', from: 'r', to: 'k', mode: 'road', hours: 1, wait: [1, 1], checkpointKind: 'local' },
      { id: 'd', from: 'r', to: 'k', mode: 'rail', hours: 1, wait: [1, 1], checkpointKind: 'rail', regime: 'bilateral', capacity: [12, 'train-pairs'] },
      { id: 'e', from: 'r', to: 'k', mode: 'rail', hours: 1, wait: [1, 1], checkpointKind: 'rail' },
    ],
  ), { checkCountries: false });

  it('counts crossings by regime (given, else from the kind) and capacities known/unknown per mode', () => {
    const s = summarizeNetwork(net);
    expect(s.checkpoints.byRegime).toEqual({ bilateral: 2, multilateral: 2, simplified: 1 });
    expect(s.checkpoints.capacity).toEqual({ rail: { known: 1, unknown: 1 }, road: { known: 1, unknown: 2 } });
    const text = renderSummary(s);
    expect(text).toContain('by regime: bilateral 2, multilateral 2, simplified 1');
    expect(text).toContain('capacity known / unknown: rail 1 / 1, road 1 / 2');
  });
});

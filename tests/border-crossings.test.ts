import { describe, expect, it } from 'vitest';
import { loadNetwork } from '../src/model/load-network.js';
import type { Network } from '../src/model/network.js';
import { applyScenario } from '../src/model/scenario.js';

// The border crossings of the bundled network: their rules, waits, capacity and status,
// pinned to the sources named in each link (see /networks/notes, border crossings).
const current = loadNetwork();
const historical = applyScenario(current, 'historical');
const planned = applyScenario(current, 'planned');
const cp = (net: Network, id: string) => net.checkpoints().find((l) => l.properties.checkpoint.id === id)!.properties.checkpoint;

describe('border crossings of the bundled network', () => {
  it('every checkpoint names its regime; local crossings are simplified (border residents only)', () => {
    for (const l of current.checkpoints()) {
      const c = l.properties.checkpoint;
      expect(['multilateral', 'bilateral', 'simplified'], c.id).toContain(c.regime);
      if (c.kind === 'local') expect(c.regime, c.id).toBe('simplified');
    }
  });

  it('the Kazakh decree: 17 named multilateral road checkpoints; Svetly – Karashatau is bilateral', () => {
    const road = current.checkpoints().filter((l) => l.properties.mode === 'road' && l.properties.checkpoint.sector !== undefined);
    expect(road.filter((l) => l.properties.checkpoint.regime === 'multilateral').length).toBe(17);
    expect(cp(current, 'svetly-karashatau').regime).toBe('bilateral');
    expect(cp(current, 'sagarchin-zhaisan').regime).toBe('multilateral');
  });

  it('a capacity is a published figure or absent (unknown); vehicle figures carry a truck share', () => {
    for (const l of current.checkpoints()) {
      const c = l.properties.checkpoint;
      if (c.capacityPerDay === undefined) continue;
      expect(c.capacityUnit, c.id).toBeDefined();
      if (c.capacityUnit === 'vehicles') expect(c.truckShare, c.id).toBeGreaterThan(0);
    }
    expect(cp(current, 'karaozek-kurmangazy')).toMatchObject({ capacityUnit: 'vehicles', truckShare: 0.4 });
    expect(cp(current, 'isilkul-karakoga')).toMatchObject({ capacityUnit: 'vehicles', truckShare: 0.4 });
    expect(cp(current, 'altynkol-khorgos')).toMatchObject({ capacityPerDay: 18, capacityUnit: 'train-pairs' });
    expect(cp(planned, 'altynkol-khorgos').capacityPerDay).toBe(33);
  });

  it("Sagarchin's December peak is a winter figure, not its all-year wait", () => {
    const c = cp(current, 'sagarchin-zhaisan');
    expect(c.waitHoursWinter).toEqual({ forward: 12, backward: 12 });
    expect(c.waitHours.forward).toBeLessThan(12);
  });

  it('Bugristoe – Kairak is under reconstruction now (Rosgranstroy, to 2028), open in 1999 and in plans', () => {
    expect(cp(current, 'bugristoe-kairak').status).toBe('reconstruction');
    expect(cp(historical, 'bugristoe-kairak').status).toBe('open');
    expect(cp(planned, 'bugristoe-kairak')).toMatchObject({ status: 'open', capacityPerDay: 4000 });
  });
});

/**
 * The crossing regimes and the border cut on the bundled network: properties
 * that hold whatever figures the data carries (they are read from it, not pinned).
 */
import { describe, expect, it } from 'vitest';
import { borderCut } from '../src/analysis/border-cut.js';
import { checkpointRegime } from '../src/model/checkpoint-regime.js';
import { loadNetwork } from '../src/model/load-network.js';
import { route } from '../src/routing/route.js';

const network = loadNetwork();

describe('the bundled network: regimes and the border cut', () => {
  it('a transit route uses multilateral crossings only; a bilateral one may also use bilateral crossings', () => {
    for (const [from, to] of [['Moscow', "Xi'an"], ['Orenburg', 'Aktobe'], ['Omsk', 'Pavlodar']]) {
      const transit = route(network, from, to, { modes: ['road'] });
      expect(transit.found, `${from} → ${to}: ${transit.reason}`).toBe(true);
      expect(transit.crossings.map((c) => c.regime).filter((r) => r !== 'multilateral')).toEqual([]);
      const bilateral = route(network, from, to, { modes: ['road'], freight: 'bilateral' });
      expect(bilateral.crossings.map((c) => c.regime).filter((r) => r === 'simplified')).toEqual([]);
      expect(bilateral.totals.hours).toBeLessThanOrEqual(transit.totals.hours + 1e-9);
    }
  });

  it('lists every usable rail crossing with a capacity in train pairs or as unknown, never a silent 0', () => {
    const rail = borderCut(network, { mode: 'rail' });
    expect(rail.unit).toBe('train-pairs');
    const kzRuRail = network.checkpoints({ mode: 'rail' }).filter((l) => l.properties.checkpoint.sector !== undefined && l.properties.status !== 'abolished' && l.properties.status !== 'planned' && l.properties.status !== 'under-construction');
    expect(rail.checkpoints.map((c) => c.link).sort()).toEqual(kzRuRail.map((l) => l.properties.id).sort());
    for (const c of rail.checkpoints) {
      if (c.capacity === 0) expect(c.why, c.checkpoint).toBeDefined();
      if (c.capacity === 'unknown') expect(rail.unknown).toContain(c.checkpoint);
    }
    // Every border post is a source or a sink, so an unknown crossing can always add: the total is then a lower bound.
    if (rail.unknown.length) expect([rail.total.exact, rail.total.atMost]).toEqual([false, null]);
  });

  it('counts every KZ–RU road crossing given in vehicles, converted by its truck share', () => {
    const road = borderCut(network);
    for (const l of network.checkpoints({ mode: 'road' })) {
      const cp = l.properties.checkpoint;
      if (cp.sector === undefined || cp.capacityUnit !== 'vehicles') continue;
      const row = road.checkpoints.find((c) => c.link === l.properties.id);
      if (!row || row.why) continue; // not usable in this scenario (closed, simplified)
      expect(row.capacity, cp.id).toBeCloseTo(cp.capacityPerDay! * cp.truckShare!);
      expect(row.given).toContain('vehicles × truck share');
    }
  });

  it('Omsk Oblast → Pavlodar Region is not the whole-border figure: only crossings on reasonable routes count', () => {
    const whole = borderCut(network);
    const regions = borderCut(network, { from: { region: 'Omsk Oblast' }, to: { region: 'Pavlodar Region' } });
    expect(regions.stretch?.between).toEqual([['omsk'], ['pavlodar']]);
    expect(regions.total.value).toBeLessThan(whole.total.value);
    // The crossings it counts or lists as unknown are the West Siberian ones, near the two regions.
    const used = [...regions.total.cut.filter((c) => c.kind === 'checkpoint').map((c) => c.link), ...regions.total.unknown];
    expect(used.length).toBeGreaterThan(0);
    for (const id of used) {
      const link = network.link(id) ?? network.checkpoints().find((l) => l.properties.checkpoint.id === id);
      expect(link!.properties.checkpoint!.sector, id).toBe('west-siberia');
    }
    const anyRoute = borderCut(network, { from: { region: 'Omsk Oblast' }, to: { region: 'Pavlodar Region' }, maxStretch: Infinity });
    expect(anyRoute.total.value).toBeGreaterThanOrEqual(regions.total.value);
  });

  it('a region means its towns and junctions, not its checkpoint posts: an unknown crossing is then bounded by the roads to it', () => {
    const regions = borderCut(network, { from: { region: 'Omsk Oblast' }, to: { region: 'Pavlodar Region' } });
    // Olkhovka – Urlyutobe publishes no capacity; the A-320 and M-38 to it are trunk roads (3,333 trucks a day by class).
    expect(regions.total.unknown).toEqual(['olkhovka-urlyutobe']);
    expect(regions.total.exact).toBe(false);
    expect(regions.total.atMost).toBe(3333);
  });

  it('derives a regime for every crossing', () => {
    for (const l of network.checkpoints()) expect(['multilateral', 'bilateral', 'simplified']).toContain(checkpointRegime(l.properties.checkpoint));
  });
});

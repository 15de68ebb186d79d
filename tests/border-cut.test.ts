/**
 * borderCut(): a drawn two-sector border with known checkpoint capacities,
 * closed and unknown-capacity checkpoints, a crossing via a third country,
 * and domestic links whose capacities become the bottleneck once the flow
 * runs between two place sets.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { borderCut } from '../src/analysis/border-cut.js';
import { ResilienceArgumentError } from '../src/analysis/compiled-index.js';
import { borderCutCommand } from '../src/cli/commands/border-cut.js';
import { loadNetwork } from '../src/model/load-network.js';
import type { Checkpoint, LinkFeature, NetworkFile } from '../src/model/types.js';
import { drawNetwork, type DrawnLink, type DrawnPlace } from './fixtures/drawn-network.js';
import { runCommand } from './fixtures/run-command.js';

//  RU:   R1 ──dom 100/day── R2 ─────(unlimited)───── R3 ───────── C1 (CN)
//        │ ╲                 │ ╲                     ║ ║ ┊          │
//       A│  ╲F              B│  ╲E                  C║ ║D┊ rail G   │ (third-country crossings, 1000/day each)
//  KZ:   K1 ─────(unlimited)── K2 ──dom 50/day──────── K3 ───────────┘
//
//  road checkpoints:  A r1–k1 urals 300 trucks   B r2–k2 urals 200 trucks   C r3–k3 altai 500 trucks
//                     D r3–k3 altai CLOSED (400)  E r2–k3 altai 90 VEHICLES  F r1–k2 urals, no capacity
//  rail checkpoint:   G r3–k3 altai 12 trains (rail links only: never added to trucks)
//
//  All RU → all KZ, road: A + B + C = 1000 trucks (D closed, E in another unit, F unknown: all 0;
//  the way through China does not cross the KZ–RU border). Urals 500, altai 500.
//  From {R1} to {K3}: 50 over A then K2–K3; 200 over A, back into Russia over B, then C; 100 over R1–R2
//  then C: 350, cut {K2–K3, B, R1–R2}. (A checkpoint's capacity serves both directions, and the flow
//  may cross and re-cross the border, as the Privolzhskaya line does.)
function border(): NetworkFile {
  const places: DrawnPlace[] = [
    { id: 'r1', at: [0, 2], modes: ['road', 'rail'] }, { id: 'r2', at: [2, 2], modes: ['road'] }, { id: 'r3', at: [4, 2], modes: ['road', 'rail'] },
    { id: 'k1', at: [0, 0], modes: ['road', 'rail'], country: 'KZ' }, { id: 'k2', at: [2, 0], modes: ['road'], country: 'KZ' },
    { id: 'k3', at: [4, 0], modes: ['road', 'rail'], country: 'KZ' }, { id: 'c1', at: [6, 1], modes: ['road'], country: 'CN' },
  ];
  const road = (id: string, from: string, to: string, wait?: [number, number]): DrawnLink => ({ id, from, to, mode: 'road', hours: 1, ...(wait ? { wait } : {}) });
  const links: DrawnLink[] = [
    road('r1-r2', 'r1', 'r2'), road('r2-r3', 'r2', 'r3'), road('k1-k2', 'k1', 'k2'), road('k2-k3', 'k2', 'k3'),
    road('a', 'r1', 'k1', [1, 1]), road('b', 'r2', 'k2', [1, 1]), road('c', 'r3', 'k3', [1, 1]), road('d', 'r3', 'k3', [1, 1]),
    road('e', 'r2', 'k3', [1, 1]), road('f', 'r1', 'k2', [1, 1]), road('r3-c1', 'r3', 'c1', [1, 1]), road('c1-k3', 'c1', 'k3', [1, 1]),
    { id: 'g', from: 'r3', to: 'k3', mode: 'rail', hours: 1, wait: [1, 1] },
    { id: 'r1-r3-rail', from: 'r1', to: 'r3', mode: 'rail', hours: 1 },
  ];
  const file = drawNetwork(places, links);
  const set = (id: string, checkpoint: Partial<Checkpoint> | null, capacityPerDay?: number) => {
    const f = file.features.find((x) => x.properties.id === id) as LinkFeature;
    if (capacityPerDay !== undefined) f.properties.capacityPerDay = capacityPerDay;
    if (checkpoint) Object.assign(f.properties.checkpoint!, checkpoint);
  };
  set('r1-r2', null, 100);
  set('k2-k3', null, 50);
  set('a', { sector: 'urals', capacityPerDay: 300, capacityUnit: 'trucks' });
  set('b', { sector: 'urals', capacityPerDay: 200, capacityUnit: 'trucks' });
  set('c', { sector: 'altai', capacityPerDay: 500, capacityUnit: 'trucks' });
  set('d', { sector: 'altai', capacityPerDay: 400, capacityUnit: 'trucks', status: 'closed' });
  set('e', { sector: 'altai', capacityPerDay: 90, capacityUnit: 'vehicles' });
  set('f', { sector: 'urals' });
  set('g', { sector: 'altai', kind: 'rail', capacityPerDay: 12, capacityUnit: 'trains' });
  for (const id of ['r3-c1', 'c1-k3']) {
    const cp = (file.features.find((x) => x.properties.id === id) as LinkFeature).properties.checkpoint!;
    delete cp.sector; // sectors belong to the KZ–RU border only
    cp.capacityPerDay = 1000;
    cp.capacityUnit = 'trucks';
  }
  return file;
}

const net = loadNetwork(border(), { checkCountries: false });
const cutOf = (c: { cut: { link: string; kind: string; capacity: number }[] }) => c.cut.map((x) => [x.link, x.kind, x.capacity]).sort();

describe('borderCut', () => {
  it('with the default source and sink, the cut is the sum of the open checkpoints that state trucks', () => {
    const result = borderCut(net);
    expect([result.mode, result.unit]).toEqual(['road', 'trucks']);
    expect(result.total.value).toBe(1000);
    expect(cutOf(result.total)).toEqual([['a', 'checkpoint', 300], ['b', 'checkpoint', 200], ['c', 'checkpoint', 500]]);
    expect(result.sectors.map((s) => [s.sector, s.value])).toEqual([['caspian-volga', 0], ['urals', 500], ['west-siberia', 0], ['altai', 500]]);
    expect(result.uncounted.sort()).toEqual(['cp-e', 'cp-f']);
    const why = Object.fromEntries(result.checkpoints.map((c) => [c.link, c.why ?? c.capacity]));
    expect(why).toEqual({
      a: 300, b: 200, c: 500, d: 'checkpoint closed', e: 'capacity given in vehicles, not trucks', f: 'no capacity given',
    });
    expect(result.checkpoints.reduce((sum, c) => sum + c.flow, 0)).toBe(1000);
    expect(result.from.sort()).toEqual(['r1', 'r2', 'r3']);
    expect(result.to.sort()).toEqual(['k1', 'k2', 'k3']);
  });

  it('counts vehicles when asked, and trains for rail, never mixing units', () => {
    expect(borderCut(net, { unit: 'vehicles' }).total.value).toBe(90);
    const rail = borderCut(net, { mode: 'rail' });
    expect([rail.unit, rail.total.value]).toEqual(['trains', 12]);
    expect(cutOf(rail.total)).toEqual([['g', 'checkpoint', 12]]);
  });

  it('one sector only', () => {
    const urals = borderCut(net, { sector: 'urals' });
    expect(urals.total).toMatchObject({ sector: 'urals', value: 500 });
    expect(urals.sectors).toEqual([]);
  });

  it('between two place sets, a domestic link can be the bottleneck', () => {
    const result = borderCut(net, { from: ['r1'], to: ['k3'] });
    expect(result.total.value).toBe(350);
    expect(cutOf(result.total)).toEqual([['b', 'checkpoint', 200], ['k2-k3', 'domestic', 50], ['r1-r2', 'domestic', 100]]);
    expect(result.checkpoints.find((c) => c.link === 'b')!.flow).toBe(-200); // used towards Russia
    // Urals checkpoints alone: R1 → K1/K2 then only K2–K3 (50). Altai alone: R1–R2–R3 (100), then C.
    expect(result.sectors.map((s) => [s.sector, s.value])).toEqual([['caspian-volga', 0], ['urals', 50], ['west-siberia', 0], ['altai', 100]]);
    // Place filters work the same way as lists. All RU → {K1, K2}: A + B, plus 50 over C and K3–K2.
    expect(borderCut(net, { from: { country: 'RU' }, to: ['k1', 'k2'] }).total.value).toBe(300 + 200 + 50);
  });

  it('rejects place sets that overlap, leave Russia and Kazakhstan, or allow an unlimited flow', () => {
    expect(() => borderCut(net, { from: ['r1'], to: ['r1', 'k1'] })).toThrow(ResilienceArgumentError);
    expect(() => borderCut(net, { from: ['r1'], to: ['r1', 'k1'] })).toThrow(/borderCut: to shares r1 with from/);
    expect(() => borderCut(net, { from: ['c1'] })).toThrow(/borderCut: from has places outside Russia and Kazakhstan: c1/);
    expect(() => borderCut(net, { from: ['r2'], to: ['r3'] })).toThrow(/borderCut: from\/to are joined by links without any capacity limit/);
    expect(() => borderCut(net, { from: { region: 'Nowhere' } })).toThrow(/borderCut: from selects no place/);
    expect(() => borderCut(net, { mode: 'river' as 'road' })).toThrow(/borderCut: mode is river/);
    expect(() => borderCut(net, { sector: 'arctic' as 'urals' })).toThrow(/borderCut: sector is arctic/);
  });
});

describe('steppenet border-cut', () => {
  // The drawn border at real coordinates, so that the loader's country check passes: Russian places
  // near Orenburg and Rubtsovsk, Kazakh ones near Aktobe and Semey, the Chinese one near Urumqi.
  const at: Record<string, [number, number]> = {
    r1: [55.1, 51.8], r2: [56.5, 51.6], r3: [81.2, 51.5], k1: [57.2, 50.3], k2: [58.0, 50.5], k3: [80.2, 50.4], c1: [87.6, 43.8],
  };
  const file = border();
  for (const f of file.features) {
    if (f.geometry.type === 'Point') f.geometry.coordinates = at[f.properties.id];
    else {
      const p = f.properties as { from: string; to: string };
      f.geometry.coordinates = [at[p.from], at[p.to]];
    }
  }
  const path = join(mkdtempSync(join(tmpdir(), 'steppenet-border-')), 'border.geojson');
  writeFileSync(path, JSON.stringify(file));

  it('prints the total, the sectors and the checkpoints', async () => {
    const table = await runCommand(borderCutCommand, ['--network', path]);
    expect(table.code).toBe(0);
    expect(table.out).toContain('Maximum road flow across the Kazakhstan–Russia border, trucks per day');
    expect(table.out).toMatch(/all\s+1,000/);
    expect(table.out).toContain('Counted as 0 (capacity unknown or in another unit): cp-e, cp-f.');
    const json = JSON.parse((await runCommand(borderCutCommand, ['--from', 'r1', '--to', 'k3', '--format', 'json', '--network', path])).out);
    expect(json.total.value).toBe(350);
    const rail = (await runCommand(borderCutCommand, ['--mode', 'rail', '--sector', 'altai', '--format', 'csv', '--network', path])).out.trim().split('\n');
    expect(rail).toEqual(['sector,max_trains_per_day,cut', 'altai,12,g']);
    const geo = JSON.parse((await runCommand(borderCutCommand, ['--format', 'geojson', '--network', path])).out);
    expect(geo.features.map((f: { properties: { link: string } }) => f.properties.link).sort()).toEqual(['a', 'b', 'c']);
  });

  it.each([
    [['--mode', 'river'], '--mode must be one of road, rail'],
    [['--sector', 'arctic'], '--sector must be one of caspian-volga, urals, west-siberia, altai'],
    [['--unit', 'tonnes'], '--unit must be one of trucks, vehicles, trains, vessels'],
    [['--from', 'r1', '--from-region', 'Orenburg Oblast'], 'give --from or --from-region, not both'],
    [['--from', 'c1'], 'borderCut: from has places outside Russia and Kazakhstan'],
    [['--from-region', 'Nowhere'], 'borderCut: from selects no place'],
    [['--to', 'zzz'], 'zzz'],
    [['--format', 'xml'], '--format must be one of'],
    [['extra'], 'unexpected argument "extra"'],
  ])('exits 2 with the usage for bad arguments: %j', async (argv, message) => {
    const { code, err } = await runCommand(borderCutCommand, [...argv, '--network', path]);
    expect(code).toBe(2);
    expect(err).toContain(message);
    expect(err).toContain('usage: steppenet border-cut');
  });
});

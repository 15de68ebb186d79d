/**
 * borderCut(): a drawn two-sector border with known checkpoint capacities,
 * closed and unknown-capacity checkpoints, a capacity in vehicles, a crossing
 * via a third country, and domestic links whose capacities become the
 * bottleneck once the flow runs between two place sets; then a drawn pair of
 * regions whose cut depends on the domestic road classes.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { borderCut, ROAD_CLASS_TRUCKS_PER_DAY } from '../src/analysis/border-cut.js';
import { ResilienceArgumentError } from '../src/analysis/compiled-index.js';
import { borderCutCommand } from '../src/cli/commands/border-cut.js';
import { loadNetwork } from '../src/model/load-network.js';
import type { Checkpoint, LinkFeature, NetworkFile } from '../src/model/types.js';
import { drawNetwork, type DrawnLink, type DrawnPlace } from './fixtures/drawn-network.js';
import { parseDrawnNetwork } from './fixtures/parse-drawn-network.js';
import { runCommand } from './fixtures/run-command.js';

//  RU:   R1 ──dom 100/day── R2 ─────(unlimited)───── R3 ───────── C1 (CN)
//        │ ╲                 │ ╲                     ║ ║ ┊          │
//       A│  ╲F              B│  ╲E                  C║ ║D┊ rail G   │ (third-country crossings, 1000/day each)
//  KZ:   K1 ─────(unlimited)── K2 ──dom 50/day──────── K3 ───────────┘
//
//  road checkpoints:  A r1–k1 urals 300 trucks   B r2–k2 urals 200 trucks   C r3–k3 altai 500 trucks
//                     D r3–k3 altai CLOSED (400)  E r2–k3 altai 90 VEHICLES, truck share 0.5 = 45 trucks
//                     F r1–k2 urals, no capacity (unknown)
//  rail checkpoints:  G r3–k3 altai 12 trains (both directions) = 6 train pairs; H r1–k1 urals, no capacity
//  (rail links only: never added to trucks)
//
//  All RU → all KZ, road: A + B + C + E = 1045 trucks (D closed; F unknown, so "at least": with F
//  unlimited nothing bounds the flow; the way through China does not cross the KZ–RU border).
//  Urals at least 500, altai 545.
//  From {R1} to {K3}: 50 over A then K2–K3; 200 over A, back into Russia over B, then C; 100 over R1–R2
//  then C: 350, cut {K2–K3, B, R1–R2}. (A checkpoint's capacity serves both directions, and the flow
//  may cross and re-cross the border, as the Privolzhskaya line does.) F's unknown capacity cannot add
//  here: everything that reaches K2 still needs K2–K3 (50) or B (200), so 350 is exact. The domestic
//  links without a capacity of their own have no road class: primary, 1,428 trucks a day, never the bottleneck.
//  Every drawn link is 10 km; R1 → K3 is 20 km at shortest, and every link lies on some route of at most
//  30 km (1.5 × 20), so the reasonable-route bound between two place sets keeps them all.
//  (Built with drawNetwork, not parseDrawnNetwork: its places have two-character ids that the CLI test
//  and the assertions name, and it sets per-link sectors and domestic capacities after drawing.)
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
    { id: 'h', from: 'r1', to: 'k1', mode: 'rail', hours: 1, wait: [1, 1] },
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
  set('e', { sector: 'altai', capacityPerDay: 90, capacityUnit: 'vehicles', truckShare: 0.5 });
  set('f', { sector: 'urals' });
  set('g', { sector: 'altai', kind: 'rail', capacityPerDay: 12, capacityUnit: 'trains' });
  set('h', { sector: 'urals', kind: 'rail' });
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
  it('with the default source and sink, the cut is the sum of the counted checkpoints, at least, with unknowns listed', () => {
    const result = borderCut(net);
    expect([result.mode, result.unit, result.freight]).toEqual(['road', 'trucks', 'bilateral']);
    expect(result.total).toMatchObject({ value: 1045, exact: false, atMost: null, unknown: ['cp-f'] });
    expect(cutOf(result.total)).toEqual([['a', 'checkpoint', 300], ['b', 'checkpoint', 200], ['c', 'checkpoint', 500], ['e', 'checkpoint', 45]]);
    expect(result.sectors.map((s) => [s.sector, s.value, s.exact])).toEqual([
      ['caspian-volga', 0, true], ['urals', 500, false], ['west-siberia', 0, true], ['altai', 545, true],
    ]);
    expect(result.unknown).toEqual(['cp-f']);
    const capacity = Object.fromEntries(result.checkpoints.map((c) => [c.link, [c.capacity, c.given ?? '', c.why ?? '']]));
    expect(capacity).toEqual({
      a: [300, '300 trucks', ''], b: [200, '200 trucks', ''], c: [500, '500 trucks', ''], d: [0, '400 trucks', 'checkpoint closed'],
      e: [45, '90 vehicles × truck share 0.5', ''], f: ['unknown', '', 'no capacity given'],
    });
    expect(result.checkpoints.reduce((sum, c) => sum + c.flow, 0)).toBe(1045);
    expect(result.from.sort()).toEqual(['r1', 'r2', 'r3']);
    expect(result.to.sort()).toEqual(['k1', 'k2', 'k3']);
  });

  it('counts a figure of observed traffic but reports a lower bound: the post carried that much, it may carry more', () => {
    // C's 500 trucks become a day's observed traffic: the altai sector (C + E) is then at least 545;
    // with C unlimited, R3 and K3 are joined by nothing else that limits the flow, so no upper bound.
    const file = border();
    Object.assign((file.features.find((x) => x.properties.id === 'c') as LinkFeature).properties.checkpoint!, { capacityObserved: true });
    const observed = borderCut(loadNetwork(file, { checkCountries: false }));
    const altai = observed.sectors.find((s) => s.sector === 'altai')!;
    expect(altai).toMatchObject({ value: 545, exact: false, atMost: null, unknown: [], observed: ['cp-c'] });
    expect(observed.checkpoints.find((c) => c.link === 'c')).toMatchObject({ capacity: 500, why: 'observed traffic: capacity at least this' });
    // Between R1 and K3 the roads bound it all the same: 350, exact, whatever C could carry.
    const pair = borderCut(loadNetwork(file, { checkCountries: false }), { from: ['r1'], to: ['k3'] });
    expect([pair.total.value, pair.total.exact]).toEqual([350, true]);
  });

  it('counts train pairs for rail (12 trains both ways = 6 pairs), lists the crossing without a figure as unknown, never mixes units', () => {
    const rail = borderCut(net, { mode: 'rail' });
    expect([rail.unit, rail.total.value, rail.total.exact, rail.total.unknown]).toEqual(['train-pairs', 6, false, ['cp-h']]);
    expect(cutOf(rail.total)).toEqual([['g', 'checkpoint', 6]]);
    expect(rail.checkpoints.map((c) => [c.link, c.capacity, c.given ?? c.why])).toEqual([
      ['g', 6, '12 trains (both directions) ÷ 2'], ['h', 'unknown', 'no capacity given'],
    ]);
    expect(rail.domestic).toBe('domestic rail links without a capacity of their own: train pairs/day by main tracks (single 12, double 60; an estimate from Dostyk – Moyynty, 12 → 60 with its second track); 1 of 1 have no recorded track count: unlimited');
  });

  it('one sector only', () => {
    const urals = borderCut(net, { sector: 'urals' });
    expect(urals.total).toMatchObject({ sector: 'urals', value: 500, exact: false, unknown: ['cp-f'] });
    expect(urals.sectors).toEqual([]);
  });

  it('between two place sets, a domestic link can be the bottleneck', () => {
    const result = borderCut(net, { from: ['r1'], to: ['k3'] });
    expect(result.total).toMatchObject({ value: 350, exact: true, unknown: ['cp-f'] });
    expect(cutOf(result.total)).toEqual([['b', 'checkpoint', 200], ['k2-k3', 'domestic', 50], ['r1-r2', 'domestic', 100]]);
    expect(result.checkpoints.find((c) => c.link === 'b')!.flow).toBe(-200); // used towards Russia
    // Urals checkpoints alone: R1 → K1/K2 then only K2–K3 (50). Altai alone: R1–R2 (100), then C or E.
    expect(result.sectors.map((s) => [s.sector, s.value])).toEqual([['caspian-volga', 0], ['urals', 50], ['west-siberia', 0], ['altai', 100]]);
    // Every drawn link is 10 km: R1 → K3 is 20 km, and every crossing lies on a route within 1.5 × 20 km. R1 → K1, K2 is 10 km:
    // only A (R1–K1) and F (R1–K2) lie on a route within 15 km. The all-border cut has no bound: onRoute is absent.
    expect(result.checkpoints.every((c) => c.onRoute === true)).toBe(true);
    expect(borderCut(net, { from: ['r1'], to: ['k1', 'k2'] }).checkpoints.filter((c) => c.onRoute).map((c) => c.link)).toEqual(['a', 'f']);
    expect(borderCut(net).checkpoints.some((c) => 'onRoute' in c)).toBe(false);
    // Place filters work the same way as lists. All RU → {K1, K2}: A + B; the 50 more over C or E and K3–K2
    // run 20 km where the shortest route is 10 (every drawn link is 10 km): beyond the reasonable 1.5 ×, unless lifted.
    expect(borderCut(net, { from: { country: 'RU' }, to: ['k1', 'k2'] }).total.value).toBe(300 + 200);
    expect(borderCut(net, { from: { country: 'RU' }, to: ['k1', 'k2'], maxStretch: Infinity }).total.value).toBe(300 + 200 + 50);
  });

  it('rejects place sets that overlap, leave Russia and Kazakhstan, or allow an unlimited flow', () => {
    expect(() => borderCut(net, { from: ['r1'], to: ['r1', 'k1'] })).toThrow(ResilienceArgumentError);
    expect(() => borderCut(net, { from: ['r1'], to: ['r1', 'k1'] })).toThrow(/borderCut: to shares r1 with from/);
    expect(() => borderCut(net, { from: ['c1'] })).toThrow(/borderCut: from has places outside Russia and Kazakhstan: c1/);
    expect(() => borderCut(net, { from: ['r2'], to: ['r3'], domestic: 'unlimited' })).toThrow(/borderCut: from\/to are joined by links without any capacity limit/);
    expect(() => borderCut(net, { mode: 'rail', from: ['r1'], to: ['r3'] })).toThrow(/borderCut: from\/to are joined by links without any capacity limit/);
    expect(() => borderCut(net, { from: { region: 'Nowhere' } })).toThrow('borderCut: from names no region "Nowhere" in the network');
    expect(() => borderCut(net, { from: { country: 'MN' } })).toThrow(/borderCut: from selects no place/);
    expect(() => borderCut(net, { mode: 'river' as 'road' })).toThrow(/borderCut: mode is river/);
    expect(() => borderCut(net, { sector: 'arctic' as 'urals' })).toThrow(/borderCut: sector is arctic/);
    expect(() => borderCut(net, { freight: 'cabotage' as 'transit' })).toThrow(/borderCut: freight is cabotage/);
  });
});

describe('borderCut between two regions: reasonable routes, domestic roads at their class capacity', () => {
  //  Omsk Oblast → Pavlodar Region: the shortest route O–P is 100 km, so reasonable routes are at most 150 km:
  //  cp1 (500), and O–X–Y–P (110 km) over cp2, limited by the local road Y–P (47): 547, cut {cp1, Y–P}.
  //  The way round by Astrakhan (2,005 km) is not reasonable; without the bound it adds min(1,000, 3,333) = 1,000.
  //  The whole border (all RU → all KZ) is cp1 + cp2 + cp3 = 1,800: every border post is a source or a sink,
  //  so neither the bound nor the domestic roads apply. Transit freight may not use the bilateral cp2: 500.
  const regionsFile = parseDrawnNetwork`
    z-----------o-----x       # Russia
    |           |     |
    w-----------p-----y       # Kazakhstan

    | place | country | region                  |
    | o     |         | Omsk Oblast             |
    | x     |         | Tyumen Oblast           |
    | z     |         | Astrakhan Oblast        |
    | p     | KZ      | Pavlodar Region         |
    | y     | KZ      | North Kazakhstan Region |
    | w     | KZ      | Atyrau Region           |

    | link | id  | mode | hours | km   | class | wait | checkpoint | capacity    |
    | ox   | o-x | road | 1     | 20   | trunk |      |            |             |
    | yp   | y-p | road | 1     | 80   | local |      |            |             |
    | zo   | z-o | road | 1     | 1000 | trunk |      |            |             |
    | wp   | w-p | road | 1     | 1000 | trunk |      |            |             |
    | op   | cp1 | road | 1     | 100  |       | 1    |            | 500 trucks  |
    | xy   | cp2 | road | 1     | 10   |       | 1    | bilateral  | 300 trucks  |
    | zw   | cp3 | road | 1     | 5    |       | 1    |            | 1000 trucks |
  `;
  const regions = loadNetwork(regionsFile, { checkCountries: false });
  const omskToPavlodar = { from: { region: 'Omsk Oblast' }, to: { region: 'Pavlodar Region' } };

  it('takes the class capacities from the SP 34.13330 categories times the trucks per passenger-car unit', () => {
    expect(ROAD_CLASS_TRUCKS_PER_DAY).toEqual({ motorway: 3333, trunk: 3333, primary: 1428, secondary: 476, local: 47 });
  });

  it('Omsk Oblast → Pavlodar Region is 547 trucks a day, not the whole-border 1,800', () => {
    const cut = borderCut(regions, omskToPavlodar);
    expect([cut.from, cut.to]).toEqual([['o'], ['p']]);
    expect(cut.stretch).toEqual({ max: 1.5, shortestKm: 100, between: [['o'], ['p']], links: 4 });
    expect(cut.total).toMatchObject({ value: 547, exact: true, unknown: [] });
    expect(cut.total.cut.map((c) => [c.link, c.kind, c.capacity, c.capacityFrom ?? '']).sort()).toEqual([
      ['cp1', 'checkpoint', 500, ''], ['y-p', 'domestic', 47, 'class local'],
    ]);
    expect(borderCut(regions).total.value).toBe(1800);
    expect(borderCut(regions).stretch).toBeUndefined();
    expect(borderCut(regions, { ...omskToPavlodar, maxStretch: Infinity }).total.value).toBe(1547);
    expect(borderCut(regions, { ...omskToPavlodar, maxStretch: Infinity, domestic: 'unlimited' }).total.value).toBe(1800);
    expect(borderCut(regions, { ...omskToPavlodar, roadClassTrucksPerDay: { local: 100 } }).total.value).toBe(600);
  });

  it('transit freight crosses only at the multilateral checkpoint', () => {
    const cut = borderCut(regions, { ...omskToPavlodar, freight: 'transit' });
    expect(cut.total.value).toBe(500);
    expect(cut.checkpoints.find((c) => c.link === 'cp2')).toMatchObject({
      regime: 'bilateral', capacity: 0, why: 'bilateral crossing (Kazakh and Russian carriers only): closed to transit freight',
    });
  });

  it('resolves region names ignoring case, and suggests the nearest for a typo', () => {
    expect(borderCut(regions, { from: { region: 'omsk oblast' }, to: { region: 'PAVLODAR REGION' } }).total.value).toBe(547);
    expect(() => borderCut(regions, { from: { region: 'Omsk Oblst' } })).toThrow('borderCut: from names no region "Omsk Oblst" in the network; did you mean "Omsk Oblast"?');
    expect(() => borderCut(regions, { ...omskToPavlodar, maxStretch: 0.5 })).toThrow('borderCut: maxStretch is 0.5; it must be a number >= 1');
  });

  it('a region-to-region cut with an unknown crossing says up to what it could go', () => {
    const file = structuredClone(regionsFile);
    const cp1 = (file.features.find((f) => f.properties.id === 'cp1') as LinkFeature).properties.checkpoint!;
    delete cp1.capacityPerDay;
    delete cp1.capacityUnit;
    const net2 = loadNetwork(file, { checkCountries: false });
    // cp1 unknown: at least the 47 of the long way; cp1 joins the two regions directly, so nothing bounds it.
    expect(borderCut(net2, omskToPavlodar).total).toMatchObject({ value: 47, exact: false, atMost: null, unknown: ['cp-cp1'] });
    // Tyumen Oblast → Pavlodar Region (shortest 90 km by cp2): cp1 (X–O–P, 120 km) could add at most what X–O carries.
    const tyumen = borderCut(net2, { from: { region: 'Tyumen Oblast' }, to: { region: 'Pavlodar Region' } });
    expect(tyumen.total).toMatchObject({ value: 47, exact: false, atMost: 3333 + 47, unknown: ['cp-cp1'] });
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
    expect(table.out).toContain('freight bilateral (Kazakh and Russian carriers): multilateral and bilateral crossings');
    expect(table.out).toMatch(/all\s+at least 1,045 \(1 crossing unknown; no upper bound\)/);
    expect(table.out).toMatch(/Checkpoint e\s+altai\s+multilateral\s+open\s+45\s+90 vehicles × truck share 0.5/);
    expect(table.out).toMatch(/Checkpoint f\s+urals\s+multilateral\s+open\s+unknown\s+0\s+no capacity given/);
    expect(table.out).toContain('Capacity unknown (counted as 0, so the figures are lower bounds): cp-f.');
    const json = JSON.parse((await runCommand(borderCutCommand, ['--from', 'r1', '--to', 'k3', '--format', 'json', '--network', path])).out);
    expect(json.total.value).toBe(350);
    expect(json.stretch).toEqual({ max: 1.5, shortestKm: 20, between: [['r1'], ['k3']], links: 9 });
    const places = await runCommand(borderCutCommand, ['--from', 'r1', '--to', 'k1,k2', '--network', path]);
    expect(places.out).toContain('Reasonable routes only: links on a route within 1.5 × the 10 km from R1 to K1, K2');
    const lifted = JSON.parse((await runCommand(borderCutCommand, ['--from', 'r1,r2,r3', '--to', 'k1,k2', '--max-stretch', 'none', '--format', 'json', '--network', path])).out);
    expect([lifted.total.value, lifted.stretch]).toEqual([550, undefined]);
    const rail = (await runCommand(borderCutCommand, ['--mode', 'rail', '--sector', 'altai', '--format', 'csv', '--network', path])).out.trim().split('\n');
    expect(rail).toEqual(['sector,max_train_pairs_per_day,exact,at_most_train_pairs_per_day,unknown_crossings,observed_flow_crossings,cut', 'altai,6,true,,0,0,g']);
    const railTable = (await runCommand(borderCutCommand, ['--mode', 'rail', '--network', path])).out;
    expect(railTable).toMatch(/Checkpoint g\s+altai\s+multilateral\s+open\s+6\s+12 trains \(both directions\) ÷ 2/);
    expect(railTable).toMatch(/Checkpoint h\s+urals\s+multilateral\s+open\s+unknown/);
    type Geo = { features: { properties: Record<string, unknown> }[] };
    const geo = JSON.parse((await runCommand(borderCutCommand, ['--format', 'geojson', '--network', path])).out) as Geo;
    // The cut, and every road checkpoint with its figures.
    expect(geo.features.filter((f) => f.properties.in_cut).map((f) => f.properties.link).sort()).toEqual(['a', 'b', 'c', 'e']);
    expect(geo.features.filter((f) => f.properties.kind === 'checkpoint').map((f) => f.properties.link).sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(geo.features.find((f) => f.properties.link === 'f')!.properties).toMatchObject({ capacity: null, capacity_known: false, why: 'no capacity given', in_cut: false, flow: 0 });
    // A sector whose only crossing has no capacity: a flow of 0 and an empty cut, and the layer still shows the crossing.
    const railUrals = JSON.parse((await runCommand(borderCutCommand, ['--mode', 'rail', '--sector', 'urals', '--format', 'geojson', '--network', path])).out) as Geo;
    expect(railUrals.features.map((f) => f.properties)).toEqual([expect.objectContaining({ kind: 'checkpoint', link: 'h', capacity: null, capacity_known: false, in_cut: false, unit: 'train-pairs', cut_sector: 'urals', cut_value: 0 })]);
  });

  it.each([
    [['--mode', 'river'], '--mode must be one of road, rail'],
    [['--sector', 'arctic'], '--sector must be one of caspian-volga, urals, west-siberia, altai'],
    [['--unit', 'trucks'], 'Unknown option'],
    [['--freight', 'cabotage'], '--freight must be one of transit, bilateral'],
    [['--domestic', 'some'], '--domestic must be one of by-class, unlimited'],
    [['--from', 'r1', '--to', 'k3', '--max-stretch', '0.9'], '--max-stretch must be a number >= 1 or "none", got "0.9"'],
    [['--from-region', 'Orenburg Oblst'], 'borderCut: from names no region "Orenburg Oblst"'],
    [['--from', 'r1', '--from-region', 'Orenburg Oblast'], 'give --from or --from-region, not both'],
    [['--from', 'c1'], 'borderCut: from has places outside Russia and Kazakhstan'],
    [['--from-region', 'Nowhere'], 'borderCut: from names no region "Nowhere" in the network'],
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

// The measures (issue 15, item 4): link importance, unsatisfied demand,
// regional exposure, redundancy and losses with a range, on a drawn network
// whose figures are worked out by hand below, and against a slow obvious
// version (each link removed, every pair routed afresh by plain Dijkstra) on
// random networks.
import { describe, expect, it } from 'vitest';
import * as ex from '../src/analysis/exposure.js';
import * as rd from '../src/analysis/od-redundancy.js';
import * as lc from '../src/analysis/link-criticality.js';
import { OdPairError } from '../src/analysis/od-pairs.js';
import { DijkstraQuery } from '../src/core/dijkstra.js';
import { loadNetwork } from '../src/model/load-network.js';
import type { NetworkFile } from '../src/model/types.js';
import { asDrawn, compileNetwork, linkCriticality } from './fixtures/as-drawn.js';
import { parseDrawnNetwork } from './fixtures/parse-drawn-network.js';
import { prng, randomNetwork } from './fixtures/random-network.js';

const load = (file: NetworkFile) => loadNetwork(file, { checkCountries: false });
const regionalExposure: typeof ex.regionalExposure = (net, o) => ex.regionalExposure(net, asDrawn(o));
const odRedundancy: typeof rd.odRedundancy = (net, o) => rd.odRedundancy(net, asDrawn(o));

// A–B–C is the main line (1 h a link); the only other way from A to C is by D
// and E in Kazakhstan: A–D 2 h, D–E 4 h, E–C 2 h plus a 2 h border wait each
// way, 10 h in all, so losing A–B or B–C costs A → C 8 h more (10 − 2). F hangs
// off C alone. Regions: North (A, D), Mid (B), East (C, E, F).
const file = parseDrawnNetwork`
  a-----b-----c-----f
  |           |
  d-----------e

  | place | region | country |
  | a     | North  |         |
  | d     | North  | KZ      |
  | b     | Mid    |         |
  | c     | East   |         |
  | e     | East   | KZ      |
  | f     | East   |         |

  | link | hours | mode | wait |
  | ab   | 1     | road |      |
  | bc   | 1     | road |      |
  | cf   | 1     | road |      |
  | ad   | 2     | road | 0    |
  | de   | 4     | road |      |
  | ec   | 2     | road | 2    |
`;
const net = load(file);

// Demand in tonnes a year. A → C has a range (5–20 t, central 10); the others are known.
const ods = [
  { from: 'a', to: 'c', demand: 10, demandMin: 5, demandMax: 20 },
  { from: 'b', to: 'c', demand: 4 },
  { from: 'a', to: 'f', demand: 2 },
  { from: 'c', to: 'a', demand: 6 },
];

describe('regionalExposure over single-link failures, by hand', () => {
  // A–B fails: A → C, A → F and C → A go round by D and E (+8 h each); B → C does not use it.
  // B–C fails: the same three +8 h, and B → C goes B–A–D–E–C, 11 h for 1 (+10 h).
  // C–F fails: A → F is cut off (2 t). A–D, D–E, E–C carry no best route: no effect.
  const result = regionalExposure(net, { ods, ranges: false });
  const region = (name: string) => result.regions.find((r) => r.group === name)!;

  it('North (A → C 10 t, A → F 2 t): worst +8 h a tonne (A–B, the first of two equal), average 16/6, 2 t cut off by C–F', () => {
    const north = region('North');
    expect(result.failures).toBe(6);
    expect([north.country, north.pairs, north.demand]).toEqual(['RU', 2, { central: 12, min: 7, max: 22 }]);
    expect(north.worstIncreaseHours.central).toBeCloseTo((10 * 8 + 2 * 8) / 12, 12);
    expect(north.worstFailure).toEqual({ id: 'a-b', name: 'A – B' });
    expect(north.averageIncreaseHours).toBeCloseTo((8 + 8) / 6, 12);
    expect(north.cutOff).toEqual({ central: 2, min: 2, max: 2 });
    expect(north.cutOffFailure?.id).toBe('c-f');
    // Loss per day of closure: 96 tonne-hours a year of closure / 365. Without the assumptions' ranges the demand's
    // own range still counts: 5 t × 8 h + 2 t × 8 h to 20 t × 8 h + 2 t × 8 h.
    expect(north.lossTonneHoursPerDay.central).toBeCloseTo(96 / 365, 12);
    expect(north.lossTonneHoursPerDay.min).toBeCloseTo(56 / 365, 12);
    expect(north.lossTonneHoursPerDay.max).toBeCloseTo(176 / 365, 12);
    expect(north.lossUsdPerDay.central).toBeCloseTo(96 / 365, 12); // value of time 1 USD/t·h
  });

  it('Mid (B → C 4 t): worst +10 h by B–C; East (C → A 6 t): worst +8 h; most exposed first', () => {
    expect(region('Mid').worstIncreaseHours.central).toBeCloseTo(10, 12);
    expect(region('Mid').worstFailure?.id).toBe('b-c');
    expect(region('Mid').averageIncreaseHours).toBeCloseTo(10 / 6, 12);
    expect(region('Mid').cutOffFailure).toBeNull();
    expect(region('East').worstIncreaseHours.central).toBeCloseTo(8, 12);
    expect(region('East').lossTonneHoursPerDay.central).toBeCloseTo(48 / 365, 12);
    expect(result.regions.map((r) => r.group)).toEqual(['Mid', 'North', 'East']);
  });

  it('per country: every origin is Russian, so RU holds all 22 t; its worst is B–C: (80 + 16 + 40 + 48) / 22 h', () => {
    expect(result.countries.map((c) => c.group)).toEqual(['RU']);
    const ru = result.countries[0];
    expect(ru.demand.central).toBe(22);
    expect(ru.worstIncreaseHours.central).toBeCloseTo(184 / 22, 12);
    expect(ru.worstFailure?.id).toBe('b-c');
    expect(ru.averageIncreaseHours).toBeCloseTo((144 + 184) / 22 / 6, 12);
  });

  it('link importance is linkCriticality weighted extra by time, and unsatisfied demand its disconnected demand', () => {
    const critical = linkCriticality(net, { ods });
    for (const f of result.ranking) {
      const c = critical.ranking.find((r) => r.link === f.id)!;
      expect([f.id, f.importance, f.cutOff.central]).toEqual([c.link, c.weightedExtra, c.disconnectedDemand]);
    }
    expect(result.ranking.slice(0, 3).map((f) => [f.id, f.importance, f.cutOff.central])).toEqual([['b-c', 184, 0], ['a-b', 144, 0], ['c-f', 0, 2]]);
  });
});

describe('losses with a min–max range', () => {
  // The ranges that move anything here: the E–C wait ×0.5–×1.5 (1–3 h instead of 2, so A → C +7 to +9 h;
  // the hours of every link are drawn, so speeds change nothing), A → C's 5–20 t and the value of time.
  const result = regionalExposure(net, { ods, ranges: { valueOfTime: { low: 0.5, high: 2 } } });
  const north = result.regions.find((r) => r.group === 'North')!;

  it('North: worst increase 7–9 h; loss from 5 t × 7 h + 2 t × 7 h to 20 t × 9 h + 2 t × 9 h a year, per day', () => {
    expect(north.worstIncreaseHours.min).toBeCloseTo(84 / 12, 12);
    expect(north.worstIncreaseHours.max).toBeCloseTo(108 / 12, 12);
    expect(north.lossTonneHoursPerDay.min).toBeCloseTo(49 / 365, 12);
    expect(north.lossTonneHoursPerDay.max).toBeCloseTo(198 / 365, 12);
    expect(north.lossUsdPerDay).toEqual({
      central: expect.closeTo(96 / 365, 12), min: expect.closeTo((49 / 365) * 0.5, 12), max: expect.closeTo((198 / 365) * 2, 12),
    });
    expect(result.assumptions?.runs).toBe(5);
  });

  it('Mid (no demand range): B → C +9 to +11 h, 4 t', () => {
    const mid = result.regions.find((r) => r.group === 'Mid')!;
    expect(mid.lossTonneHoursPerDay.min).toBeCloseTo((4 * 9) / 365, 12);
    expect(mid.lossTonneHoursPerDay.max).toBeCloseTo((4 * 11) / 365, 12);
  });

  it('refuses a demand range that does not hold the demand, and a range upside down', () => {
    expect(() => regionalExposure(net, { ods: [{ from: 'a', to: 'c', demand: 10, demandMin: 12 }] })).toThrow(OdPairError);
    expect(() => regionalExposure(net, { ods, ranges: { waitScale: { low: 2, high: 1 } } })).toThrow(/ranges.waitScale must be \{ low, high \}/);
  });
});

describe('on the bundled network', () => {
  it("link importance is linkCriticality's weighted extra and unsatisfied demand its disconnected demand, link for link", () => {
    const bundled = loadNetwork();
    const exposure = ex.regionalExposure(bundled, { ranges: false });
    const critical = new Map(lc.linkCriticality(bundled).ranking.map((r) => [r.link, r]));
    expect(exposure.ranking).toHaveLength(critical.size);
    expect(exposure.ranking.filter((f) => f.importance !== critical.get(f.id)!.weightedExtra || f.cutOff.central !== critical.get(f.id)!.disconnectedDemand)).toEqual([]);
    expect(exposure.ranking[0].importance).toBeGreaterThan(0);
  });
});

describe('regionalExposure over regions closed whole, by hand', () => {
  // North closes A–B, A–D, D–E: A's pairs and C → A are cut off, B → C is not touched.
  // Mid closes A–B, B–C: B → C cut off, the other three +8 h. East closes every link at C, E, F: all cut off.
  const result = regionalExposure(net, { ods, areas: 'regions', ranges: false });
  it("North's worst detour is Mid's closure (+8 h a tonne), its worst cut-off its own closure (12 t, the first of two)", () => {
    const north = result.regions.find((r) => r.group === 'North')!;
    expect(result.failures).toBe(3);
    expect(north.worstFailure?.id).toBe('Mid');
    expect(north.worstIncreaseHours.central).toBeCloseTo(8, 12);
    expect(north.averageIncreaseHours).toBeCloseTo(8 / 3, 12);
    expect([north.cutOff.central, north.cutOffFailure?.id]).toEqual([12, 'North']);
  });
});

describe('redundancy per OD pair', () => {
  it('A → C: two link-disjoint routes, the second (by D and E) 10 h against 2; C → F: one, no second', () => {
    const result = odRedundancy(net, { ods: [{ from: 'a', to: 'c' }, { from: 'c', to: 'f' }] });
    expect(result.pairs[0]).toMatchObject({ from: 'a', to: 'c', disjointRoutes: 2, best: 2, secondBest: 10, ratio: 5 });
    expect(result.pairs[1]).toMatchObject({ from: 'c', to: 'f', disjointRoutes: 1, best: 1, secondBest: Infinity, ratio: Infinity });
  });
});

/**
 * The obvious version: for each link, block it and route every pair by plain
 * Dijkstra on the compiled graph (drivers' hours off, by time: a route's
 * weight is its hours), then the definitions of README "Measures" term by term.
 */
function slowExposure(file: NetworkFile, pairs: { from: string; to: string; demand: number }[]) {
  const network = load(file);
  const compiled = compileNetwork(network, {});
  const query = new DijkstraQuery(compiled.graph);
  const hours = (from: string, to: string, blocked?: Uint8Array) =>
    query.route(compiled.departNode(from), compiled.arriveNode(to), blocked ? { blockedEdges: blocked } : {}).cost;
  const links = network.links.map((l) => l.properties.id).filter((id) => compiled.edgesOfLink(id).length > 0);
  const before = pairs.map((p) => hours(p.from, p.to));
  const regionOf = (id: string) => network.place(id)!.properties.region ?? '(no region)';
  const groups = new Map<string, { demand: number; means: number[]; cuts: number[]; losses: number[] }>();
  pairs.forEach((p, i) => {
    if (!Number.isFinite(before[i])) return;
    const g = groups.get(regionOf(p.from)) ?? { demand: 0, means: links.map(() => 0), cuts: links.map(() => 0), losses: links.map(() => 0) };
    g.demand += p.demand;
    groups.set(regionOf(p.from), g);
  });
  links.forEach((id, k) => {
    const blocked = new Uint8Array(compiled.graph.edgeCount);
    for (const e of compiled.edgesOfLink(id)) blocked[e] = 1;
    pairs.forEach((p, i) => {
      if (!Number.isFinite(before[i])) return;
      const g = groups.get(regionOf(p.from))!;
      const after = hours(p.from, p.to, blocked);
      if (!Number.isFinite(after)) g.cuts[k] += p.demand;
      else g.losses[k] += p.demand * (after - before[i]);
    });
  });
  return [...groups].map(([group, g]) => {
    const means = g.losses.map((x) => x / g.demand);
    return {
      group,
      worst: Math.max(0, ...means),
      average: means.reduce((s, x) => s + x, 0) / links.length,
      cutOff: Math.max(0, ...g.cuts),
      loss: Math.max(0, ...g.losses) / 365,
    };
  });
}

describe('regionalExposure against the obvious version', () => {
  it('equals removing each link and routing every pair afresh by plain Dijkstra, on 25 random networks', () => {
    const random = prng(4);
    let detours = 0;
    let cuts = 0;
    for (let trial = 0; trial < 25; trial++) {
      const raw = randomNetwork(random, 12, 24);
      const names = ['North', 'South', 'East', 'West'];
      for (const f of raw.features) {
        if (f.properties.type === 'place' && random() < 0.85) f.properties.region = names[Math.floor(random() * names.length)];
      }
      const pairs = Array.from({ length: 12 }, () => ({ from: `p${Math.floor(random() * 12)}`, to: `p${Math.floor(random() * 12)}`, demand: 1 + Math.floor(random() * 9) }))
        .filter((od) => od.from !== od.to);
      const fast = regionalExposure(load(raw), { ods: pairs, ranges: false });
      const slow = slowExposure(raw, pairs);
      expect(fast.regions.map((r) => r.group).sort()).toEqual(slow.map((s) => s.group).sort());
      for (const s of slow) {
        const r = fast.regions.find((x) => x.group === s.group)!;
        expect(r.worstIncreaseHours.central, `${trial} ${s.group} worst`).toBeCloseTo(s.worst, 9);
        expect(r.averageIncreaseHours, `${trial} ${s.group} average`).toBeCloseTo(s.average, 9);
        expect(r.cutOff.central, `${trial} ${s.group} cut off`).toBe(s.cutOff);
        expect(r.lossTonneHoursPerDay.central, `${trial} ${s.group} loss`).toBeCloseTo(s.loss, 9);
        if (s.worst > 0) detours++;
        if (s.cutOff > 0) cuts++;
      }
    }
    // The networks exercise both: regions whose demand detours, and regions whose demand some link cuts off.
    expect(detours).toBeGreaterThan(20);
    expect(cuts).toBeGreaterThan(20);
  });
});

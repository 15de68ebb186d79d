/**
 * disjointRoutes(): drawn networks with known answers (the classic trap where
 * "shortest route, delete it, repeat" finds one route instead of two; two
 * routes changing mode at the same place; a place passed in two modes), and
 * random networks checked against an independent max flow, brute-force cuts
 * and brute-force packings of enumerated routes.
 */
import { describe, expect, it } from 'vitest';
import { csvRecords } from './fixtures/csv-records.js';
import { ResilienceArgumentError } from '../src/analysis/compiled-index.js';
import { disjointRoutes } from './fixtures/as-drawn.js';
import { disjointCommand } from '../src/cli/commands/disjoint.js';
import { maxFlow } from '../src/core/max-flow.js';
import { loadNetwork } from '../src/model/load-network.js';
import type { Network } from '../src/model/network.js';
import { MODES, type NetworkFile } from '../src/model/types.js';
import { compileNetwork } from './fixtures/as-drawn.js';
import { route } from './fixtures/as-drawn.js';
import { drawNetwork, type DrawnLink, type DrawnPlace } from './fixtures/drawn-network.js';
import { parseDrawnNetwork } from './fixtures/parse-drawn-network.js';
import { prng, randomNetwork } from './fixtures/random-network.js';
import { writeNetworkFile } from './fixtures/run-command.js';
import { runCommand } from './fixtures/as-drawn.js';

const load = (file: NetworkFile) => loadNetwork(file, { checkCountries: false });
const road = (id: string, from: string, to: string, hours: number): DrawnLink => ({ id, from, to, mode: 'road', hours });
const rail = (id: string, from: string, to: string, hours: number): DrawnLink => ({ id, from, to, mode: 'rail', hours });

// Shortest S-A-B-T = 3 h. Deleting it leaves S–B and A–T, which do not meet:
// greedy finds one route. Two exist: S-A-T (4 h) + S-B-T (4 h) = 8 h.
const trapFile = parseDrawnNetwork`
        +-----------+
        |           |
  s-----a-----b-----t
  |           |
  +-----------+

  | link | id | mode | hours |
  | sa   | sa | road | 1     |
  | ab   | ab | road | 1     |
  | bt   | bt | road | 1     |
  | at   | at | road | 3     |
  | sb   | sb | road | 3     |
`;
const trap = load(trapFile);

// P serves rail and road and can tranship (1 h); two parallel links on each side.
const sharedTransfer = load(parseDrawnNetwork`
  s-----p-----t

  | place | tranship |
  | p     | 1        |

  | link | id  | mode | hours |
  | sp   | sp1 | rail | 1     |
  | sp   | sp2 | rail | 2     |
  | pt   | pt1 | road | 1     |
  | pt   | pt2 | road | 2     |
`);

// S, P and T serve rail and road; P cannot tranship. Q is road only.
// Link-disjoint: 3 routes (2 + 2 + 10 h). Place-disjoint: P can carry one of its two, so 2 (2 + 10 h).
const twoModesThroughP = load(parseDrawnNetwork`
  s-----p-----t
  |           |
  +-----q-----+

  | link | id      | mode | hours |
  | sp   | sp-rail | rail | 1     |
  | pt   | pt-rail | rail | 1     |
  | sp   | sp-road | road | 1     |
  | pt   | pt-road | road | 1     |
  | sq   | sq      | road | 5     |
  | qt   | qt      | road | 5     |
`);

const linkSets = (r: { routes: { links: string[] }[] }) => r.routes.map((x) => x.links.join(' '));

describe('disjointRoutes', () => {
  it('finds both routes of the trap that "delete the shortest and repeat" misses', () => {
    const result = disjointRoutes(trap, 's', 't', { k: 2 });
    expect(linkSets(result)).toEqual(['sa at', 'sb bt']);
    expect(result.totalCost).toBe(8);
    expect(result.maxDisjoint).toBe(2);
    expect(result.fewerBecause).toBeUndefined();
    // Greedy really fails here: without the shortest route's links there is no route.
    expect(route(trap, 's', 't', { avoid: { links: ['sa', 'ab', 'bt'] } }).found).toBe(false);
  });

  it('says when fewer than k exist and names a cut that really disconnects', () => {
    const result = disjointRoutes(trap, 's', 't', { k: 3 });
    expect(result.routes).toHaveLength(2);
    expect(result.minCut.links).toHaveLength(2);
    expect(result.fewerBecause).toMatch(/^only 2 link-disjoint routes join S and T: losing link \w+, link \w+ leaves no route$/);
    expect(route(trap, 's', 't', { avoid: { links: result.minCut.links } }).found).toBe(false);
  });

  it('lets link-disjoint routes change mode at the same place, but not place-disjoint ones', () => {
    const links = disjointRoutes(sharedTransfer, 's', 't', { k: 2 });
    expect(linkSets(links)).toEqual(['sp1 pt1', 'sp2 pt2']);
    expect(links.routes.map((r) => r.transfers.map((x) => x.place.id))).toEqual([['p'], ['p']]);
    expect(links.totalCost).toBe(3 + 5);

    const places = disjointRoutes(sharedTransfer, 's', 't', { k: 2, disjoint: 'places' });
    expect(linkSets(places)).toEqual(['sp1 pt1']);
    expect(places.maxDisjoint).toBe(1);
    expect(places.minCut).toEqual({ places: ['p'] });
    expect(places.fewerBecause).toBe('only 1 place-disjoint route joins S and T: losing place p leaves no route');
  });

  it('does not let a rail route and a road route share a place, even without a transfer there', () => {
    const links = disjointRoutes(twoModesThroughP, 's', 't', { k: 3 });
    expect(links.maxDisjoint).toBe(3);
    expect(links.totalCost).toBe(2 + 2 + 10);

    const places = disjointRoutes(twoModesThroughP, 's', 't', { k: 3, disjoint: 'places' });
    expect(places.maxDisjoint).toBe(2);
    expect(places.routes.map((r) => r.totals.hours)).toEqual([2, 10]);
    expect(places.totalCost).toBe(12);
    expect(places.minCut).toEqual({ places: ['p', 'q'] });
    expect(places.exact).toBe(true);
  });

  it('names a direct link in a place cut', () => {
    // No place removal stops the direct link S–T.
    const net = load(parseDrawnNetwork`
      s-----p-----t
      |           |
      +-----------+

      | link | id | mode | hours |
      | sp   | sp | road | 1     |
      | pt   | pt | road | 1     |
      | st   | st | road | 9     |
    `);
    const result = disjointRoutes(net, 's', 't', { k: 3, disjoint: 'places' });
    expect(linkSets(result)).toEqual(['sp pt', 'st']);
    expect(result.minCut).toEqual({ places: ['p'], links: ['st'] });
    expect(route(net, 's', 't', { avoid: { places: ['p'], links: ['st'] } }).found).toBe(false);
  });

  it('explains when there is no route at all, and rejects bad arguments by name', () => {
    const net = load(parseDrawnNetwork`
      a-----b   c

      | place | modes |
      | c     | road  |

      | link | id | mode | hours |
      | ab   | ab | road | 1     |
    `);
    const none = disjointRoutes(net, 'a', 'c');
    expect(none.routes).toEqual([]);
    expect(none.maxDisjoint).toBe(0);
    expect(none.fewerBecause).toMatch(/^no route joins A and C/);
    expect(() => disjointRoutes(trap, 's', 't', { k: 0 })).toThrow(ResilienceArgumentError);
    expect(() => disjointRoutes(trap, 's', 't', { disjoint: 'nodes' as 'links' })).toThrow(/disjointRoutes: disjoint is nodes/);
    expect(() => disjointRoutes(trap, 's', 's')).toThrow(/disjointRoutes: to is the same place/);
  });

  it('link-disjoint: count = independent max flow = brute-force smallest cut; routes and total cost optimal (random networks)', () => {
    const random = prng(99);
    let checked = 0;
    for (let trial = 0; trial < 50; trial++) {
      const net = loadNetwork(randomNetwork(random, 6, 10), { checkCountries: false });
      const s = `p${Math.floor(random() * 6)}`;
      const t = `p${Math.floor(random() * 6)}`;
      if (s === t) continue;
      const result = disjointRoutes(net, s, t, { k: 2 });
      expect(result.maxDisjoint).toBe(unitMaxFlow(net, s, t));
      expect(result.maxDisjoint).toBe(bruteForceLinkCut(net, s, t));
      expect(result.minCut.links!.length).toBe(result.maxDisjoint);
      expect(route(net, s, t, { avoid: { links: result.minCut.links } }).found).toBe(false);
      expect(result.routes.length).toBe(Math.min(2, result.maxDisjoint));
      const used = result.routes.flatMap((r) => r.links);
      expect(new Set(used).size).toBe(used.length);
      const routes = enumerateRoutes(net, s, t, false);
      if (result.routes.length === 2) expect(result.totalCost).toBeCloseTo(bestPairCost(routes, 'links'), 9);
      if (result.routes.length === 1) expect(result.totalCost).toBeCloseTo(Math.min(...routes.map((r) => r.cost)), 9);
      checked++;
    }
    expect(checked).toBeGreaterThan(35);
  });

  it('place-disjoint: count and total cost equal brute-force packings of all place-simple routes; the cut disconnects (random networks)', () => {
    const random = prng(5);
    let checked = 0;
    for (let trial = 0; trial < 120; trial++) {
      // Half the networks: rail and road side by side between most places, few tranship places, so
      // routes in different modes often meet at a place (what the branch and bound is for).
      const file = trial % 2 === 0 ? randomNetwork(random, 6, 11) : parallelCorridors(random, 6, 9);
      const net = loadNetwork(file, { checkCountries: false });
      const s = `p${Math.floor(random() * 6)}`;
      const t = `p${Math.floor(random() * 6)}`;
      if (s === t) continue;
      const k = 2 + (trial % 3 === 0 ? 1 : 0);
      const result = disjointRoutes(net, s, t, { k, disjoint: 'places' });
      const routes = enumerateRoutes(net, s, t, true);
      expect(result.maxDisjoint).toBe(largestPacking(routes));
      expect(result.routes.length).toBe(Math.min(k, result.maxDisjoint));
      expect(result.totalCost).toBeCloseTo(bestPackingCost(routes, result.routes.length), 9);
      const inner = result.routes.flatMap((r) => r.legs.flatMap((l) => [l.from.id, l.to.id])).filter((p) => p !== s && p !== t);
      const perRoute = result.routes.map((r) => new Set(r.legs.flatMap((l) => [l.from.id, l.to.id]).filter((p) => p !== s && p !== t)));
      expect(perRoute.reduce((n, set) => n + set.size, 0)).toBe(new Set(inner).size);
      const cut = result.minCut;
      const cutSize = (cut.places ?? []).length + (cut.links ?? []).length;
      expect(cutSize).toBeGreaterThanOrEqual(result.maxDisjoint);
      expect(result.note !== undefined).toBe(cutSize > result.maxDisjoint);
      if (result.maxDisjoint > 0) {
        expect(route(net, s, t, { avoid: { places: cut.places, links: cut.links } }).found).toBe(false);
        // Smallest: the two flow cuts are not minimal in theory (see smallestPlaceCut), but on these networks they are.
        expect(cutSize).toBe(bruteForcePlaceCut(net, s, t));
      }
      expect(result.exact).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(85);
  });
});

/** Places serving rail and road (a quarter can tranship); most pairs joined by a rail and a road link side by side. */
function parallelCorridors(random: () => number, placeCount: number, pairCount: number) {
  const places: DrawnPlace[] = Array.from({ length: placeCount }, (_, i) => ({
    id: `p${i}`, at: [i, Math.floor(random() * 5)], modes: ['rail', 'road'], tranship: random() < 0.25 ? 1 : undefined,
  }));
  const links: DrawnLink[] = [];
  for (let i = 0; i < pairCount; i++) {
    const a = Math.floor(random() * placeCount);
    const b = Math.floor(random() * placeCount);
    if (a === b) continue;
    const r = random();
    if (r < 0.9) links.push(rail(`r${i}`, `p${a}`, `p${b}`, 1 + Math.floor(random() * 5)));
    if (r > 0.1) links.push(road(`d${i}`, `p${a}`, `p${b}`, 1 + Math.floor(random() * 5)));
  }
  return drawNetwork(places, links);
}

describe('steppenet disjoint', () => {
  const file = writeNetworkFile(trapFile);
  it('prints the routes, the count and the cut', async () => {
    const table = await runCommand(disjointCommand, ['S', 'T', '--k', '3', '--network', file]);
    expect(table.code).toBe(0);
    expect(table.out).toContain('Link-disjoint routes S → T by time');
    expect(table.out).toContain('2 of 3 asked, total 8 h; at most 2 exist; smallest cut: link sa, link sb');
    expect(table.out).toContain('Fewer than 3: only 2 link-disjoint routes join S and T');
    const places = JSON.parse((await runCommand(disjointCommand, ['s', 't', '--places', '--format', 'json', '--network', file])).out);
    expect([places.disjoint, places.maxDisjoint, places.minCut.places]).toEqual(['places', 2, ['a', 'b']]);
    const csv = csvRecords((await runCommand(disjointCommand, ['s', 't', '--format', 'csv', '--network', file])).out);
    expect(csv.records.map((r) => [r.route, r.links])).toEqual([['1', 'sa at'], ['2', 'sb bt']]);
    const geo = JSON.parse((await runCommand(disjointCommand, ['s', 't', '--format', 'geojson', '--network', file])).out);
    expect(geo.features.filter((f: { properties: { kind: string } }) => f.properties.kind === 'leg')).toHaveLength(2);
  });

  it.each([
    [['s'], 'expected 2 arguments'],
    [['s', 't', '--k=-1'], '--k must be a positive whole number'],
    [['s', 't', '--by', 'speed'], '--by must be one of'],
    [['s', 't', '--mode', 'air'], 'unknown mode air'],
    [['s', 't', '--places', 'yes'], 'unexpected argument "yes"'],
    [['s', 't', '--format', 'xml'], '--format must be one of'],
    [['s', 's'], 'disjointRoutes: to is the same place as from'],
    [['s', 'qqq'], 'qqq'],
  ])('exits 2 with the usage for bad arguments: %j', async (argv, message) => {
    const { code, err } = await runCommand(disjointCommand, [...argv, '--network', file]);
    expect(code).toBe(2);
    expect(err).toContain(message);
    expect(err).toContain('usage: steppenet disjoint');
  });
});

/** Reference count: max flow on the compiled graph, each direction of a link capacity 1, everything else unlimited. */
function unitMaxFlow(net: Network, s: string, t: string): number {
  const c = compileNetwork(net);
  const g = c.graph;
  const capacity = Array.from({ length: g.edgeCount }, (_, e) => (c.stepOf(e).kind === 'link' ? 1 : Infinity));
  return maxFlow({ nodeCount: g.nodeCount, from: g.tail, to: g.head, capacity }, c.departNode(s), c.arriveNode(t)).value;
}

/** Reference cut: the fewest links whose loss leaves no route, by trying every set of 0, 1, 2, ... links. */
function bruteForceLinkCut(net: Network, s: string, t: string): number {
  const ids = net.links.map((l) => l.properties.id);
  for (let size = 0; size <= ids.length; size++) {
    let found = false;
    const choose = (start: number, chosen: string[]) => {
      if (found) return;
      if (chosen.length === size) {
        if (!route(net, s, t, { avoid: { links: chosen } }).found) found = true;
        return;
      }
      for (let i = start; i < ids.length; i++) choose(i + 1, [...chosen, ids[i]]);
    };
    choose(0, []);
    if (found) return size;
  }
  throw new Error('unreachable: removing every link disconnects');
}

/** Reference place cut: the fewest inner places and direct links whose loss leaves no route, trying every set. */
function bruteForcePlaceCut(net: Network, s: string, t: string): number {
  const inner = net.places.map((f) => f.properties.id).filter((id) => id !== s && id !== t);
  const direct = net.links.map((f) => f.properties).filter((l) => (l.from === s && l.to === t) || (l.from === t && l.to === s)).map((l) => l.id);
  const items = [...inner.map((id) => ({ place: id })), ...direct.map((id) => ({ link: id }))];
  let best = Infinity;
  for (let set = 0; set < 1 << items.length; set++) {
    const chosen = items.filter((_, i) => set & (1 << i));
    if (chosen.length >= best) continue;
    const places = chosen.flatMap((c) => ('place' in c ? [c.place] : []));
    const links = chosen.flatMap((c) => ('link' in c ? [c.link] : []));
    if (!route(net, s, t, { avoid: { places, links } }).found) best = chosen.length;
  }
  return best;
}

interface EnumeratedRoute {
  cost: number;
  links: Set<string>;
  /** Places passed between the two ends. */
  inner: Set<string>;
}

/**
 * Every route of the compiled graph from s to t with no node twice (and, with
 * placeSimple, never back to a place once left), by depth-first search.
 */
function enumerateRoutes(net: Network, s: string, t: string, placeSimple: boolean): EnumeratedRoute[] {
  const c = compileNetwork(net);
  const g = c.graph;
  const placeOf = new Map<number, string>();
  for (const f of net.places) {
    const id = f.properties.id;
    placeOf.set(c.departNode(id), id);
    placeOf.set(c.arriveNode(id), id);
    for (const m of MODES) if (c.modeNode(id, m) >= 0) placeOf.set(c.modeNode(id, m), id);
  }
  const out: EnumeratedRoute[] = [];
  const target = c.arriveNode(t);
  const onPath = new Set<number>([c.departNode(s)]);
  const left = new Set<string>();
  const links: string[] = [];
  const places: string[] = [];
  const walk = (v: number, cost: number) => {
    if (v === target) {
      out.push({ cost, links: new Set(links), inner: new Set(places.filter((p) => p !== s && p !== t)) });
      return;
    }
    for (let e = g.firstOut[v]; e < g.firstOut[v + 1]; e++) {
      const w = g.head[e];
      if (onPath.has(w)) continue;
      const here = placeOf.get(v)!;
      const there = placeOf.get(w)!;
      const move = there !== here;
      if (placeSimple && move && (left.has(there) || there === s)) continue;
      const step = c.stepOf(e);
      if (move) left.add(here);
      onPath.add(w);
      places.push(there);
      if (step.kind === 'link') links.push(step.link.id);
      walk(w, cost + g.weight[e]);
      if (step.kind === 'link') links.pop();
      places.pop();
      onPath.delete(w);
      if (move) left.delete(here);
    }
  };
  walk(c.departNode(s), 0);
  return out;
}

const disjointFrom = (a: EnumeratedRoute, b: EnumeratedRoute, by: 'links' | 'places') =>
  [...a.links].every((l) => !b.links.has(l)) && (by === 'links' || [...a.inner].every((p) => !b.inner.has(p)));

function bestPairCost(routes: EnumeratedRoute[], by: 'links' | 'places'): number {
  let best = Infinity;
  for (let i = 0; i < routes.length; i++) {
    for (let j = i + 1; j < routes.length; j++) {
      if (disjointFrom(routes[i], routes[j], by)) best = Math.min(best, routes[i].cost + routes[j].cost);
    }
  }
  return best;
}

/** Least total cost of `count` routes that pairwise share no link and no inner place (0 for none). */
function bestPackingCost(routes: EnumeratedRoute[], count: number): number {
  let best = count === 0 ? 0 : Infinity;
  const pick = (start: number, chosen: EnumeratedRoute[], cost: number) => {
    if (cost >= best) return;
    if (chosen.length === count) {
      best = cost;
      return;
    }
    for (let i = start; i < routes.length; i++) {
      if (chosen.every((c) => disjointFrom(routes[i], c, 'places'))) pick(i + 1, [...chosen, routes[i]], cost + routes[i].cost);
    }
  };
  pick(0, [], 0);
  return best;
}

/** The most routes that pairwise share no link and no inner place (exhaustive search). */
function largestPacking(routes: EnumeratedRoute[]): number {
  let best = 0;
  const pick = (start: number, chosen: EnumeratedRoute[]) => {
    best = Math.max(best, chosen.length);
    if (chosen.length + (routes.length - start) <= best) return;
    for (let i = start; i < routes.length; i++) {
      if (chosen.every((c) => disjointFrom(routes[i], c, 'places'))) pick(i + 1, [...chosen, routes[i]]);
    }
  };
  pick(0, []);
  return best;
}

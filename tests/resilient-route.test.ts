/**
 * resilientRoute(): a drawn network where the cheapest route runs into a dead
 * end with no way round while a slightly dearer one has a backup at every
 * link; penalties checked against brute-force removal on random networks.
 */
import { describe, expect, it } from 'vitest';
import { csvRecords } from './fixtures/csv-records.js';
import { ResilienceArgumentError } from '../src/analysis/compiled-index.js';
import { resilientRoute } from './fixtures/as-drawn.js';
import { resilientCommand } from '../src/cli/commands/resilient.js';
import { DijkstraQuery } from '../src/core/dijkstra.js';
import { loadNetwork } from '../src/model/load-network.js';
import type { Network } from '../src/model/network.js';
import type { NetworkFile } from '../src/model/types.js';
import { compileNetwork } from './fixtures/as-drawn.js';
import { route } from './fixtures/as-drawn.js';
import { parseDrawnNetwork } from './fixtures/parse-drawn-network.js';
import { prng, randomNetwork } from './fixtures/random-network.js';
import { writeNetworkFile } from './fixtures/run-command.js';
import { runCommand } from './fixtures/as-drawn.js';

const load = (file: NetworkFile) => loadNetwork(file, { checkCountries: false });

// Cheapest: A-B-D = 2 h; A-C-D = 2.5 h (cd1) or 2.7 h (cd2).
//
// En-route penalties (the traveller finds the link closed on reaching it):
//   A-B-D: ab closed at A → A-C-D 2.5: +0.5;  bd closed at B → back to A (1) + A-C-D (2.5): 1 + 3.5 − 2 = +2.5
//          penalty 2.5, score (λ=1) 4.5
//   A-C-D(cd1): ac closed at A → A-B-D 2 (cheaper: +0);  cd1 closed at C → cd2: +0.2.  penalty 0.2, score 2.7
//   A-C-D(cd2): ac → +0; cd2 closed at C → cd1 (cheaper): +0.     penalty 0,   score 2.7 (tie: the cheaper cd1 route wins)
// Two links leave A, so 2 link-disjoint routes.
const deadEndFile = parseDrawnNetwork`
  a-----b
  |     |
  |     |
  c-----d
  |     |
  +-----+

  | link | id  | mode | hours |
  | ab   | ab  | road | 1     |
  | bd   | bd  | road | 1     |
  | ac   | ac  | road | 1.5   |
  | cd   | cd1 | road | 1     |
  | cd   | cd2 | road | 1.2   |
`;
const deadEnd = load(deadEndFile);

describe('resilientRoute', () => {
  it('picks the slightly dearer route with a backup at λ = 1, the cheapest at λ = 0', () => {
    const resilient = resilientRoute(deadEnd, 'a', 'd', { lambda: 1 });
    expect(resilient.route.links).toEqual(['ac', 'cd1']);
    expect(resilient.penalty).toBeCloseTo(0.2, 12);
    expect(resilient.score).toBeCloseTo(2.7, 12);
    expect(resilient.candidates.map((c) => [c.links.join(' '), c.cost, round(c.penalty), round(c.score)])).toEqual([
      ['ab bd', 2, 2.5, 4.5],
      ['ac cd1', 2.5, 0.2, 2.7],
      ['ac cd2', 2.7, 0, 2.7],
    ]);
    expect(resilient.candidates[0].worstLink).toBe('bd');
    expect(resilient.linkDisjointRoutes).toBe(2);

    const cheapest = resilientRoute(deadEnd, 'a', 'd', { lambda: 0 });
    expect(cheapest.route.links).toEqual(['ab', 'bd']);
    expect(cheapest.score).toBe(2);
  });

  it('gives the backup for every link of the chosen route', () => {
    const cheapest = resilientRoute(deadEnd, 'a', 'd', { lambda: 0 });
    expect(cheapest.backups.map((b) => [b.link, b.penalty, b.backup.links.join(' '), b.backup.totals.hours])).toEqual([
      ['ab', 0.5, 'ac cd1', 2.5],
      ['bd', 2.5, 'ab ab ac cd1', 4.5], // to B, back to A, round by C
    ]);
  });

  it("with reroute 'origin' the cheapest route always scores best at λ = 1 (the other routes are its backups)", () => {
    const origin = resilientRoute(deadEnd, 'a', 'd', { reroute: 'origin' });
    expect(origin.candidates.map((c) => [round(c.penalty), round(c.score)])).toEqual([[0.5, 2.5], [0, 2.5], [0, 2.7]]);
    expect(origin.route.links).toEqual(['ab', 'bd']); // tie at 2.5: the cheaper route
    expect(origin.backups.map((b) => b.backup.links.join(' '))).toEqual(['ac cd1', 'ac cd1']);
  });

  it('weights penalties by failure probabilities when given', () => {
    // Only bd can fail (p = 0.1): A-B-D expects 0.1 × 2.5 = 0.25 extra, the others 0.
    const result = resilientRoute(deadEnd, 'a', 'd', { failureProbability: { bd: 0.1 } });
    expect(result.measure).toBe('expected');
    expect(result.candidates.map((c) => round(c.penalty))).toEqual([0.25, 0, 0]);
    expect(result.route.links).toEqual(['ab', 'bd']); // 2.25 < 2.5
    // The same p everywhere: A-B-D 0.1 × (0.5 + 2.5) = 0.3, A-C-D(cd1) 0.1 × 0.2 = 0.02.
    const everywhere = resilientRoute(deadEnd, 'a', 'd', { failureProbability: 0.1 });
    expect(everywhere.candidates.map((c) => round(c.penalty))).toEqual([0.3, 0.02, 0]);
    expect(everywhere.route.links).toEqual(['ab', 'bd']); // 2.3 < 2.52
  });

  it('chooses by cost and says so when every candidate can be cut off', () => {
    // B–C is a bridge: every route dies with it.
    const net = load(parseDrawnNetwork`
      a-----b-----c
      |     |
      +-----+

      | link | id  | mode | hours |
      | ab   | ab1 | road | 1     |
      | ab   | ab2 | road | 2     |
      | bc   | bc  | road | 1     |
    `);
    const result = resilientRoute(net, 'a', 'c');
    expect(result.candidates.map((c) => c.score)).toEqual([Infinity, Infinity]);
    expect(result.route.links).toEqual(['ab1', 'bc']);
    expect(result.note).toMatch(/chosen by cost/);
    expect(result.backups.map((b) => [b.link, b.penalty, b.backup.found])).toEqual([['ab1', 1, true], ['bc', Infinity, false]]);
    expect(result.linkDisjointRoutes).toBe(1);
    // With failure probabilities, a sure-to-hold bridge adds nothing.
    expect(resilientRoute(net, 'a', 'c', { failureProbability: { ab1: 0.5 } }).candidates.map((c) => c.penalty)).toEqual([0.5, 0]);
  });

  it('rejects bad arguments by name', () => {
    expect(() => resilientRoute(deadEnd, 'a', 'd', { lambda: -1 })).toThrow(ResilienceArgumentError);
    expect(() => resilientRoute(deadEnd, 'a', 'd', { lambda: NaN })).toThrow(/resilientRoute: lambda is NaN/);
    expect(() => resilientRoute(deadEnd, 'a', 'd', { k: 0 })).toThrow(/resilientRoute: k is 0/);
    expect(() => resilientRoute(deadEnd, 'a', 'd', { failureProbability: 2 })).toThrow(/failureProbability is 2/);
    expect(() => resilientRoute(deadEnd, 'a', 'd', { failureProbability: { xx: 0.1 } })).toThrow(/failureProbability\["xx"\] names no link/);
    expect(() => resilientRoute(deadEnd, 'a', 'd', { reroute: 'later' as 'origin' })).toThrow(/reroute is later/);
  });

  it('penalties equal brute-force removal, en-route and from the origin (random networks)', () => {
    const random = prng(31);
    let checked = 0;
    for (let trial = 0; trial < 30; trial++) {
      const file = randomNetwork(random, 8, 16);
      const net = load(file);
      const s = `p${Math.floor(random() * 8)}`;
      const t = `p${Math.floor(random() * 8)}`;
      if (s === t) continue;
      for (const reroute of ['en-route', 'origin'] as const) {
        const result = resilientRoute(net, s, t, { k: 4, reroute });
        if (!result.found) continue;
        const compiled = compileNetwork(net);
        for (const candidate of result.candidates) {
          // Candidates carry link ids only: rebuild the compiled edges over those links.
          const edges = edgesOf(compiled, s, candidate.links);
          expect(edges.reduce((sum, e) => sum + compiled.graph.weight[e], 0)).toBeCloseTo(candidate.cost, 9);
          const worst = Math.max(0, ...candidate.links.map((link) => bruteForcePenalty(file, net, s, t, edges, link, candidate.cost, reroute)));
          expect(candidate.penalty).toBeCloseTo(worst, 9);
          expect(candidate.score).toBeCloseTo(candidate.cost + worst, 9);
        }
        const chosen = result.candidates.find((c) => c.links.join() === result.route.links.join())!;
        expect(result.score).toBe(chosen.score);
        expect(Math.min(...result.candidates.map((c) => c.score))).toBe(result.score);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });
});

describe('steppenet resilient', () => {
  const file = writeNetworkFile(deadEndFile);
  it('prints the candidates, the choice and the backups', async () => {
    const table = await runCommand(resilientCommand, ['A', 'D', '--network', file]);
    expect(table.code).toBe(0);
    expect(table.out).toContain('Chosen: road A–C–D — cost 2.5 h, penalty 0.2, score 2.7');
    expect(table.out).toContain('2 link-disjoint routes join the two places.');
    expect(table.out).toMatch(/2\s+2\.5\s+0\.2\s+2\.7\s+cd1\s+←\s+road A–C–D/);
    const cheapest = JSON.parse((await runCommand(resilientCommand, ['a', 'd', '--lambda', '0', '--format', 'json', '--network', file])).out);
    expect(cheapest.route.links).toEqual(['ab', 'bd']);
    expect(cheapest.backups[1].backup.links).toEqual(['ab', 'ab', 'ac', 'cd1']);
    const csv = csvRecords((await runCommand(resilientCommand, ['a', 'd', '--format', 'csv', '--network', file])).out);
    expect(csv.header.slice(0, 6)).toEqual(['rank', 'time_hours', 'penalty_time_hours', 'score_time_hours', 'worst_link', 'chosen']);
    const chosen = resilientRoute(loadNetwork(file), 'a', 'd', { by: 'time' }).candidates.find((c) => c.rank === 2)!;
    expect(csv.records[1]).toMatchObject({ rank: '2', worst_link: 'cd1', chosen: 'true', links: chosen.links.join(' ') });
    expect([csv.records[1].time_hours, csv.records[1].penalty_time_hours, csv.records[1].score_time_hours].map(Number)).toEqual([chosen.cost, chosen.penalty, chosen.score]);
    const geo = JSON.parse((await runCommand(resilientCommand, ['a', 'd', '--format', 'geojson', '--network', file])).out);
    expect(geo.features.filter((f: { properties: { role: string } }) => f.properties.role === 'backup').length).toBeGreaterThan(0);
    const origin = JSON.parse((await runCommand(resilientCommand, ['a', 'd', '--reroute', 'origin', '--format', 'json', '--network', file])).out);
    expect(origin.route.links).toEqual(['ab', 'bd']);
    const expected = JSON.parse((await runCommand(resilientCommand, ['a', 'd', '--failure-probability', '0.1', '--format', 'json', '--network', file])).out);
    expect(expected.measure).toBe('expected');
  });

  it.each([
    [['a'], 'expected 2 arguments'],
    [['a', 'd', '--k', '0'], '--k must be a positive whole number'],
    [['a', 'd', '--lambda=-1'], '--lambda must be a number >= 0'],
    [['a', 'd', '--lambda', 'x'], '--lambda must be a number >= 0'],
    [['a', 'd', '--reroute', 'later'], '--reroute must be one of en-route, origin'],
    [['a', 'd', '--failure-probability', '1.5'], '--failure-probability must be a probability in [0, 1]'],
    [['a', 'd', '--by', 'speed'], '--by must be one of'],
    [['a', 'd', '--mode', 'air'], 'unknown mode air'],
    [['a', 'd', '--format', 'xml'], '--format must be one of'],
    [['a', 'a'], 'resilientRoute: to is the same place as from'],
  ])('exits 2 with the usage for bad arguments: %j', async (argv, message) => {
    const { code, err } = await runCommand(resilientCommand, [...argv, '--network', file]);
    expect(code).toBe(2);
    expect(err).toContain(message);
    expect(err).toContain('usage: steppenet resilient');
  });
});

const round = (n: number) => Math.round(n * 1e9) / 1e9;

/**
 * Compiled edges of the cheapest way over exactly these links in this order,
 * from s: walks the links, adding the cheapest transfer where the mode changes.
 */
function edgesOf(compiled: ReturnType<typeof compileNetwork>, s: string, links: string[]): number[] {
  const g = compiled.graph;
  const edges: number[] = [];
  let at = s;
  let node = compiled.departNode(s);
  for (const id of links) {
    const link = compiled.network.link(id)!.properties;
    const next = link.from === at ? link.to : link.from;
    const entry = compiled.modeNode(at, link.mode);
    if (node !== entry) {
      // access (at the start) or a transfer edge into the link's mode
      let e = -1;
      for (let x = g.firstOut[node]; x < g.firstOut[node + 1]; x++) if (g.head[x] === entry) e = x;
      edges.push(e);
    }
    const edge = compiled.edgesOfLink(id).find((e) => g.tail[e] === entry)!;
    edges.push(edge);
    node = g.head[edge];
    at = next;
  }
  return edges;
}

/** The penalty of losing `link` for a route over `edges`, by building the network without the link and routing again. */
function bruteForcePenalty(file: NetworkFile, net: Network, s: string, t: string, edges: number[], link: string, cost: number, reroute: 'en-route' | 'origin'): number {
  const without = load({ ...file, features: file.features.filter((f) => f.properties.id !== link) });
  if (reroute === 'origin') {
    const detour = route(without, s, t, { algorithm: 'dijkstra' });
    return detour.found ? Math.max(0, detour.totals.weight - cost) : Infinity;
  }
  // En-route: the route's cost up to the link, then the best way on from the link's start, in the link's mode.
  const compiled = compileNetwork(net);
  let prefix = 0;
  let startPlace = '';
  for (const e of edges) {
    const step = compiled.stepOf(e);
    if (step.kind === 'link' && step.link.id === link) {
      startPlace = step.from;
      break;
    }
    prefix += compiled.graph.weight[e];
  }
  const reduced = compileNetwork(without);
  const from = reduced.modeNode(startPlace, net.link(link)!.properties.mode);
  const on = new DijkstraQuery(reduced.graph).route(from, reduced.arriveNode(t));
  return on.found ? Math.max(0, prefix + on.cost - cost) : Infinity;
}

/**
 * alternatives(): drawn networks with known answers (parallel rail and road
 * links, a route that would come back to a place in another mode, a chain of
 * transfers that repeats the same links), and random networks checked against
 * a brute-force enumeration of every place-simple route.
 */
import { describe, expect, it } from 'vitest';
import { csvRecords } from './fixtures/csv-records.js';
import { alternatives } from './fixtures/as-drawn.js';
import { alternativesCommand } from '../src/cli/commands/alternatives.js';
import { ResilienceArgumentError } from '../src/analysis/compiled-index.js';
import { kShortestPaths } from '../src/core/k-shortest-paths.js';
import { loadNetwork } from '../src/model/load-network.js';
import type { NetworkFile } from '../src/model/types.js';
import { compileNetwork } from './fixtures/as-drawn.js';
import { parseDrawnNetwork } from './fixtures/parse-drawn-network.js';
import { prng, randomNetwork } from './fixtures/random-network.js';
import { writeNetworkFile } from './fixtures/run-command.js';
import { runCommand } from './fixtures/as-drawn.js';

const load = (file: NetworkFile) => loadNetwork(file, { checkCountries: false });

// A serves rail and road but cannot tranship; B can (1 h).
// Place-simple routes A → D:  rail A–B, transfer, road B–D = 2+1+1 = 4
//                             road A–B, road B–D           = 3+1   = 4
//                             road A–C, road C–D           = 5+2   = 7
// The compiled graph also has A|rail → B|rail → B|road → A|road → C → D
// (2+1+3+5+2 = 13 h): no node twice, but it comes back to A, so it is not a route.
const squareFile = parseDrawnNetwork`
  +-----+
  |     |
  a-----b
  |     |
  |     |
  c-----d

  | place | tranship |
  | b     | 1        |

  | link | id      | mode | hours |
  | ab   | ab-rail | rail | 2     |
  | ab   | ab-road | road | 3     |
  | ac   | ac      | road | 5     |
  | bd   | bd      | road | 1     |
  | cd   | cd      | road | 2     |
`;
const square = load(squareFile);

describe('alternatives', () => {
  it('lists the parallel rail and road links as two routes, then the way round', () => {
    const result = alternatives(square, 'a', 'd', { k: 3 });
    expect(result.found).toBe(true);
    expect(result.routes.map((r) => r.totals.hours)).toEqual([4, 4, 7]);
    expect(result.routes.map((r) => r.links.join(' ')).sort()).toEqual(['ab-rail bd', 'ab-road bd', 'ac cd']);
    expect(result.reason).toBeUndefined();
  });

  it('never returns a route that comes back to a place in another mode, and says when fewer than k exist', () => {
    // Yen on the compiled graph does find the 13 h route through A twice ...
    const compiled = compileNetwork(square);
    const raw = kShortestPaths(compiled.graph, compiled.departNode('a'), compiled.arriveNode('d'), 10);
    expect(raw.map((p) => p.cost)).toEqual([4, 4, 7, 13]);
    // ... alternatives drops it.
    const result = alternatives(square, 'a', 'd', { k: 10 });
    expect(result.routes.map((r) => r.totals.hours)).toEqual([4, 4, 7]);
    expect(result.reason).toBe('only 3 routes that never pass a place twice exist');
  });

  // Two routes: x1+py = 1+1+1 = 3 and x2+py = 2+1+1 = 4. Changing rail → river → road at P
  // (2 transfers) gives a dearer way over the same links: the same route, listed once.
  it('counts routes over the same links in the same order once', () => {
    const net = load(parseDrawnNetwork`
      +-----+
      |     |
      x-----p-----y

      | place | modes           | tranship |
      | p     | rail road river | 1        |

      | link | id | mode | hours |
      | xp   | x1 | rail | 1     |
      | xp   | x2 | rail | 2     |
      | py   | py | road | 1     |
    `);
    const result = alternatives(net, 'x', 'y', { k: 5 });
    expect(result.routes.map((r) => [r.links.join(' '), r.totals.hours, r.transfers.length])).toEqual([['x1 py', 3, 1], ['x2 py', 4, 1]]);
    expect(result.examined).toBe(4); // two routes, each also with the two-transfer chain
  });

  it('keeps only reasonable alternatives when asked: within the stretch, not mostly shared', () => {
    // Stretch 1.2 of 4 h allows 4.8 h: the 7 h route goes. The two 4 h routes share bd
    // (1 h of 4 h = 25 %), so with maxShared 0.2 the second one goes too.
    expect(alternatives(square, 'a', 'd', { k: 3, reasonable: { maxStretch: 1.2 } }).routes.map((r) => r.totals.hours)).toEqual([4, 4]);
    const strict = alternatives(square, 'a', 'd', { k: 3, reasonable: { maxStretch: 2, maxShared: 0.2 } });
    expect(strict.routes.map((r) => r.totals.hours)).toEqual([4, 7]);
    expect(strict.reason).toMatch(/pass the reasonable-alternative filter/);
  });

  it('reports no route with the reason, and rejects bad arguments by name', () => {
    const cut = load(parseDrawnNetwork`
      a-----b   c

      | place | modes |
      | c     | road  |

      | link | id | mode | hours |
      | ab   | ab | road | 1     |
    `);
    const none = alternatives(cut, 'a', 'c');
    expect(none.found).toBe(false);
    expect(none.routes).toEqual([]);
    expect(none.reason).toMatch(/C/);
    expect(() => alternatives(square, 'a', 'd', { k: 0 })).toThrow(ResilienceArgumentError);
    expect(() => alternatives(square, 'a', 'd', { k: 1.5 })).toThrow(/alternatives: k is 1.5/);
    expect(() => alternatives(square, 'a', 'a')).toThrow(/alternatives: to is the same place/);
  });

  it('equals a brute-force enumeration of all place-simple routes (random networks)', () => {
    const random = prng(2024);
    let compared = 0;
    for (let trial = 0; trial < 60; trial++) {
      const net = load(randomNetwork(random, 7, 12));
      const s = `p${Math.floor(random() * 7)}`;
      const t = `p${Math.floor(random() * 7)}`;
      if (s === t) continue;
      const k = 1 + Math.floor(random() * 6);
      const expected = bruteForceRouteCosts(net, s, t);
      const result = alternatives(net, s, t, { k });
      expect(result.routes.length).toBe(Math.min(k, expected.length));
      result.routes.forEach((r, i) => expect(r.totals.weight).toBeCloseTo(expected[i], 9));
      // Every route really is place-simple and the routes differ in their links.
      for (const r of result.routes) {
        const places = [s, ...r.legs.flatMap((leg) => placesAlong(net, leg.from.id, leg.links))];
        expect(new Set(places).size).toBe(places.length);
      }
      expect(new Set(result.routes.map((r) => r.links.join(' '))).size).toBe(result.routes.length);
      compared++;
    }
    expect(compared).toBeGreaterThan(40);
  });
});

describe('steppenet alternatives', () => {
  const file = writeNetworkFile(squareFile);
  it('prints the routes as a table, JSON, CSV or GeoJSON', async () => {
    const table = await runCommand(alternativesCommand, ['A', 'D', '--network', file]);
    expect(table.code).toBe(0);
    expect(table.out).toContain('Alternatives A → D by time');
    expect(table.out).toContain('road A–C–D');
    const json = JSON.parse((await runCommand(alternativesCommand, ['a', 'd', '--k', '2', '--format', 'json', '--network', file])).out);
    expect(json.routes.map((r: { totals: { hours: number } }) => r.totals.hours)).toEqual([4, 4]);
    expect(json.routes[0].edges).toBeUndefined();
    const csv = csvRecords((await runCommand(alternativesCommand, ['a', 'd', '--format', 'csv', '--network', file])).out);
    expect(csv.header).toEqual(['rank', 'time_hours', 'km', 'hours', 'usd_per_t', 'legs', 'links']);
    expect(csv.records.map((r) => [r.rank, r.time_hours])).toEqual([['1', '4'], ['2', '4'], ['3', '7']]);
    const geo = JSON.parse((await runCommand(alternativesCommand, ['a', 'd', '--format', 'geojson', '--network', file])).out);
    expect(new Set(geo.features.map((f: { properties: { alternative: number } }) => f.properties.alternative))).toEqual(new Set([1, 2, 3]));
    const reasonable = await runCommand(alternativesCommand, ['a', 'd', '--reasonable', '--network', file]);
    expect(reasonable.out).not.toContain('road A–C–D'); // 7 h is more than 1.5 × 4 h
  });

  it.each([
    [['a'], 'expected 2 arguments'],
    [['a', 'd', '--k', '0'], '--k must be a positive whole number'],
    [['a', 'd', '--k', 'two'], '--k must be a positive whole number'],
    [['a', 'd', '--by', 'speed'], '--by must be one of'],
    [['a', 'd', '--mode', 'air'], 'unknown mode air'],
    [['a', 'd', '--format', 'xml'], '--format must be one of table, json, csv, geojson'],
    [['a', 'd', '--colour', 'red'], "Unknown option '--colour'"],
    [['a', 'zzz'], 'zzz'],
    [['a', 'a'], 'alternatives: to is the same place as from'],
  ])('exits 2 with the usage for bad arguments: %j', async (argv, message) => {
    const { code, err } = await runCommand(alternativesCommand, [...argv, '--network', file]);
    expect(code).toBe(2);
    expect(err).toContain(message);
    expect(err).toContain('usage: steppenet alternatives');
  });
});

/** The places a run of links visits after `start`, following each link from the end it is entered at. */
function placesAlong(net: ReturnType<typeof load>, start: string, links: string[]): string[] {
  const out: string[] = [];
  let at = start;
  for (const id of links) {
    const l = net.link(id)!.properties;
    at = l.from === at ? l.to : l.from;
    out.push(at);
  }
  return out;
}

/**
 * Reference: depth-first search over the compiled graph from the depart node
 * to the arrive node, never entering a place it has already left (moves
 * inside one place — access, transfers — are fine, no node twice). The cost of
 * each distinct link sequence is its cheapest way; all costs, sorted.
 */
function bruteForceRouteCosts(net: ReturnType<typeof load>, s: string, t: string): number[] {
  const compiled = compileNetwork(net);
  const g = compiled.graph;
  const placeOf = new Map<number, string>();
  for (const f of net.places) {
    const id = f.properties.id;
    placeOf.set(compiled.departNode(id), id);
    placeOf.set(compiled.arriveNode(id), id);
    for (const m of ['rail', 'road', 'river'] as const) if (compiled.modeNode(id, m) >= 0) placeOf.set(compiled.modeNode(id, m), id);
  }
  const best = new Map<string, number>();
  const target = compiled.arriveNode(t);
  const onPath = new Set<number>();
  const left = new Set<string>();
  const links: string[] = [];
  const walk = (v: number, cost: number) => {
    if (v === target) {
      const key = links.join(' ');
      best.set(key, Math.min(best.get(key) ?? Infinity, cost));
      return;
    }
    for (let e = g.firstOut[v]; e < g.firstOut[v + 1]; e++) {
      const w = g.head[e];
      if (onPath.has(w)) continue;
      const here = placeOf.get(v)!;
      const there = placeOf.get(w)!;
      if (there !== here && left.has(there)) continue;
      if (there !== here && there === s) continue;
      const step = compiled.stepOf(e);
      if (there !== here) left.add(here);
      onPath.add(w);
      if (step.kind === 'link') links.push(step.link.id);
      walk(w, cost + g.weight[e]);
      if (step.kind === 'link') links.pop();
      onPath.delete(w);
      if (there !== here) left.delete(here);
    }
  };
  onPath.add(compiled.departNode(s));
  walk(compiled.departNode(s), 0);
  return [...best.values()].sort((a, b) => a - b);
}

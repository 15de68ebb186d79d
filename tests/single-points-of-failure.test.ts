/**
 * singlePointsOfFailure(): a drawn network with known bridges and
 * articulation points per mode and for all modes, and random networks
 * checked against brute force (remove each link / place, count pieces).
 */
import { describe, expect, it } from 'vitest';
import { csvRecords } from './fixtures/csv-records.js';
import { ResilienceArgumentError } from '../src/analysis/compiled-index.js';
import { singlePointsOfFailure, type FailureView } from '../src/analysis/single-points-of-failure.js';
import { spofCommand } from '../src/cli/commands/spof.js';
import { loadNetwork } from '../src/model/load-network.js';
import type { Network } from '../src/model/network.js';
import type { Mode } from '../src/model/types.js';
import { parseDrawnNetwork } from './fixtures/parse-drawn-network.js';
import { prng, randomNetwork } from './fixtures/random-network.js';
import { runCommand, writeNetworkFile } from './fixtures/run-command.js';

// D and E serve road only; A, B, C rail and road (as their links); X, road only, has no link.
//
// rail view (A, B, C):     bridges ab-rail, bc (each cuts off 1 place); articulation point B (cuts off 1)
// road view (A–E, X):      3 pieces: {A, B}, {C, D, E}, {X}; bridges ab-road (1), cd (1: C); articulation point D (1)
// all modes:               ab-rail ∥ ab-road are parallel: no bridge. bc cuts off {A, B} (2), cd cuts off {D, E} (2);
//                          de1 ∥ de2. Articulation points: C (2), B (1: A), D (1: E)
const file = parseDrawnNetwork`
  a-----b-----c-----d-----e


                            x

  | place | modes |
  | x     | road  |

  | link | id      | mode | hours |
  | ab   | ab-rail | rail | 1     |
  | bc   | bc      | rail | 1     |
  | ab   | ab-road | road | 1     |
  | cd   | cd      | road | 1     |
  | de   | de1     | road | 1     |
  | de   | de2     | road | 1     |
`;
const net = loadNetwork(file, { checkCountries: false });

const brief = (v: FailureView) => ({
  places: v.places,
  links: v.links,
  components: v.components,
  bridges: v.bridges.map((b) => [b.link, b.cutsOff]),
  articulationPoints: v.articulationPoints.map((a) => [a.place, a.cutsOff]),
});

describe('singlePointsOfFailure', () => {
  it('finds the bridges and articulation points of each mode and of all modes together', () => {
    const result = singlePointsOfFailure(net, { modes: ['rail', 'road'] });
    expect(result.views.map((v) => v.view)).toEqual(['rail', 'road', 'all']);
    const [rail, road, all] = result.views.map(brief);
    expect(rail).toEqual({ places: 3, links: 2, components: 1, bridges: [['ab-rail', 1], ['bc', 1]], articulationPoints: [['b', 1]] });
    expect(road).toEqual({ places: 6, links: 4, components: 3, bridges: [['ab-road', 1], ['cd', 1]], articulationPoints: [['d', 1]] });
    expect(all).toEqual({ places: 6, links: 6, components: 2, bridges: [['bc', 2], ['cd', 2]], articulationPoints: [['c', 2], ['b', 1], ['d', 1]] });
  });

  it('lists the places each one cuts off, smallest pieces first', () => {
    const all = singlePointsOfFailure(net, { modes: ['rail', 'road'] }).views[2];
    expect(all.bridges.map((b) => [b.link, b.pieces])).toEqual([['bc', [['a', 'b']]], ['cd', [['d', 'e']]]]);
    const c = all.articulationPoints.find((a) => a.place === 'c')!;
    expect(c.pieces).toHaveLength(1); // {A, B} and {D, E} tie: one is "the rest", the other is cut off
    expect([['a', 'b'], ['d', 'e']]).toContainEqual(c.pieces[0]);
    expect(all.articulationPoints.find((a) => a.place === 'b')!.pieces).toEqual([['a']]);
    expect(all.bridges[0].name).toBe('B – C');
  });

  it('leaves out links that cannot be used (a closed checkpoint, an abolished line)', () => {
    const file = parseDrawnNetwork`
      a-----b-----c

      | place | country |
      | b     | KZ      |
      | c     | KZ      |

      | link | id  | mode | hours | wait | checkpoint | status    |
      | ab   | ab1 | road | 1     | 1    |            |           |
      | ab   | ab2 | road | 1     | 1    | closed     |           |
      | bc   | bc1 | road | 1     |      |            |           |
      | bc   | bc2 | road | 1     |      |            | abolished |
    `;
    const view = singlePointsOfFailure(loadNetwork(file, { checkCountries: false }), { modes: ['road'] }).views[0];
    expect(brief(view).bridges).toEqual([['ab1', 1], ['bc1', 1]]);
    expect(view.links).toBe(2);
  });

  it('rejects an unknown mode by name', () => {
    expect(() => singlePointsOfFailure(net, { modes: ['air' as Mode] })).toThrow(ResilienceArgumentError);
    expect(() => singlePointsOfFailure(net, { modes: ['air' as Mode] })).toThrow(/singlePointsOfFailure: modes has unknown mode air/);
  });

  it('equals brute force: remove each link and each place, count the pieces (random networks)', () => {
    const random = prng(77);
    for (let trial = 0; trial < 40; trial++) {
      const network = loadNetwork(randomNetwork(random, 9, 11 + Math.floor(random() * 8)), { checkCountries: false });
      const result = singlePointsOfFailure(network, { modes: ['rail', 'road'] });
      for (const view of result.views) {
        const modes: Mode[] = view.view === 'all' ? ['rail', 'road'] : [view.view];
        const expected = bruteForce(network, modes);
        expect(view.components).toBe(expected.components);
        expect(Object.fromEntries(view.bridges.map((b) => [b.link, b.cutsOff]))).toEqual(expected.bridges);
        expect(Object.fromEntries(view.articulationPoints.map((a) => [a.place, a.cutsOff]))).toEqual(expected.articulationPoints);
        for (const b of view.bridges) expect(b.pieces.flat().length).toBe(b.cutsOff);
      }
    }
  });
});

describe('steppenet spof', () => {
  const path = writeNetworkFile(file);
  it('prints every view, or one', async () => {
    const every = await runCommand(spofCommand, ['--network', path]);
    expect(every.code).toBe(0);
    expect(every.out).toContain('rail: 3 places, 2 links, 1 piece; 2 bridges, 1 articulation point');
    expect(every.out).toContain('river: 0 places, 0 links, 0 pieces; 0 bridges, 0 articulation points');
    expect(every.out).toContain('All modes: 6 places, 6 links, 2 pieces; 2 bridges, 3 articulation points');
    const all = JSON.parse((await runCommand(spofCommand, ['--mode', 'all', '--format', 'json', '--network', path])).out);
    expect(all.views.map((v: FailureView) => v.view)).toEqual(['all']);
    const rail = csvRecords((await runCommand(spofCommand, ['--mode', 'rail', '--format', 'csv', '--network', path])).out).records;
    expect(rail.map((r) => [r.view, r.kind, r.id])).toEqual([['rail', 'link', 'ab-rail'], ['rail', 'link', 'bc'], ['rail', 'place', 'b']]);
    expect(rail.every((r) => Number(r.places_cut_off) === r.cut_off_ids.split(' ').length)).toBe(true);
    const geo = JSON.parse((await runCommand(spofCommand, ['--mode', 'road', '--format', 'geojson', '--network', path])).out);
    expect(geo.features.map((f: { geometry: { type: string } }) => f.geometry.type)).toEqual(['LineString', 'LineString', 'Point']);
  });

  it.each([
    [['--mode', 'air'], '--mode must be one of rail, road, river, all'],
    [['--mode', 'every'], '--mode must be one of rail, road, river, all'],
    [['--format', 'xml'], '--format must be one of'],
    [['extra'], 'unexpected argument "extra"'],
    [['--by', 'time'], "Unknown option '--by'"],
  ])('exits 2 with the usage for bad arguments: %j', async (argv, message) => {
    const { code, err } = await runCommand(spofCommand, [...argv, '--network', path]);
    expect(code).toBe(2);
    expect(err).toContain(message);
    expect(err).toContain('usage: steppenet spof');
  });
});

/**
 * Reference: the places serving one of `modes`, the links of those modes. A
 * link is a bridge when removing it leaves more pieces; it cuts off the
 * smaller of the two. A place is an articulation point when removing it
 * leaves more pieces; it cuts off all but the largest of them.
 */
function bruteForce(network: Network, modes: Mode[]) {
  const places = network.places.map((f) => f.properties).filter((p) => p.modes.some((m) => modes.includes(m))).map((p) => p.id);
  const links = network.links.map((f) => f.properties).filter((l) => modes.includes(l.mode));
  const pieces = (skipLink: string | null, skipPlace: string | null): string[][] => {
    const parent = new Map(places.map((p) => [p, p]));
    const find = (p: string): string => (parent.get(p) === p ? p : find(parent.get(p)!));
    for (const l of links) {
      if (l.id === skipLink || l.from === skipPlace || l.to === skipPlace) continue;
      parent.set(find(l.from), find(l.to));
    }
    const groups = new Map<string, string[]>();
    for (const p of places) if (p !== skipPlace) groups.set(find(p), [...(groups.get(find(p)) ?? []), p]);
    return [...groups.values()];
  };
  const intact = pieces(null, null);
  const componentOf = (p: string) => intact.find((g) => g.includes(p))!;
  const bridges: Record<string, number> = {};
  for (const l of links) {
    const after = pieces(l.id, null);
    if (after.length > intact.length) {
      const split = after.filter((g) => g.includes(l.from) || g.includes(l.to)).map((g) => g.length);
      bridges[l.id] = Math.min(...split);
    }
  }
  const articulationPoints: Record<string, number> = {};
  for (const p of places) {
    const after = pieces(null, p);
    if (after.length > intact.length) {
      const own = componentOf(p);
      const split = after.filter((g) => own.includes(g[0])).map((g) => g.length);
      articulationPoints[p] = split.reduce((a, b) => a + b, 0) - Math.max(...split);
    }
  }
  return { components: intact.length, bridges, articulationPoints };
}

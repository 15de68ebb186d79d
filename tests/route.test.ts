import { describe, expect, it } from 'vitest';
import { loadNetwork } from '../src/model/load-network.js';
import type { NetworkFile } from '../src/model/types.js';
import { route, type RouteOptions } from '../src/routing/route.js';
import { UnknownPlaceError } from '../src/places/unknown-place-error.js';
import { parseDrawnNetwork } from './fixtures/parse-drawn-network.js';
import { routeRow, titled, type RouteRow } from './fixtures/route-row.js';

const load = (file: NetworkFile) => loadNetwork(file, { checkCountries: false });

interface RouteCase { from: string; to: string; options?: RouteOptions; expected: Partial<RouteRow> }

describe('route: transfers only where goods can tranship', () => {
  // M serves rail and road but cannot tranship; B can (1 h).
  const net = load(parseDrawnNetwork`
    +-----------+
    |           |
    a-----m-----b
          |     |
          d-----+

    | place | tranship |
    | b     | 1        |

    | link | id       | mode | hours | line | road |
    | am   | a-m-rail | rail | 1     | L1   |      |
    | mb   | m-b-rail | rail | 1     | L1   |      |
    | ab   | a-b-road | road | 5     |      | R-1  |
    | md   | m-d-road | road | 1     |      | R-2  |
    | db   | d-b-road | road | 1     |      | R-3  |
  `);

  it.each(titled<RouteCase>([
    // By rail to B, transfer there (1 h), the road back to D: 4 h, not 2 h via M.
    { from: 'a', to: 'd', options: { by: 'time' }, expected: { links: ['a-m-rail', 'm-b-rail', 'd-b-road'], hours: 4, transfers: ['b rail>road'], legs: ['rail a-b', 'road b-d'] } },
    // Road alone: A–B 5 h, then B–D 1 h; 6 h of driving in one truck takes a 45 min break after 4.5 h (AETR Art. 7).
    { from: 'a', to: 'd', options: { modes: ['road'] }, expected: { links: ['a-b-road', 'd-b-road'], hours: 6.75, transfers: [] } },
    // Parallel rail and road links stay distinct.
    { from: 'a', to: 'b', options: { modes: ['rail'] }, expected: { links: ['a-m-rail', 'm-b-rail'] } },
    { from: 'a', to: 'b', options: { modes: ['road'] }, expected: { links: ['a-b-road'] } },
    // A leg ends at the via stop even though the mode stays road: B → D, then D → B.
    { from: 'a', to: 'b', options: { via: ['d'] }, expected: { links: ['a-m-rail', 'm-b-rail', 'd-b-road', 'd-b-road'], legs: ['rail a-b', 'road b-d', 'road d-b'] } },
  ]))('%s', (_, { from, to, options, expected }) => {
    const r = route(net, from, to, options);
    expect(r.found).toBe(true);
    expect(routeRow(r)).toMatchObject(expected);
  });

  it('names each leg by its line or road, and its running hours', () => {
    const r = route(net, 'a', 'd', { by: 'time' });
    expect(r.legs.map((l) => [l.mode, l.from.id, l.to.id, l.hours, l.name])).toEqual([
      ['rail', 'a', 'b', 2, 'L1'],
      ['road', 'b', 'd', 1, 'R-3'],
    ]);
  });

  it('splits the road-only hours into driving and the AETR rest', () => {
    expect(route(net, 'a', 'd', { modes: ['road'] }).totals.hoursBreakdown).toEqual({ driving: 6, rest: 0.75, waiting: 0, transfer: 0, running: 0 });
  });

  it('lists the via stops', () => {
    expect(route(net, 'a', 'b', { via: ['d'] }).via.map((p) => p.id)).toEqual(['d']);
  });
});

describe('route: border crossings', () => {
  // Q–R is a border checkpoint: wait 3 h into KZ, 7 h out; S–U another, 1 h either way. Z's rail link is abolished.
  const net = load(parseDrawnNetwork`
    z
    |
    p---q---r---s---u
    |               |
    +---------------+

    | place | kind       | country |
    | q     | checkpoint |         |
    | r     | checkpoint | KZ      |
    | s     |            | KZ      |

    | link | mode | hours | wait | status    |
    | pq   | road | 1     |      |           |
    | qr   | road | 0.5   | 3/7  |           |
    | rs   | road | 1     |      |           |
    | su   | road | 1     | 1/1  |           |
    | pu   | road | 20    |      |           |
    | pz   | rail | 1     |      | abolished |
  `);

  it.each(titled<RouteCase>([
    // A checkpoint wait counts once per crossing, in the direction travelled.
    { from: 'p', to: 's', expected: { hours: 1 + 0.5 + 3 + 1, crossings: ['cp-q-r'], countries: ['RU', 'KZ'] } },
    { from: 's', to: 'p', expected: { hours: 1 + 7 + 0.5 + 1 } },
    // Through KZ and back is faster than the 20 h road…
    { from: 'p', to: 'u', expected: { hours: 7.5, crossings: ['cp-q-r', 'cp-s-u'], countries: ['RU', 'KZ', 'RU'] } },
    // …unless KZ, a place, a checkpoint or a link on the way is avoided.
    { from: 'p', to: 'u', options: { avoid: { countries: ['KZ'] } }, expected: { links: ['p-u'], countries: ['RU'] } },
    { from: 'p', to: 'u', options: { avoid: { places: ['r'] } }, expected: { links: ['p-u'] } },
    { from: 'p', to: 'u', options: { avoid: { checkpoints: ['cp-s-u'] } }, expected: { links: ['p-u'] } },
    { from: 'p', to: 'u', options: { avoid: { links: ['r-s'] } }, expected: { links: ['p-u'] } },
  ]))('%s', (_, { from, to, options, expected }) => {
    const r = route(net, from, to, options);
    expect(r.found).toBe(true);
    expect(routeRow(r)).toMatchObject(expected);
  });

  it('describes the crossing: checkpoint, link, mode, countries, wait and regime', () => {
    expect(route(net, 'p', 's').crossings).toEqual([{ checkpoint: 'cp-q-r', name: 'Checkpoint q-r', link: 'q-r', mode: 'road', from: 'RU', to: 'KZ', waitHours: 3, regime: 'multilateral' }]);
  });

  it('does not use a closed checkpoint, nor a local crossing for freight; one under reconstruction stays usable', () => {
    const closed = load(parseDrawnNetwork`
      p-----k
      | place | country |
      | k     | KZ      |
      | link | id    | mode | hours | wait | checkpoint |
      | pk   | shut  | road | 1     | 1    | closed     |
      | pk   | local | road | 2     | 1    | local      |
    `);
    const r = route(closed, 'p', 'k');
    expect(r.found).toBe(false);
    expect(r.reason).toMatch(/shut \(checkpoint Checkpoint shut closed\)/);
    expect(route(closed, 'p', 'k', { localCrossings: true }).links).toEqual(['local']);
    const works = load(parseDrawnNetwork`
      p-----k
      | place | country |
      | k     | KZ      |
      | link | id   | mode | hours | wait | checkpoint     |
      | pk   | slow | road | 1     | 5    | reconstruction |
    `);
    expect(route(works, 'p', 'k').totals.hours).toBe(6);
  });

  it.each(titled<Omit<RouteCase, 'expected'> & { reason: string }>([
    // Dropping either constraint alone would restore a route, so both are named.
    { from: 'p', to: 'u', options: { avoid: { checkpoints: ['cp-q-r'], links: ['p-u'] } }, reason: 'avoiding checkpoints cp-q-r; links p-u disconnects P from U' },
    { from: 'p', to: 'u', options: { avoid: { countries: ['KZ'], links: ['p-u'] } }, reason: 'U is isolated in road: its links are unusable: s-u (s in avoided country KZ), p-u (avoided)' },
    { from: 'p', to: 'z', reason: 'Z is isolated in rail: its links are unusable: p-z (status abolished)' },
    { from: 'q', to: 'p', options: { modes: ['rail'] }, reason: 'Q serves road only; allowed modes: rail' },
    { from: 'p', to: 's', options: { avoid: { countries: ['KZ'] } }, reason: 'S is itself excluded: in avoided country KZ' },
  ]))('answers found: false with a reason, never an exception: %s', (_, { from, to, options, reason }) => {
    const r = route(net, from, to, options);
    expect(r.found).toBe(false);
    expect(r.totals.hours).toBe(Infinity);
    expect(r.reason).toBe(reason);
  });

  it('throws UnknownPlaceError with suggestions for a name it does not know', () => {
    expect(() => route(net, 'p', 'uu-x')).toThrow(UnknownPlaceError);
  });
});

describe('route: objectives', () => {
  // Two roads from A to B: "fast" 100 km in 1 h (motorway), "short" 60 km in 3 h (dirt).
  const net = load(parseDrawnNetwork`
    a-----b
    | link | id    | mode | hours | km  |
    | ab   | fast  | road | 1     | 100 |
    | ab   | short | road | 3     | 60  |
  `);

  it.each(titled<RouteCase>([
    { from: 'a', to: 'b', options: { by: 'time' }, expected: { links: ['fast'] } },
    { from: 'a', to: 'b', options: { by: 'distance' }, expected: { links: ['short'] } },
    // generalized = 0.07 USD/tkm × km + VOT × hours: fast 7 + VOT, short 4.2 + 3 VOT; equal at VOT 1.4.
    { from: 'a', to: 'b', options: { by: 'generalized', cost: { valueOfTimePerTonneHour: 2 } }, expected: { links: ['fast'] } },
    { from: 'a', to: 'b', options: { by: 'generalized', cost: { valueOfTimePerTonneHour: 0.5 } }, expected: { links: ['short'] } },
    // Every algorithm gives the same answer.
    ...(['dijkstra', 'bidirectional', 'astar'] as const).map((algorithm) => ({ from: 'a', to: 'b', options: { by: 'distance' as const, algorithm }, expected: { links: ['short'] } })),
  ]))('%s', (_, { from, to, options, expected }) => {
    expect(routeRow(route(net, from, to, options))).toMatchObject(expected);
  });

  it('prices the short link by cost', () => {
    expect(route(net, 'a', 'b', { by: 'cost' }).totals.cost).toBeCloseTo(60 * 0.07);
  });
});

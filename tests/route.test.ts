import { describe, expect, it } from 'vitest';
import { loadNetwork } from '../src/model/load-network.js';
import { route } from '../src/routing/route.js';
import { UnknownPlaceError } from '../src/places/unknown-place-error.js';
import { drawNetwork } from './fixtures/drawn-network.js';

const load = (file: ReturnType<typeof drawNetwork>) => loadNetwork(file, { checkCountries: false });

describe('route: transfers only where goods can tranship', () => {
  //   A ══rail 1h══ M ══rail 1h══ B         M cannot tranship; B can (1 h)
  //   A ──────────road 5h──────── B
  //                 M ──road 1h── D ──road 1h── B
  const net = load(drawNetwork(
    [
      { id: 'a', at: [0, 0], modes: ['rail', 'road'] },
      { id: 'm', at: [1, 0], modes: ['rail', 'road'] },
      { id: 'b', at: [2, 0], modes: ['rail', 'road'], tranship: 1 },
      { id: 'd', at: [1, -1], modes: ['road'] },
    ],
    [
      { id: 'a-m-rail', from: 'a', to: 'm', mode: 'rail', hours: 1, line: 'L1' },
      { id: 'm-b-rail', from: 'm', to: 'b', mode: 'rail', hours: 1, line: 'L1' },
      { id: 'a-b-road', from: 'a', to: 'b', mode: 'road', hours: 5, road: 'R-1' },
      { id: 'm-d-road', from: 'm', to: 'd', mode: 'road', hours: 1, road: 'R-2' },
      { id: 'd-b-road', from: 'd', to: 'b', mode: 'road', hours: 1, road: 'R-3' },
    ],
  ));

  it('goes by rail to B, transfers there (1 h), and takes the road back to D: 4 h, not 2 h via M', () => {
    const r = route(net, 'a', 'd', { by: 'time' });
    expect(r.found).toBe(true);
    expect(r.links).toEqual(['a-m-rail', 'm-b-rail', 'd-b-road']);
    expect(r.totals.hours).toBe(4);
    expect(r.transfers.map((t) => [t.place.id, t.fromMode, t.toMode])).toEqual([['b', 'rail', 'road']]);
    expect(r.legs.map((l) => [l.mode, l.from.id, l.to.id, l.hours, l.name])).toEqual([
      ['rail', 'a', 'b', 2, 'L1'],
      ['road', 'b', 'd', 1, 'R-3'],
    ]);
  });

  it('uses the road alone when only road is allowed: A–B road 5 h, then B–D 1 h, with the AETR break after 4.5 h', () => {
    const r = route(net, 'a', 'd', { modes: ['road'] });
    expect(r.links).toEqual(['a-b-road', 'd-b-road']);
    // 6 h of driving in one truck: a 45 min break after 4.5 h (AETR Art. 7), so 6.75 h.
    expect(r.totals.hours).toBe(6.75);
    expect(r.totals.hoursBreakdown).toEqual({ driving: 6, rest: 0.75, waiting: 0, transfer: 0, running: 0 });
    expect(r.transfers).toEqual([]);
  });

  it('keeps parallel rail and road links distinct', () => {
    expect(route(net, 'a', 'b', { modes: ['rail'] }).links).toEqual(['a-m-rail', 'm-b-rail']);
    expect(route(net, 'a', 'b', { modes: ['road'] }).links).toEqual(['a-b-road']);
  });

  it('honours via', () => {
    const r = route(net, 'a', 'b', { via: ['d'] });
    expect(r.via.map((p) => p.id)).toEqual(['d']);
    expect(r.links).toEqual(['a-m-rail', 'm-b-rail', 'd-b-road', 'd-b-road']);
    // A leg ends at the via stop even though the mode stays road: B → D, then D → B.
    expect(r.legs.map((l) => [l.mode, l.from.id, l.to.id])).toEqual([['rail', 'a', 'b'], ['road', 'b', 'd'], ['road', 'd', 'b']]);
  });
});

describe('route: border crossings', () => {
  //   P(RU) ──1h── Q(RU) ══0.5h, wait 3h → / 7h ←══ R(KZ) ──1h── S(KZ) ══1h, wait 1h/1h══ U(RU)
  //   P ───────────────────────────────20h──────────────────────────────────────────────── U
  //   P ══rail 1h, abolished══ Z(RU)
  const net = load(drawNetwork(
    [
      { id: 'p', at: [0, 0], modes: ['road', 'rail'] },
      { id: 'q', at: [1, 0], modes: ['road'], kind: 'checkpoint' },
      { id: 'r', at: [2, 0], modes: ['road'], kind: 'checkpoint', country: 'KZ' },
      { id: 's', at: [3, 0], modes: ['road'], country: 'KZ' },
      { id: 'u', at: [4, 0], modes: ['road'] },
      { id: 'z', at: [0, 1], modes: ['rail'] },
    ],
    [
      { id: 'p-q', from: 'p', to: 'q', mode: 'road', hours: 1 },
      { id: 'q-r', from: 'q', to: 'r', mode: 'road', hours: 0.5, wait: [3, 7] },
      { id: 'r-s', from: 'r', to: 's', mode: 'road', hours: 1 },
      { id: 's-u', from: 's', to: 'u', mode: 'road', hours: 1, wait: [1, 1] },
      { id: 'p-u', from: 'p', to: 'u', mode: 'road', hours: 20 },
      { id: 'p-z', from: 'p', to: 'z', mode: 'rail', hours: 1, status: 'abolished' },
    ],
  ));

  it('counts a checkpoint wait once per crossing, in the direction travelled', () => {
    const there = route(net, 'p', 's');
    expect(there.totals.hours).toBe(1 + 0.5 + 3 + 1);
    expect(there.crossings).toEqual([{ checkpoint: 'cp-q-r', name: 'Checkpoint q-r', link: 'q-r', mode: 'road', from: 'RU', to: 'KZ', waitHours: 3, regime: 'multilateral' }]);
    expect(there.countries).toEqual(['RU', 'KZ']);
    const back = route(net, 's', 'p');
    expect(back.totals.hours).toBe(1 + 7 + 0.5 + 1);
  });

  it('crosses twice through KZ when that is faster, and avoids KZ when asked', () => {
    const through = route(net, 'p', 'u');
    expect(through.totals.hours).toBe(7.5);
    expect(through.crossings.map((c) => c.checkpoint)).toEqual(['cp-q-r', 'cp-s-u']);
    expect(through.countries).toEqual(['RU', 'KZ', 'RU']);
    const avoiding = route(net, 'p', 'u', { avoid: { countries: ['KZ'] } });
    expect(avoiding.links).toEqual(['p-u']);
    expect(avoiding.countries).toEqual(['RU']);
  });

  it('honours avoided places, links and checkpoints', () => {
    expect(route(net, 'p', 'u', { avoid: { places: ['r'] } }).links).toEqual(['p-u']);
    expect(route(net, 'p', 'u', { avoid: { checkpoints: ['cp-s-u'] } }).links).toEqual(['p-u']);
    expect(route(net, 'p', 'u', { avoid: { links: ['r-s'] } }).links).toEqual(['p-u']);
  });

  it('does not use a closed checkpoint, nor a local crossing for freight; one under reconstruction stays usable', () => {
    const closed = load(drawNetwork(
      [{ id: 'p', at: [0, 0], modes: ['road'] }, { id: 'k', at: [1, 0], modes: ['road'], country: 'KZ' }],
      [
        { id: 'shut', from: 'p', to: 'k', mode: 'road', hours: 1, wait: [1, 1], checkpointStatus: 'closed' },
        { id: 'local', from: 'p', to: 'k', mode: 'road', hours: 2, wait: [1, 1], checkpointKind: 'local' },
      ],
    ));
    const r = route(closed, 'p', 'k');
    expect(r.found).toBe(false);
    expect(r.reason).toMatch(/shut \(checkpoint Checkpoint shut closed\)/);
    expect(route(closed, 'p', 'k', { localCrossings: true }).links).toEqual(['local']);
    const works = loadNetwork(drawNetwork(
      [{ id: 'p', at: [0, 0], modes: ['road'] }, { id: 'k', at: [1, 0], modes: ['road'], country: 'KZ' }],
      [{ id: 'slow', from: 'p', to: 'k', mode: 'road', hours: 1, wait: [5, 5], checkpointStatus: 'reconstruction' }],
    ), { checkCountries: false });
    expect(route(works, 'p', 'k').totals.hours).toBe(6);
  });

  it('answers found: false with a reason, never an exception', () => {
    const cut = route(net, 'p', 'u', { avoid: { checkpoints: ['cp-q-r'], links: ['p-u'] } });
    expect(cut.found).toBe(false);
    expect(cut.totals.hours).toBe(Infinity);
    // Dropping either constraint alone would restore a route, so both are named.
    expect(cut.reason).toBe('avoiding checkpoints cp-q-r; links p-u disconnects P from U');

    const cornered = route(net, 'p', 'u', { avoid: { countries: ['KZ'], links: ['p-u'] } });
    expect(cornered.reason).toBe('U is isolated in road: its links are unusable: s-u (s in avoided country KZ), p-u (avoided)');

    const isolated = route(net, 'p', 'z');
    expect(isolated.found).toBe(false);
    expect(isolated.reason).toBe('Z is isolated in rail: its links are unusable: p-z (status abolished)');

    const wrongMode = route(net, 'q', 'p', { modes: ['rail'] });
    expect(wrongMode.reason).toBe('Q serves road only; allowed modes: rail');

    const avoidedEnd = route(net, 'p', 's', { avoid: { countries: ['KZ'] } });
    expect(avoidedEnd.reason).toBe('S is itself excluded: in avoided country KZ');
  });

  it('throws UnknownPlaceError with suggestions for a name it does not know', () => {
    expect(() => route(net, 'p', 'uu-x')).toThrow(UnknownPlaceError);
  });
});

describe('route: objectives', () => {
  //   A ──road 100 km, 1 h (motorway)── B
  //   A ──road  60 km, 3 h (dirt)────── B
  const net = load(drawNetwork(
    [{ id: 'a', at: [0, 0], modes: ['road'] }, { id: 'b', at: [1, 0], modes: ['road'] }],
    [
      { id: 'fast', from: 'a', to: 'b', mode: 'road', hours: 1, km: 100 },
      { id: 'short', from: 'a', to: 'b', mode: 'road', hours: 3, km: 60 },
    ],
  ));

  it('picks the fast link by time and the short link by distance and by cost', () => {
    expect(route(net, 'a', 'b', { by: 'time' }).links).toEqual(['fast']);
    expect(route(net, 'a', 'b', { by: 'distance' }).links).toEqual(['short']);
    expect(route(net, 'a', 'b', { by: 'cost' }).totals.cost).toBeCloseTo(60 * 0.07);
  });

  it('lets a query override the value of time in the generalized cost', () => {
    // generalized = 0.07 USD/tkm × km + VOT × hours: fast 7 + VOT, short 4.2 + 3 VOT; equal at VOT 1.4.
    expect(route(net, 'a', 'b', { by: 'generalized', cost: { valueOfTimePerTonneHour: 2 } }).links).toEqual(['fast']);
    expect(route(net, 'a', 'b', { by: 'generalized', cost: { valueOfTimePerTonneHour: 0.5 } }).links).toEqual(['short']);
  });

  it('gives the same answer with every algorithm', () => {
    for (const algorithm of ['dijkstra', 'bidirectional', 'astar'] as const) {
      expect(route(net, 'a', 'b', { by: 'distance', algorithm }).links).toEqual(['short']);
    }
  });
});

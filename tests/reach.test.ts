import { describe, expect, it } from 'vitest';
import type { Position } from 'geojson';
import { greatCircleKm } from '../src/core/geodesic.js';
import { reach, ReachArgumentError } from '../src/analysis/reach.js';
import { loadNetwork } from '../src/model/load-network.js';
import { UnknownPlaceError } from '../src/places/unknown-place-error.js';
import { reachPlacesCsv } from '../src/present/reach-csv.js';
import { reachToGeoJSON } from '../src/present/reach-geojson.js';
import { parseDrawnNetwork } from './fixtures/parse-drawn-network.js';
import { runSteppenet } from './fixtures/run-command.js';

describe('reach on a drawn network', () => {
  // Rail only (no drivers' rests): A–B 20 h, B–C 10 h. E–F is a line of its own, never reached from A.
  const net = loadNetwork(parseDrawnNetwork`
    a-------b-------c

    e-------f

    | link | mode | hours |
    | ab   | rail | 20    |
    | bc   | rail | 10    |
    | ef   | rail | 1     |
  `, { checkCountries: false });
  const at = (id: string) => net.place(id)!.geometry.coordinates;
  const along = (p: Position, q: Position, x: number) => [p[0] + x * (q[0] - p[0]), p[1] + x * (q[1] - p[1])];

  it('cuts a 10 h link entered at 20 h with a 24 h limit at 40 % of its length', () => {
    const r = reach(net, 'a', { hours: 24 });
    expect(r.places.map((p) => [p.place.id, p.hours, p.band])).toEqual([['a', 0, 24], ['b', 20, 24]]);
    const bc = r.links.find((l) => l.link === 'b-c')!;
    expect(bc).toMatchObject({ band: 24, fromFraction: 0, toFraction: 0.4, fromHours: 20, toHours: 24, whole: false });
    const [start, end] = [bc.geometry.coordinates[0], bc.geometry.coordinates.at(-1)!];
    expect(start[0]).toBeCloseTo(at('b')[0], 6);
    expect(start[1]).toBeCloseTo(at('b')[1], 6);
    // 40 % of the way along the great circle from B to C: within 2 m of the straight 40 % point (the arc bulges north by ~1.5 m).
    const cut = along(at('b'), at('c'), 0.4);
    expect(end[0]).toBeCloseTo(cut[0], 5);
    expect(end[1]).toBeCloseTo(cut[1], 4);
    expect(greatCircleKm(start[0], start[1], end[0], end[1]) / greatCircleKm(...at('b'), ...at('c'))).toBeCloseTo(0.4, 5);
    // A–B is reached whole: one piece, the link's own geometry.
    expect(r.links.find((l) => l.link === 'a-b')).toMatchObject({ whole: true, fromHours: 0, toHours: 20, geometry: net.link('a-b')!.geometry });
  });

  it('gives nested bands: each piece lies within its band and beyond the one below', () => {
    const r = reach(net, 'a', { hours: [24, 12] });
    expect(r.bands).toEqual([12, 24]);
    expect(r.links.map((l) => [l.link, l.band, l.fromFraction, l.toFraction, l.fromHours, l.toHours])).toEqual([
      ['a-b', 12, 0, 0.6, 0, 12],
      ['a-b', 24, 0.6, 1, 12, 20],
      ['b-c', 24, 0, 0.4, 20, 24],
    ]);
    expect(r.places.map((p) => [p.place.id, p.band])).toEqual([['a', 12], ['b', 24]]);
  });

  it('leaves out a place it cannot reach, and its links', () => {
    const r = reach(net, 'a', { hours: 1000 });
    expect(r.places.map((p) => p.place.id)).toEqual(['a', 'b', 'c']);
    expect(r.links.map((l) => l.link)).not.toContain('e-f');
    expect(r.unreachedPlaces).toBe(2);
    // From E, only E–F.
    expect(reach(net, 'e', { hours: 24 }).places.map((p) => p.place.id)).toEqual(['e', 'f']);
  });

  it('reaches a two-way link from both ends up to where the times run out', () => {
    // X–Y and X–Z 1 h each, Y–Z 10 h: in 4 h, 3 h of Y–Z from each end.
    const triangle = loadNetwork(parseDrawnNetwork`
      x-----y
      |     |
      +-----z

      | link | mode | hours |
      | xy   | rail | 1     |
      | xz   | rail | 1     |
      | yz   | rail | 10    |
    `, { checkCountries: false });
    const r = reach(triangle, 'x', { hours: 4 });
    const yz = r.links.filter((l) => l.link === 'y-z').map((l) => [l.fromFraction, l.toFraction, l.fromHours, l.toHours]);
    expect(yz).toHaveLength(2);
    expect(yz[0][0]).toBe(0);
    expect(yz[0][1]).toBeCloseTo(0.3, 12);
    expect(yz[0].slice(2)).toEqual([1, 4]);
    expect(yz[1][0]).toBeCloseTo(0.7, 12);
    expect(yz[1].slice(1)).toEqual([1, 4, 1]);
    // In 12 h the two ends meet: the link is reached whole, one piece.
    expect(reach(triangle, 'x', { hours: 12 }).links.filter((l) => l.link === 'y-z')).toMatchObject([{ whole: true, fromHours: 1, toHours: 1 }]);
  });

  it('writes GeoJSON pieces and places, and a CSV with unit-named columns', () => {
    const r = reach(net, 'a', { hours: [12, 24] });
    const g = reachToGeoJSON(net, r);
    expect(g.features.map((f) => [f.geometry.type, f.properties!.kind])).toEqual([
      ['LineString', 'link'], ['LineString', 'link'], ['LineString', 'link'], ['Point', 'place'], ['Point', 'place'],
    ]);
    expect(reachPlacesCsv(r).split('\n')).toEqual([
      'origin_id,place_id,place,country,time_hours,band_hours',
      'a,a,A,RU,0,12',
      'a,b,B,RU,20,24',
    ]);
  });

  it('buffers the reached links into one area per band when asked', () => {
    const r = reach(net, 'a', { hours: [12, 24], areas: { speedKmh: 10, maxHours: 1 } });
    expect(r.areas!.map((a) => [a.band, a.geometry.type])).toEqual([[12, 'Polygon'], [24, 'Polygon']]);
    expect(reach(net, 'a', { hours: 24 }).areas).toBeUndefined();
  });

  it('refuses bad limits and unknown places with input errors', () => {
    for (const hours of [0, -1, Number.NaN, Infinity, [], [12, 12]] as unknown as number[]) {
      expect(() => reach(net, 'a', { hours }), JSON.stringify(hours)).toThrow(ReachArgumentError);
    }
    expect(() => reach(net, 'nowhere', { hours: 1 })).toThrow(UnknownPlaceError);
    expect(() => reach(net, 'a', { hours: 1, by: 'cost' } as never)).toThrow(ReachArgumentError);
  });
});

describe('steppenet reach on the bundled network', () => {
  it('reach Pavlodar --hours 24 --format geojson is RFC 7946 with cut links', async () => {
    const { code, out, err } = await runSteppenet(['reach', 'Pavlodar', '--hours', '24', '--format', 'geojson']);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    const g = JSON.parse(out);
    expect(g.type).toBe('FeatureCollection');
    expect(g).not.toHaveProperty('crs');
    const positions: Position[] = [];
    for (const f of g.features) {
      expect(f.type).toBe('Feature');
      if (f.geometry.type === 'Point') positions.push(f.geometry.coordinates);
      else if (f.geometry.type === 'LineString') {
        expect(f.geometry.coordinates.length).toBeGreaterThanOrEqual(2);
        positions.push(...f.geometry.coordinates);
      } else throw new Error(`unexpected geometry ${f.geometry.type}`);
    }
    for (const [lon, lat] of positions) {
      expect(lon).toBeGreaterThanOrEqual(-180);
      expect(lon).toBeLessThanOrEqual(180);
      expect(lat).toBeGreaterThanOrEqual(-90);
      expect(lat).toBeLessThanOrEqual(90);
    }
    const cut = g.features.filter((f: { properties: { kind: string; whole?: boolean } }) => f.properties.kind === 'link' && !f.properties.whole);
    expect(cut.length).toBeGreaterThan(0);
    // Every cut piece ends (or starts, entered from its to end) at 24 h.
    for (const f of cut) expect([f.properties.fromHours, f.properties.toHours]).toContain(24);
    expect(g.features.find((f: { properties: { kind: string; id?: string } }) => f.properties.kind === 'place' && f.properties.id === 'pavlodar').properties.hours).toBe(0);
  });

  it('a bad --hours is a usage error', async () => {
    const { code, err } = await runSteppenet(['reach', 'Pavlodar', '--hours', '24,x']);
    expect(code).toBe(2);
    expect(err).toMatch(/--hours takes positive numbers of hours/);
  });
});

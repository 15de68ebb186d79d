import { describe, expect, it } from 'vitest';
import { CoordinateError, parseCoordinateQuery, splitPlaceList } from '../src/places/coordinate-query.js';
import { loadNetwork } from '../src/model/load-network.js';
import { NoPlaceNearbyError } from '../src/model/no-place-nearby-error.js';
import { route } from '../src/routing/route.js';
import { runSteppenet } from './fixtures/run-command.js';

describe('parseCoordinateQuery: places given as coordinates', () => {
  it.each([
    ['54.98,73.37', { lat: 54.98, lon: 73.37 }],
    ['54.98, 73.37', { lat: 54.98, lon: 73.37 }],
    ['  54.98 73.37 ', { lat: 54.98, lon: 73.37 }],
    ['54.98;73.37', { lat: 54.98, lon: 73.37 }],
    ['54,98 73,37', { lat: 54.98, lon: 73.37 }],
    ['54,98; 73,37', { lat: 54.98, lon: 73.37 }],
    ['55,73', { lat: 55, lon: 73 }],
    ['-33.9,+18.4', { lat: -33.9, lon: 18.4 }],
    ['.5,-.25', { lat: 0.5, lon: -0.25 }],
    ['latlon:54.98,73.37', { lat: 54.98, lon: 73.37 }],
    ['lonlat:73.37,54.98', { lat: 54.98, lon: 73.37 }],
    ['LonLat: 73.37 54.98', { lat: 54.98, lon: 73.37 }],
    ['90,180', { lat: 90, lon: 180 }],
  ])('reads %j as lat %o', (text, expected) => {
    expect(parseCoordinateQuery(text)).toEqual(expected);
  });

  it.each(['Omsk', 'st-ozinki', 'M-32', '54.98', '54.98,73.37,10', '54,98,73,37', 'Omsk 2', '', '1e3,5'])('leaves %j to the names', (text) => {
    expect(parseCoordinateQuery(text)).toBeUndefined();
  });

  it.each([
    ['94.98,73.37', /latitude 94\.98 is out of range/],
    ['54.98,193.37', /longitude 193\.37 is out of range/],
    // lonlat: the first number is the longitude, so 73.37 is no latitude problem, 154.98 is.
    ['lonlat:73.37,154.98', /latitude 154\.98 is out of range.*lonlat/],
    ['lonlat:Omsk', /must be followed by two numbers/],
  ])('refuses %j with INVALID_COORDINATES', (text, message) => {
    let error: unknown;
    try {
      parseCoordinateQuery(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CoordinateError);
    expect((error as CoordinateError).code).toBe('INVALID_COORDINATES');
    expect((error as Error).message).toMatch(message);
  });

  it('splits a place list keeping a coordinate pair whole', () => {
    expect(splitPlaceList('Omsk,54.98,73.37, Pavlodar')).toEqual(['Omsk', '54.98,73.37', 'Pavlodar']);
    expect(splitPlaceList('lonlat:73.37,54.98,Semey')).toEqual(['lonlat:73.37,54.98', 'Semey']);
    expect(splitPlaceList('Orsk|54.98 73.37', ',|')).toEqual(['Orsk', '54.98 73.37']);
    expect(splitPlaceList(' , Omsk,,')).toEqual(['Omsk']);
  });
});

describe('coordinates wherever a place is accepted', () => {
  const network = loadNetwork();

  it('snaps in resolvePlaceQuery, the one place names are resolved, and says how far', () => {
    const { place, snapped } = network.resolvePlaceQuery('54.98,73.37');
    expect(place.properties.name).toBe('Omsk');
    expect(snapped?.query).toBe('54.98,73.37');
    expect(snapped?.km).toBeGreaterThan(0.5);
    expect(snapped?.km).toBeLessThan(1.5);
    expect(network.resolvePlaceQuery('Omsk').snapped).toBeUndefined();
  });

  it('beyond the limit, names the nearest place and its distance (NO_PLACE_NEARBY)', () => {
    // 44.98° N 73.37° E lies in the Betpak-Dala, far from every place.
    expect(() => network.resolvePlace('44.98,73.37')).toThrow(NoPlaceNearbyError);
    expect(() => network.resolvePlace('44.98,73.37')).toThrow(/the nearest place that serves the modes, .* is \d+\.\d km from 44\.98,73\.37 \(lat,lon\), beyond the limit of 50 km/);
    expect(() => network.resolvePlace('44.98,73.37')).toThrow(expect.objectContaining({ code: 'NO_PLACE_NEARBY' }));
    expect(network.resolvePlaceQuery('44.98,73.37', { snapKm: 500 }).snapped!.km).toBeGreaterThan(50);
  });

  it('route() names the snapped places in its result; the Router snaps only to places of its modes', () => {
    const r = route(network, '54.98,73.37', 'Pavlodar');
    expect(r.from.name).toBe('Omsk');
    expect(r.snapped).toEqual([{ query: '54.98,73.37', place: { id: 'omsk', name: 'Omsk', country: 'RU' }, km: expect.any(Number) }]);
    expect(r.totals).toEqual(route(network, 'Omsk', 'Pavlodar').totals);
    expect(route(network, 'Omsk', 'Pavlodar').snapped).toBeUndefined();
    // The proposed hub by Omsk (55.03° N 73.33° E) has only planned rail links: by rail a query there snaps to a place with open rail.
    const rail = route(network, 'lonlat:73.33,55.03', 'Pavlodar', { modes: ['rail'] });
    expect(rail.snapped?.[0].place.id).not.toBe('hub-omsk-pavlodar');
    expect(() => route(network, 'Omsk', 'Pavlodar', { snapKm: -1 })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('steppenet route "54.98,73.37" Pavlodar names the snapped place (Omsk)', async () => {
    const { code, out, err } = await runSteppenet(['route', '54.98,73.37', 'Pavlodar']);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(out.split('\n').slice(0, 2)).toEqual(['Omsk → Pavlodar by time (scenario current, freight transit)', 'Snapped: 54.98,73.37 → Omsk (1.0 km)']);
    const json = JSON.parse((await runSteppenet(['route', 'Omsk', 'lonlat:76.97,52.29', '--format', 'json'])).out) as { to: { name: string }; snapped: { place: { name: string } }[] };
    expect([json.to.name, json.snapped[0].place.name]).toEqual(['Pavlodar', 'Pavlodar']);
  });

  it('reaches the analyses through resolvePlace (alternatives from coordinates) and --via in the CLI', async () => {
    const via = await runSteppenet(['route', 'Orenburg', 'Aktobe', '--via', '51.2,58.6']);
    expect(via.code).toBe(0);
    expect(via.out).toMatch(/Orenburg → Aktobe via Orsk/);
    const alt = await runSteppenet(['alternatives', '54.98,73.37', 'Pavlodar']);
    expect(alt.code).toBe(0);
    expect(alt.out).toContain('Omsk');
  });

  it('a bad coordinate is a usage error (exit 2) with its code in the message, no stack trace', async () => {
    const { code, err } = await runSteppenet(['route', '94.98,73.37', 'Pavlodar']);
    expect(code).toBe(2);
    expect(err).toMatch(/^steppenet route: "94\.98,73\.37": latitude 94\.98 is out of range/);
    expect(err).not.toContain('    at ');
  });
});

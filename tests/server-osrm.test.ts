import { Validator } from '@seriousme/openapi-schema-validator';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { greatCircleKm } from '../src/core/geodesic.js';
import { loadNetwork } from '../src/model/load-network.js';
import { route } from '../src/routing/route.js';
import { buildServer } from '../src/server/app.js';
import { httpErrorOf } from '../src/server/http-error.js';
import { decodePolyline, encodePolyline } from '../src/server/osrm/polyline.js';

const network = loadNetwork();
const OMSK: [number, number] = [73.37, 54.98];
const PAVLODAR: [number, number] = [76.95, 52.29];
const UST_KAMENOGORSK: [number, number] = [82.63, 49.95];
const coords = (...points: [number, number][]) => points.map((p) => p.join(',')).join(';');
const placeAt = (id: string) => network.place(id)!.geometry.coordinates;

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildServer({ network, logger: false });
});
afterAll(() => app.close());

const get = async (url: string) => {
  const res = await app.inject({ method: 'GET', url });
  return { status: res.statusCode, body: res.json() };
};
const post = async (url: string, payload: unknown) => {
  const res = await app.inject({ method: 'POST', url, payload: payload as object });
  return { status: res.statusCode, body: res.json() };
};

/** Within OSRM's rounding to one decimal. */
const near = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(0.05 + 1e-9);

describe('GET /route/v1 (OSRM route service)', () => {
  it('routes Omsk → Pavlodar by road in metres and seconds, as route() does, with the snapped waypoints', async () => {
    const { status, body } = await get(`/route/v1/road/${coords(OMSK, PAVLODAR)}?overview=full&geometries=geojson`);
    expect(status).toBe(200);
    expect(body.code).toBe('Ok');
    const expected = route(network, 'Omsk', 'Pavlodar', { modes: ['road'] });
    const [r] = body.routes;
    near(r.distance, expected.totals.km * 1000);
    near(r.duration, expected.totals.hours * 3600);
    expect(r.weight_name).toBe('duration');
    expect(r.legs).toHaveLength(1);
    expect(r.legs[0]).toMatchObject({ distance: r.distance, duration: r.duration, summary: '', steps: [] });
    expect(r.geometry.type).toBe('LineString');
    expect(r.geometry.coordinates[0]).toEqual(placeAt('omsk'));
    expect(r.geometry.coordinates.at(-1)).toEqual(placeAt('pavlodar'));
    expect(body.waypoints.map((w: { name: string }) => w.name)).toEqual(['Omsk', 'Pavlodar']);
    body.waypoints.forEach((w: { hint: string; location: number[]; distance: number }, i: number) => {
      const input = [OMSK, PAVLODAR][i];
      expect(Object.keys(w).sort()).toEqual(['distance', 'hint', 'location', 'name']);
      expect(w.location).toEqual(placeAt(w.hint));
      near(w.distance, greatCircleKm(input[0], input[1], w.location[0], w.location[1]) * 1000);
      expect(w.distance).toBeGreaterThan(0);
    });
  });

  it('gives one leg per pair of waypoints, adding up to the route', async () => {
    const { body } = await get(`/route/v1/road/${coords(OMSK, PAVLODAR, UST_KAMENOGORSK)}?overview=false`);
    const [r] = body.routes;
    expect(r.geometry).toBeUndefined();
    expect(r.legs).toHaveLength(2);
    near(r.legs[0].distance, route(network, 'Omsk', 'Pavlodar', { modes: ['road'] }).totals.km * 1000);
    near(r.legs[1].distance, route(network, 'Pavlodar', 'Ust-Kamenogorsk', { modes: ['road'] }).totals.km * 1000);
    expect(Math.abs(r.legs[0].distance + r.legs[1].distance - r.distance)).toBeLessThanOrEqual(0.1 + 1e-6);
    expect(Math.abs(r.legs[0].duration + r.legs[1].duration - r.duration)).toBeLessThanOrEqual(0.1 + 1e-6);
    expect(body.waypoints.map((w: { name: string }) => w.name)).toEqual(['Omsk', 'Pavlodar', 'Ust-Kamenogorsk']);
  });

  it('gives steps from depart to arrive, per-segment annotations and a polyline', async () => {
    const { body } = await get(`/route/v1/multimodal/${coords(OMSK, UST_KAMENOGORSK)}?steps=true&annotations=true&geometries=polyline`);
    const [r] = body.routes;
    const [leg] = r.legs;
    expect(leg.steps[0].maneuver.type).toBe('depart');
    expect(leg.steps.at(-1).maneuver).toMatchObject({ type: 'arrive' });
    expect(leg.steps.at(-1).distance).toBe(0);
    const stepMetres = leg.steps.reduce((sum: number, s: { distance: number }) => sum + s.distance, 0);
    expect(Math.abs(stepMetres - leg.distance)).toBeLessThanOrEqual(0.1 * leg.steps.length);
    const stepSeconds = leg.steps.reduce((sum: number, s: { duration: number }) => sum + s.duration, 0);
    expect(Math.abs(stepSeconds - leg.duration)).toBeLessThanOrEqual(0.1 * leg.steps.length);
    expect(leg.summary).not.toBe('');
    const line = decodePolyline(r.geometry)!;
    expect(line[0]).toEqual(placeAt('omsk'));
    expect(leg.annotation.distance).toHaveLength(line.length - 1);
    const annotated = leg.annotation.distance.reduce((a: number, b: number) => a + b, 0);
    expect(Math.abs(annotated - leg.distance)).toBeLessThanOrEqual(0.1 * line.length);
    expect(leg.annotation.speed.every((v: number) => v >= 0)).toBe(true);
  });

  it('lists alternative routes after the best, each a different way', async () => {
    const { body } = await get(`/route/v1/multimodal/${coords(OMSK, PAVLODAR)}?alternatives=2&overview=full&geometries=geojson`);
    expect(body.routes.length).toBeGreaterThan(1);
    expect(body.routes.length).toBeLessThanOrEqual(3);
    const lines = body.routes.map((r: { geometry: unknown }) => JSON.stringify(r.geometry));
    expect(new Set(lines).size).toBe(lines.length);
    near(body.routes[0].duration, route(network, 'Omsk', 'Pavlodar').totals.hours * 3600);
  });

  it('answers a POST with a JSON body as it answers the GET', async () => {
    const viaGet = await get(`/route/v1/road/${coords(OMSK, PAVLODAR)}?steps=true&geometries=geojson`);
    const viaPost = await post('/route/v1/road', { coordinates: [OMSK, PAVLODAR], steps: true, geometries: 'geojson', radiuses: [null, 'unlimited'] });
    expect(viaPost.status).toBe(200);
    expect(viaPost.body).toEqual(viaGet.body);
  });

  it('takes coordinates as polyline(…) and polyline6(…)', async () => {
    const plain = await get(`/route/v1/road/${coords(OMSK, PAVLODAR)}`);
    for (const [name, precision] of [['polyline', 5], ['polyline6', 6]] as const) {
      const viaPolyline = await get(`/route/v1/road/${name}(${encodeURIComponent(encodePolyline([OMSK, PAVLODAR], precision))})`);
      expect(viaPolyline.status).toBe(200);
      expect(viaPolyline.body).toEqual(plain.body);
    }
  });

  it('encodes and decodes polylines as Google documents them', () => {
    const points: [number, number][] = [[-120.2, 38.5], [-120.95, 40.7], [-126.453, 43.252]];
    expect(encodePolyline(points)).toBe('_p~iF~ps|U_ulLnnqC_mqNvxq`@');
    expect(decodePolyline('_p~iF~ps|U_ulLnnqC_mqNvxq`@')).toEqual(points);
    expect(decodePolyline(encodePolyline(points, 6), 6)).toEqual(points);
  });
});

describe('GET /table/v1 and /nearest/v1', () => {
  it('gives a 3×3 table in seconds and metres, null where the river does not connect', async () => {
    const { status, body } = await get(`/table/v1/river/${coords(OMSK, PAVLODAR, UST_KAMENOGORSK)}?annotations=duration,distance`);
    expect(status).toBe(200);
    expect(body.code).toBe('Ok');
    expect(body.sources.map((w: { name: string }) => w.name)).toEqual(['Omsk', 'Pavlodar', 'Ust-Kamenogorsk']);
    expect(body.destinations).toEqual(body.sources);
    const omskPavlodar = route(network, 'Omsk', 'Pavlodar', { modes: ['river'] });
    near(body.durations[0][1], omskPavlodar.totals.hours * 3600);
    near(body.distances[0][1], omskPavlodar.totals.km * 1000);
    expect([0, 1, 2].map((i) => body.durations[i][i])).toEqual([0, 0, 0]);
    // The Irtysh reach Semey – Shulba is not navigable (status planned): Ust-Kamenogorsk is cut off from Omsk and Pavlodar on the river.
    expect(body.durations[0][2]).toBeNull();
    expect(body.durations[2][0]).toBeNull();
    expect(body.distances[1][2]).toBeNull();
    expect(route(network, 'Omsk', 'Ust-Kamenogorsk', { modes: ['river'] }).found).toBe(false);
    expect(network.link('river-semey-lock-shulba')!.properties.status).toBe('planned');
  });

  it('takes sources and destinations, by GET and POST, and durations only by default', async () => {
    const viaGet = await get(`/table/v1/road/${coords(OMSK, PAVLODAR, UST_KAMENOGORSK)}?sources=0&destinations=1;2`);
    expect(viaGet.body.durations).toHaveLength(1);
    expect(viaGet.body.durations[0]).toHaveLength(2);
    expect(viaGet.body.distances).toBeUndefined();
    near(viaGet.body.durations[0][1], route(network, 'Omsk', 'Ust-Kamenogorsk', { modes: ['road'] }).totals.hours * 3600);
    const viaPost = await post('/table/v1/road', { coordinates: [OMSK, PAVLODAR, UST_KAMENOGORSK], sources: [0], destinations: [1, 2] });
    expect(viaPost.body).toEqual(viaGet.body);
  });

  it('lists the nearest places of the profile, nearest first', async () => {
    const { body } = await get(`/nearest/v1/rail/${coords(OMSK)}?number=3`);
    expect(body.code).toBe('Ok');
    expect(body.waypoints).toHaveLength(3);
    expect(body.waypoints[0].name).toBe('Omsk');
    const distances = body.waypoints.map((w: { distance: number }) => w.distance);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    for (const w of body.waypoints) expect(network.place(w.hint)!.properties.modes).toContain('rail');
  });
});

describe('OSRM error codes: HTTP 400 with a code and a message naming the parameter', () => {
  const cases: [string, string, () => Promise<{ status: number; body: { code: string; message: string } }>, RegExp][] = [
    ['malformed coordinates', 'InvalidQuery', () => get('/route/v1/road/73.37,54.98;abc'), /coordinates/],
    ['a malformed polyline', 'InvalidQuery', () => get('/route/v1/road/polyline(%7F%7F)'), /coordinates/],
    ['a coordinate off the globe', 'InvalidValue', () => get('/route/v1/road/73.37,54.98;76.95,95'), /coordinates/],
    ['an option value of the wrong form', 'InvalidQuery', () => get(`/route/v1/road/${coords(OMSK, PAVLODAR)}?steps=maybe`), /steps/],
    ['an option value not among the allowed', 'InvalidQuery', () => get(`/route/v1/road/${coords(OMSK, PAVLODAR)}?geometries=wkt`), /geometries: must be one of geojson/],
    ['an unknown option', 'InvalidOptions', () => get(`/route/v1/road/${coords(OMSK, PAVLODAR)}?exclude=motorway`), /exclude/],
    ['an unknown profile', 'InvalidValue', () => get(`/route/v1/car/${coords(OMSK, PAVLODAR)}`), /profile.*road, rail, river, multimodal/],
    ['one coordinate for a route', 'InvalidOptions', () => get(`/route/v1/road/${coords(OMSK)}`), /coordinates/],
    ['too many route coordinates', 'TooBig', () => get(`/route/v1/road/${coords(...Array<[number, number]>(101).fill(OMSK))}`), /coordinates: 101/],
    ['a coordinate list longer than a URL takes', 'TooBig', () => get(`/table/v1/road/${coords(...Array<[number, number]>(300).fill([73.123456, 54.123456]))}`), /POST/],
    ['a body coordinate that is no pair', 'InvalidQuery', () => post('/route/v1/road', { coordinates: [[73.37], PAVLODAR] }), /coordinates/],
    ['too many table coordinates', 'TooBig', () => post('/table/v1/road', { coordinates: Array(101).fill(OMSK) }), /coordinates: 101/],
    ['too many alternatives', 'TooBig', () => get(`/route/v1/road/${coords(OMSK, PAVLODAR)}?alternatives=4`), /alternatives/],
    ['too many nearest places', 'TooBig', () => get(`/nearest/v1/road/${coords(OMSK)}?number=101`), /number/],
    ['no nearest place', 'InvalidValue', () => get(`/nearest/v1/road/${coords(OMSK)}?number=0`), /number/],
    ['a table index out of range', 'InvalidValue', () => get(`/table/v1/road/${coords(OMSK, PAVLODAR)}?sources=2`), /sources/],
    ['no route between the places', 'NoRoute', () => get(`/route/v1/river/${coords(OMSK, UST_KAMENOGORSK)}`), /No route/],
    ['no place within the radius', 'NoSegment', () => get(`/route/v1/road/${coords(OMSK, PAVLODAR)}?radiuses=10;`), /within 10 m/],
    ['radiuses not one per coordinate', 'InvalidOptions', () => get(`/route/v1/road/${coords(OMSK, PAVLODAR)}?radiuses=10`), /radiuses/],
    ['a body that is not JSON', 'InvalidQuery', () => app.inject({ method: 'POST', url: '/route/v1/road', headers: { 'content-type': 'application/json' }, payload: '{"coordinates": [' }).then((r) => ({ status: r.statusCode, body: r.json() })), /JSON/i],
    ['a body without coordinates', 'InvalidQuery', () => post('/route/v1/road', { steps: true }), /coordinates/],
    ['a version not served', 'InvalidVersion', () => get(`/route/v2/road/${coords(OMSK, PAVLODAR)}`), /v1/],
    ['a service not served', 'NotImplemented', () => get(`/trip/v1/road/${coords(OMSK, PAVLODAR)}`), /trip/],
  ];

  it.each(cases)('%s → %s', async (_what, code, request, message) => {
    const { status, body } = await request();
    expect(status).toBe(400);
    expect(body.code).toBe(code);
    expect(Object.keys(body).sort()).toEqual(['code', 'message']);
    expect(body.message).toMatch(message);
  });

  it('answers a path that is no service with 404 InvalidUrl', async () => {
    const { status, body } = await get('/nowhere');
    expect(status).toBe(404);
    expect(body.code).toBe('InvalidUrl');
  });

  it('refuses a body over the size limit with 413 TooBig, before parsing it', async () => {
    const small = await buildServer({ network, logger: false, limits: { bodyBytes: 200 } });
    try {
      const res = await small.inject({ method: 'POST', url: '/route/v1/road', payload: { coordinates: Array(20).fill(OMSK) } });
      expect(res.statusCode).toBe(413);
      expect(res.json().code).toBe('TooBig');
    } finally {
      await small.close();
    }
  });

  it('keeps answering after bad requests', async () => {
    for (const url of ['/route/v1/road/;;;', '/route/v1/road/1e999,1', '/table/v1/road/73,54?sources=99999999999999999999', '/nearest/v1/x/y', `/route/v1/road/${'9'.repeat(5000)}`]) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
    }
    const { status, body } = await get(`/route/v1/road/${coords(OMSK, PAVLODAR)}`);
    expect(status).toBe(200);
    expect(body.code).toBe('Ok');
  });

  it('answers an unforeseen error with 500 and no internals', () => {
    const answer = httpErrorOf(new TypeError('cannot read properties of undefined (reading "secret")'), 'osrm');
    expect(answer.statusCode).toBe(500);
    expect(answer.body.code).toBe('INTERNAL');
    expect(answer.body.message).not.toMatch(/secret/);
  });
});

describe('the server itself', () => {
  it('serves a valid OpenAPI 3 document with the services', async () => {
    const { status, body } = await get('/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toMatch(/^3\./);
    expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(['/route/v1/{profile}/{coordinates}', '/route/v1/{profile}', '/table/v1/{profile}/{coordinates}', '/table/v1/{profile}', '/nearest/v1/{profile}/{coordinates}']));
    expect(body.paths['/route/v1/{profile}'].post.requestBody).toBeDefined();
    const result = await new Validator().validate(body);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('reports its health, network and scenario', async () => {
    expect((await get('/health')).body).toEqual({ status: 'ok', network: network.name, scenario: 'current' });
    const planned = await buildServer({ network, logger: false, scenario: 'planned' });
    try {
      expect((await planned.inject('/health')).json().scenario).toBe('planned');
    } finally {
      await planned.close();
    }
  });

  it('sends CORS headers only when an origin is configured', async () => {
    const plain = await app.inject({ method: 'GET', url: '/health', headers: { origin: 'https://example.org' } });
    expect(plain.headers['access-control-allow-origin']).toBeUndefined();
    const withCors = await buildServer({ network, logger: false, cors: 'https://example.org' });
    try {
      const res = await withCors.inject({ method: 'GET', url: '/health', headers: { origin: 'https://example.org' } });
      expect(res.headers['access-control-allow-origin']).toBe('https://example.org');
    } finally {
      await withCors.close();
    }
  });
});

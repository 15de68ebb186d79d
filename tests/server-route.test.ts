import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadNetwork } from '../src/model/load-network.js';
import { route, type RouteOptions } from '../src/routing/route.js';
import { routeToGeoJSON } from '../src/present/route-geojson.js';
import { Router } from '../src/routing/router.js';
import { buildServer } from '../src/server/app.js';

const network = loadNetwork();
let app: FastifyInstance;
beforeAll(async () => {
  app = await buildServer({ network, logger: false });
});
afterAll(() => app.close());

const get = async (url: string) => {
  const res = await app.inject({ method: 'GET', url: encodeURI(url) });
  return { status: res.statusCode, body: res.json() };
};

/** What route() answers, as JSON carries it (no compiled edge ids; no route's Infinity as null). */
const expected = (from: string, to: string, options: RouteOptions = {}) => {
  const { edges: _edges, ...result } = route(network, from, to, options);
  return JSON.parse(JSON.stringify(result));
};

describe('GET and POST /v1/route (steppenet, by place names)', () => {
  it('answers as route() does, names in any script', async () => {
    const { status, body } = await get('/v1/route?from=Омск&to=Pavlodar');
    expect(status).toBe(200);
    expect(body).toEqual(expected('Omsk', 'Pavlodar'));
  });

  it("takes the command line's options", async () => {
    const cases: [string, string, string, RouteOptions][] = [
      ['modes, via', 'Orenburg', 'Aktobe', { modes: ['road', 'rail'], via: ['Orsk'] }],
      ['by, freight, scenario', 'Omsk', 'Pavlodar', { by: 'cost', freight: 'bilateral', scenario: 'planned' }],
      ['avoid a country', 'Moscow', "Xi'an", { avoid: { countries: ['KZ'] }, modes: ['rail'] }],
      ['month', 'Omsk', 'Semey', { modes: ['river'], month: 1 }],
    ];
    const query = (o: RouteOptions) =>
      [
        o.modes && `modes=${o.modes.join(',')}`, o.via && `via=${o.via.join(',')}`, o.by && `by=${o.by}`, o.freight && `freight=${o.freight}`,
        o.scenario && `scenario=${o.scenario}`, o.avoid?.countries && `avoidCountries=${o.avoid.countries.join(',')}`, o.month && `month=${o.month}`,
      ].filter(Boolean).join('&');
    for (const [what, from, to, options] of cases) {
      const { body } = await get(`/v1/route?from=${from}&to=${to}&${query(options)}`);
      expect(body, what).toEqual(expected(from, to, options));
    }
    const post = await app.inject({ method: 'POST', url: '/v1/route', payload: { from: 'Moscow', to: "Xi'an", modes: ['rail'], avoid: { countries: ['KZ'] } } });
    expect(post.json()).toEqual(expected('Moscow', "Xi'an", { modes: ['rail'], avoid: { countries: ['KZ'] } }));
  });

  it('says found: false and why when there is no route', async () => {
    const { status, body } = await get('/v1/route?from=Omsk&to=Ust-Kamenogorsk&modes=river');
    expect(status).toBe(200);
    expect(body.found).toBe(false);
    expect(body.reason).toMatch(/river/);
  });

  it('gives the route as GeoJSON', async () => {
    const { body } = await get('/v1/route?from=Omsk&to=Pavlodar&modes=road&format=geojson');
    const router = new Router(network, { modes: ['road'] });
    expect(body).toEqual(JSON.parse(JSON.stringify(routeToGeoJSON(network, router.route('Omsk', 'Pavlodar')))));
  });

  it("refuses with steppenet's error code (ERROR_CODES) and a message naming what is wrong", async () => {
    const cases: [string, string, RegExp][] = [
      ['/v1/route?from=Omks&to=Pavlodar', 'UNKNOWN_PLACE', /Did you mean: Omsk/],
      ['/v1/route?from=Omsk&to=Pavlodar&avoidLinks=nope', 'UNKNOWN_NAME', /avoid.links/],
      ['/v1/route?from=Omsk&to=Pavlodar&scenario=/etc/passwd', 'INVALID_ARGUMENT', /scenario: must be one of current, historical, planned/],
      ['/v1/route?from=Omsk&to=Pavlodar&modes=car', 'INVALID_ARGUMENT', /modes/],
      ['/v1/route?from=Omsk&to=Pavlodar&month=13', 'INVALID_ARGUMENT', /month/],
      ['/v1/route?from=Omsk', 'INVALID_ARGUMENT', /to/],
      ['/v1/route?from=Omsk&to=Pavlodar&network=x.geojson', 'INVALID_ARGUMENT', /network: not an option/],
    ];
    for (const [url, code, message] of cases) {
      const { status, body } = await get(url);
      expect(status, url).toBe(400);
      expect(body.code, url).toBe(code);
      expect(body.message, url).toMatch(message);
    }
  });

  it('is in /openapi.json', async () => {
    const { body } = await get('/openapi.json');
    expect(Object.keys(body.paths['/v1/route'])).toEqual(expect.arrayContaining(['get', 'post']));
  });
});

import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibility } from '../src/analysis/accessibility.js';
import { alternatives } from '../src/analysis/alternatives.js';
import { borderCut } from '../src/analysis/border-cut.js';
import { compareCorridors } from '../src/analysis/compare-corridors.js';
import { compareScenarios } from '../src/analysis/compare-scenarios.js';
import { disjointRoutes } from '../src/analysis/disjoint-routes.js';
import { linkCriticality, linkCriticalityAsync } from '../src/analysis/link-criticality.js';
import { defaultOdPairs } from '../src/analysis/od-pairs.js';
import { removeLinks } from '../src/analysis/remove-links.js';
import { resilientRoute } from '../src/analysis/resilient-route.js';
import { singlePointsOfFailure } from '../src/analysis/single-points-of-failure.js';
import { loadNetwork } from '../src/model/load-network.js';
import { summarizeNetwork } from '../src/model/network-summary.js';
import { withScenario } from '../src/model/scenario.js';
import { formatJson } from '../src/present/json.js';
import { buildServer } from '../src/server/app.js';

const network = loadNetwork();
let app: FastifyInstance;
beforeAll(async () => {
  app = await buildServer({ network, logger: false });
});
afterAll(() => app.close());

type Answer = { status: number; body: Record<string, any>; text: string; headers: Record<string, unknown> };
const call = async (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object, headers?: Record<string, string>): Promise<Answer> => {
  const res = await app.inject({ method, url: encodeURI(url), ...(payload ? { payload } : {}), ...(headers ? { headers } : {}) });
  const text = res.body;
  return { status: res.statusCode, text, headers: res.headers, body: text.startsWith('{') ? res.json() : {} };
};
const get = (url: string, headers?: Record<string, string>) => call('GET', url, undefined, headers);
const post = (url: string, payload: object) => call('POST', url, payload);
/** What the CLI's --format json prints for a library result. */
const json = (value: unknown) => JSON.parse(formatJson(value));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('each service answers as its library function does', () => {
  it('places: the search, names in any script', async () => {
    const { status, body } = await get('/v1/places?q=Павлодар&limit=3');
    expect(status).toBe(200);
    expect(body.matches[0]).toMatchObject({ id: 'pavlodar', name: 'Pavlodar', matched: 'Павлодар', how: 'exact' });
    expect(body.matches.map((m: { id: string }) => m.id)).toEqual(network.placeIndex().search('Павлодар', { limit: 3 }).map((m) => m.place.id));
  });

  it('alternatives, disjoint, resilient: with by, modes, k and the cost options', async () => {
    expect((await get('/v1/alternatives?from=Omsk&to=Pavlodar&k=2&by=distance&modes=rail,road&reasonable=true')).body)
      .toEqual(json(alternatives(network, 'Omsk', 'Pavlodar', { k: 2, by: 'distance', modes: ['rail', 'road'], reasonable: true })));
    expect((await get('/v1/disjoint?from=Omsk&to=Pavlodar&k=3&places=true&freight=bilateral')).body)
      .toEqual(json(disjointRoutes(network, 'Omsk', 'Pavlodar', { k: 3, disjoint: 'places', freight: 'bilateral' })));
    const { body } = await get('/v1/resilient?from=Orenburg&to=Aktobe&k=4&lambda=0.5&reroute=origin&failureProbability=0.1&speed=road=50,rail=30&drivers=2&month=1');
    expect(body).toEqual(json(resilientRoute(network, 'Orenburg', 'Aktobe', {
      k: 4, lambda: 0.5, reroute: 'origin', failureProbability: 0.1, month: 1,
      cost: { drivers: 2, speedOverride: { rail: 30, road: { motorway: 50, trunk: 50, primary: 50, secondary: 50, local: 50 } } },
    })));
    // The options change the answer: this is not the default route.
    expect(body.route.totals.hours).not.toBe(resilientRoute(network, 'Orenburg', 'Aktobe').route.totals.hours);
  });

  it('POST takes the same options as arrays in a JSON body', async () => {
    const viaGet = await get('/v1/alternatives?from=Omsk&to=Pavlodar&k=2&modes=rail,road');
    const viaPost = await post('/v1/alternatives', { from: 'Omsk', to: 'Pavlodar', k: 2, modes: ['rail', 'road'] });
    expect(viaPost.status).toBe(200);
    expect(viaPost.body).toEqual(viaGet.body);
  });

  it('remove: the what-if, rows as --all says, OD pairs inline or as objects', async () => {
    const ods = [{ from: 'samara', to: 'aktobe', demand: 2 }, { from: 'omsk', to: 'pavlodar', demand: 1 }];
    const lib = removeLinks(network, ['rail-samara-kinel'], { ods });
    const expected = json({ ...lib, rows: lib.rows.map((r) => ({ ...r, newRoute: r.newRoute && { links: r.newRoute.links, totals: r.newRoute.totals } })) });
    const viaPost = await post('/v1/remove', { selection: ['rail-samara-kinel'], ods, all: true });
    expect(viaPost.body).toEqual(expected);
    const viaGet = await get('/v1/remove?selection=rail-samara-kinel&ods=samara>aktobe>2,omsk>pavlodar&all=true');
    expect(viaGet.body).toEqual(expected);
    // Without all, only the pairs that detour or are cut off: Samara → Aktobe (by rail through Kinel) detours, Omsk → Pavlodar does not use the link.
    const changed = await get('/v1/remove?selection=rail-samara-kinel&ods=samara>aktobe,omsk>pavlodar');
    expect(changed.body.rows.map((r: { from: string; effect: string }) => `${r.from}:${r.effect}`)).toEqual(['samara:detour']);
  });

  it('critical: the ranking, top and shard', async () => {
    const ods = 'omsk>pavlodar,samara>orenburg,orenburg>aktobe';
    const pairs = ods.split(',').map((p) => ({ from: p.split('>')[0], to: p.split('>')[1], demand: 1 }));
    const lib = linkCriticality(network, { ods: pairs, by: 'distance' });
    const { status, body } = await get(`/v1/critical?ods=${ods}&by=distance&top=5`);
    expect(status).toBe(200);
    expect(body).toEqual(json({ ...lib, ranking: lib.ranking.slice(0, 5) }));
    const shard = await get(`/v1/critical?ods=${ods}&shard=2/3`);
    expect(shard.body).toEqual(json(linkCriticality(network, { ods: pairs, shard: { index: 1, count: 3 } })));
  });

  it('spof, border-cut, corridors, compare, accessibility, info', async () => {
    const spof = singlePointsOfFailure(network, { modes: ['rail'] });
    expect((await get('/v1/spof?mode=rail')).body).toEqual(json({ ...spof, views: spof.views.filter((v) => v.view === 'rail') }));
    expect((await get('/v1/border-cut?sector=urals&mode=rail&domestic=unlimited')).body)
      .toEqual(json(borderCut(network, { sector: 'urals', mode: 'rail', domestic: 'unlimited', freight: 'bilateral' })));
    expect((await get('/v1/border-cut?from=Orenburg&to=Aktobe&maxStretch=none')).body)
      .toEqual(json(borderCut(network, { from: ['Orenburg'], to: ['Aktobe'], maxStretch: Infinity })));
    expect((await get('/v1/corridors?through=kz&modes=rail')).body).toEqual(json(compareCorridors(network, { throughCountry: 'KZ', modes: ['rail'] })));
    expect((await get('/v1/compare?a=current&b=planned&all=true&by=distance')).body).toEqual(json(compareScenarios(network, 'current', 'planned', { by: 'distance' })));
    const places = ['Omsk', 'Pavlodar', 'Semey'];
    expect((await get(`/v1/accessibility?mode=rail&places=${places.join(',')}`)).body).toEqual(json(accessibility(network, { modes: ['rail'], places })));
    expect((await get('/v1/info?scenario=planned')).body).toEqual(json(summarizeNetwork(withScenario(network, 'planned'))));
  });

  it('compare without all lists only the changed pairs in rows', async () => {
    const lib = compareScenarios(network, 'current', 'planned');
    const { body } = await get('/v1/compare?a=current&b=planned');
    expect(lib.changed.length).toBeGreaterThan(0);
    expect(lib.changed.length).toBeLessThan(lib.rows.length);
    expect(body.rows).toEqual(json(lib.changed));
  });
});

/** Every position of a geometry: [lon, lat] pairs of finite numbers on the globe. */
function positions(geometry: { type: string; coordinates: unknown }): number[][] {
  const c = geometry.coordinates as any;
  if (geometry.type === 'Point') return [c];
  if (geometry.type === 'LineString' || geometry.type === 'MultiPoint') return c;
  if (geometry.type === 'MultiLineString' || geometry.type === 'Polygon') return c.flat();
  throw new Error(`unexpected geometry ${geometry.type}`);
}

describe('format=geojson and /v1/network', () => {
  const urls = [
    '/v1/alternatives?from=Omsk&to=Pavlodar&k=2&format=geojson',
    '/v1/disjoint?from=Omsk&to=Pavlodar&format=geojson',
    '/v1/resilient?from=Orenburg&to=Aktobe&format=geojson',
    '/v1/critical?ods=omsk>pavlodar,samara>orenburg&format=geojson',
    '/v1/spof?mode=road&format=geojson',
    '/v1/border-cut?sector=urals&format=geojson',
    '/v1/network',
    '/v1/network?scenario=planned',
  ];
  for (const url of urls) {
    it(`${url} is a FeatureCollection of features with coordinates on the globe`, async () => {
      const { status, body } = await get(url);
      expect(status).toBe(200);
      expect(body.type).toBe('FeatureCollection');
      expect(body.features.length).toBeGreaterThan(0);
      for (const f of body.features) {
        expect(f.type).toBe('Feature');
        expect(typeof f.properties).toBe('object');
        const ps = positions(f.geometry);
        expect(ps.length).toBeGreaterThan(0);
        for (const [lon, lat] of ps) {
          expect(Math.abs(lon)).toBeLessThanOrEqual(180);
          expect(Math.abs(lat)).toBeLessThanOrEqual(90);
        }
      }
    });
  }

  it('/v1/network has every place and link, the scenario applied', async () => {
    const current = (await get('/v1/network')).body;
    expect(current.features.length).toBe(network.places.length + network.links.length);
    const planned = withScenario(network, 'planned');
    const { body } = await get('/v1/network?scenario=planned');
    expect(body.scenario).toBe('planned');
    expect(body.features.length).toBe(planned.places.length + planned.links.length);
    expect(body.features).toEqual(JSON.parse(JSON.stringify(planned.toGeoJSON().features)));
  });
});

describe('errors: a code, a status, a message naming the parameter', () => {
  it('an unknown place is 400 UNKNOWN_PLACE with the closest places', async () => {
    const { status, body } = await get('/v1/alternatives?from=Pavlodra&to=Omsk');
    expect(status).toBe(400);
    expect(body.code).toBe('UNKNOWN_PLACE');
    expect(body.message).toContain('Pavlodra');
    expect(body.suggestions[0]).toEqual({ id: 'pavlodar', name: 'Pavlodar', country: 'KZ', kind: 'city' });
  });

  const bad: [string, string][] = [
    ['/v1/alternatives?from=Omsk&to=Pavlodar&k=0', 'k'],
    ['/v1/alternatives?from=Omsk&to=Pavlodar&k=101', 'k'],
    ['/v1/resilient?from=Omsk&to=Pavlodar&reroute=sideways', 'reroute'],
    ['/v1/resilient?from=Omsk&to=Pavlodar&failureProbability=2', 'failureProbability'],
    ['/v1/disjoint?from=Omsk&to=Pavlodar&modes=rail,plane', 'modes'],
    ['/v1/alternatives?from=Omsk&to=Pavlodar&speed=foo=5', 'speed'],
    ['/v1/alternatives?from=Omsk&to=Pavlodar&tariff=air=1', 'tariff'],
    ['/v1/alternatives?from=Omsk&to=Pavlodar&month=13', 'month'],
    ['/v1/alternatives?from=Omsk&to=Pavlodar&network=/etc/passwd', 'network'],
    ['/v1/info?scenario=/etc/passwd', 'scenario'],
    ['/v1/compare?a=current&b=../x.json', 'b'],
    ['/v1/critical?shard=3/2', 'shard'],
    ['/v1/remove?selection=rail-samara-kinel&ods=omsk', 'ods'],
    ['/v1/border-cut?from=Omsk&fromRegion=Omsk%20Oblast', 'from'],
    ['/v1/places?q=', 'q'],
  ];
  for (const [url, parameter] of bad) {
    it(`${url} → 400 INVALID_ARGUMENT naming ${parameter}`, async () => {
      const { status, body } = await get(url);
      expect(status).toBe(400);
      expect(body.code).toBe('INVALID_ARGUMENT');
      expect(body.message.startsWith(`${parameter}:`)).toBe(true);
    });
  }

  it('a list over its limit is refused before any work', async () => {
    const { status, body } = await post('/v1/remove', { selection: ['x'], ods: Array.from({ length: 1001 }, () => ({ from: 'omsk', to: 'semey' })) });
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(body.message).toContain('ods');
  });

  it('a bad request leaves the server answering', async () => {
    const broken = await app.inject({ method: 'POST', url: '/v1/alternatives', headers: { 'content-type': 'application/json' }, payload: '{"from": "Omsk", ' });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().code).toBe('INVALID_ARGUMENT');
    await get('/v1/places?q=' + 'x'.repeat(5000));
    const { status, body } = await get('/v1/places?q=Omsk&limit=1');
    expect(status).toBe(200);
    expect(body.matches[0].id).toBe('omsk');
  });
});

describe('long scans: progress and cancel', () => {
  it('linkCriticality stops at an aborted signal; the async scan gives the same result with progress in order', async () => {
    const aborted = AbortSignal.abort(new Error('stop'));
    expect(() => linkCriticality(network, { signal: aborted })).toThrow('stop');
    const ods = defaultOdPairs(network).slice(0, 40);
    const seen: number[] = [];
    const result = await linkCriticalityAsync(network, { ods, sliceMillis: 1, onProgress: (done) => seen.push(done) });
    expect(result).toEqual(linkCriticality(network, { ods }));
    expect(seen).toEqual(Array.from({ length: result.candidates }, (_, i) => i + 1));
  });

  it('Accept: text/event-stream gives progress events in order, then the result', async () => {
    const ods = 'omsk>pavlodar,samara>orenburg,orenburg>aktobe';
    const res = await get(`/v1/critical?ods=${ods}&top=3`, { accept: 'text/event-stream' });
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('text/event-stream');
    const events = res.text.trim().split('\n\n').map((block) => {
      const [name, data] = block.split('\n');
      return { name: name.replace('event: ', ''), data: JSON.parse(data.replace('data: ', '')) };
    });
    const progress = events.slice(0, -1);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.every((e) => e.name === 'progress')).toBe(true);
    const done = progress.map((e) => e.data.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(new Set(done).size).toBe(done.length);
    expect(progress.at(-1)!.data).toEqual({ done: progress[0].data.total, total: progress[0].data.total });
    expect(events.at(-1)!.name).toBe('result');
    expect(events.at(-1)!.data).toEqual((await get(`/v1/critical?ods=${ods}&top=3`)).body);
  });

  it('an error in a stream is an error event with the code', async () => {
    const res = await get('/v1/critical?ods=omsk>nowhereville', { accept: 'text/event-stream' });
    const last = res.text.trim().split('\n\n').at(-1)!;
    expect(last.split('\n')[0]).toBe('event: error');
    expect(JSON.parse(last.split('\n')[1].replace('data: ', '')).code).toBe('UNKNOWN_PLACE');
  });

  it('a job: 202 and its id, then its progress, then done with the result', async () => {
    const ods = 'omsk>pavlodar,samara>orenburg';
    const started = await post('/v1/jobs/critical', { ods: [ods], top: 2 });
    expect(started.status).toBe(202);
    expect(started.headers.location).toBe(`/v1/jobs/${started.body.id}`);
    expect(started.body).toMatchObject({ kind: 'critical', state: 'running' });
    let job = started.body;
    for (let i = 0; i < 500 && job.state === 'running'; i++) {
      await sleep(10);
      job = (await get(`/v1/jobs/${started.body.id}`)).body;
    }
    expect(job.state).toBe('done');
    expect(job.progress.done).toBe(job.progress.total);
    expect(job.result).toEqual((await get(`/v1/critical?ods=${ods}&top=2`)).body);
  });

  it('a cancelled job stops: its progress no longer moves', async () => {
    // Many pairs, so that the scan takes a while.
    const ods = Array.from({ length: 1000 }, (_, i) => defaultOdPairs(network)[i % 300]);
    const started = await post('/v1/jobs/critical', { ods });
    const id = started.body.id;
    let job = started.body;
    for (let i = 0; i < 2000 && job.progress.done === 0; i++) {
      await sleep(2);
      job = (await get(`/v1/jobs/${id}`)).body;
    }
    expect(job.state).toBe('running');
    const cancelled = await call('DELETE', `/v1/jobs/${id}`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.state).toBe('cancelled');
    const at = cancelled.body.progress.done;
    expect(at).toBeLessThan(cancelled.body.progress.total);
    await sleep(300);
    const later = (await get(`/v1/jobs/${id}`)).body;
    expect(later.state).toBe('cancelled');
    expect(later.progress.done).toBeLessThanOrEqual(at + 1);
    expect(later.result).toBeUndefined();
    // The server answers meanwhile and after.
    expect((await get('/v1/places?q=Omsk&limit=1')).status).toBe(200);
  });

  it('one job more than the server runs at once is refused with LIMIT_EXCEEDED', async () => {
    const one = await buildServer({ network, logger: false, limits: { jobsRunning: 1 } });
    try {
      const ods = Array.from({ length: 1000 }, (_, i) => defaultOdPairs(network)[i % 300]);
      const first = await one.inject({ method: 'POST', url: '/v1/jobs/critical', payload: { ods } });
      expect(first.statusCode).toBe(202);
      const second = await one.inject({ method: 'POST', url: '/v1/jobs/compare', payload: { a: 'current', b: 'planned' } });
      expect(second.statusCode).toBe(400);
      expect(second.json().code).toBe('LIMIT_EXCEEDED');
      await one.inject({ method: 'DELETE', url: `/v1/jobs/${first.json().id}` });
      const third = await one.inject({ method: 'POST', url: '/v1/jobs/compare', payload: { a: 'current', b: 'planned' } });
      expect(third.statusCode).toBe(202);
    } finally {
      await one.close();
    }
  });

  it('an unknown job is 400 UNKNOWN_NAME; a malformed id is INVALID_ARGUMENT', async () => {
    const unknown = await get('/v1/jobs/00000000-0000-0000-0000-000000000000');
    expect(unknown).toMatchObject({ status: 400, body: { code: 'UNKNOWN_NAME' } });
    const malformed = await get('/v1/jobs/..%2F..%2Fetc');
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('INVALID_ARGUMENT');
  });

  it('a request over the time limit is 503 LIMIT_EXCEEDED, and the server answers after it', async () => {
    const slow = await buildServer({ network, logger: false, limits: { requestMillis: 30 } });
    try {
      const ods = Array.from({ length: 1000 }, (_, i) => defaultOdPairs(network)[i % 300]);
      const res = await slow.inject({ method: 'POST', url: '/v1/critical', payload: { ods } });
      expect(res.statusCode).toBe(503);
      expect(res.json().code).toBe('LIMIT_EXCEEDED');
      // In a stream: an error event with the code, and the stream ends.
      const stream = await slow.inject({ method: 'POST', url: '/v1/critical', payload: { ods }, headers: { accept: 'text/event-stream' } });
      expect(stream.statusCode).toBe(200);
      const last = stream.body.trim().split('\n\n').at(-1)!;
      expect(last.split('\n')[0]).toBe('event: error');
      expect(JSON.parse(last.split('\n')[1].replace('data: ', ''))).toEqual({ code: 'LIMIT_EXCEEDED', message: 'request: took longer than the server allows' });
      expect((await slow.inject({ method: 'GET', url: '/v1/places?q=Omsk&limit=1' })).statusCode).toBe(200);
    } finally {
      await slow.close();
    }
  });
});

describe('/openapi.json', () => {
  it('lists every service with its parameters', async () => {
    const { body } = await get('/openapi.json');
    for (const name of ['places', 'alternatives', 'disjoint', 'resilient', 'remove', 'critical', 'spof', 'border-cut', 'corridors', 'compare', 'accessibility', 'info', 'network']) {
      expect(body.paths[`/v1/${name}`]?.get, name).toBeDefined();
    }
    expect(body.paths['/v1/jobs/critical'].post).toBeDefined();
    expect(body.paths['/v1/jobs/{id}'].delete).toBeDefined();
    const k = body.paths['/v1/alternatives'].get.parameters.find((p: { name: string }) => p.name === 'k');
    expect(k.schema).toMatchObject({ minimum: 1, maximum: 100 });
  });
});

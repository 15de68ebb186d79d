/**
 * What `steppenet serve` gives the web page, through Fastify's inject: the
 * page and its bundle (built here by web/build.mjs), only those files, and the
 * basemap (country outlines clipped around the network). The page in a
 * browser: tests/web-page.test.ts.
 */
import { execFileSync } from 'node:child_process';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadNetwork } from '../src/model/load-network.js';
import { buildServer } from '../src/server/app.js';

let app: FastifyInstance;
beforeAll(async () => {
  execFileSync(process.execPath, [new URL('../web/build.mjs', import.meta.url).pathname, '--quiet'], { stdio: 'inherit' });
  app = await buildServer({ network: loadNetwork(), logger: false });
});
afterAll(() => app.close());

describe('the web page and its files', () => {
  it('serves the page at / and its bundle, with no address off the server', async () => {
    const html = await app.inject('/');
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.body).toContain('<script type="module" src="/web/page.js">');
    expect(html.body).not.toMatch(/https?:\/\//);
    for (const [url, type] of [['/web/page.js', /^text\/javascript/], ['/web/page.css', /^text\/css/], ['/web/maplibre-gl-worker.mjs', /^text\/javascript/]] as const) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(type);
      expect(res.body.length, url).toBeGreaterThan(1000);
    }
    // MapLibre is in the bundle, not fetched from a CDN.
    expect((await app.inject('/web/page.js')).body).toContain('maplibre');
  });

  it('serves no other file, whatever the path says', async () => {
    for (const url of ['/web/../package.json', '/web/%2e%2e/package.json', '/web/index.html', '/web/page.js.LEGAL.txt', '/web/', '/dist/web/page.js', '/package.json']) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body, url).not.toContain('"name": "steppenet"');
    }
  });
});

describe('GET /v1/basemap', () => {
  it('is the country outlines around the network, clipped to its area', async () => {
    const res = await app.inject('/v1/basemap');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/geo\+json/);
    const body = res.json() as { type: string; features: { properties: { country: string }; geometry: { type: string; coordinates: number[][][][] } }[] };
    expect(body.type).toBe('FeatureCollection');
    const countries = new Set(body.features.map((f) => f.properties.country));
    for (const code of ['KZ', 'RU', 'CN', 'MN', 'UZ']) expect(countries, code).toContain(code);
    // Far from the network: none of these.
    for (const code of ['US', 'BR', 'AU', 'FR']) expect(countries, code).not.toContain(code);
    // The bundled network spans 37.6–126.5° E and 34.3–58° N; 8° of margin around it.
    const points = body.features.flatMap((f) => f.geometry.coordinates.flat(2));
    expect(Math.min(...points.map((p) => p[0]))).toBeGreaterThanOrEqual(37.617 - 8);
    expect(Math.max(...points.map((p) => p[0]))).toBeLessThanOrEqual(126.535 + 8);
    expect(Math.min(...points.map((p) => p[1]))).toBeGreaterThanOrEqual(34.341 - 8);
    expect(Math.max(...points.map((p) => p[1]))).toBeLessThanOrEqual(58 + 8);
  });
});

describe('GET /v1/places and /v1/network (what the page searches and draws)', () => {
  it('finds places by name in any script, typos tolerated', async () => {
    const cyrillic = (await app.inject(`/v1/places?q=${encodeURIComponent('Павлодар')}`)).json() as { matches: { id: string; how: string }[] };
    expect(cyrillic.matches[0]).toMatchObject({ id: 'pavlodar', how: 'exact' });
    const typo = (await app.inject('/v1/places?q=Omks')).json() as { matches: { id: string; how: string }[] };
    expect(typo.matches[0]).toMatchObject({ id: 'omsk', how: 'fuzzy' });
    expect((await app.inject('/v1/places')).statusCode).toBe(400);
  });

  it('gives the network as GeoJSON, a bundled scenario applied on request', async () => {
    const current = (await app.inject('/v1/network')).json() as { scenario: string; features: { properties: { type: string; status?: string } }[] };
    expect(current.scenario).toBe('current');
    expect(current.features.some((f) => f.properties.type === 'link')).toBe(true);
    expect(current.features.some((f) => f.properties.type === 'place')).toBe(true);
    const planned = (await app.inject('/v1/network?scenario=planned')).json() as { scenario: string };
    expect(planned.scenario).toBe('planned');
    expect((await app.inject('/v1/network?scenario=/etc/passwd')).statusCode).toBe(400);
  });
});

import { readFile } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import { countryOutlinesWithin } from '../model/country-outlines.js';
import type { Network } from '../model/network.js';

/**
 * The web page at `/` and its files, as `npm run build` bundles them into
 * dist/web (web/build.mjs). This module sits in src/server/ and, built, in
 * dist/server/: from either, ../../dist/web/ is the package's bundle. Only the
 * files named here are served (no path from a request reaches the disk).
 */
const WEB_DIR = new URL('../../dist/web/', import.meta.url);

const FILES: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/web/page.js': { file: 'page.js', type: 'text/javascript; charset=utf-8' },
  '/web/page.css': { file: 'page.css', type: 'text/css; charset=utf-8' },
  // MapLibre's worker (an ES module it starts itself), copied from maplibre-gl by the build.
  '/web/maplibre-gl-worker.mjs': { file: 'maplibre-gl-worker.mjs', type: 'text/javascript; charset=utf-8' },
};

/** Degrees of margin around the network on the basemap. */
const BASEMAP_MARGIN = 8;

/** The page, its bundle and `/v1/basemap` (the country outlines around the network, as GeoJSON). */
export function registerWebPage(app: FastifyInstance, network: Network): void {
  const cache = new Map<string, Buffer>();
  for (const [url, { file, type }] of Object.entries(FILES)) {
    app.get(url, { schema: { hide: true } }, async (_request, reply) => {
      let body = cache.get(file);
      if (!body) {
        try {
          body = await readFile(new URL(file, WEB_DIR));
        } catch {
          return reply.status(503).type('text/plain; charset=utf-8')
            .send(`The web page is not built (no dist/web/${file}): run npm run build.\n`);
        }
        cache.set(file, body);
      }
      return reply.type(type).header('cache-control', 'no-cache').send(body);
    });
  }
  let basemap: string | undefined;
  app.get('/v1/basemap', {
    schema: { tags: ['steppenet'], summary: 'Country outlines around the network (Natural Earth 1:50m), clipped to its area, as GeoJSON' },
  }, (_request, reply) => {
    basemap ??= JSON.stringify(countryOutlinesWithin(networkBounds(network, BASEMAP_MARGIN)));
    return reply.type('application/geo+json').send(basemap);
  });
}

/** [west, south, east, north] of every place and link point, widened by `margin` degrees. */
function networkBounds(network: Network, margin: number): [number, number, number, number] {
  const box = [Infinity, Infinity, -Infinity, -Infinity];
  const add = ([lon, lat]: number[]) => {
    box[0] = Math.min(box[0], lon); box[1] = Math.min(box[1], lat);
    box[2] = Math.max(box[2], lon); box[3] = Math.max(box[3], lat);
  };
  for (const place of network.places) add(place.geometry.coordinates);
  for (const link of network.links) for (const point of link.geometry.coordinates) add(point);
  return [box[0] - margin, Math.max(-90, box[1] - margin), box[2] + margin, Math.min(90, box[3] + margin)];
}

import cors from '@fastify/cors';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Network } from '../model/network.js';
import { httpErrorOf } from './http-error.js';
import { DEFAULT_LIMITS, type ServerLimits } from './limits.js';
import { OsrmError } from './osrm/osrm-error.js';
import { registerOsrmRoutes } from './osrm/osrm-routes.js';
import { ProfileRouters } from './osrm/profiles.js';
import { registerServiceRoutes } from './steppenet/service-routes.js';
import { ServiceNetworks } from './steppenet/services.js';
import { registerSteppenetRoutes } from './steppenet/steppenet-routes.js';
import { registerWebPage } from './web-page.js';

export interface ServerOptions {
  /** The network every request is answered on: chosen here, never by a request. */
  network: Network;
  /** A scenario applied to it once (bundled name or file); a request may name another bundled one. */
  scenario?: string;
  limits?: Partial<ServerLimits>;
  /** Allow browsers on this origin to call the API; no CORS headers without it. */
  cors?: string;
  /** Fastify's pino logger options; false for none (tests). */
  logger?: FastifyServerOptions['logger'];
}

const OSRM_SERVICES = new Set(['route', 'table', 'nearest', 'match', 'trip', 'tile']);

/**
 * The steppenet HTTP API, ready to listen or to `inject` into: the routing
 * graphs of every profile are compiled here, before the first request.
 */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const profiles = new ProfileRouters(options.network, options.scenario);
  const app = Fastify({
    logger: options.logger ?? true,
    bodyLimit: limits.bodyBytes,
    requestTimeout: limits.requestMillis,
    handlerTimeout: limits.requestMillis,
    // A coordinate list is one path segment: up to tableCoordinates pairs of about 20 characters.
    routerOptions: {
      maxParamLength: 32 * Math.max(limits.routeCoordinates, limits.tableCoordinates),
      onMaxParamLength: (_path, _req, res) => {
        res.writeHead(400, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ code: 'TooBig', message: 'coordinates: longer than a URL of this server takes; POST them as JSON' }));
      },
    },
    // An unknown option is an error (InvalidOptions), never silently dropped.
    ajv: { customOptions: { removeAdditional: false } },
  });
  if (options.cors) await app.register(cors, { origin: options.cors });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'steppenet', version: '1', description: 'OSRM-compatible routing on the multimodal network of the Kazakhstan–Russia border area. Units: metres, seconds.' },
    },
  });

  app.setErrorHandler((error, request, reply) => {
    // steppenet's own services live under /v1/; every other path is OSRM's.
    const answer = httpErrorOf(error, request.url.startsWith('/v1/') ? 'steppenet' : 'osrm');
    if (answer.statusCode >= 500) request.log.error({ err: error }, 'request failed');
    return reply.status(answer.statusCode).send(answer.body);
  });
  app.setNotFoundHandler((request, reply) => {
    const [service, version] = request.url.split('?')[0].split('/').slice(1);
    const error = !OSRM_SERVICES.has(service)
      ? new OsrmError('InvalidUrl', `${request.method} ${request.url.split('?')[0].slice(0, 80)}: no such resource`, 404)
      : version !== 'v1'
        ? new OsrmError('InvalidVersion', `${service}: version ${JSON.stringify(version ?? '')} is not served; use v1`)
        : ['route', 'table', 'nearest'].includes(service)
          ? new OsrmError('InvalidUrl', `${service}: expected ${request.method === 'POST' ? `POST /${service}/v1/{profile}` : `GET /${service}/v1/{profile}/{coordinates}`} (coordinates too long for a URL? POST them as JSON)`)
          : new OsrmError('NotImplemented', `${service}: this server answers route, table and nearest`);
    return reply.status(error.statusCode).send({ code: error.osrmCode, message: error.message });
  });

  app.get('/health', { schema: { hide: true } }, () => ({ status: 'ok', network: options.network.name, scenario: profiles.network.scenario?.name ?? 'current' }));
  app.get('/openapi.json', { schema: { hide: true } }, () => app.swagger());
  registerOsrmRoutes(app, profiles, limits);
  registerSteppenetRoutes(app, options.network, profiles.network);
  registerServiceRoutes(app, new ServiceNetworks(options.network, profiles.network), limits);
  registerWebPage(app, profiles.network);
  return app;
}

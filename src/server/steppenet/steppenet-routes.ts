import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Network } from '../../model/network.js';
import type { Mode } from '../../model/types.js';
import { ServiceError } from './service-schemas.js';
import { routeService } from './route-service.js';
import { RouteBody, RouteQuery, RouteResponse, type RouteRequest } from './schemas.js';

const TAGS = ['steppenet'];
const split = (text: string | undefined) => text?.split(',').map((s) => s.trim()).filter(Boolean);

/** steppenet's own services under /v1: by place names, with the command line's options. */
export function registerSteppenetRoutes(app: FastifyInstance, base: Network, network: Network): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const responses = { 200: RouteResponse, 400: ServiceError, 422: ServiceError };

  api.get('/v1/route', {
    schema: { tags: TAGS, summary: 'Best route between places, options as on the command line', querystring: RouteQuery, response: responses },
  }, (req) => {
    const q = req.query;
    const avoid = { links: split(q.avoidLinks), places: split(q.avoidPlaces), checkpoints: split(q.avoidCheckpoints), countries: split(q.avoidCountries) };
    const request: RouteRequest = {
      ...q,
      via: split(q.via),
      modes: split(q.modes) as Mode[] | undefined,
      avoid: Object.fromEntries(Object.entries(avoid).filter(([, v]) => v !== undefined)),
    };
    return routeService(base, network, request);
  });

  api.post('/v1/route', {
    schema: { tags: TAGS, summary: 'Best route between places, options in a JSON body', body: RouteBody, response: responses },
  }, (req) => routeService(base, network, req.body));
}

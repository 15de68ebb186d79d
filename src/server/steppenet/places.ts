/**
 * The smallest /v1/places and /v1/network the web page needs, registered only
 * where steppenet's services do not already answer them (a fuller version of
 * each lives with the other services; this one steps aside when that is there).
 */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Network } from '../../model/network.js';
import { withScenario } from '../../model/scenario.js';
import { MAX_NAME_LENGTH } from '../../places/name-limit.js';
import { SCENARIO_NAMES } from './schemas.js';

const TAGS = ['steppenet'];

export function registerPlacesAndNetwork(app: FastifyInstance, base: Network, network: Network): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  if (!app.hasRoute({ method: 'GET', url: '/v1/places' })) {
    api.get('/v1/places', {
      schema: {
        tags: TAGS, summary: 'Places whose id, name or alias (any script) matches, typos tolerated, best first',
        querystring: Type.Object({
          q: Type.String({ minLength: 1, maxLength: MAX_NAME_LENGTH, description: 'A name, alias or id, as typed.' }),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, description: 'At most this many matches; default 10.' })),
        }, { additionalProperties: false }),
      },
    }, (req) => {
      const matches = network.placeIndex().search(req.query.q, { limit: req.query.limit ?? 10 });
      return { query: req.query.q, matches: matches.map((m) => ({ ...m.place, matched: m.matched, how: m.how, distance: m.distance })) };
    });
  }
  if (!app.hasRoute({ method: 'GET', url: '/v1/network' })) {
    api.get('/v1/network', {
      schema: {
        tags: TAGS, summary: 'The network as GeoJSON (places and links), the scenario applied',
        querystring: Type.Object({
          scenario: Type.Optional(Type.Unsafe<(typeof SCENARIO_NAMES)[number]>({ type: 'string', enum: [...SCENARIO_NAMES] })),
        }, { additionalProperties: false }),
      },
    }, (req) => {
      const net = req.query.scenario ? withScenario(base, req.query.scenario) : network;
      return { ...net.toGeoJSON(), scenario: net.scenario?.name ?? 'current' };
    });
  }
}

import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { ServerLimits } from '../limits.js';
import { nearestService } from './nearest-service.js';
import { nearestRequestOfQuery, routeRequestOfBody, routeRequestOfQuery, tableRequestOfBody, tableRequestOfQuery } from './osrm-request.js';
import type { ProfileRouters } from './profiles.js';
import { routeService } from './route-service.js';
import {
  ErrorResponse, NearestParams, NearestQuery, NearestResponse, ProfileParams, RouteBody, RouteParams, RouteQuery, RouteResponse,
  TableBody, TableQuery, TableResponse,
} from './schemas.js';
import { tableService } from './table-service.js';

const TAGS = ['OSRM'];

/** OSRM's route, table and nearest services (v1), by GET as osrm-routed takes them, and route and table by POST with a JSON body. */
export function registerOsrmRoutes(app: FastifyInstance, profiles: ProfileRouters, limits: ServerLimits): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const errors = { 400: ErrorResponse, 413: ErrorResponse };

  api.get('/route/v1/:profile/:coordinates', {
    schema: { tags: TAGS, summary: 'Fastest route through the coordinates', params: RouteParams, querystring: RouteQuery, response: { 200: RouteResponse, ...errors } },
  }, (req) => routeService(profiles, req.params.profile, routeRequestOfQuery(req.params.coordinates, req.query), limits));

  api.post('/route/v1/:profile', {
    schema: { tags: TAGS, summary: 'Fastest route, coordinates and options in a JSON body', params: ProfileParams, body: RouteBody, response: { 200: RouteResponse, ...errors } },
  }, (req) => routeService(profiles, req.params.profile, routeRequestOfBody(req.body), limits));

  api.get('/table/v1/:profile/:coordinates', {
    schema: { tags: TAGS, summary: 'Durations and distances between coordinates', params: RouteParams, querystring: TableQuery, response: { 200: TableResponse, ...errors } },
  }, (req) => tableService(profiles, req.params.profile, tableRequestOfQuery(req.params.coordinates, req.query), limits));

  api.post('/table/v1/:profile', {
    schema: { tags: TAGS, summary: 'Durations and distances, coordinates and options in a JSON body', params: ProfileParams, body: TableBody, response: { 200: TableResponse, ...errors } },
  }, (req) => tableService(profiles, req.params.profile, tableRequestOfBody(req.body), limits));

  api.get('/nearest/v1/:profile/:coordinates', {
    schema: { tags: TAGS, summary: 'Places nearest to a coordinate', params: NearestParams, querystring: NearestQuery, response: { 200: NearestResponse, ...errors } },
  }, (req) => nearestService(profiles, req.params.profile, nearestRequestOfQuery(req.params.coordinates, req.query), limits));
}

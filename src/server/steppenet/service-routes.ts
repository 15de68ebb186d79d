import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Static, TSchema } from 'typebox';
import { httpErrorOf } from '../http-error.js';
import type { ServerLimits } from '../limits.js';
import { JobStore, type JobWork } from './jobs.js';
import * as S from './service-schemas.js';
import {
  accessibilityService, alternativesService, borderCutService, compareService, corridorsService, criticalService, disjointService,
  infoService, networkService, placesService, removeService, resilientService, spofService, type Progress, type ServiceNetworks,
} from './services.js';

const TAGS = ['steppenet'];
const errors = { 400: S.ServiceError, 422: S.ServiceError };

type Hooks = { signal?: AbortSignal; onProgress?: Progress };
type Run<T extends TSchema> = (request: Static<T>, hooks: Hooks) => unknown;

/** A long scan answers by Server-Sent Events when the client asks for them. */
const wantsEvents = (request: FastifyRequest) => (request.headers.accept ?? '').includes('text/event-stream');
const event = (name: string, data: unknown) => `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;

/** An AbortSignal that aborts when any of `signals` does (AbortSignal.any is Node 20.3+). */
function anySignal(signals: AbortSignal[]): AbortSignal {
  const controller = new AbortController();
  for (const s of signals) {
    if (s.aborted) controller.abort(s.reason);
    else s.addEventListener('abort', () => controller.abort(s.reason), { once: true });
  }
  return controller.signal;
}

/**
 * A long scan as Server-Sent Events: `progress` events ({done, total}, at
 * most one per percent), then one `result` event (the JSON answer) or one
 * `error` event ({code, message}). The scan stops when the client goes away
 * or after the request time limit (this timer's, not Fastify's: the reply is
 * hijacked, so Fastify's handler timeout leaves the stream alone).
 */
function streamEvents(reply: FastifyReply, work: (hooks: Required<Hooks>) => Promise<unknown>, millis: number) {
  const headers = { ...reply.getHeaders(), 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' };
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, headers as Record<string, string>);
  const write = (text: string, end = false) => {
    if (raw.writableEnded || raw.destroyed) return;
    if (end) raw.end(text);
    else raw.write(text);
  };
  const gone = new AbortController();
  raw.on('close', () => { if (!raw.writableEnded) gone.abort(new Error('client went away')); });
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(Object.assign(new Error('request: took longer than the server allows'), { code: 'FST_ERR_HANDLER_TIMEOUT' })), millis);
  let percent = -1;
  const onProgress: Progress = (done, total) => {
    const p = total > 0 ? Math.floor((100 * done) / total) : 0;
    if (p !== percent) write(event('progress', { done, total }));
    percent = p;
  };
  work({ signal: anySignal([gone.signal, timeout.signal]), onProgress })
    .then((result) => write(event('result', result), true), (error: unknown) => write(event('error', httpErrorOf(error, 'steppenet').body), true))
    .finally(() => clearTimeout(timer));
}

/**
 * steppenet's analysis services under /v1, each by GET (query string) and
 * POST (JSON body) with one schema; the long scans (critical, compare) also
 * by Server-Sent Events and as jobs. See README, section HTTP.
 */
export function registerServiceRoutes(app: FastifyInstance, nets: ServiceNetworks, limits: ServerLimits): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const jobs = new JobStore({ running: limits.jobsRunning, millis: limits.jobMillis, keepMillis: 10 * 60_000 });
  app.addHook('onClose', (_instance, done) => (jobs.close(), done()));

  function service<T extends TSchema>(name: string, summary: string, schema: T, run: Run<T>, options: { long?: boolean; post?: boolean } = {}) {
    const long = options.long === true;
    const description = long
      ? `${summary}. With \`Accept: text/event-stream\` the answer is Server-Sent Events: \`progress\` ({done, total}) then \`result\` (or \`error\`). Also as a job: POST /v1/jobs/${name}.`
      : summary;
    const handler = (input: Static<T>) => (request: FastifyRequest, reply: FastifyReply) => {
      if (long && wantsEvents(request)) return streamEvents(reply, async (hooks) => run(input, hooks), limits.requestMillis);
      return Promise.resolve(run(input, { signal: request.signal })).then((answer) => reply.send(answer));
    };
    const responses = { 200: S.ServiceAnswer, ...errors };
    api.get(`/v1/${name}`, { schema: { tags: TAGS, summary, description, querystring: schema, response: responses } }, (req, reply) => handler(req.query as Static<T>)(req, reply));
    if (options.post !== false) {
      api.post(`/v1/${name}`, { schema: { tags: TAGS, summary: `${summary} (options in a JSON body)`, description, body: schema, response: responses } }, (req, reply) => handler(req.body as Static<T>)(req, reply));
    }
    if (long) {
      api.post(`/v1/jobs/${name}`, {
        schema: { tags: TAGS, summary: `${summary}, as a job: 202 and its id; GET /v1/jobs/{id} for its state, progress and result`, body: schema, response: { 202: S.JobAnswer, ...errors } },
      }, (req, reply) => {
        const work: JobWork = async (signal, onProgress) => (await run(req.body as Static<T>, { signal, onProgress })) as object;
        const job = jobs.start(name, work);
        void reply.status(202).header('location', `/v1/jobs/${job.id}`);
        return job;
      });
    }
  }

  service('places', 'Places by name, alias or id (any script, typos tolerated)', S.PlacesRequest, (r) => placesService(nets, r));
  service('alternatives', 'The k cheapest routes that never pass a place twice', S.AlternativesRequest, (r) => alternativesService(nets, r));
  service('disjoint', 'k routes sharing no link (or no place) at least total cost, and the cut that limits them', S.DisjointRequest, (r) => disjointService(nets, r));
  service('resilient', 'The most resilient of the k cheapest routes: cost + λ × what its worst single link failure adds', S.ResilientRequest, (r) => resilientService(nets, r));
  service('remove', 'What-if: take links out of service and see who detours and who is cut off', S.RemoveRequest, (r) => removeService(nets, r));
  service('critical', 'Links ranked by the demand their single failure disconnects and the detours it forces', S.CriticalRequest, (r, hooks) => criticalService(nets, r, hooks), { long: true });
  service('spof', 'Single points of failure: links and places whose loss alone splits the network', S.SpofRequest, (r) => spofService(nets, r));
  service('border-cut', 'Maximum daily freight flow across the Kazakhstan–Russia border, and its bottleneck', S.BorderCutRequest, (r) => borderCutService(nets, r));
  service('corridors', 'European Russia to western China: the bypass of Kazakhstan against the corridors through it', S.CorridorsRequest, (r) => corridorsService(nets, r));
  service('compare', 'Scenario a against scenario b: which OD pairs change cost or route, gain or lose their connection', S.CompareRequest, (r, hooks) => compareService(nets, r, hooks), { long: true });
  service('accessibility', "Best time (or km, cost) between the border regions' main cities, by each mode and multimodal", S.AccessibilityRequest, (r) => accessibilityService(nets, r));
  service('info', 'Counts of places, links and checkpoints; what the scenario changed', S.InfoRequest, (r) => infoService(nets, r));
  service('network', 'The network as GeoJSON (places, links with their checkpoints), the scenario applied: for a map', S.NetworkRequest, (r) => networkService(nets, r), { post: false });

  api.get('/v1/jobs/:id', { schema: { tags: TAGS, summary: "A job's state (running, done, failed, cancelled), progress and, once done, result", params: S.JobParams, response: { 200: S.JobAnswer, ...errors } } },
    (req) => jobs.get(req.params.id));
  api.delete('/v1/jobs/:id', { schema: { tags: TAGS, summary: 'Cancel a running job (it stops at its next check), or forget a finished one', params: S.JobParams, response: { 200: S.JobAnswer, ...errors } } },
    (req) => jobs.cancel(req.params.id));
}

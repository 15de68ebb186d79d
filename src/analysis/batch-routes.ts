import { SteppenetError, InputError, InternalError } from '../errors/steppenet-error.js';
import type { ErrorCode } from '../errors/error-codes.js';
import { FREIGHT_KINDS, type FreightKind } from '../model/checkpoint-regime.js';
import type { Network } from '../model/network.js';
import { MODES, type Mode } from '../model/types.js';
import { splitPlaceList } from '../places/coordinate-query.js';
import { OBJECTIVES, type Objective } from '../routing/cost-model.js';
import type { RouteResult } from '../routing/route-result.js';
import { Router, type RouterOptions } from '../routing/router.js';
import { withScenario } from '../model/scenario.js';
import { checkShard, shardOf, type Shard } from './shards.js';
import { AUTO_MIN_WORK, autoWorkers, checkWorkers, networkData, runScanPool, type WorkersOption } from './scan-pool.js';
import { plainOptions } from './plain-options.js';

/**
 * One route query of a batch, as a row of an OD file gives it. Empty or
 * missing cells take the batch's defaults. `via` and `mode` are lists
 * separated by `,` or `|` (a coordinate pair "54.98,73.37" stays one place).
 */
export interface BatchQuery {
  /** Where the row came from, for messages (e.g. its line number in the file). */
  line?: number;
  from: string;
  to: string;
  via?: string;
  mode?: string;
  by?: string;
  scenario?: string;
  freight?: string;
}

/** A row's failure: the code of the error (see ERROR_CODES) and its message. */
export interface BatchError {
  code: ErrorCode;
  message: string;
}

/**
 * The answer to one row: `route` when the query ran (its `found` says whether
 * a route exists, and `reason` why not), or `error` when the row itself is
 * wrong (an unknown place, mode, objective, scenario or freight kind).
 */
export interface BatchAnswer {
  query: BatchQuery;
  route?: RouteResult;
  error?: BatchError;
  /** The network under the row's scenario (where its route's links are); absent for a failed row. */
  network?: Network;
}

export interface BatchResult {
  answers: BatchAnswer[];
  /** How many routers were built (one per distinct scenario, objective, modes and freight): each compiles once. */
  routers: number;
}

/** The defaults of a batch's rows: the route options a row does not give (by, modes, scenario, freight, cost, snapKm…). */
export type BatchOptions = RouterOptions;

/**
 * Routes every query, one answer per query in order: a bad row is answered
 * with its error, and every other row is still computed. Rows that share the
 * scenario, objective, modes and freight share one Router, so a thousand rows
 * compile a handful of times. Only a bug (an InternalError, or no
 * SteppenetError) stops the batch.
 */
export function routeBatch(network: Network, queries: readonly BatchQuery[], options: BatchOptions = {}): BatchResult {
  const batch = batchRouter(network, options);
  const answers = queries.map((query) => batch.answer(query));
  return { answers, routers: batch.built().length };
}

/** Options of routeBatchAsync: the rows' defaults, and the worker threads to route on. */
export interface BatchAsyncOptions extends BatchOptions {
  /**
   * Worker threads to route the rows on (default 1: this thread). With 2 or
   * more, the rows are cut into shards (rows i, i + K, … of shard i of K),
   * each thread compiles its own routers and routes its shards, and the
   * answers come back in row order: the same answers as routeBatch. Each
   * answer is copied back from its thread, which on the bundled network costs
   * about what routing the row does: there, threads do not pay, and 'auto'
   * (AUTO_MIN_WORK.batch) keeps one.
   */
  workers?: WorkersOption;
  /** Called in this thread after each row with (done, total). */
  onProgress?: (done: number, total: number) => void;
  /** Once aborted, the batch stops (its workers terminated) and throws the signal's reason. */
  signal?: AbortSignal;
}

/** Shards per worker thread: a thread slowed by other load takes fewer of them. */
const SHARDS_PER_WORKER = 4;

/** What a worker needs to route shards of a batch: the rows and the defaults as plain data. */
export interface BatchPayload {
  queries: BatchQuery[];
  options: BatchOptions;
}

/** A shard of a batch as it comes back from a worker: its answers (without networks) and the routers it built. */
export interface BatchShardResult {
  answers: Omit<BatchAnswer, 'network'>[];
  profiles: string[];
}

/**
 * routeBatch on worker threads (`workers` ≥ 2) or, with one, in this thread.
 * The answers equal routeBatch's, row by row; each answer's network is this
 * thread's network under the row's scenario, as routeBatch gives it.
 */
export async function routeBatchAsync(network: Network, queries: readonly BatchQuery[], options: BatchAsyncOptions = {}): Promise<BatchResult> {
  const workers = autoWorkers(checkWorkers(options.workers, 'routeBatchAsync'), queries.length, AUTO_MIN_WORK.batch);
  const { onProgress, signal } = options;
  if (workers === 1) {
    const batch = batchRouter(network, options);
    const answers: BatchAnswer[] = [];
    for (const [n, query] of queries.entries()) {
      if (n % 64 === 0) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        signal?.throwIfAborted();
      }
      answers.push(batch.answer(query));
      onProgress?.(n + 1, queries.length);
    }
    return { answers, routers: batch.built().length };
  }
  const K = Math.max(1, Math.min(queries.length, workers * SHARDS_PER_WORKER));
  let done = 0;
  const payload: BatchPayload = { queries: [...queries], options: plainOptions(options) };
  const parts = await runScanPool<BatchShardResult>(
    { kind: 'batch', network: networkData(network), payload },
    { workers, shards: K, signal, onItem: () => onProgress?.(++done, queries.length) },
  );
  // Row r is answer ⌊r / K⌋ of shard r mod K; its network, the one its Router routed on: this thread's network under its scenario.
  const networks = new Map<string, Network>();
  const answers = queries.map((query, r): BatchAnswer => {
    const answer = parts[r % K].answers[Math.floor(r / K)];
    if (answer.error) return { ...answer, query };
    const profile = profileOf(query, options);
    const key = JSON.stringify(profile);
    let net = networks.get(key);
    if (!net) networks.set(key, (net = withScenario(network, profile.scenario)));
    return { ...answer, query, network: net };
  });
  return { answers, routers: new Set(parts.flatMap((p) => p.profiles)).size };
}

/** In a worker thread: routers built as rows need them, then any shard of the rows routed. */
export function batchShardRouter(network: Network, payload: BatchPayload): (shard: Shard, onItem: (id: string) => void) => BatchShardResult {
  const batch = batchRouter(network, payload.options);
  return (shard, onItem) => {
    checkShard(shard, 'routeBatch');
    const answers = shardOf(payload.queries, shard).map((query) => {
      const { network: _network, ...answer } = batch.answer(query);
      onItem(String(query.line ?? ''));
      return answer;
    });
    return { answers, profiles: batch.built() };
  };
}

/** One Router per profile (scenario, objective, modes, freight), built on the first row that needs it. */
function batchRouter(network: Network, options: BatchOptions) {
  const routers = new Map<string, Router | BatchError>();
  const answer = (query: BatchQuery): BatchAnswer => {
    try {
      const profile = profileOf(query, options);
      const key = JSON.stringify(profile);
      let router = routers.get(key);
      if (!router) {
        try {
          router = new Router(network, { ...options, ...profile });
        } catch (e) {
          router = asBatchError(e);
        }
        routers.set(key, router);
      }
      if (!(router instanceof Router)) return { query, error: router };
      const from = required(query.from, 'from');
      const to = required(query.to, 'to');
      const route = router.route(from, to, query.via ? splitPlaceList(query.via, ',|') : []);
      return { query, route, network: router.network };
    } catch (e) {
      return { query, error: asBatchError(e) };
    }
  };
  /** The profiles whose Router was built (not those that failed to build). */
  const built = () => [...routers].filter(([, r]) => r instanceof Router).map(([key]) => key);
  return { answer, built };
}

/** The row's scenario, objective, modes and freight, over the batch's defaults. */
function profileOf(query: BatchQuery, defaults: BatchOptions): Pick<RouterOptions, 'scenario' | 'by' | 'modes' | 'freight'> {
  const by = cell(query.by)?.toLowerCase();
  if (by !== undefined && !(OBJECTIVES as readonly string[]).includes(by)) throw new BatchRowError(`by: "${query.by}" is no objective (${OBJECTIVES.join(', ')})`);
  const freight = cell(query.freight)?.toLowerCase();
  if (freight !== undefined && !(FREIGHT_KINDS as readonly string[]).includes(freight)) throw new BatchRowError(`freight: "${query.freight}" is no freight kind (${FREIGHT_KINDS.join(', ')})`);
  const modeCell = cell(query.mode);
  let modes: readonly Mode[] | undefined = defaults.modes;
  if (modeCell !== undefined) {
    const names = modeCell.toLowerCase().split(/[,|\s]+/).filter(Boolean);
    const bad = names.filter((m) => !(MODES as readonly string[]).includes(m));
    if (bad.length || names.length === 0) throw new BatchRowError(`mode: "${modeCell}" names no mode${bad.length ? ` (${bad.join(', ')} unknown)` : ''}; modes: ${MODES.join(', ')}`);
    modes = [...new Set(names as Mode[])].sort();
  }
  return {
    scenario: cell(query.scenario) ?? defaults.scenario,
    by: (by as Objective | undefined) ?? defaults.by,
    modes,
    freight: (freight as FreightKind | undefined) ?? defaults.freight,
  };
}

const cell = (value: string | undefined): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

function required(value: string | undefined, column: string): string {
  const v = cell(value);
  if (v === undefined) throw new BatchRowError(`${column} is empty`);
  return v;
}

/** A row of a batch that is wrong in itself (an empty place, an unknown mode). */
export class BatchRowError extends InputError {}

function asBatchError(e: unknown): BatchError {
  if (e instanceof SteppenetError && !(e instanceof InternalError)) return { code: e.code, message: e.message };
  throw e;
}

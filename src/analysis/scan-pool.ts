import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { InputError, InternalError } from '../errors/steppenet-error.js';
import type { Network } from '../model/network.js';
import type { NetworkFile } from '../model/types.js';
import type { ScenarioSummary } from '../model/scenario-summary.js';
import type { ValidateOptions } from '../model/validate-network.js';
import { reviveWorkerError, type WorkerErrorData } from './worker-errors.js';

/*
 * A small worker pool for one scan: `workers` threads each receive the
 * network once (its GeoJSON: a structured clone, ~20 ms, where loading and
 * validating it again would take ~0.4 s), set the scan up once (compile, and
 * route the OD set: the baseline), then take shards of the scan one after
 * another until none is left, so a thread slowed by other load takes fewer.
 * Each shard is scored exactly as `--shard I/N` scores it, and the caller
 * merges the shards as `steppenet merge` does: the result equals the scan in
 * one thread, bit for bit.
 *
 * Not piscina: the pool lives for one scan, its workers keep per-scan state
 * (the network and the routed baseline) across shards, errors must come back
 * as steppenet's own classes, and progress streams per item; this is all of it.
 */

/** A network as it crosses to a worker: its (valid) GeoJSON, name, scenario summary and validation options. */
export interface NetworkData {
  file: NetworkFile;
  name: string;
  scenario?: ScenarioSummary;
  validation: ValidateOptions;
}

export function networkData(network: Network): NetworkData {
  return { file: network.toGeoJSON(), name: network.name, scenario: network.scenario, validation: network.validation };
}

/** What a worker sets up once: which scan, on which network, with what (plain data only). */
export interface ScanJob {
  kind: 'links' | 'areas' | 'batch';
  network: NetworkData;
  payload: unknown;
}

/** Messages of the protocol between the pool and a worker. */
export type ToWorker = { type: 'shard'; index: number; count: number };
export type FromWorker =
  | { type: 'ready' }
  | { type: 'item'; id: string }
  | { type: 'done'; index: number; result: unknown }
  | { type: 'error'; error: WorkerErrorData };

export interface PoolRun {
  /** Worker threads to start (at most one per shard). */
  workers: number;
  /** Shards to cut the scan into; each worker takes the next one when it finishes one. */
  shards: number;
  signal?: AbortSignal;
  /** Called in the main thread for every item (link, area, row) a worker finishes. */
  onItem?: (id: string) => void;
}

/** The option `workers` of the scans: a whole number from 1 to MAX_WORKERS, or 'auto'. */
export const MAX_WORKERS = 64;

/** What `workers` may be: a count of threads, or 'auto' (the scan decides by its size: see autoWorkers). */
export type WorkersOption = number | 'auto';

export function checkWorkers(workers: unknown, functionName: string): WorkersOption {
  if (workers === undefined) return 1;
  if (workers === 'auto') return workers;
  if (typeof workers !== 'number' || !Number.isInteger(workers) || workers < 1 || workers > MAX_WORKERS) {
    throw new InputError(`${functionName}: option workers must be a whole number from 1 to ${MAX_WORKERS} or 'auto', got ${JSON.stringify(workers)}`);
  }
  return workers;
}

/**
 * Work below which 'auto' stays in one thread. Scans: items × OD pairs. A
 * worker thread costs some 0.3 s to start (importing the modules) plus the
 * scan's set-up (routing the OD set: 0.2–0.4 s on the bundled network), which
 * the link scan (363 links × 342 pairs), the region scan and 1° cells do not
 * win back; 0.5° cells (1,432 × 342) break even, 0.25° cells (3,318 × 342)
 * gain (1.34×, loaded machine). Batches: never — a row of the bundled
 * network routes in some 0.07 ms and its answer takes about as long to
 * cross from a thread (structured clone, both ends), so 20,000 rows took
 * 3.4 s of CPU in one thread and 5.3–5.8 s on two, and longer in wall time.
 * `workers: N` still spreads a batch where a route costs far more than its
 * answer. bench/results/criticality.md has the scans' measurements.
 */
export const AUTO_MIN_WORK = { scan: 600_000, batch: Infinity } as const;

/** 'auto': every core (os.availableParallelism()) when the work is at least `threshold`, else 1; a number stays as it is. */
export function autoWorkers(workers: WorkersOption, work: number, threshold: number): number {
  if (workers !== 'auto') return workers;
  return work >= threshold ? Math.min(MAX_WORKERS, availableParallelism()) : 1;
}

/**
 * Runs shards 0 … shards-1 of `job` on a pool of worker threads and returns
 * their results by shard index. Rejects with the first worker's error (revived
 * as its class) or the signal's reason; either way every worker is terminated.
 */
export function runScanPool<R>(job: ScanJob, run: PoolRun): Promise<R[]> {
  const { signal, onItem } = run;
  const count = Math.max(1, run.shards);
  const size = Math.max(1, Math.min(run.workers, count));
  return new Promise<R[]>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const results: R[] = new Array(count);
    const workers: Worker[] = [];
    let next = 0;
    let finished = 0;
    let settled = false;
    const stop = (error?: unknown) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      // terminate() also ends a worker busy in a long synchronous loop.
      for (const w of workers) void w.terminate();
      if (error !== undefined) reject(error);
      else resolve(results);
    };
    const onAbort = () => stop(signal!.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    const give = (w: Worker) => {
      if (next < count) w.postMessage({ type: 'shard', index: next++, count } satisfies ToWorker);
    };
    const entry = workerEntry();
    for (let i = 0; i < size; i++) {
      let w: Worker;
      try {
        w = entry.start(job);
      } catch (e) {
        // An option that is no plain data (a class instance, a function deep inside) cannot cross to a thread.
        if (e instanceof Error && e.name === 'DataCloneError') return stop(new InputError(`worker threads: an option cannot be sent to a worker thread (only plain data crosses): ${e.message}`, { cause: e }));
        return stop(e);
      }
      workers.push(w);
      w.on('message', (m: FromWorker) => {
        if (settled) return;
        if (m.type === 'ready') give(w);
        else if (m.type === 'item') onItem?.(m.id);
        else if (m.type === 'done') {
          results[m.index] = m.result as R;
          if (++finished === count) stop();
          else give(w);
        } else if (m.type === 'error') stop(reviveWorkerError(m.error));
      });
      // The worker reports its own errors ('error' messages); an uncaught one here is a bug or a failed start.
      w.on('error', (e) => stop(new InternalError(`a scan worker failed: ${e instanceof Error ? e.message : String(e)}`, { cause: e })));
      w.on('exit', (code) => {
        if (!settled) stop(new InternalError(`a scan worker stopped (exit code ${code}) before the scan was done`));
      });
    }
  });
}

/**
 * The worker script, next to this module: scan-worker.js when running from
 * dist/ (the CLI, the library); scan-worker.ts from the sources (vitest, tsx),
 * started through tsx's loader, which then must be installed (a dev dependency).
 */
function workerEntry(): { start(job: ScanJob): Worker } {
  const js = new URL('./scan-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(js))) return { start: (job) => new Worker(js, { workerData: job }) };
  const ts = new URL('./scan-worker.ts', import.meta.url);
  if (!existsSync(fileURLToPath(ts))) throw new InternalError(`the scan worker script is missing: neither ${fileURLToPath(js)} nor ${fileURLToPath(ts)} exists`);
  const loader = tsxLoader();
  // An eval'd bootstrap: register tsx's hooks in the worker, then import the TypeScript entry.
  const bootstrap = `import(${JSON.stringify(loader)}).then(({ register }) => { register(); return import(${JSON.stringify(ts.href)}); })`;
  return { start: (job) => new Worker(bootstrap, { eval: true, workerData: job }) };
}

/** tsx's ESM API (tsx/esm/api, its import condition), as a file URL. */
function tsxLoader(): string {
  let pkg: string;
  try {
    pkg = createRequire(import.meta.url).resolve('tsx/package.json');
  } catch (e) {
    throw new InternalError('scan workers from the TypeScript sources need tsx (a dev dependency): run npm ci, or run from dist/ (npm run build)', { cause: e });
  }
  const exports = JSON.parse(readFileSync(pkg, 'utf8')).exports?.['./esm/api']?.import;
  const path = typeof exports === 'string' ? exports : exports?.default;
  if (typeof path !== 'string') throw new InternalError(`tsx at ${dirname(pkg)} offers no ./esm/api import`);
  return pathToFileURL(join(dirname(pkg), path)).href;
}

import { randomUUID } from 'node:crypto';
import type { ErrorCode } from '../../errors/error-codes.js';
import { InputError } from '../../errors/steppenet-error.js';
import { httpErrorOf } from '../http-error.js';

/** Too many jobs under way, or a job ran longer than the server allows: code LIMIT_EXCEEDED. */
export class JobLimitError extends InputError {
  static override readonly code: ErrorCode = 'LIMIT_EXCEEDED';
}

/** A job id that is not (or no longer) there: code UNKNOWN_NAME. */
export class UnknownJobError extends InputError {
  static override readonly code: ErrorCode = 'UNKNOWN_NAME';
  constructor(id: string) {
    super(`job ${id}: no such job (finished jobs are kept for a while, then forgotten)`);
  }
}

/** Finished jobs kept at most (their results can be large). */
const KEPT_JOBS = 100;

export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

/** What GET /v1/jobs/{id} answers. */
export interface JobView {
  id: string;
  kind: string;
  state: JobState;
  progress: { done: number; total: number };
  result?: object;
  error?: { code: string; message: string };
}

interface Job extends JobView {
  controller: AbortController;
  finished?: number;
}

export interface JobLimits {
  /** Jobs running at once; one more is refused (LIMIT_EXCEEDED). */
  running: number;
  /** Milliseconds a job may run before it is stopped (failed, LIMIT_EXCEEDED). */
  millis: number;
  /** Milliseconds a finished job's result is kept. */
  keepMillis: number;
}

/** A long scan's work: it reports progress, and stops (throws) once `signal` aborts. */
export type JobWork = (signal: AbortSignal, onProgress: (done: number, total: number) => void) => Promise<object>;

/**
 * The long scans run as jobs: started by POST, watched by GET (state,
 * progress, then the result), cancelled by DELETE. The work gives the event
 * loop turns (linkCriticalityAsync), so the server answers meanwhile.
 */
export class JobStore {
  private readonly jobs = new Map<string, Job>();

  constructor(private readonly limits: JobLimits) {}

  start(kind: string, work: JobWork): JobView {
    this.forgetOld();
    const running = [...this.jobs.values()].filter((j) => j.state === 'running').length;
    if (running >= this.limits.running) throw new JobLimitError(`jobs: ${running} are running, the most this server runs at once; wait for one or cancel it`);
    const job: Job = { id: randomUUID(), kind, state: 'running', progress: { done: 0, total: 0 }, controller: new AbortController() };
    this.jobs.set(job.id, job);
    const timer = setTimeout(() => job.controller.abort(new JobLimitError(`job: ran longer than the ${this.limits.millis} ms this server allows`)), this.limits.millis);
    work(job.controller.signal, (done, total) => (job.progress = { done, total }))
      .then((result) => {
        if (job.state === 'running') Object.assign(job, { state: 'done', result });
      }, (error: unknown) => {
        if (job.state === 'running') Object.assign(job, { state: 'failed', error: httpErrorOf(error, 'steppenet').body });
      })
      .finally(() => {
        clearTimeout(timer);
        job.finished = Date.now();
      });
    return view(job);
  }

  get(id: string): JobView {
    const job = this.jobs.get(id);
    if (!job) throw new UnknownJobError(id);
    return view(job);
  }

  /** Stops a running job (its work throws at its next check); a finished one is forgotten. */
  cancel(id: string): JobView {
    const job = this.jobs.get(id);
    if (!job) throw new UnknownJobError(id);
    if (job.state === 'running') {
      job.state = 'cancelled';
      job.controller.abort(new JobLimitError('job: cancelled'));
    } else {
      this.jobs.delete(id);
    }
    return view(job);
  }

  /** Stops every running job (the server is closing). */
  close(): void {
    for (const job of this.jobs.values()) if (job.state === 'running') this.cancel(job.id);
  }

  /** Forgets finished jobs older than keepMillis, and beyond the newest KEPT_JOBS (a Map iterates oldest first). */
  private forgetOld(): void {
    const now = Date.now();
    const finished = [...this.jobs.values()].filter((j) => j.finished !== undefined);
    finished.forEach((job, i) => {
      if (now - job.finished! > this.limits.keepMillis || finished.length - i > KEPT_JOBS) this.jobs.delete(job.id);
    });
  }
}

function view({ id, kind, state, progress, result, error }: Job): JobView {
  return { id, kind, state, progress, ...(result !== undefined ? { result } : {}), ...(error ? { error } : {}) };
}

import type { ParsedArgs } from './command.js';
import { UsageError } from './usage-error.js';

/** --workers: the worker threads of a scan or batch. */
export const WORKERS_OPTION = {
  workers: {
    type: 'string', value: 'N|auto', defaultText: 'auto',
    description: 'worker threads to spread the work over (1: this thread alone); auto: every core when the job is big enough to pay for starting them (some 0.5 s each), else one',
  },
} as const;

/** --workers N (a whole number from 1 to 64) or auto (the default). */
export function workersOption(args: ParsedArgs, usage: string): number | 'auto' {
  const value = args.values.workers;
  if (value === undefined || value === 'auto') return 'auto';
  const n = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value.trim()) || !(n >= 1 && n <= 64)) throw new UsageError(`--workers must be a whole number from 1 to 64, or auto; got ${JSON.stringify(value)}`, usage);
  return n;
}

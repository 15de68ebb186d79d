/** What the resilience commands (alternatives, disjoint, resilient, spof, border-cut) share: a library argument error is a usage error. */
import { ResilienceArgumentError } from '../analysis/compiled-index.js';
import { UsageError } from './usage-error.js';

/** Runs a library call; an argument it rejects (ResilienceArgumentError) is a usage error of the command. */
export function asUsage<T>(usage: string, call: () => T): T {
  try {
    return call();
  } catch (e) {
    if (e instanceof ResilienceArgumentError) throw new UsageError(e.message, usage);
    throw e;
  }
}

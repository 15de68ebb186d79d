import { DataError, InputError, InternalError, SteppenetError, SystemError } from '../errors/steppenet-error.js';
import type { ErrorCode } from '../errors/error-codes.js';
import { NetworkValidationError } from '../model/network-validation-error.js';
import { UnknownRegionError } from '../model/regions.js';
import { ScenarioError, UnknownScenarioError } from '../model/scenario.js';
import { NoPlaceNearbyError } from '../model/no-place-nearby-error.js';
import { CoordinateError } from '../places/coordinate-query.js';
import { UnknownPlaceError } from '../places/unknown-place-error.js';
import { CompileOptionError } from '../routing/compile-network.js';
import { AvoidError } from '../routing/resolve-avoid.js';
import { InvalidCostParameterError } from '../routing/cost-model.js';
import { RouteOptionError } from '../routing/route-option-error.js';
import { LinkSelectionError } from './link-selection.js';
import { OdPairError } from './od-pairs.js';
import { ShardError } from './shards.js';

/*
 * An error thrown in a worker thread crosses to the main thread as plain data
 * (structured clone keeps only an Error's message), and is revived there as
 * the same class: the errors a scan can throw are listed below; any other
 * SteppenetError comes back as its category (InputError, DataError,
 * SystemError, InternalError) with its own name and code; anything else as an
 * InternalError (a bug), its stack the worker's.
 */

/** An error as it crosses from a worker: class name, code, message, stack and own fields (plain data). */
export interface WorkerErrorData {
  name: string;
  code?: ErrorCode;
  category?: 'InputError' | 'DataError' | 'SystemError' | 'InternalError';
  message: string;
  stack?: string;
  fields: Record<string, unknown>;
}

type AnyErrorClass = abstract new (...args: never[]) => Error;

const KNOWN: readonly AnyErrorClass[] = [
  InputError, DataError, SystemError, InternalError,
  NetworkValidationError, UnknownRegionError, ScenarioError, UnknownScenarioError, NoPlaceNearbyError,
  CoordinateError, UnknownPlaceError, CompileOptionError, AvoidError, InvalidCostParameterError, RouteOptionError,
  LinkSelectionError, OdPairError, ShardError,
];
const CATEGORIES = { InputError, DataError, SystemError, InternalError } as const;

const registered = new Map<string, AnyErrorClass>(KNOWN.map((c) => [c.name, c]));

/** The error as plain data for postMessage. */
export function serializeWorkerError(e: unknown): WorkerErrorData {
  if (!(e instanceof Error)) return { name: 'Error', message: String(e), fields: {} };
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(e)) {
    if (key === 'message' || key === 'name' || key === 'stack' || key === 'code' || key === 'cause') continue;
    try {
      fields[key] = structuredClone(value);
    } catch {
      // A field that cannot cross (a function, a class instance with one) stays behind.
    }
  }
  const category = e instanceof SteppenetError
    ? (Object.keys(CATEGORIES) as (keyof typeof CATEGORIES)[]).find((k) => e instanceof CATEGORIES[k])
    : undefined;
  return { name: e.name, code: e instanceof SteppenetError ? e.code : undefined, category, message: e.message, stack: e.stack, fields };
}

/** The error again, in the main thread: the same class when it is one a scan throws, else its category. */
export function reviveWorkerError(data: WorkerErrorData): Error {
  const known = registered.get(data.name);
  const cls = known ?? (data.category ? CATEGORIES[data.category] : InternalError);
  const error = Object.create(cls.prototype) as Error & { code?: ErrorCode };
  Object.defineProperty(error, 'message', { value: data.message, writable: true, configurable: true, enumerable: false });
  Object.defineProperty(error, 'stack', { value: data.stack ?? `${data.name}: ${data.message}`, writable: true, configurable: true, enumerable: false });
  Object.assign(error, data.fields);
  error.name = data.name;
  // A non-SteppenetError in a worker is a bug: InternalError's code.
  Object.defineProperty(error, 'code', { value: data.code ?? 'INTERNAL', writable: false, enumerable: true, configurable: true });
  return error;
}

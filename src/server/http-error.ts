import { AccessibilityArgumentError } from '../analysis/accessibility.js';
import { CorridorArgumentError } from '../analysis/compare-corridors.js';
import { ResilienceArgumentError } from '../analysis/compiled-index.js';
import { LinkSelectionError } from '../analysis/link-selection.js';
import { OdPairError } from '../analysis/od-pairs.js';
import { InputLimitError } from '../model/limits.js';
import { UnknownRegionError } from '../model/regions.js';
import { ScenarioError } from '../model/scenario.js';
import { UnknownPlaceError } from '../places/unknown-place-error.js';
import { CompileOptionError, InvalidMonthError } from '../routing/compile-network.js';
import { InvalidCostParameterError } from '../routing/cost-model.js';
import { RouteOptionError } from '../routing/route-option-error.js';
import { AvoidError } from '../routing/resolve-avoid.js';
import { OsrmError } from './osrm/osrm-error.js';

/** What the server answers for an error: the HTTP status and a body with a machine-readable code and a message. */
export interface HttpError {
  statusCode: number;
  body: { code: string; message: string };
}

/** The library's errors that mean the request asked for something wrong (the CLI exits 2 for them). */
const INPUT_ERRORS = [
  UnknownPlaceError, LinkSelectionError, OdPairError, AccessibilityArgumentError, CorridorArgumentError, ResilienceArgumentError,
  UnknownRegionError, InputLimitError, CompileOptionError, InvalidMonthError, InvalidCostParameterError, RouteOptionError, AvoidError, ScenarioError,
];

/** Ajv keywords that a value of the right form but out of range fails; every other keyword means a malformed query. */
const RANGE_KEYWORDS = new Set(['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum']);

interface FastifyLikeError {
  code?: string;
  statusCode?: number;
  message?: string;
  validation?: { keyword: string; instancePath: string; params: Record<string, unknown>; message?: string }[];
  validationContext?: string;
}

/**
 * The one place errors become HTTP answers. OSRM's codes throughout (400,
 * as OSRM answers every error): a malformed query InvalidQuery, an unknown
 * option InvalidOptions, a value out of range or a name the network does
 * not know InvalidValue, each naming the parameter. Anything unforeseen is
 * a 500 that says nothing of the internals (the log has it).
 */
export function httpErrorOf(error: unknown): HttpError {
  if (error instanceof OsrmError) return { statusCode: error.statusCode, body: { code: error.code, message: error.message } };
  const e = (error ?? {}) as FastifyLikeError;
  if (Array.isArray(e.validation) && e.validation.length > 0) {
    const [first] = e.validation;
    const where = e.validationContext === 'querystring' || e.validationContext === 'body' ? '' : `${e.validationContext ?? ''} `;
    const parameter = `${where}${first.instancePath.replace(/^\//, '').replaceAll('/', '.') || (e.validationContext ?? 'request')}`;
    if (first.keyword === 'additionalProperties') {
      return { statusCode: 400, body: { code: 'InvalidOptions', message: `${String(first.params.additionalProperty)}: not an option of this service` } };
    }
    const code = RANGE_KEYWORDS.has(first.keyword) ? 'InvalidValue' : 'InvalidQuery';
    const allowed = Array.isArray(first.params.allowedValues) ? `must be one of ${first.params.allowedValues.join(', ')}` : undefined;
    return { statusCode: 400, body: { code, message: `${parameter}: ${allowed ?? first.message ?? 'is invalid'}` } };
  }
  if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return { statusCode: 413, body: { code: 'TooBig', message: 'request body: larger than the server takes' } };
  if (e.code === 'FST_ERR_HANDLER_TIMEOUT') return { statusCode: 503, body: { code: 'TooBig', message: 'request: took longer than the server allows' } };
  // Fastify's own refusals of a request (bad JSON, wrong content type…): its status, the message says what.
  if (typeof e.code === 'string' && e.code.startsWith('FST_') && typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return { statusCode: e.statusCode, body: { code: 'InvalidQuery', message: e.message ?? 'malformed request' } };
  }
  if (error instanceof ScenarioError && error.kind === 'invalid') return internal();
  if (INPUT_ERRORS.some((type) => error instanceof type)) return { statusCode: 400, body: { code: 'InvalidValue', message: (error as Error).message } };
  return internal();
}

const internal = (): HttpError => ({ statusCode: 500, body: { code: 'InternalError', message: 'internal error; the server log has the details' } });

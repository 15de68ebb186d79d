import { httpError } from '../errors/http-error.js';
import { InputError } from '../errors/steppenet-error.js';
import { UnknownPlaceError } from '../places/unknown-place-error.js';
import { OsrmError } from './osrm/osrm-error.js';

/** What the server answers for an error: the HTTP status and a body with a machine-readable code and a message. */
export interface HttpAnswer {
  statusCode: number;
  body: { code: string; message: string; suggestions?: { id: string; name: string; country: string; kind: string }[] };
}

/**
 * Whose codes an answer speaks: OSRM's on the OSRM-compatible services (its
 * clients branch on them), steppenet's (ERROR_CODES) on its own services.
 */
export type ErrorCodes = 'osrm' | 'steppenet';

/** Ajv keywords that a value of the right form but out of range fails; every other keyword means a malformed request. */
const RANGE_KEYWORDS = new Set(['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum']);

interface FastifyLikeError {
  code?: string;
  statusCode?: number;
  message?: string;
  validation?: { keyword: string; instancePath: string; params: Record<string, unknown>; message?: string }[];
  validationContext?: string;
}

/**
 * The one place errors become HTTP answers. A request the schema refuses,
 * or a body too large, is the caller's (400, 413), with a message naming the
 * parameter; OSRM's codes say how (InvalidQuery malformed, InvalidValue out
 * of range, InvalidOptions an unknown option, TooBig). The library's errors
 * map by category (src/errors: InputError 400, DataError 422, anything else
 * 500 saying nothing of the internals); on the OSRM services an InputError
 * is InvalidValue, as OSRM calls a well-formed value it cannot use.
 */
export function httpErrorOf(error: unknown, codes: ErrorCodes): HttpAnswer {
  if (error instanceof OsrmError) return { statusCode: error.statusCode, body: { code: error.osrmCode, message: error.message } };
  const osrm = codes === 'osrm';
  const e = (error ?? {}) as FastifyLikeError;
  if (Array.isArray(e.validation) && e.validation.length > 0) {
    const [first] = e.validation;
    const where = e.validationContext === 'querystring' || e.validationContext === 'body' ? '' : `${e.validationContext ?? ''} `;
    // "modes/0" is the first item of the list modes: steppenet's message names the parameter first ("modes: item 1 …").
    const segments = first.instancePath.split('/').filter(Boolean);
    const item = osrm ? -1 : segments.findIndex((seg) => /^\d+$/.test(seg));
    const path = item < 0 ? segments.join('.') : `${segments.slice(0, item).join('.')}: item ${Number(segments[item]) + 1}${segments.length > item + 1 ? `, ${segments.slice(item + 1).join('.')}` : ''}`;
    const parameter = `${where}${path || (e.validationContext ?? 'request')}`;
    if (first.keyword === 'additionalProperties') {
      return caller(osrm ? 'InvalidOptions' : 'INVALID_ARGUMENT', `${String(first.params.additionalProperty)}: not an option of this service`);
    }
    const allowed = Array.isArray(first.params.allowedValues) ? `must be one of ${first.params.allowedValues.join(', ')}` : undefined;
    const message = `${parameter}: ${allowed ?? first.message ?? 'is invalid'}`;
    return caller(!osrm ? 'INVALID_ARGUMENT' : RANGE_KEYWORDS.has(first.keyword) ? 'InvalidValue' : 'InvalidQuery', message);
  }
  if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return { statusCode: 413, body: { code: osrm ? 'TooBig' : 'LIMIT_EXCEEDED', message: 'request body: larger than the server takes' } };
  if (e.code === 'FST_ERR_HANDLER_TIMEOUT') return { statusCode: 503, body: { code: osrm ? 'TooBig' : 'LIMIT_EXCEEDED', message: 'request: took longer than the server allows' } };
  // Fastify's own refusals of a request (bad JSON, wrong content type…): its status, the message says what.
  if (typeof e.code === 'string' && e.code.startsWith('FST_') && typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return { statusCode: e.statusCode, body: { code: osrm ? 'InvalidQuery' : 'INVALID_ARGUMENT', message: e.message ?? 'malformed request' } };
  }
  if (osrm && error instanceof InputError) return caller('InvalidValue', error.message);
  const { status, code, message } = httpError(error);
  // An unknown or ambiguous place: the closest places, for a client to offer.
  const suggestions = !osrm && error instanceof UnknownPlaceError
    ? error.suggestions.map(({ place }) => ({ id: place.id, name: place.name, country: place.country, kind: place.kind }))
    : undefined;
  return { statusCode: status, body: { code, message, ...(suggestions ? { suggestions } : {}) } };
}

const caller = (code: string, message: string): HttpAnswer => ({ statusCode: 400, body: { code, message } });

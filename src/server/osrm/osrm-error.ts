import { InputError } from '../../errors/steppenet-error.js';

/** OSRM's `code` strings for a failed request (docs/http.md, "Responses"), plus its service codes NoRoute and NotImplemented. */
export const OSRM_ERROR_CODES = [
  'InvalidUrl', 'InvalidService', 'InvalidVersion', 'InvalidOptions', 'InvalidQuery', 'InvalidValue',
  'NoSegment', 'TooBig', 'NoRoute', 'NotImplemented',
] as const;
export type OsrmErrorCode = (typeof OSRM_ERROR_CODES)[number];

/**
 * A request an OSRM service refuses: an InputError (what the request asks
 * is answered no), with OSRM's code as `osrmCode` and a message naming the
 * parameter. HTTP 400, as OSRM answers every error, unless `statusCode`
 * says otherwise (404 for a path that is no service at all).
 */
export class OsrmError extends InputError {
  constructor(
    readonly osrmCode: OsrmErrorCode,
    message: string,
    readonly statusCode = 400,
  ) {
    super(message);
  }
}

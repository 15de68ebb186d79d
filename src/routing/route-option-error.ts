import { InputError } from '../errors/steppenet-error.js';

/** A route() option outside its allowed values; the message names the option and the values. */
export class RouteOptionError extends InputError {
  constructor(readonly option: string, value: unknown, allowed: readonly string[]) {
    super(`route: options.${option} must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
  }
}

import { InputError } from '../errors/steppenet-error.js';

/** A command-line mistake: an InputError that carries the command's usage line, printed under it (exit code 2). */
export class UsageError extends InputError {
  constructor(
    message: string,
    readonly usage: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

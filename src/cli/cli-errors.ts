/** The input data cannot answer the command (e.g. a network without region centres): exit code 1, no usage line. */
export class DataError extends Error {
  override name = 'DataError';
}

/**
 * An output cannot be written. `exitCode` 2 when the command line names an
 * impossible place (an existing file where a folder is wanted, a path under a
 * file, an empty path, a place without write permission), 1 when the
 * system fails part-way (a full disk, an I/O error).
 */
export class OutputError extends Error {
  override name = 'OutputError';
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
    readonly code?: string,
  ) {
    super(message);
  }
}

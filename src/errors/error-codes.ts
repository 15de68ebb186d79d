/**
 * Every code a steppenet error carries, with what it means: the one list.
 * Programs branch on these (an HTTP client, a script reading `--format json`),
 * so a code is never renamed or given a new meaning; a new kind of failure
 * gets a new code. Which category (and so which exit code or HTTP status)
 * a code belongs to is the class that carries it: see ./steppenet-error.ts.
 */
export const ERROR_CODES = {
  // InputError: the caller's argument, option or name is wrong.
  INVALID_ARGUMENT: 'an argument or option is out of range or of the wrong kind',
  UNKNOWN_PLACE: 'a place name or id names no single place (nothing matched, or several did); `suggestions` has the closest',
  UNKNOWN_NAME: 'a region, link, checkpoint, country, scenario or graph node that is not there; the message names the closest',
  LIMIT_EXCEEDED: 'a value beyond one of the limits of src/model/limits.ts',
  INVALID_COORDINATES: 'a place given as coordinates ("54.98,73.37" lat,lon or "lonlat:73.37,54.98") is out of range or malformed',
  NO_PLACE_NEARBY: 'a place given as coordinates has no place serving the modes within the snapping limit; the message names the nearest and its distance',
  INVALID_OUTPUT_PATH: 'the output path given can never take the files (an existing file, no write permission)',
  // DataError: a file or graph given is invalid, or lacks what the question needs.
  INSUFFICIENT_DATA: 'the data is valid but lacks what the question needs (a network without region centres)',
  INVALID_NETWORK: 'a network file or object is invalid: every problem listed with its feature id and field',
  INVALID_SCENARIO: 'a scenario is invalid: every problem listed with its path',
  INVALID_FILE: 'a file of another format (DIMACS, road graph binary, distance table, hierarchy) is malformed',
  INVALID_DEMAND: 'a freight demand file (from,to,tonnes_per_year,…) is invalid: every problem listed with its line and column',
  INVALID_GRAPH: 'a graph has an edge or node the core cannot use (a negative weight, bad coordinates)',
  // SystemError: the machine failed, not the input nor the program.
  WRITE_FAILED: 'an output failed part-way (a full disk, an I/O error, a lock another run holds)',
  // InternalError, and any error that is not a SteppenetError: a bug.
  INTERNAL: 'a bug: a broken invariant, or code that used a query object the wrong way',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/**
 * Freight demand files: tonnes a year between places, every figure with its
 * source and how it was made. The format (RFC 4180 CSV, UTF-8, a header):
 *
 *   from,to,tonnes_per_year,tonnes_min,tonnes_max,basis,source,source_place,method
 *
 * `basis` is `published` (a figure for exactly this flow) or `estimated` (a
 * split of a published total, or a conversion; `method` says how). The
 * reader coerces nothing: an empty, negative or non-numeric tonnage, a range
 * that does not hold the value, an unknown basis or column is a problem, and
 * every problem of the file is listed at once with its line and column.
 * Place names are resolved against a network by freightDemandOdPairs
 * (src/analysis/freight-demand-pairs.ts).
 */
import { readFileSync } from 'node:fs';
import type { ErrorCode } from '../errors/error-codes.js';
import { DataError, InputError } from '../errors/steppenet-error.js';
import { bundledPath, BUNDLED_FREIGHT_DEMAND } from './bundled-files.js';
import { readCsvRows } from './csv-rows.js';

export const FREIGHT_DEMAND_COLUMNS = ['from', 'to', 'tonnes_per_year', 'tonnes_min', 'tonnes_max', 'basis', 'source', 'source_place', 'method'] as const;

/** `published`: a figure for exactly this flow; `estimated`: a split of a published total, or a conversion (`method` says how). */
export type FreightDemandBasis = 'published' | 'estimated';
export const FREIGHT_DEMAND_BASES: readonly FreightDemandBasis[] = ['published', 'estimated'];

/** One row of a freight demand file, as written (place names not yet resolved). */
export interface FreightDemandRow {
  /** Origin: a place id or a name the network resolves (column `from`). */
  from: string;
  /** Destination (column `to`). */
  to: string;
  /** Tonnes a year (column `tonnes_per_year`). */
  tonnes: number;
  /** Low end of the range, <= tonnes (column `tonnes_min`). */
  tonnesMin: number;
  /** High end of the range, >= tonnes (column `tonnes_max`). */
  tonnesMax: number;
  basis: FreightDemandBasis;
  /** The document or URL the figure comes from. */
  source: string;
  /** Where in the source: table, page, paragraph (column `source_place`). */
  sourcePlace: string;
  /** How an estimate was made, with the figures it used; may be empty on a published row. */
  method: string;
  /** The row's line in the file (the header is line 1). */
  line: number;
}

/** One thing wrong with a freight demand file: where (line, column) and what. */
export interface FreightDemandProblem {
  /** 1-based line in the file; the header is line 1. */
  line: number;
  /** The column's header name. */
  column: string;
  /** What is wrong, e.g. `is negative (-5): tonnes a year are >= 0`. */
  message: string;
}

/** A freight demand file that is not valid: every problem, each with its line and column. */
export class FreightDemandError extends DataError {
  static override readonly code: ErrorCode = 'INVALID_DEMAND';
  constructor(
    /** The file, as given (or the bundled file's path in the package). */
    readonly source: string,
    /** Every problem found, in file order. */
    readonly problems: readonly FreightDemandProblem[],
  ) {
    super(
      `invalid freight demand (${source}): ${problems.length} problem${problems.length === 1 ? '' : 's'}\n` +
        problems.map((p) => `  - line ${p.line}, ${p.column}: ${p.message}`).join('\n'),
    );
  }
}

/** A demand file that cannot be read at all (no such file, a folder): the caller's path is wrong. */
export class FreightDemandPathError extends InputError {
  static override readonly code: ErrorCode = 'INVALID_ARGUMENT';
}

/** A plain decimal number: digits, an optional fraction. No sign, exponent, thousands separator or decimal comma. */
const DECIMAL = /^\d+(?:\.\d+)?$/;

/**
 * The rows of a freight demand CSV text (a BOM, quoted fields with commas or
 * quotes inside, CRLF or LF line ends are fine). Throws FreightDemandError
 * listing every problem; `source` names the file in messages.
 */
export function parseFreightDemand(text: string, source = 'freight demand'): FreightDemandRow[] {
  const { columns, rows } = readCsvRows(text, source);
  const problems: FreightDemandProblem[] = [];
  for (const c of FREIGHT_DEMAND_COLUMNS) {
    if (!columns.includes(c)) problems.push({ line: 1, column: c, message: `the header has no column "${c}" (it needs ${FREIGHT_DEMAND_COLUMNS.join(',')})` });
  }
  columns.forEach((c, i) => {
    if (!(FREIGHT_DEMAND_COLUMNS as readonly string[]).includes(c)) problems.push({ line: 1, column: c || `column ${i + 1}`, message: `unknown column "${c}" (the columns are ${FREIGHT_DEMAND_COLUMNS.join(',')})` });
  });
  if (problems.length > 0) throw new FreightDemandError(source, problems);
  if (rows.length === 0) throw new FreightDemandError(source, [{ line: 2, column: 'from', message: 'the file has a header but no rows' }]);

  const out: FreightDemandRow[] = [];
  for (const { line, cells } of rows) {
    const before = problems.length;
    const problem = (column: string, message: string) => problems.push({ line, column, message });
    const text = (column: string): string => {
      const v = cells[column];
      if (v === '') problem(column, 'is empty');
      return v;
    };
    const tonnes = (column: string): number => {
      const v = cells[column];
      if (v === '') return problem(column, 'is empty: a number of tonnes a year is needed'), NaN;
      if (!DECIMAL.test(v)) {
        const n = Number(v);
        if (Number.isFinite(n) && n < 0) problem(column, `is negative (${v}): tonnes a year are >= 0`);
        else problem(column, `"${v}" is not a number of tonnes (write digits and an optional decimal point: no spaces, thousands separators, decimal commas or units)`);
        return NaN;
      }
      return Number(v);
    };
    const from = text('from');
    const to = text('to');
    if (from !== '' && to !== '' && from.toLowerCase() === to.toLowerCase()) problem('to', `is the same place as from ("${from}")`);
    const value = tonnes('tonnes_per_year');
    const min = tonnes('tonnes_min');
    const max = tonnes('tonnes_max');
    if (!Number.isNaN(value) && !Number.isNaN(min) && min > value) problem('tonnes_min', `${min} is above tonnes_per_year ${value}`);
    if (!Number.isNaN(value) && !Number.isNaN(max) && max < value) problem('tonnes_max', `${max} is below tonnes_per_year ${value}`);
    if (Number.isNaN(value) && !Number.isNaN(min) && !Number.isNaN(max) && min > max) problem('tonnes_min', `${min} is above tonnes_max ${max}`);
    const basis = cells.basis;
    if (!(FREIGHT_DEMAND_BASES as readonly string[]).includes(basis)) problem('basis', basis === '' ? 'is empty: published or estimated' : `"${basis}" is not published or estimated`);
    const src = text('source');
    const sourcePlace = text('source_place');
    const method = cells.method;
    if (basis === 'estimated' && method === '') problem('method', 'is empty: an estimated row says how it was made');
    if (problems.length === before) {
      out.push({ from, to, tonnes: value, tonnesMin: min, tonnesMax: max, basis: basis as FreightDemandBasis, source: src, sourcePlace, method, line });
    }
  }
  if (problems.length > 0) throw new FreightDemandError(source, problems);
  return out;
}

/** The rows of a freight demand file; without a path, the bundled one (networks/demand/freight-demand.csv). */
export function readFreightDemand(path?: string): FreightDemandRow[] {
  const file = path ?? bundledPath(BUNDLED_FREIGHT_DEMAND);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new FreightDemandPathError(`cannot read the freight demand file ${file}: ${(e as Error).message}`);
  }
  return parseFreightDemand(text, path ?? BUNDLED_FREIGHT_DEMAND);
}

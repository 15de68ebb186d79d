import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { ErrorCode } from '../errors/error-codes.js';
import { DataError } from '../errors/steppenet-error.js';

/** One published distance between two places of the network. */
export interface PublishedDistance {
  /** Place ids of the network. */
  from: string;
  to: string;
  /** ESR station codes, as the tariff tables name the stations. */
  fromEsr: string;
  toEsr: string;
  /** The published tariff distance, km. */
  km: number;
  /** Where the figure is published: table, file, row. */
  source: string;
  /** 1-based line in the file, for messages. */
  line: number;
}

export const DISTANCE_TABLE_COLUMNS = ['from', 'to', 'from_esr', 'to_esr', 'tariff_km', 'source'] as const;

/** A distance table that cannot be read: every bad line is listed. */
export class DistanceTableFormatError extends DataError {
  static override readonly code: ErrorCode = 'INVALID_FILE';
  constructor(readonly file: string, readonly problems: string[]) {
    super(`parseDistanceTable: ${file}: ${problems.length} problem(s)\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
}

/**
 * Parses a table of published distances (`networks/validation/rail-distances.csv`):
 * a header `from,to,from_esr,to_esr,tariff_km,source`, quotes and a spreadsheet's
 * BOM allowed. Nothing is coerced: a missing field or a km that is not a
 * positive number is reported with its line.
 */
export function parseDistanceTable(text: string, file = 'distance table'): PublishedDistance[] {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (error) {
    throw new DistanceTableFormatError(file, [(error as Error).message]);
  }
  const [header, ...rows] = records;
  const problems: string[] = [];
  if (!header || DISTANCE_TABLE_COLUMNS.some((c, i) => header[i] !== c)) {
    throw new DistanceTableFormatError(file, [`line 1: header must be ${DISTANCE_TABLE_COLUMNS.join(',')}, got ${header?.join(',') ?? 'nothing'}`]);
  }
  const out: PublishedDistance[] = [];
  rows.forEach((r, i) => {
    const line = i + 2;
    if (r.length !== DISTANCE_TABLE_COLUMNS.length) {
      problems.push(`line ${line}: ${r.length} fields, expected ${DISTANCE_TABLE_COLUMNS.length}`);
      return;
    }
    const [from, to, fromEsr, toEsr, km, source] = r;
    const value = Number(km);
    if (!from || !to) problems.push(`line ${line}: from and to are required`);
    if (!/^\d+(\.\d+)?$/.test(km) || !(value > 0)) problems.push(`line ${line}: tariff_km must be a positive number, got ${JSON.stringify(km)}`);
    if (!source) problems.push(`line ${line}: source is required`);
    out.push({ from, to, fromEsr, toEsr, km: value, source, line });
  });
  if (problems.length) throw new DistanceTableFormatError(file, problems);
  return out;
}

export function readDistanceTable(path: string): PublishedDistance[] {
  return parseDistanceTable(readFileSync(path, 'utf8'), path);
}

import { parse, type Info } from 'csv-parse/sync';
import type { ErrorCode } from '../errors/error-codes.js';
import { DataError } from '../errors/steppenet-error.js';

/** A CSV file that cannot be read as CSV (an unclosed quote, no header). */
export class CsvFormatError extends DataError {
  static override readonly code: ErrorCode = 'INVALID_FILE';
  constructor(readonly source: string, detail: string) {
    super(`${source}: ${detail}`);
  }
}

/** One data row: its line number in the file (1-based, the header is line 1) and its cells by lower-cased header name. */
export interface CsvRow {
  line: number;
  cells: Record<string, string>;
}

export interface CsvRows {
  /** The header's column names, trimmed and lower-cased. */
  columns: string[];
  /** The delimiter found on the header line: `;` as spreadsheets in Russia and Kazakhstan write CSV, else `,`. */
  delimiter: ',' | ';';
  rows: CsvRow[];
}

/**
 * Reads a CSV text with a header line, as spreadsheets write it: a UTF-8 BOM,
 * quoted fields (with delimiters, quotes doubled or line breaks inside),
 * `;` or `,` as the delimiter (whichever occurs more often on the header
 * line, outside quotes), blank lines skipped, cells trimmed. Rows with fewer
 * cells than the header have the rest empty.
 */
export function readCsvRows(text: string, source: string): CsvRows {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = detectDelimiter(body);
  let records: { record: string[]; info: Info }[];
  try {
    records = parse(body, { delimiter, skip_empty_lines: true, relax_column_count: true, trim: true, info: true }) as unknown as typeof records;
  } catch (e) {
    throw new CsvFormatError(source, `not readable as CSV: ${(e as Error).message}`);
  }
  if (records.length === 0) throw new CsvFormatError(source, 'is empty: it needs a header line naming its columns');
  const columns = records[0].record.map((c) => c.trim().toLowerCase());
  // Line numbers from the bytes read (csv-parse's own count takes a CRLF inside quotes for two lines):
  // the line a record ends on, less the line breaks inside its cells.
  const bytes = Buffer.from(body, 'utf8');
  let scanned = 0;
  let breaks = 0;
  const rows = records.slice(1).map(({ record, info }) => {
    const end = Math.min(info.bytes, bytes.length);
    for (; scanned < end; scanned++) if (bytes[scanned] === 0x0a) breaks++;
    const endLine = bytes[end - 1] === 0x0a ? breaks : breaks + 1;
    return { line: endLine - lineBreaksIn(record), cells: Object.fromEntries(columns.map((c, i) => [c, record[i] ?? ''])) };
  });
  return { columns, delimiter, rows };
}

function lineBreaksIn(record: readonly string[]): number {
  let n = 0;
  for (const cell of record) for (const ch of cell) if (ch === '\n') n++;
  return n;
}

/** `;` when the header line (outside quotes) has more semicolons than commas, else `,`. */
export function detectDelimiter(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

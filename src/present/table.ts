import { formatNumber } from './number-format.js';

export type Cell = string | number | undefined | null;

/** A plain-text table with aligned columns; numbers are right-aligned. */
export function formatTable(headers: string[], rows: Cell[][], options: { indent?: string } = {}): string {
  const text = (c: Cell) => (c === undefined || c === null ? '' : typeof c === 'number' ? formatNumber(c) : c);
  const cells = rows.map((r) => r.map(text));
  // A loop, not Math.max(...rows): a table can have any number of rows.
  const widths = headers.map((h, i) => cells.reduce((w, r) => Math.max(w, (r[i] ?? '').length), h.length));
  const numeric = headers.map((_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === 'number' || r[i] === undefined || r[i] === null));
  const line = (r: string[]) =>
    (options.indent ?? '') +
    r.map((c, i) => (numeric[i] ? (c ?? '').padStart(widths[i]) : (c ?? '').padEnd(widths[i]))).join('  ').trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

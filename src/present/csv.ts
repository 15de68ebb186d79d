export type CsvField = string | number | boolean | undefined | null;

/**
 * RFC 4180 CSV: fields with commas, quotes or line breaks are quoted, quotes
 * doubled. Numbers are written whole (no rounding: a CSV is read by programs);
 * Infinity (no route, a cut corridor) is spelled out, an absent value is empty.
 *
 * Header convention of every command: snake_case names, and a number's column
 * says its unit (`km`, `hours`, `usd_per_t`, `time_hours`: see objectiveColumn).
 */
export function formatCsv(headers: readonly string[], rows: readonly (readonly CsvField[])[]): string {
  const field = (v: CsvField) => {
    const s = v === undefined || v === null || Number.isNaN(v) ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [headers, ...rows].map((r) => r.map(field).join(',')).join('\n');
}

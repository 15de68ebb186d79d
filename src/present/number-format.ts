/** Numbers for people: thousands separated, at most one decimal for non-integers. */
export function formatNumber(n: number, decimals?: number): string {
  if (!Number.isFinite(n)) return n > 0 ? '∞' : n < 0 ? '-∞' : '–';
  const d = decimals ?? (Number.isInteger(n) ? 0 : Math.abs(n) >= 100 ? 0 : 1);
  return n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
}

/**
 * `n` rounded to `digits` decimals, for what people read (tables, sentences,
 * map labels); Infinity and NaN pass unchanged. Files meant for programs
 * (CSV, JSON) carry numbers whole.
 */
export function round(n: number, digits = 1): number {
  return Number.isFinite(n) ? Math.round(n * 10 ** digits) / 10 ** digits : n;
}

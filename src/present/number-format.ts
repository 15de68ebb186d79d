/** Numbers for people: thousands separated, at most one decimal for non-integers. */
export function formatNumber(n: number, decimals?: number): string {
  if (!Number.isFinite(n)) return n > 0 ? '∞' : n < 0 ? '-∞' : '–';
  const d = decimals ?? (Number.isInteger(n) ? 0 : Math.abs(n) >= 100 ? 0 : 1);
  return formatEnUs(n, d);
}

/**
 * `n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d })`, character for
 * character, without ICU: its first call loads ICU's number formatting, the largest single cost of
 * printing a route at start-up (issue 16). Like ICU, it rounds the shortest decimal form of the number
 * (what String(n) prints) half away from zero, keeps the sign of a negative number (and of -0) even when
 * it rounds to zero, and separates thousands with commas. Numbers String() writes with an exponent
 * (below 1e-6, from 1e21) go to toLocaleString.
 */
export function formatEnUs(n: number, d: number): string {
  const shortest = String(Math.abs(n));
  if (shortest.includes('e')) return n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
  const [whole = '0', fraction = ''] = shortest.split('.');
  // The digits kept, as one integer string (whole and d fraction digits), rounded up when the next digit is 5 or more.
  let digits = whole + fraction.slice(0, d).padEnd(d, '0');
  if ((fraction[d] ?? '0') >= '5') {
    const chars = digits.split('');
    let i = chars.length - 1;
    while (i >= 0 && chars[i] === '9') chars[i--] = '0';
    if (i >= 0) chars[i] = String(Number(chars[i]) + 1);
    else chars.unshift('1');
    digits = chars.join('');
  }
  const int = digits.slice(0, digits.length - d).replace(/^0+(?=\d)/, '');
  const grouped = int.replace(/\B(?=(\d{3})+$)/g, ',');
  const sign = n < 0 || Object.is(n, -0) ? '-' : '';
  return sign + grouped + (d > 0 ? '.' + digits.slice(digits.length - d) : '');
}

/**
 * `n` rounded to `digits` decimals, for what people read (tables, sentences,
 * map labels); Infinity and NaN pass unchanged. Files meant for programs
 * (CSV, JSON) carry numbers whole.
 */
export function round(n: number, digits = 1): number {
  return Number.isFinite(n) ? Math.round(n * 10 ** digits) / 10 ** digits : n;
}

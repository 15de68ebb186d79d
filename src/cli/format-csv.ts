/** RFC 4180 CSV: fields with commas, quotes or newlines are quoted. */
export function formatCsv(headers: string[], rows: (string | number | undefined)[][]): string {
  const field = (v: string | number | undefined) => {
    const s = v === undefined ? '' : typeof v === 'number' ? (Number.isFinite(v) ? String(Math.round(v * 1000) / 1000) : v > 0 ? 'Infinity' : '') : v;
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [headers, ...rows].map((r) => r.map(field).join(',')).join('\n');
}

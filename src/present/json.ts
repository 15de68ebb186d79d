/**
 * JSON for the command line: Infinity (no route, a failure that cuts a
 * corridor) is spelled "Infinity" instead of becoming null, and the compiled
 * edge ids that results carry for analyses are left out.
 */
export function formatJson(value: unknown): string {
  return JSON.stringify(value, (key, v) => {
    if (key === 'edges' && Array.isArray(v) && v.every((e) => typeof e === 'number')) return undefined;
    if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
    return v;
  }, 2);
}

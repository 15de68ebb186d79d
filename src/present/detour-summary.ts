import type { RouteResult } from '../routing/route-result.js';

/** A detour in one line: its modes and the border crossings it takes instead. */
export function detourSummary(r: RouteResult): string {
  const modes = [...new Set(r.legs.map((l) => l.mode))].join('+');
  return r.crossings.length ? `${modes} via ${r.crossings.map((c) => c.name).join(', ')}` : `${modes}, no border crossing`;
}

import type { RouteResult } from '../routing/route-result.js';
import { formatCsv } from './csv.js';

/**
 * A route, one line per leg and a last line `total` (the route's totals, transfers and their costs included): its mode, ends, figures (whole, no rounding) with
 * the hours split, and links. No route: the header alone, and the reason in one
 * line with found = false.
 */
export function routeCsv(r: RouteResult): string {
  const headers = [
    'leg', 'mode', 'from_id', 'to_id', 'from', 'to', 'name', 'km', 'hours', 'usd_per_t',
    'driving_hours', 'rest_hours', 'waiting_hours', 'transfer_hours', 'running_hours', 'season_from', 'season_to', 'links', 'found', 'reason',
  ];
  if (!r.found) return formatCsv(headers, [[undefined, undefined, r.from.id, r.to.id, r.from.name, r.to.name, ...Array(12).fill(undefined), false, r.reason]]);
  const t = r.totals;
  return formatCsv(headers, [
    ...r.legs.map((l, i) => [
      i + 1, l.mode, l.from.id, l.to.id, l.from.name, l.to.name, l.name, l.km, l.hours, l.cost,
      l.hoursBreakdown.driving, l.hoursBreakdown.rest, l.hoursBreakdown.waiting, l.hoursBreakdown.transfer, l.hoursBreakdown.running,
      l.season?.from, l.season?.to, l.links.join(' '), true, undefined,
    ]),
    [
      'total', r.legs.length === 1 ? r.legs[0].mode : 'multimodal', r.from.id, r.to.id, r.from.name, r.to.name, undefined, t.km, t.hours, t.cost,
      t.hoursBreakdown.driving, t.hoursBreakdown.rest, t.hoursBreakdown.waiting, t.hoursBreakdown.transfer, t.hoursBreakdown.running,
      undefined, undefined, r.links.join(' '), true, undefined,
    ],
  ]);
}

import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import type { BatchAnswer, BatchResult } from '../analysis/batch-routes.js';
import { legSummary } from '../analysis/compiled-index.js';
import { formatCsv } from './csv.js';
import { formatJson } from './json.js';
import { routeToGeoJSON } from './route-geojson.js';

/** ok (a route), no_route (the query ran, no route joins the places: `reason` says why) or error (the row is wrong: `error_code` and `reason`). */
export function batchStatus(a: BatchAnswer): 'ok' | 'no_route' | 'error' {
  return a.error ? 'error' : a.route!.found ? 'ok' : 'no_route';
}

/**
 * One CSV line per input row, in order: the row as given (`line`, `from`,
 * `to`, `via`, `mode`, `by`, `scenario`, `freight`), its `status`, the places
 * the route joins, `hours`, `km`, `usd_per_t` (whole numbers, empty without a
 * route), `countries` and `legs`, the km `from` or `to` snapped when given
 * as coordinates (`from_snapped_km`, `to_snapped_km`), then
 * `error_code` and `reason` for a failed row or a missing route.
 */
export function batchCsv(result: BatchResult): string {
  return formatCsv(
    ['line', 'from', 'to', 'via', 'mode', 'by', 'scenario', 'freight', 'status', 'from_place', 'to_place', 'hours', 'km', 'usd_per_t', 'countries', 'legs', 'from_snapped_km', 'to_snapped_km', 'error_code', 'reason'],
    result.answers.map((a) => {
      const q = a.query;
      const r = a.route;
      const t = r?.found ? r.totals : undefined;
      return [
        q.line, q.from, q.to, q.via, q.mode, q.by, q.scenario, q.freight, batchStatus(a),
        r?.from.name, r?.to.name, t?.hours, t?.km, t?.cost,
        r?.found ? r.countries.join(' ') : undefined,
        r?.found && a.network ? legSummary(a.network, r) : undefined,
        r?.snapped?.find((s) => s.query === q.from?.trim())?.km,
        r?.snapped?.find((s) => s.query === q.to?.trim())?.km,
        a.error?.code, a.error?.message ?? (r && !r.found ? r.reason : undefined),
      ];
    }),
  );
}

/** One JSON object per input row, in order: `line`, the `query`, `status`, and the `route` (as `route --format json`) or the `error`. */
export function batchJson(result: BatchResult): string {
  return formatJson(result.answers.map((a) => ({
    line: a.query.line, query: a.query, status: batchStatus(a),
    ...(a.route ? { route: a.route } : {}), ...(a.error ? { error: a.error } : {}),
  })));
}

/**
 * Every route found, in one FeatureCollection (RFC 7946): the features of
 * routeToGeoJSON (legs, transfers, crossings) of each row, each with the
 * row's `line` and its `from` and `to` places.
 */
export function batchGeoJSON(result: BatchResult): FeatureCollection<LineString | Point> {
  const features: Feature<LineString | Point>[] = [];
  for (const a of result.answers) {
    if (!a.route?.found || !a.network) continue;
    for (const f of routeToGeoJSON(a.network, a.route).features) {
      features.push({ ...f, properties: { line: a.query.line, from_place: a.route.from.name, to_place: a.route.to.name, ...f.properties } });
    }
  }
  return { type: 'FeatureCollection', features };
}

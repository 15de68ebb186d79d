import type { Feature, FeatureCollection, Point } from 'geojson';
import type { PlaceTableResult, TablePlace } from '../routing/place-table.js';
import type { RouteTotals } from '../routing/route-result.js';
import { formatCsv } from './csv.js';
import { formatNumber } from './number-format.js';
import { formatTable } from './table.js';
import { objectiveColumn } from './units.js';

const MEASURES: { title: string; of: (t: RouteTotals) => number; decimals: number }[] = [
  { title: 'hours', of: (t) => t.hours, decimals: 1 },
  { title: 'km', of: (t) => t.km, decimals: 0 },
  { title: 'USD/t', of: (t) => t.cost, decimals: 1 },
];

/**
 * A table for people: one matrix each of hours, km and USD/t (origins down,
 * destinations across, "–" where there is no route), then why each missing
 * route is missing, and where coordinates snapped.
 */
export function renderPlaceTable(t: PlaceTableResult): string {
  const head = `Best routes by ${t.by} (scenario ${t.scenario}${t.freight ? `, freight ${t.freight}` : ''}): ${t.origins.length} origin${t.origins.length === 1 ? '' : 's'} × ${t.destinations.length} destination${t.destinations.length === 1 ? '' : 's'}`;
  const blocks = [head];
  for (const m of MEASURES) {
    blocks.push('', `${m.title}:`, formatTable(
      ['from \\ to', ...t.destinations.map(label)],
      t.origins.map((o, i) => [label(o), ...t.cells[i].map((c) => (c.totals ? formatNumber(m.of(c.totals), m.decimals) : '–'))]),
      { indent: '  ' },
    ));
  }
  const missing = t.origins.flatMap((o, i) => t.cells[i].flatMap((c, j) => (c.totals ? [] : [`  ${o.name} → ${t.destinations[j].name}: ${c.reason}`])));
  if (missing.length) blocks.push('', 'No route:', ...missing);
  const snapped = uniquePlaces([...t.origins, ...t.destinations]).filter((p) => p.snappedKm !== undefined);
  if (snapped.length) blocks.push('', `Snapped: ${snapped.map((p) => `${p.query} → ${p.name} (${formatNumber(p.snappedKm!, 1)} km)`).join('; ')}`);
  return blocks.join('\n');
}

/**
 * The table in long form, one line per origin–destination pair: `from`, `to`
 * (names), `hours`, `km`, `usd_per_t` (empty where there is no route, with
 * the `reason`), then the ids; `generalized_usd_per_t` too when routes were
 * found by it. Numbers whole (the CSV convention of src/present/csv.ts).
 */
export function placeTableCsv(t: PlaceTableResult): string {
  const generalized = t.by === 'generalized';
  return formatCsv(
    ['from', 'to', 'hours', 'km', 'usd_per_t', ...(generalized ? [objectiveColumn('generalized')] : []), 'reason', 'from_id', 'to_id'],
    t.origins.flatMap((o, i) =>
      t.destinations.map((d, j) => {
        const c = t.cells[i][j];
        const x = c.totals;
        return [o.name, d.name, x?.hours, x?.km, x?.cost, ...(generalized ? [x?.weight] : []), c.reason, o.id, d.id];
      }),
    ),
  );
}

/** The table as JSON: the result as it is, `totals: null` with a `reason` where there is no route. */
export function placeTableJson(t: PlaceTableResult): string {
  return JSON.stringify(t, null, 2);
}

/**
 * The origins and destinations as GeoJSON Points (RFC 7946), one per place:
 * `role` origin, destination or both, the query as given, and the km a
 * coordinate query snapped; with how many of its routes were found.
 */
export function placeTableGeoJSON(t: PlaceTableResult): FeatureCollection<Point> {
  const features = new Map<string, Feature<Point>>();
  const add = (p: TablePlace, role: 'origin' | 'destination', found: number, of: number) => {
    const seen = features.get(p.id);
    if (seen) {
      const props = seen.properties!;
      if (props.role !== role) props.role = 'both';
      props[`${role}_routes_found`] = found;
      props[`${role}_routes`] = of;
      return;
    }
    features.set(p.id, {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
      properties: {
        role, id: p.id, name: p.name, country: p.country, query: p.query,
        ...(p.snappedKm !== undefined ? { snapped_km: p.snappedKm } : {}),
        [`${role}_routes_found`]: found, [`${role}_routes`]: of,
      },
    });
  };
  t.origins.forEach((o, i) => add(o, 'origin', t.cells[i].filter((c) => c.totals).length, t.destinations.length));
  t.destinations.forEach((d, j) => add(d, 'destination', t.cells.filter((row) => row[j].totals).length, t.origins.length));
  return { type: 'FeatureCollection', features: [...features.values()] };
}

/** A place as a table labels it: its name, and the query too when that was coordinates ("Omsk (54.98,73.37)"). */
const label = (p: TablePlace) => (p.snappedKm !== undefined ? `${p.name} (${p.query})` : p.name);

function uniquePlaces(places: TablePlace[]): TablePlace[] {
  const seen = new Set<string>();
  return places.filter((p) => !seen.has(p.query) && seen.add(p.query));
}

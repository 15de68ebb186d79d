import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { loadNetwork } from '../src/model/load-network.js';
import type { NetworkFile } from '../src/model/types.js';
import { route, type RouteOptions } from '../src/routing/route.js';
import { placeTable } from '../src/routing/place-table.js';
import { placeTableCsv, placeTableGeoJSON } from '../src/present/place-table.js';
import { parseDrawnNetwork } from './fixtures/parse-drawn-network.js';
import { runSteppenet, writeNetworkFile } from './fixtures/run-command.js';

const load = (file: NetworkFile) => loadNetwork(file, { checkCountries: false });

// A–B–C by rail (B tranships), A–D–C by road and a slow road A–C; E–F a road of its own, joined to nothing else.
// A–B also has a road of the rail's length: by distance the two tie.
const drawn = parseDrawnNetwork`
  +-----------+
  |           |
  a-----b-----c      e-----f
  |           |
  d-----------+

  | place | modes     | tranship |
  | a     | rail road | 1        |
  | b     | rail road | 1        |
  | c     | rail road | 1        |

  | link | id       | mode | hours | km  |
  | ab   | a-b-rail | rail | 2     | 60  |
  | ab   | a-b-road | road | 1     | 60  |
  | bc   | b-c-rail | rail | 2     | 60  |
  | ad   | a-d-road | road | 1     |     |
  | dc   | d-c-road | road | 6     |     |
  | ac   | a-c-road | road | 9     |     |
  | ef   | e-f-road | road | 1     |     |
`;
const net = load(drawn);
const places = ['a', 'b', 'c', 'd', 'e', 'f'];

describe('placeTable: a many-to-many table that answers as route() does', () => {
  it.each<[string, RouteOptions]>([
    ['time', { by: 'time' }],
    ['cost', { by: 'cost' }],
    ['generalized', { by: 'generalized' }],
    ['time, rail only', { by: 'time', modes: ['rail'] }],
    ['time, no drivers\' rest', { by: 'time', cost: { drivingRules: false } as RouteOptions['cost'] }],
  ])('by %s: every cell is route()\'s totals, or null with route()\'s reason', (_, options) => {
    const table = placeTable(net, places, places, options);
    places.forEach((s, i) =>
      places.forEach((t, j) => {
        const cell = table.cells[i][j];
        if (s === t) {
          expect(cell.totals?.km ?? 0, `${s} → ${t}`).toBe(0);
          return;
        }
        const expected = route(net, s, t, options);
        if (expected.found) expect(cell, `${s} → ${t}`).toEqual({ totals: expected.totals });
        else expect(cell, `${s} → ${t}`).toEqual({ totals: null, reason: expected.reason });
      }),
    );
  });

  it('by distance, where a rail and a road line tie, gives route()\'s km and the figures of the route Dijkstra finds', () => {
    const table = placeTable(net, places, places, { by: 'distance' });
    places.forEach((s, i) =>
      places.forEach((t, j) => {
        if (s === t) return;
        const cell = table.cells[i][j].totals;
        const expected = route(net, s, t, { by: 'distance' });
        expect(cell?.weight ?? null, `${s} → ${t}`).toBe(expected.found ? expected.totals.weight : null);
        const dijkstra = route(net, s, t, { by: 'distance', algorithm: 'dijkstra' });
        expect(cell, `${s} → ${t}`).toEqual(dijkstra.found ? dijkstra.totals : null);
      }),
    );
  });

  it('says why a cell has no route', () => {
    const table = placeTable(net, ['A', 'E'], ['F', 'C'], { by: 'time' });
    // A and F are in two parts of the network; E to C likewise.
    expect(table.cells[0][0].totals).toBeNull();
    expect(table.cells[0][0].reason).toMatch(/no route|not connected|disconnect/i);
    expect(table.cells[0][1].totals?.hours).toBeGreaterThan(0);
    expect(table.cells[1][0]).toEqual({ totals: { km: 10, hours: 1, cost: expect.any(Number), weight: expect.any(Number), hoursBreakdown: expect.any(Object) } });
    expect(table.cells[1][1].totals).toBeNull();
    // Rail only: D serves road only, so nothing reaches it by rail.
    const rail = placeTable(net, ['a'], ['d'], { modes: ['rail'] });
    expect(rail.cells[0][0]).toEqual({ totals: null, reason: route(net, 'a', 'd', { modes: ['rail'] }).reason });
    expect(rail.cells[0][0].reason).toContain('D');
  });

  it('writes the long CSV (from, to, hours, km, usd_per_t, reason) and the places as GeoJSON', () => {
    const table = placeTable(net, ['a', 'e'], ['c', 'f'], { by: 'time' });
    const rows = parse(placeTableCsv(table), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0])).toEqual(['from', 'to', 'hours', 'km', 'usd_per_t', 'reason', 'from_id', 'to_id']);
    expect(rows.map((r) => `${r.from}>${r.to}`)).toEqual(['A>C', 'A>F', 'E>C', 'E>F']);
    expect(Number(rows[0].hours)).toBe(table.cells[0][0].totals!.hours);
    expect(rows[1]).toMatchObject({ hours: '', km: '', usd_per_t: '' });
    expect(rows[1].reason).toBe(table.cells[0][1].reason);
    expect(rows[3]).toMatchObject({ hours: '1', km: '10', reason: '' });
    const geo = placeTableGeoJSON(table);
    expect(geo.features.map((f) => [f.properties!.id, f.properties!.role, f.geometry.coordinates])).toEqual(
      ['a', 'e', 'c', 'f'].map((id) => [id, ['a', 'e'].includes(id) ? 'origin' : 'destination', net.place(id)!.geometry.coordinates]),
    );
    expect(geo.features[0].properties).toMatchObject({ origin_routes_found: 1, origin_routes: 2 });
  });

  it('takes coordinates as places, snapped to the nearest place serving the modes', () => {
    const [lon, lat] = net.place('d')!.geometry.coordinates;
    const table = placeTable(net, [`${lat + 0.01},${lon}`], ['c']);
    expect(table.origins[0]).toMatchObject({ id: 'd', query: `${lat + 0.01},${lon}` });
    expect(table.origins[0].snappedKm).toBeCloseTo(1.11, 1);
    // By rail, D serves no rail line: the nearest rail place is A, 2 rows (about 4 km) up.
    const rail = placeTable(net, [`lonlat:${lon},${lat}`], ['c'], { modes: ['rail'] });
    expect(rail.origins[0].id).toBe('a');
  });

  it('refuses an empty list of origins', () => {
    expect(() => placeTable(net, [], ['a'])).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});

describe('steppenet table', () => {
  const file = writeNetworkFile(drawn);

  it('prints the matrices, and "–" with the reason where there is no route', async () => {
    const { code, out, err } = await runSteppenet(['table', '--network', file, '--places', 'a,c,e']);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(out).toContain('3 origins × 3 destinations');
    expect(out).toMatch(/hours:\n\s+from \\ to\s+A\s+C\s+E/);
    expect(out).toContain('No route:\n  A → E: ');
  });

  it('takes --from/--to and --origins/--destinations files (";" and BOM too), and exactly one of the ways', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'steppenet-table-'));
    writeFileSync(join(dir, 'o.csv'), '\uFEFFplace;note\n"a";first\nE;"second; with a semicolon"\n');
    writeFileSync(join(dir, 'd.csv'), 'name,lat,lon\nc,,\n');
    const byFile = await runSteppenet(['table', '--network', file, '--origins', join(dir, 'o.csv'), '--destinations', join(dir, 'd.csv'), '--format', 'csv']);
    const byList = await runSteppenet(['table', '--network', file, '--from', 'a,e', '--to', 'c', '--format', 'csv']);
    expect(byFile.code).toBe(0);
    expect(byFile.out).toBe(byList.out);
    expect(byFile.out.split('\n').slice(1, 3).map((l) => l.split(',').slice(0, 2).join('>'))).toEqual(['A>C', 'E>C']);
    const both = await runSteppenet(['table', '--network', file, '--places', 'a,c', '--from', 'a', '--to', 'c']);
    expect(both.code).toBe(2);
    expect(both.err).toContain('give the places one way');
    const half = await runSteppenet(['table', '--network', file, '--from', 'a']);
    expect(half.code).toBe(2);
    expect(half.err).toContain('--from and --to go together');
  });
});

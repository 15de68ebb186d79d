import { describe, expect, it, vi } from 'vitest';
import { ContractionHierarchyQuery } from '../src/core/ch-query.js';
import { accessibility } from '../src/analysis/accessibility.js';
import { loadNetwork } from '../src/model/load-network.js';
import type { NetworkFile } from '../src/model/types.js';
import { placeTable } from '../src/routing/place-table.js';
import { route, type RouteOptions } from '../src/routing/route.js';
import type { RouteTotals } from '../src/routing/route-result.js';
import { CH_MIN_ROWS, Router, tableSearch, tableSearchOverride, type TableSearch } from '../src/routing/router.js';
import { buildServer } from '../src/server/app.js';
import { parseDrawnNetwork } from './fixtures/parse-drawn-network.js';
import { prng, randomNetwork } from './fixtures/random-network.js';
import { runSteppenet } from './fixtures/run-command.js';

// Router.table answers from Dijkstra rows or from a bucket table on a contraction
// hierarchy (tableSearch): the hierarchy for 200 sources or more and on a server.
// Most tests force one or the other and check the hierarchy against Dijkstra's
// answers and route()'s.

async function using<T>(search: TableSearch, run: () => T | Promise<T>): Promise<T> {
  const buckets = vi.spyOn(ContractionHierarchyQuery.prototype, 'tablePaths');
  tableSearchOverride.search = search;
  try {
    const result = await run();
    if (search === 'hierarchy') expect(buckets).toHaveBeenCalled();
    else expect(buckets).not.toHaveBeenCalled();
    return result;
  } finally {
    tableSearchOverride.search = undefined;
    buckets.mockRestore();
  }
}

const bundled = loadNetwork();
const idOf = (query: string) => bundled.resolvePlace(query).properties.id;
const cities = ['Omsk', 'Pavlodar', 'Astrakhan', 'Semey', 'Orenburg', 'Aktobe', 'Kostanay'].map(idOf);

/** Whether the bucket table ran during `run` (no search forced). */
async function ranBuckets(run: () => unknown): Promise<boolean> {
  const buckets = vi.spyOn(ContractionHierarchyQuery.prototype, 'tablePaths');
  try {
    await run();
    return buckets.mock.calls.length > 0;
  } finally {
    buckets.mockRestore();
  }
}

describe('tableSearch: which search a table runs', () => {
  it('is the hierarchy for 200 sources or more, or a long-lived Router; Dijkstra rows otherwise', async () => {
    expect(CH_MIN_ROWS).toBe(200);
    expect(tableSearch(199, false)).toBe('dijkstra');
    expect(tableSearch(200, false)).toBe('hierarchy');
    expect(tableSearch(1, true)).toBe('hierarchy');
    // Unforced, on the bundled network.
    const all = bundled.places.map((p) => p.properties.id);
    expect(all.length).toBeGreaterThan(200);
    expect(await ranBuckets(() => new Router(bundled).table(all.slice(0, 199), cities))).toBe(false);
    expect(await ranBuckets(() => new Router(bundled).table(all.slice(0, 200), cities.slice(0, 2)))).toBe(true);
    expect(await ranBuckets(() => new Router(bundled, {}, true).table(cities.slice(0, 1), cities))).toBe(true);
  });

  it('a server\'s /table runs on the hierarchy, unforced', async () => {
    const app = await buildServer({ network: bundled, logger: false });
    try {
      const points = cities.slice(0, 3).map((id) => bundled.place(id)!.geometry.coordinates.join(',')).join(';');
      expect(await ranBuckets(async () => expect((await app.inject({ method: 'GET', url: `/table/v1/road/${points}` })).json().code).toBe('Ok'))).toBe(true);
    } finally {
      await app.close();
    }
  });
});

describe('Router.table on a contraction hierarchy', () => {
  it('gives route()\'s totals on the bundled network, the drivers\' hours and their road-only twin included', async () => {
    for (const options of [{}, { by: 'generalized' as const }, { modes: ['road' as const] }]) {
      const table = await using('hierarchy', () => new Router(bundled, options).table(cities, cities));
      cities.forEach((s, i) =>
        cities.forEach((t, j) => {
          if (i === j) return expect(table[i][j]?.km).toBe(0);
          const expected = route(bundled, s, t, options);
          expect(table[i][j], `${s} → ${t}`).toEqual(expected.found ? expected.totals : null);
        }),
      );
    }
  });

  it('takes the route without road where the weekly rest makes the searched road slower (the non-road twin)', async () => {
    // As in weekly-rest.test.ts: a crew of two; the search weighs the 100 h road at 150 h and prefers it to the
    // 170 h train, but with the weekly rest the drive takes 181 h: the cell is the train's, 170 h.
    const net = loadNetwork(parseDrawnNetwork`
      a-----b
      | link | id   | mode | hours |
      | ab   | road | road | 100   |
      | ab   | rail | rail | 170   |
    `, { checkCountries: false });
    const table = await using('hierarchy', () => new Router(net, { cost: { drivers: 2 } }).table(['a', 'b'], ['a', 'b']));
    expect(table.map((row) => row.map((cell) => cell!.hours))).toEqual([
      [0, 170],
      [170, 0],
    ]);
  });

  // A–B–C by rail (B tranships, 1 h), A–D–C by road, A–B also by a road of 1 h:
  // by time without the drivers' rest A → C is 4 h two ways, rail A–B–C (running 4 h)
  // or road A–B, transfer at B, rail B–C (driving 1 h, transfer 1 h, running 2 h).
  const drawn = parseDrawnNetwork`
    a-----b-----c
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
  `;
  const net = loadNetwork(drawn as NetworkFile, { checkCountries: false });
  const noRest = { by: 'time', cost: { drivingRules: false } } as RouteOptions;

  it('gives one of the tied routes where two tie, the same one every time, with route()\'s weight', async () => {
    const places = ['a', 'b', 'c', 'd'];
    const first = await using('hierarchy', () => placeTable(net, places, places, noRest));
    const again = await using('hierarchy', () => placeTable(net, places, places, noRest));
    expect(again).toEqual(first);
    const byRail = { driving: 0, rest: 0, waiting: 0, transfer: 0, running: 4 };
    const byRoadAndRail = { driving: 1, rest: 0, waiting: 0, transfer: 1, running: 2 };
    for (const [i, j] of [[0, 2], [2, 0]]) {
      // A → C and C → A (the links run both ways).
      const cell = first.cells[i][j].totals!;
      expect(cell.weight).toBe(4);
      expect(cell.hours).toBe(4);
      expect([byRail, byRoadAndRail]).toContainEqual(cell.hoursBreakdown);
    }
    // Every other cell has one best route: route()'s, figure for figure.
    places.forEach((s, i) =>
      places.forEach((t, j) => {
        if (i === j || [s, t].sort().join() === 'a,c') return;
        const expected = route(net, s, t, noRest);
        expect(first.cells[i][j].totals, `${s} → ${t}`).toEqual(expected.found ? expected.totals : null);
      }),
    );
  });

  it('equals the Dijkstra rows on random networks, every objective: the same cells, weights, and figures but for ties', async () => {
    const random = prng(16);
    let cells = 0;
    let same = 0;
    for (let n = 0; n < 12; n++) {
      const network = loadNetwork(randomNetwork(random, 14, 30), { checkCountries: false });
      const ids = network.places.map((p) => p.properties.id);
      for (const by of ['time', 'cost', 'generalized', 'distance'] as const) {
        const options = { by, ...(n % 2 ? { cost: { drivingRules: false } } : {}) } as RouteOptions;
        const rows = await using('dijkstra', () => new Router(network, options).table(ids, ids));
        const buckets = await using('hierarchy', () => new Router(network, options).table(ids, ids));
        rows.forEach((row, i) =>
          row.forEach((expected: RouteTotals | null, j) => {
            cells++;
            const got = buckets[i][j];
            if (expected === null) return expect(got, `network ${n} by ${by}: ${ids[i]} → ${ids[j]}`).toBeNull();
            expect(got, `network ${n} by ${by}: ${ids[i]} → ${ids[j]}`).not.toBeNull();
            // A tied route's weight, added in its own order, may differ in the last bit.
            expect(got!.weight).toBeCloseTo(expected.weight, 9);
            if (JSON.stringify(got) === JSON.stringify(expected)) same++;
          }),
        );
      }
    }
    expect(cells).toBeGreaterThan(9_000);
    // Ties are few: nearly every cell is Dijkstra's route, figure for figure.
    expect(same / cells).toBeGreaterThan(0.9);
  });

  it('answers steppenet table as the Dijkstra rows do', async () => {
    const argv = ['table', '--places', 'Omsk,Pavlodar,Semey,Orenburg,Aktobe', '--format', 'csv'];
    const rows = await using('dijkstra', () => runSteppenet(argv));
    const buckets = await using('hierarchy', () => runSteppenet(argv));
    expect(rows.code).toBe(0);
    expect(rows.out.split('\n').length).toBeGreaterThan(25);
    expect(buckets).toEqual(rows);
  });

  it('answers accessibility as the Dijkstra rows do', async () => {
    const rows = await using('dijkstra', () => accessibility(bundled));
    const buckets = await using('hierarchy', () => accessibility(bundled));
    expect(rows.layers.length).toBe(4);
    expect(rows.places.length).toBeGreaterThan(5);
    expect(buckets).toEqual(rows);
  });

  it('answers /table (OSRM) as the Dijkstra rows do', async () => {
    const app = await buildServer({ network: bundled, logger: false });
    try {
      const points = cities.map((id) => bundled.place(id)!.geometry.coordinates.join(',')).join(';');
      const ask = async (profile: string) => (await app.inject({ method: 'GET', url: `/table/v1/${profile}/${points}?annotations=duration,distance` })).json();
      for (const profile of ['multimodal', 'road', 'rail']) {
        const rows = await using('dijkstra', () => ask(profile));
        const buckets = await using('hierarchy', () => ask(profile));
        expect(rows.code).toBe('Ok');
        expect(rows.durations.length).toBe(cities.length);
        expect(buckets).toEqual(rows);
      }
    } finally {
      await app.close();
    }
  });
});

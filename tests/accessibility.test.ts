import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AccessibilityArgumentError, type AccessibilityLayerName } from '../src/analysis/accessibility.js';
import { accessibility } from './fixtures/as-drawn.js';
import { runCli } from './fixtures/as-drawn.js';
import { loadNetwork } from '../src/model/load-network.js';
import type { Network } from '../src/model/network.js';
import { MODES, type NetworkFile } from '../src/model/types.js';
import { route } from './fixtures/as-drawn.js';
import { csvRecords } from './fixtures/csv-records.js';
import { parseDrawnNetwork } from './fixtures/parse-drawn-network.js';
import { prng, randomNetwork } from './fixtures/random-network.js';

// Every place in Kazakhstan (drawn coordinates near 60° E 50° N are), so scenarios validate.
// B and C tranship (1 h); D has road only, E river only.
//   multimodal: A→D = rail 2 + transfer at B 1 + road 1 = 4 (not 6 by road);
//               A→E = rail 4 + transfer at C 1 + river 3 = 8;  D→E = 1 + 1 + 2 + 1 + 3 = 8
function drawn(): NetworkFile {
  const file = parseDrawnNetwork`
    a-----b-----c-----e
          |
          d

    | place | country | tranship | kind |
    | a     | KZ      |          |      |
    | b     | KZ      | 1        |      |
    | c     | KZ      | 1        |      |
    | d     | KZ      |          |      |
    | e     | KZ      |          | port |

    | link | id        | mode  | hours |
    | ab   | a-b-rail  | rail  | 2     |
    | bc   | b-c-rail  | rail  | 2     |
    | ab   | a-b-road  | road  | 5     |
    | bd   | b-d-road  | road  | 1     |
    | ce   | c-e-river | river | 3     |
  `;
  for (const f of file.features) if (['a', 'c', 'e'].includes(f.properties.id) && f.properties.type === 'place') f.properties.regionCentre = true;
  return file;
}
const net = loadNetwork(drawn());
const ALL = ['a', 'b', 'c', 'd', 'e'];

/** Every cell against route() for that pair and mode, reasons included. */
function expectMatchesRoute(network: Network, places: string[], m: ReturnType<typeof accessibility>, options: Parameters<typeof route>[3] = {}) {
  for (const layer of m.layers) {
    expect(layer.values).toHaveLength(places.length);
    places.forEach((from, i) => {
      expect(layer.values[i]).toHaveLength(places.length);
      places.forEach((to, j) => {
        if (i === j) {
          expect([layer.values[i][j], layer.reasons[i][j]]).toEqual([0, null]);
          return;
        }
        const r = route(network, from, to, { ...options, modes: layer.layer === 'multimodal' ? MODES : [layer.layer] });
        if (r.found) {
          expect(layer.values[i][j]).toBeCloseTo(m.by === 'time' ? r.totals.hours : r.totals.weight, 9);
          // The figure the objective ranks by is route()'s; the other may come from another route of equal weight (Router.table).
          if (m.by === 'time') expect(layer.hours[i][j]).toBeCloseTo(r.totals.hours, 9);
          if (m.by === 'distance') expect(layer.km[i][j]).toBeCloseTo(r.totals.km, 9);
          expect(layer.hours[i][j]).toBeGreaterThan(0);
          expect(layer.km[i][j]).toBeGreaterThan(0);
          expect(layer.reasons[i][j]).toBeNull();
        } else {
          expect([layer.values[i][j], layer.hours[i][j], layer.km[i][j]]).toEqual([null, null, null]);
          expect(layer.reasons[i][j]).toBe(r.reason);
        }
      });
    });
  }
}

describe('accessibility', () => {
  const m = accessibility(net, { places: ALL });
  const layer = (name: AccessibilityLayerName) => m.layers.find((l) => l.layer === name)!;

  it('gives one complete matrix per mode and multimodal, with the drawn values', () => {
    expect(m.layers.map((l) => l.layer)).toEqual(['rail', 'road', 'river', 'multimodal']);
    expect(m.places.map((p) => p.id)).toEqual(ALL);
    const n = null;
    expect(layer('rail').values).toEqual([
      [0, 2, 4, n, n],
      [2, 0, 2, n, n],
      [4, 2, 0, n, n],
      [n, n, n, 0, n],
      [n, n, n, n, 0],
    ]);
    expect(layer('road').values[0]).toEqual([0, 5, n, 6, n]);
    expect(layer('river').values[2]).toEqual([n, n, 0, n, 3]);
    expect(layer('multimodal').values[0]).toEqual([0, 2, 4, 4, 8]);
    expect(layer('multimodal').values[3][4]).toBe(8);
    expect(layer('rail').connectedPairs).toBe(6);
    expect(layer('multimodal').connectedPairs).toBe(20);
  });

  it('says why a cell is empty', () => {
    expect(layer('rail').reasons[0][3]).toBe('D serves road only; allowed modes: rail');
    expect(layer('river').reasons[0][4]).toBe('A serves rail, road only; allowed modes: river');
  });

  it('equals route() for every ordered pair and mode', () => {
    expectMatchesRoute(net, ALL, m);
  });

  it('defaults to the region centres, and takes names, a scenario and an objective', () => {
    expect(accessibility(net).places.map((p) => p.id)).toEqual(['a', 'c', 'e']);
    const closed = accessibility(net, {
      places: ['A', 'D'], by: 'distance', modes: ['multimodal'],
      scenario: { name: 'no-rail-ab', description: 'A–B rail closed', sources: [{ ref: 'test' }], overrides: [{ select: { ids: ['a-b-rail'] }, set: { status: 'abolished' } }] },
    });
    expect(closed.scenario).toBe('no-rail-ab');
    expect(closed.by).toBe('distance');
    // Road A–B–D: 50 + 10 km.
    expect(closed.layers[0].values).toEqual([[0, 60], [60, 0]]);
  });

  it('rejects an unknown layer, no places and a place named twice', () => {
    expect(() => accessibility(net, { modes: ['air' as AccessibilityLayerName] })).toThrow(AccessibilityArgumentError);
    expect(() => accessibility(net, { places: [] })).toThrow(/places is empty/);
    expect(() => accessibility(net, { places: ['a', 'A'] })).toThrow(/names "a" twice/);
  });

  it('equals route() on random multimodal networks, with avoided countries and every objective', () => {
    const random = prng(99);
    for (let round = 0; round < 12; round++) {
      const network = loadNetwork(randomNetwork(random, 12, 24), { checkCountries: false });
      const places = network.places.slice(0, 7).map((p) => p.properties.id);
      const by = (['time', 'distance', 'cost', 'generalized'] as const)[round % 4];
      const avoid = round % 3 === 0 ? { countries: ['KZ'] } : {};
      expectMatchesRoute(network, places, accessibility(network, { places, by, avoid }), { by, avoid });
    }
  });
});

describe('steppenet accessibility', () => {
  const dir = mkdtempSync(join(tmpdir(), 'steppenet-access-'));
  const path = join(dir, 'net.geojson');
  writeFileSync(path, JSON.stringify(drawn()));
  const cli = async (...argv: string[]) => {
    let out = '', err = '';
    const code = await runCli(argv, { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n') });
    return { code, out, err };
  };

  it('prints one matrix per layer', async () => {
    const { code, out } = await cli('accessibility', '--network', path);
    expect(code).toBe(0);
    expect(out).toContain('rail only: time in h (scenario current); 2 of 6 ordered pairs connected');
    expect(out).toContain('multimodal: time in h (scenario current); 6 of 6 ordered pairs connected');
    expect(out).toMatch(/from \\ to\s+A\s+C\s+E/);
    expect(out).toMatch(/\nA\s+0\s+4\.0\s+8\.0\n/);
  });

  it('writes csv with the reasons', async () => {
    const csv = (await cli('accessibility', '--network', path, '--mode', 'rail', '--format', 'csv', '--places', 'a,d')).out.trim().split('\n');
    expect(csv).toEqual(['mode,from_id,to_id,from,to,time_hours,no_route_reason', 'rail,a,d,A,D,,D serves road only; allowed modes: rail', 'rail,d,a,D,A,,D serves road only; allowed modes: rail']);
    const routes = csvRecords((await cli('accessibility', '--network', path, '--mode', 'multimodal', '--format', 'csv', '--places', 'a,c')).out);
    const [values] = accessibility(loadNetwork(path), { places: ['a', 'c'], modes: ['multimodal'] }).layers.map((l) => l.values);
    expect(routes.records.map((r) => Number(r.time_hours))).toEqual([values[0][1], values[1][0]]);
  });

  it('writes GeoJSON: the places as points and a straight line for each pair a layer connects (who reaches whom)', async () => {
    type Geo = { features: { geometry: { type: string; coordinates: number[][] }; properties: Record<string, unknown> }[] };
    const geo = JSON.parse((await cli('accessibility', '--network', path, '--mode', 'rail', '--format', 'geojson', '--places', 'a,c,d')).out) as Geo;
    expect(geo.features.filter((f) => f.properties.kind === 'place').map((f) => f.properties.id)).toEqual(['a', 'c', 'd']);
    // By rail, A and C reach each other in 2 + 2 h; D (road only) reaches no one and no one reaches it.
    const lines = geo.features.filter((f) => f.properties.kind === 'od-pair');
    expect(lines.map((f) => [f.properties.from_id, f.properties.to_id, f.properties.layer, f.properties.time_hours, f.properties.hours])).toEqual([['a', 'c', 'rail', 4, 4], ['c', 'a', 'rail', 4, 4]]);
    const at = (id: string) => net.place(id)!.geometry.coordinates;
    expect(lines[0]!.geometry).toEqual({ type: 'LineString', coordinates: [at('a'), at('c')] });
    expect(lines[0]!.properties.km).toBe(accessibility(net, { places: ['a', 'c'], modes: ['rail'] }).layers[0]!.km[0]![1]);
  });

  it.each([
    [['--mode', 'air'], '--mode must be one of rail, road, river, multimodal, all'],
    [['--by', 'speed'], '--by must be one of distance, time, cost, generalized'],
    [['--format', 'xml'], '--format must be one of table, csv, json'],
    [['--places', 'a,zz'], 'Unknown place "zz"'],
    [['x'], 'unexpected argument "x"'],
  ])('exits 2 with the usage for bad arguments: %j', async (args, message) => {
    const { code, err } = await cli('accessibility', '--network', path, ...args);
    expect(code).toBe(2);
    expect(err).toContain(message);
    expect(err).toContain('usage: steppenet accessibility');
  });
});

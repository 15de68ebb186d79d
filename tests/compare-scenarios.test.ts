import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvRecords } from './fixtures/csv-records.js';
import { compareScenarios } from './fixtures/as-drawn.js';
import { runCli } from './fixtures/as-drawn.js';
import { loadNetwork } from '../src/model/load-network.js';
import { applyScenario, type Scenario } from '../src/model/scenario.js';
import type { NetworkFile } from '../src/model/types.js';
import { route } from './fixtures/as-drawn.js';
import { parseDrawnNetwork } from './fixtures/parse-drawn-network.js';
import { prng, randomNetwork } from './fixtures/random-network.js';

// Scenarios are validated with the country check, so every place here is in Kazakhstan (drawn coordinates near 60° E 50° N are).
// Road only; C–E is planned.
//
//   Scenario "slow-bc": B–C takes 6 h instead of 3. Exactly the pairs whose route uses B–C change:
//     A→C 5 → 8 (same route), A→D 6 → 8 (now A–D), A→F 7 → 9 (now A–D–F),
//     B→C 3 → 6, B→D 4 → 7, B→F 5 → 8, and the same six in reverse.   12 changed, +32 h in all.
//     A↔B, C↔D, C↔F, D↔F do not use B–C: unchanged. E has no route in either.
//   Scenario "open-ce-close-df": C–E opens, D–F is abolished: E newly connected, F newly disconnected.
function drawn(): NetworkFile {
  const file = parseDrawnNetwork`
    +-----------------+
    |                 |
    a-----b-----c-----d-----f
                |
                e

    | place | country | region |
    | a     | KZ      | West   |
    | b     | KZ      | West   |
    | c     | KZ      | East   |
    | d     | KZ      | East   |
    | e     | KZ      | North  |
    | f     | KZ      | North  |

    | link | mode | hours | status  |
    | ab   | road | 2     |         |
    | bc   | road | 3     |         |
    | cd   | road | 1     |         |
    | df   | road | 1     |         |
    | ad   | road | 8     |         |
    | ce   | road | 1     | planned |
  `;
  for (const f of file.features) if (f.properties.type === 'place') f.properties.regionCentre = true;
  return file;
}
const net = loadNetwork(drawn());
const scenario = (name: string, overrides: Scenario['overrides']): Scenario => ({ name, description: name, sources: [{ ref: 'test' }], overrides });
const none = scenario('as-drawn', []);
const slowBc = scenario('slow-bc', [{ select: { ids: ['b-c'] }, set: { hours: 6 } }]);
const openCloseEF = scenario('open-ce-close-df', [
  { select: { ids: ['c-e'] }, set: { status: 'open' } },
  { select: { ids: ['d-f'] }, set: { status: 'abolished' } },
]);
const pair = (r: { from: string; to: string }) => `${r.from}${r.to}`;

describe('compareScenarios', () => {
  it('lists exactly the pairs whose best route uses the changed link', () => {
    const c = compareScenarios(net, none, slowBc);
    expect([c.a, c.b, c.by]).toEqual(['as-drawn', 'slow-bc', 'time']);
    expect(c.rows).toHaveLength(30);
    expect(c.changed.map(pair).sort()).toEqual(['ac', 'ad', 'af', 'bc', 'bd', 'bf', 'ca', 'cb', 'da', 'db', 'fa', 'fb']);
    const byPair = new Map(c.rows.map((r) => [pair(r), r]));
    expect(byPair.get('ac')).toMatchObject({ status: 'changed', a: 5, b: 8, change: 3, routeChanged: false });
    expect(byPair.get('ad')).toMatchObject({ status: 'changed', a: 6, b: 8, change: 2, routeChanged: true, linksA: ['a-b', 'b-c', 'c-d'], linksB: ['a-d'] });
    expect(byPair.get('af')).toMatchObject({ a: 7, b: 9, linksB: ['a-d', 'd-f'] });
    for (const p of ['ab', 'ba', 'cd', 'dc', 'cf', 'fc', 'df', 'fd']) expect(byPair.get(p)).toMatchObject({ status: 'unchanged', change: 0, routeChanged: false });
    for (const p of ['ae', 'ea', 'ef', 'fe']) expect(byPair.get(p)).toMatchObject({ status: 'unconnected', change: 0, a: Infinity, b: Infinity });
    expect(c.totals).toEqual({ pairs: 30, changed: 12, connected: 0, disconnected: 0, unconnected: 10, weightedChange: 32, connectedDemand: 20 });
  });

  it('summarises per region pair', () => {
    const c = compareScenarios(net, none, slowBc);
    expect(c.byRegion.map((g) => `${g.fromRegion}>${g.toRegion}`)).toEqual([
      'West>West', 'West>East', 'West>North', 'East>West', 'East>East', 'East>North', 'North>West', 'North>East', 'North>North',
    ]);
    const westEast = c.byRegion.find((g) => g.fromRegion === 'West' && g.toRegion === 'East')!;
    // A→C +3, A→D +2, B→C +3, B→D +3
    expect(westEast).toMatchObject({ pairs: 4, changed: 4, weightedChange: 11, connectedDemand: 4 });
    const westNorth = c.byRegion.find((g) => g.fromRegion === 'West' && g.toRegion === 'North')!;
    expect(westNorth).toMatchObject({ pairs: 4, changed: 2, unconnected: 2, weightedChange: 2 + 3 });
  });

  it('marks newly connected and newly disconnected pairs', () => {
    const c = compareScenarios(net, none, openCloseEF);
    const status = new Map(c.rows.map((r) => [pair(r), r.status]));
    for (const x of ['a', 'b', 'c', 'd']) {
      expect([status.get(`${x}e`), status.get(`e${x}`)]).toEqual(['connected', 'connected']);
      expect([status.get(`${x}f`), status.get(`f${x}`)]).toEqual(['disconnected', 'disconnected']);
    }
    expect([status.get('ef'), status.get('fe')]).toEqual(['unconnected', 'unconnected']);
    expect(c.totals).toMatchObject({ changed: 0, connected: 8, disconnected: 8, unconnected: 2 });
    expect(c.changed).toHaveLength(16);
    const ce = c.rows.find((r) => pair(r) === 'ce')!;
    expect([ce.a, ce.b, ce.change]).toEqual([Infinity, 1, -Infinity]);
    expect(ce.reasonA).toBe('E is isolated in road: its links are unusable: c-e (status planned)');
    const df = c.rows.find((r) => pair(r) === 'df')!;
    expect([df.a, df.b, df.change, df.reasonB]).toEqual([1, Infinity, Infinity, expect.stringMatching(/F is isolated/)]);
  });

  it('takes OD pairs by name, with demands', () => {
    const c = compareScenarios(net, none, slowBc, { ods: [{ from: 'A', to: 'D', demand: 5 }, { from: 'C', to: 'D' }] });
    expect(c.rows.map((r) => [pair(r), r.status, r.demand])).toEqual([['ad', 'changed', 5], ['cd', 'unchanged', 1]]);
    expect(c.totals.weightedChange).toBe(10);
  });

  it('on random networks, flags a pair as changed exactly when route() under A and B differ, and only pairs whose route uses the changed link', () => {
    const random = prng(4242);
    let changedSeen = 0;
    for (let round = 0; round < 25; round++) {
      const file = inKazakhstan(randomNetwork(random, 10, 18));
      // Fractional hours, so that no two routes tie and a route cannot flip between equals.
      for (const f of file.features) if (f.properties.type === 'link') f.properties.hours = f.properties.hours! + random();
      const net = loadNetwork(file);
      const links = net.links.filter((l) => l.properties.status === 'open');
      const link = links[Math.floor(random() * links.length)].properties;
      const b = scenario('b', [{ select: { ids: [link.id] }, set: { hours: random() < 0.5 ? link.hours! * 3 : link.hours! / 3 } }]);
      const ods = net.places.slice(0, 6).flatMap((p, _i, all) => all.filter((q) => q !== p).map((q) => ({ from: p.properties.id, to: q.properties.id })));
      const c = compareScenarios(net, none, b, { ods });
      const netB = applyScenario(net, b);
      ods.forEach((od, i) => {
        const ra = route(net, od.from, od.to), rb = route(netB, od.from, od.to);
        const differs = ra.found !== rb.found || ra.totals.weight !== rb.totals.weight || ra.links.join() !== rb.links.join();
        expect(c.rows[i].status === 'changed' || c.rows[i].status === 'connected' || c.rows[i].status === 'disconnected').toBe(differs);
        if (differs) {
          changedSeen++;
          expect(ra.links.includes(link.id) || rb.links.includes(link.id)).toBe(true);
        }
      });
    }
    expect(changedSeen).toBeGreaterThan(20);
  });
});

/** A random network moved into central Kazakhstan, every place KZ and no border links, so scenarios validate. */
function inKazakhstan(file: NetworkFile): NetworkFile {
  const at = new Map<string, [number, number]>();
  for (const f of file.features) {
    if (f.properties.type !== 'place' || f.geometry.type !== 'Point') continue;
    const [lon, lat] = f.geometry.coordinates;
    f.geometry.coordinates = [66 + (lon - 60) * 1.5, 46 + (lat - 50)];
    f.properties.country = 'KZ';
    at.set(f.properties.id, f.geometry.coordinates);
  }
  for (const f of file.features) {
    if (f.properties.type !== 'link' || f.geometry.type !== 'LineString') continue;
    delete f.properties.checkpoint;
    f.geometry.coordinates = [at.get(f.properties.from)!, at.get(f.properties.to)!];
  }
  return file;
}

describe('steppenet compare', () => {
  const dir = mkdtempSync(join(tmpdir(), 'steppenet-compare-'));
  const path = join(dir, 'net.geojson');
  writeFileSync(path, JSON.stringify(drawn()));
  const a = join(dir, 'as-drawn.json');
  const b = join(dir, 'slow-bc.json');
  writeFileSync(a, JSON.stringify(none));
  writeFileSync(b, JSON.stringify(slowBc));
  const cli = async (...argv: string[]) => {
    let out = '', err = '';
    const code = await runCli(argv, { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n') });
    return { code, out, err };
  };

  it('prints the summary, the region pairs and the changed pairs', async () => {
    const { code, out } = await cli('compare', a, b, '--network', path);
    expect(code).toBe(0);
    expect(out).toContain('Scenario as-drawn → slow-bc, by time, 30 OD pairs: 12 changed, 0 newly connected, 0 newly disconnected, 10 with no route in either');
    expect(out).toMatch(/West\s+East\s+4\s+4\s+0\s+0\s+11/);
    expect(out).toMatch(/A\s+D\s+changed\s+6\s+8\s+2\s+changed/);
    expect(out).not.toMatch(/^A\s+B\s/m);
  });

  it('writes csv and json', async () => {
    const csv = (await cli('compare', a, b, '--network', path, '--format', 'csv', '--all')).out.trim().split('\n');
    expect(csv).toHaveLength(31);
    expect(csv[0]).toBe('from_id,to_id,from,to,from_region,to_region,demand,status,as-drawn_time_hours,slow-bc_time_hours,change_hours,route_changed,as-drawn_links,slow-bc_links');
    expect(csv).toContain('a,d,A,D,West,East,1,changed,6,8,2,true,a-b b-c c-d,a-d');
    const { records } = csvRecords(csv.join('\n'));
    expect(records.find((r) => r.from_id === 'a' && r.to_id === 'e')?.['as-drawn_time_hours']).toBe('Infinity');
    const json = JSON.parse((await cli('compare', a, b, '--network', path, '--format', 'json')).out);
    expect(json.totals.changed).toBe(12);
    expect(json.rows.find((r: { from: string; to: string }) => r.from === 'a' && r.to === 'e').a).toBe('Infinity');
  });

  it.each([
    [[a], 'expected 2 arguments'],
    [[a, b, '--by', 'speed'], '--by must be one of distance, time, cost, generalized'],
    [[a, b, '--mode', 'air'], 'unknown mode air'],
    [[a, b, '--format', 'xml'], '--format must be one of table, json, csv'],
    [[a, b, '--ods', 'A'], '--ods: entry 1 needs "from>to"'],
  ])('exits 2 with the usage for bad arguments: %j', async (args, message) => {
    const { code, err } = await cli('compare', ...args, '--network', path);
    expect(code).toBe(2);
    expect(err).toContain(message);
    expect(err).toContain('usage: steppenet compare');
  });

  it('exits 2 for a scenario that does not exist', async () => {
    const { code, err } = await cli('compare', a, 'no-such-scenario', '--network', path);
    expect(code).toBe(2);
    expect(err).toContain('scenario "no-such-scenario"');
  });
});

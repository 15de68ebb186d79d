// `steppenet remove` with an area (--within, --polygon, --region, --crossings)
// and `steppenet critical --by-region / --grid`, on the bundled network.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { areaCriticality, type AreaCriticalityResult } from '../src/analysis/area-criticality.js';
import { selectLinks } from '../src/analysis/link-selection.js';
import { greatCircleKm } from '../src/core/geodesic.js';
import { loadNetwork } from '../src/model/load-network.js';
import { runSteppenet } from './fixtures/run-command.js';

const network = loadNetwork();
const dir = mkdtempSync(join(tmpdir(), 'steppenet-areas-'));
const file = (name: string, value: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
};
const STACK_LINE = /\n\s+at /;

/** The least great-circle km from a point to a link's line, sampled every 1/400 of each segment (straight in lon/lat). */
function sampledKm([lon, lat]: number[], coordinates: number[][]): number {
  let best = Infinity;
  for (let s = 0; s + 1 < coordinates.length; s++) {
    const [[x0, y0], [x1, y1]] = [coordinates[s], coordinates[s + 1]];
    for (let k = 0; k <= 400; k++) best = Math.min(best, greatCircleKm(lon, lat, x0 + ((x1 - x0) * k) / 400, y0 + ((y1 - y0) * k) / 400));
  }
  return best;
}

describe('steppenet remove with an area', () => {
  it('--within 50km:Semey closes every link that comes within 50 km of Semey and no other', async () => {
    const { code, out, err } = await runSteppenet(['remove', '--within', '50km:Semey', '--format', 'json']);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    const removed: string[] = JSON.parse(out).removed;
    const semey = network.resolvePlace('Semey').geometry.coordinates;
    const km = new Map(network.links.map((l) => [l.properties.id, sampledKm(semey, l.geometry.coordinates)]));
    // Every link clearly inside is closed, none clearly outside (the sampling and the great-circle arcs Turf uses differ by well under 1 km).
    const inside = [...km].filter(([, d]) => d < 49).map(([id]) => id).sort();
    const outside = [...km].filter(([, d]) => d > 51).map(([id]) => id);
    expect(inside.length).toBeGreaterThan(3);
    expect(removed.filter((id) => km.get(id)! <= 51).sort()).toEqual(inside);
    expect(removed.filter((id) => outside.includes(id))).toEqual([]);
    // The links that touch Semey are among them (0 km).
    for (const l of network.links.filter((l) => l.properties.from === 'semey' || l.properties.to === 'semey')) expect(removed).toContain(l.properties.id);
  });

  it('says how many links it closed and which, one a line with their names', async () => {
    const { code, out } = await runSteppenet(['remove', '--within', '50km:Semey']);
    expect(code).toBe(0);
    const ids = selectLinks(network, { within: [{ km: 50, around: 'Semey' }] });
    expect(out).toContain(`Removed ${ids.length} link(s) within 50km:Semey (scenario current, by time):`);
    expect(out).toContain('  road-m38-pavlodar-semey: Pavlodar – Semey (');
  });

  it('--within takes a point as LAT,LON', async () => {
    const semey = network.resolvePlace('Semey').geometry.coordinates;
    const { code, out } = await runSteppenet(['remove', '--within', `50km:${semey[1]},${semey[0]}`, '--format', 'json']);
    expect(code).toBe(0);
    expect(JSON.parse(out).removed.sort()).toEqual(selectLinks(network, { within: [{ km: 50, around: 'Semey' }] }).sort());
  });

  it('--polygon, --region and --crossings close what the library selects, together with named links', async () => {
    const [lon, lat] = network.resolvePlace('Omsk').geometry.coordinates;
    const polygon = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[lon - 0.5, lat - 0.3], [lon + 0.5, lat - 0.3], [lon + 0.5, lat + 0.3], [lon - 0.5, lat + 0.3], [lon - 0.5, lat - 0.3]]] } };
    const path = file('omsk.geojson', polygon);
    const cases: [string[], string[]][] = [
      [['--polygon', path], selectLinks(network, { polygons: [polygon as never] })],
      [['--region', 'Omsk Oblast'], selectLinks(network, { regions: ['Omsk Oblast'] })],
      [['--crossings', 'kz'], selectLinks(network, { crossings: ['KZ'] })],
      [['rail-aul-semey', '--region', 'Omsk Oblast'], selectLinks(network, { links: ['rail-aul-semey'], regions: ['Omsk Oblast'] })],
    ];
    for (const [argv, expected] of cases) {
      const { code, out, err } = await runSteppenet(['remove', ...argv, '--format', 'json']);
      expect({ argv, code, err }).toEqual({ argv, code: 0, err: '' });
      expect(JSON.parse(out).removed.sort()).toEqual([...expected].sort());
    }
    // Around Omsk the polygon closes the links into the city.
    expect(cases[0][1]).toEqual(expect.arrayContaining(network.links.filter((l) => l.properties.from === 'omsk' || l.properties.to === 'omsk').map((l) => l.properties.id)));
  });

  it.each([
    [['--within', '50:Semey'], '--within must be KMkm:PLACE or KMkm:LAT,LON'],
    [['--within', '0km:Semey'], '--within must be KMkm:PLACE or KMkm:LAT,LON'],
    [['--within', '50km:95,10'], '--within: 95,10 is not a point LAT,LON'],
    [['--within', '50km:Semej-Palatinskk'], 'Semej-Palatinskk'],
    [['--region', 'Omsk Oblst'], 'did you mean "Omsk Oblast"'],
    [['--crossings', 'XX'], '"XX" is not an ISO 3166-1 alpha-2 country code'],
    [['--polygon', join(dir, 'missing.geojson')], 'cannot read polygon file'],
    [[], 'remove: name what to take out of service'],
  ])('a wrong area exits 2 with the message and no stack: %j', async (argv, message) => {
    const { code, err } = await runSteppenet(['remove', ...argv]);
    expect(code).toBe(2);
    expect(err).toContain(message);
    expect(err).not.toMatch(STACK_LINE);
  });

  it('a polygon file that is not one exits 1 listing every problem with its path', async () => {
    const bad = file('bad.geojson', { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [70, 50] } }, { type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[70, 50], [71, 50], [71, 51], [70, 51]]] } }] });
    const { code, err } = await runSteppenet(['remove', '--polygon', bad]);
    expect(code).toBe(1);
    expect(err).toContain(`${bad}: not a usable GeoJSON Polygon or MultiPolygon: $.features[0].geometry: type is "Point", not Polygon or MultiPolygon; $.features[1].geometry.coordinates[0]: the ring is not closed`);
    expect(err).not.toContain('usage:');
    expect(err).not.toMatch(STACK_LINE);
    const notJson = await runSteppenet(['remove', '--polygon', file('not.geojson', '{"type": "Polygon", ')]);
    expect(notJson.code).toBe(1);
    expect(notJson.err).toContain('not JSON');
  });
});

describe('steppenet critical --by-region and --grid', () => {
  const expected = areaCriticality(network);

  it('ranks the regions as the library does, in a table, JSON, CSV and GeoJSON', async () => {
    const table = await runSteppenet(['critical', '--by-region']);
    expect(table.code).toBe(0);
    expect(table.out).toContain(`Area criticality: every link of each region closed at once, over ${expected.pairs} OD pairs (${expected.candidates} regions, scenario current, by time)`);
    expect(table.out).toMatch(new RegExp(`\\n\\s+1\\s+${expected.ranking[0].name}\\s+${expected.ranking[0].links.length}\\s+${expected.ranking[0].pairsUsing}\\s`));

    const json = JSON.parse((await runSteppenet(['critical', '--by-region', '--format', 'json'])).out) as AreaCriticalityResult;
    expect(json.ranking.map((r) => [r.area, r.links, r.pairsUsing, r.disconnectedDemand])).toEqual(expected.ranking.map((r) => [r.area, r.links, r.pairsUsing, r.disconnectedDemand]));

    const csv = (await runSteppenet(['critical', '--by-region', '--format', 'csv'])).out.trim().split('\n');
    expect(csv[0]).toBe('rank,area_id,name,links_closed,link_ids,pairs_using,disconnected_pairs,disconnected_demand,weighted_extra_time_hours,worst_extra_time_hours');
    expect(csv).toHaveLength(1 + expected.candidates);

    const geojson = JSON.parse((await runSteppenet(['critical', '--by-region', '--format', 'geojson', '--top', '3'])).out);
    expect(geojson.type).toBe('FeatureCollection');
    expect(geojson.features.map((f: { geometry: { type: string; coordinates: unknown[] }; properties: { rank: number; area: string } }) => [f.properties.rank, f.properties.area, f.geometry.type, f.geometry.coordinates.length]))
      .toEqual(expected.ranking.slice(0, 3).map((r, i) => [i + 1, r.area, 'MultiLineString', r.links.length]));
  });

  it('--grid 1deg: cells as squares in GeoJSON', async () => {
    const { code, out } = await runSteppenet(['critical', '--grid', '1deg', '--format', 'geojson', '--top', '2']);
    expect(code).toBe(0);
    const [first] = JSON.parse(out).features;
    const [west, south] = first.properties.area.split(',').map(Number);
    expect(first.geometry).toEqual({ type: 'Polygon', coordinates: [[[west, south], [west + 1, south], [west + 1, south + 1], [west, south + 1], [west, south]]] });
  });

  it.each([
    [['--by-region', '--grid', '1deg'], 'give --by-region or --grid, not both'],
    [['--grid', '0.01deg'], '--grid must be a cell size in degrees from 0.1 to 90'],
    [['--grid', 'one'], '--grid must be a cell size in degrees'],
    [['--by-region', '--shard', '3/2'], '--shard must be I/N with 1 <= I <= N'],
    [['--by-region', '--workers', '0'], '--workers must be a whole number from 1 to 64, or auto'],
  ])('refuses %j with exit 2', async (argv, message) => {
    const { code, err } = await runSteppenet(['critical', ...argv]);
    expect(code).toBe(2);
    expect(err).toContain(message);
  });
});

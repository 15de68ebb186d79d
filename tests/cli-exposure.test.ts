// `steppenet exposure`, `steppenet redundancy` and the exposure table under
// `steppenet critical --by-region`, on the bundled network: the CLI prints
// what the library computes, in each format.
import { describe, expect, it } from 'vitest';
import { regionalExposure } from '../src/analysis/exposure.js';
import { odRedundancy } from '../src/analysis/od-redundancy.js';
import { loadNetwork } from '../src/model/load-network.js';
import { runSteppenet } from './fixtures/run-command.js';

const network = loadNetwork();
const odsArg = 'Omsk>Pavlodar,Pavlodar>Omsk,Orenburg>Aktobe,Petropavl>Kurgan';
const ods = odsArg.split(',').map((p) => ({ from: p.split('>')[0], to: p.split('>')[1] }));

describe('steppenet exposure', () => {
  const expected = regionalExposure(network, { ods });

  it('a table per region with the worst failure and the loss ranges, most exposed first', async () => {
    const { code, out } = await runSteppenet(['exposure', '--ods', odsArg]);
    expect(code).toBe(0);
    expect(out).toContain(`Regional exposure of the OD demand (by origin) to ${expected.failures} single-link failures, over 4 routable OD pairs`);
    const first = expected.regions[0];
    expect(out).toMatch(new RegExp(`\\n${first.group}\\s+${first.country}\\s+1\\s+${first.worstIncreaseHours.central.toFixed(1)}\\s+${first.worstFailure!.name.replace(/[()]/g, '\\$&')}`));
  });

  it('CSV: one row per region, unrounded, unit-named headers; per country with --per country', async () => {
    const csv = (await runSteppenet(['exposure', '--ods', odsArg, '--format', 'csv'])).out.trim().split('\n');
    expect(csv[0].split(',').slice(0, 8)).toEqual(['region', 'country', 'failures', 'pairs', 'demand_t_per_year', 'demand_min_t_per_year', 'demand_max_t_per_year', 'worst_increase_hours']);
    expect(csv).toHaveLength(1 + expected.regions.length);
    expect(Number(csv[1].split(',')[7])).toBe(expected.regions[0].worstIncreaseHours.central);
    const countries = (await runSteppenet(['exposure', '--ods', odsArg, '--format', 'csv', '--per', 'country'])).out.trim().split('\n');
    expect(countries.slice(1).map((l) => l.split(',')[0]).sort()).toEqual(['KZ', 'RU']);
  });

  it('GeoJSON: each region a point at its centre city, with its figures', async () => {
    const geojson = JSON.parse((await runSteppenet(['exposure', '--ods', odsArg, '--format', 'geojson'])).out);
    const omsk = network.place('omsk')!;
    const feature = geojson.features.find((f: { properties: { region: string } }) => f.properties.region === 'Omsk Oblast');
    expect(feature.geometry).toEqual({ type: 'Point', coordinates: omsk.geometry.coordinates });
    expect(feature.properties.lossTonneHoursPerDay.max).toBeGreaterThanOrEqual(feature.properties.lossTonneHoursPerDay.min);
  });

  it('--areas regions closes each region whole; a bad --per is a usage error', async () => {
    const { code, out } = await runSteppenet(['exposure', '--ods', odsArg, '--areas', 'regions', '--no-ranges']);
    expect(code).toBe(0);
    expect(out).toContain('regions closed whole');
    expect(out).toContain('No ranges');
    const bad = await runSteppenet(['exposure', '--per', 'town']);
    expect([bad.code, bad.err]).toEqual([2, expect.stringContaining('--per must be one of region, country')]);
  });
});

describe('steppenet critical --by-region shows the exposure table', () => {
  it('after the area ranking', async () => {
    const { code, out } = await runSteppenet(['critical', '--by-region', '--ods', odsArg]);
    expect(code).toBe(0);
    expect(out.indexOf('Regional exposure')).toBeGreaterThan(out.indexOf('Area criticality'));
    expect(out).toContain('regions closed whole');
  });
});

describe('steppenet redundancy', () => {
  it('CSV with the link-disjoint routes and the second best', async () => {
    const expected = odRedundancy(network, { ods: [{ from: 'Omsk', to: 'Pavlodar' }] });
    const csv = (await runSteppenet(['redundancy', '--ods', 'Omsk>Pavlodar', '--format', 'csv'])).out.trim().split('\n');
    expect(csv[0]).toBe('from_id,to_id,demand,disjoint_routes,best_time_hours,second_best_time_hours,ratio,best_hours,second_best_hours');
    const p = expected.pairs[0];
    expect(csv[1]).toBe(['omsk', 'pavlodar', 1, p.disjointRoutes, p.best, p.secondBest, p.ratio, p.bestHours, p.secondBestHours].join(','));
    expect(p.disjointRoutes).toBeGreaterThanOrEqual(2);
    expect(p.ratio).toBeGreaterThanOrEqual(1);
  });
});

describe('steppenet exposure --demand bundled', () => {
  it('weighs by the bundled freight demand in tonnes a year, with its range', async () => {
    const csv = (await runSteppenet(['exposure', '--demand', 'bundled', '--no-ranges', '--format', 'csv', '--per', 'country'])).out.trim().split('\n');
    const header = csv[0].split(',');
    const rows = csv.slice(1).map((l) => Object.fromEntries(l.split(',').map((v, i) => [header[i], v])));
    // The bundled file holds 69.32 Mt/yr in all (one pair without a route aside, the countries' demand adds up to about that).
    const total = rows.reduce((s, r) => s + Number(r.demand_t_per_year), 0);
    expect(total).toBeGreaterThan(60e6);
    expect(total).toBeLessThanOrEqual(69.32e6 + 1);
    for (const r of rows) expect(Number(r.demand_min_t_per_year)).toBeLessThan(Number(r.demand_max_t_per_year));
    const both = await runSteppenet(['exposure', '--demand', 'bundled', '--ods', 'Omsk>Pavlodar']);
    expect(both.code).toBe(2);
  });
});

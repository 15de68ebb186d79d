// The bundled freight demand (networks/demand/freight-demand.csv), its reader
// and the --demand option. The totals below are the published figures the
// estimated rows split (networks/notes/demand.md says where each comes from).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freightDemandOdPairs } from '../src/analysis/freight-demand-pairs.js';
import { resolveOdPairs } from '../src/analysis/od-pairs.js';
import { greatCircleKm } from '../src/core/geodesic.js';
import { FreightDemandError, parseFreightDemand, readFreightDemand, type FreightDemandRow } from '../src/io/freight-demand.js';
import { loadNetwork } from '../src/model/load-network.js';
import { UnknownPlaceError } from '../src/places/unknown-place-error.js';
import { runSteppenet } from './fixtures/run-command.js';

const network = loadNetwork();
const rows = readFreightDemand();
const notes = readFileSync(join(import.meta.dirname, '../networks/notes/demand.md'), 'utf8');
const sum = (list: readonly FreightDemandRow[]) => list.reduce((a, r) => a + r.tonnes, 0);

/** "… split of LABEL = TOTAL t/yr; weight = A × B / D km (…)" → the group, its total and the weight's factors. */
function splitOf(row: FreightDemandRow) {
  const m = /split of (.+) = (\d+) t\/yr; weight = (\d+)(?: × (\d+))?(?: \/ (\d+) km)?/.exec(row.method);
  if (!m) return undefined;
  return { label: m[1], total: Number(m[2]), factors: [m[3], m[4]].filter((x) => x !== undefined).map(Number), km: m[5] === undefined ? undefined : Number(m[5]) };
}

describe('the bundled freight demand', () => {
  it('has 54 rows between places of the bundled network, each with its source and the place in it', () => {
    expect(rows).toHaveLength(54);
    for (const r of rows) {
      const where = `line ${r.line}`;
      // Written as place ids: the file does not depend on how names resolve.
      expect(network.place(r.from), where).toBeDefined();
      expect(network.place(r.to), where).toBeDefined();
      expect(r.source.length, where).toBeGreaterThan(10);
      expect(r.sourcePlace.length, where).toBeGreaterThan(3);
      expect(r.tonnesMin, where).toBeLessThanOrEqual(r.tonnes);
      expect(r.tonnes, where).toBeLessThanOrEqual(r.tonnesMax);
      expect(r.tonnes, where).toBeGreaterThan(0);
    }
  });

  it('holds 69.32 Mt a year: 1.0 Mt published (Pavlodar → Omsk by river), 68.32 Mt estimated', () => {
    expect(sum(rows)).toBe(69_320_000);
    const published = rows.filter((r) => r.basis === 'published');
    expect(published.map((r) => [r.from, r.to, r.tonnes])).toEqual([['pavlodar', 'omsk', 1_000_000]]);
  });

  it('covers both directions of the Russian–Kazakh border pairs and China transit both ways', () => {
    const has = (from: string, to: string) => rows.some((r) => r.from === from && r.to === to);
    for (const [ru, kz] of [['omsk', 'pavlodar'], ['omsk', 'petropavlovsk'], ['orenburg', 'aktobe'], ['chelyabinsk', 'kostanay'], ['barnaul', 'ust-kamenogorsk'], ['astrakhan', 'atyrau']]) {
      expect(has(ru, kz), `${ru} → ${kz}`).toBe(true);
      expect(has(kz, ru), `${kz} → ${ru}`).toBe(true);
    }
    expect(has('urumqi', 'moscow')).toBe(true);
    expect(has('moscow', 'urumqi')).toBe(true);
  });

  it('its estimated splits add up to the published totals they split, each row its share by its weight', () => {
    const groups = new Map<string, { total: number; rows: { row: FreightDemandRow; weight: number }[] }>();
    for (const row of rows.filter((r) => r.basis === 'estimated')) {
      const s = splitOf(row);
      if (!s) continue;
      const key = `${s.label} = ${s.total}`;
      if (!groups.has(key)) groups.set(key, { total: s.total, rows: [] });
      groups.get(key)!.rows.push({ row, weight: s.factors.reduce((a, b) => a * b, 1) / (s.km ?? 1) });
    }
    // RU→KZ: RZD's 20.0 Mt in Jan–Aug 2025 × 12/8 = 30.0 Mt, less 2.9 Mt × 12/8 = 4.35 Mt to China via Kazakhstan;
    // KZ→RU: KTZ's 34.6 Mt in 2023, of which 20.3 Mt coal.
    expect([...groups.values()].map((g) => g.total).sort((a, b) => a - b)).toEqual([4_350_000, 14_300_000, 20_300_000, 25_650_000]);
    expect(20_000_000 * 12 / 8 - 2_900_000 * 12 / 8).toBe(25_650_000);
    expect(34_600_000 - 20_300_000).toBe(14_300_000);
    for (const [label, g] of groups) {
      expect(sum(g.rows.map((r) => r.row)), label).toBe(g.total);
      const weights = g.rows.reduce((a, r) => a + r.weight, 0);
      // Rounded to thousands of tonnes (largest remainder), so each share is within 1,000 t.
      for (const { row, weight } of g.rows) expect(Math.abs(row.tonnes - (g.total * weight) / weights), `line ${row.line}`).toBeLessThanOrEqual(1000);
    }
    // Every estimated row is either in a split or a stated conversion.
    const unsplit = rows.filter((r) => r.basis === 'estimated' && !splitOf(r));
    expect(unsplit.map((r) => [r.from, r.to])).toEqual([['urumqi', 'moscow']]);
    expect(unsplit[0].method).toMatch(/^conversion, not a split: 341000 TEU .* = 372000 TEU\/yr × 10 t per TEU/);
    expect(unsplit[0].tonnes).toBe(372_000 * 10);
  });

  it('uses the great-circle km between the two places and the population figures of the notes', () => {
    for (const row of rows) {
      const s = splitOf(row);
      if (!s) continue;
      if (s.km !== undefined) {
        const [a, b] = [network.place(row.from)!, network.place(row.to)!].map((p) => p.geometry.coordinates as [number, number]);
        expect(Math.abs(greatCircleKm(a[0], a[1], b[0], b[1]) - s.km), `line ${row.line}`).toBeLessThan(2);
      }
      // Each population appears in the notes' table with its source ("| Omsk Oblast | 1,858,798 | …").
      for (const p of s.factors) expect(notes, `line ${row.line}: ${p}`).toContain(`| ${p.toLocaleString('en-US')} |`);
    }
  });

  it('becomes OD pairs weighted in tonnes, the two Pavlodar → Omsk rows (rail and river) one pair', () => {
    const pairs = freightDemandOdPairs(network, rows);
    expect(pairs).toHaveLength(53);
    const pavlodarOmsk = pairs.find((p) => p.from === 'pavlodar' && p.to === 'omsk')!;
    expect(pavlodarOmsk).toEqual({ from: 'pavlodar', to: 'omsk', demand: 784_000 + 1_000_000, demandMin: 392_000 + 250_000, demandMax: 1_176_000 + 1_000_000 });
    expect(pairs.reduce((a, p) => a + p.demand!, 0)).toBe(69_320_000);
    // resolveOdPairs keeps the range, and gives pairs without one their demand as both ends.
    expect(resolveOdPairs(network, [pavlodarOmsk, { from: 'Omsk', to: 'Semey' }])).toEqual([pavlodarOmsk, { from: 'omsk', to: 'semey', demand: 1, demandMin: 1, demandMax: 1 }]);
  });
});

describe('the freight demand reader', () => {
  const bad = readFileSync(join(import.meta.dirname, 'fixtures/freight-demand-bad.csv'), 'utf8');

  it('lists every problem of a bad file with its line and column, coercing nothing', () => {
    let error: unknown;
    try {
      parseFreightDemand(bad, 'bad.csv');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FreightDemandError);
    const { problems, code, message } = error as FreightDemandError;
    expect(code).toBe('INVALID_DEMAND');
    expect(problems.map((p) => `${p.line} ${p.column}`)).toEqual([
      '3 tonnes_per_year', // empty
      '4 tonnes_per_year', // -5
      '5 tonnes_per_year', // "1,000": no thousands separators
      '6 tonnes_min', // 200 above 100
      '6 basis', // measured
      '7 to', // Omsk to Omsk
      '7 source',
      '7 source_place',
      '8 tonnes_max', // 90 below 100
      '8 method', // an estimate without its method
    ]);
    expect(message).toMatch(/^invalid freight demand \(bad\.csv\): 10 problems\n/);
    expect(message).toContain('line 3, tonnes_per_year: is empty');
    expect(message).toContain('line 4, tonnes_per_year: is negative (-5)');
    expect(message).toContain('line 5, tonnes_per_year: "1,000" is not a number of tonnes');
    expect(message).toContain('line 6, basis: "measured" is not published or estimated');
  });

  it('reads the good row of that file: BOM, CRLF, quoted commas and doubled quotes', () => {
    const good = bad.split('\r\n').slice(0, 2).join('\r\n');
    expect(parseFreightDemand(good)).toEqual([{
      from: 'Omsk', to: 'Pavlodar', tonnes: 1000, tonnesMin: 500, tonnesMax: 1500, basis: 'published',
      source: 'Report, 2024', sourcePlace: 'p. 3, table "flows"', method: '', line: 2,
    }]);
  });

  it('refuses a header without a column, or with an unknown one', () => {
    expect(() => parseFreightDemand('from,to,tonnes,tonnes_min,tonnes_max,basis,source,source_place,method\nOmsk,Pavlodar,1,1,1,published,s,p,\n', 'h.csv'))
      .toThrow(expect.objectContaining({ problems: [{ line: 1, column: 'tonnes_per_year', message: expect.stringMatching(/no column "tonnes_per_year"/) }, { line: 1, column: 'tonnes', message: expect.stringMatching(/unknown column "tonnes"/) }] }));
  });

  it('names the file and line of an unknown place, with the closest names', () => {
    const text = 'from,to,tonnes_per_year,tonnes_min,tonnes_max,basis,source,source_place,method\nOmsk,Pavlodar,1,1,1,published,s,p,\nOmsk,Pavlodr,1,1,1,published,s,p,\n';
    let error: unknown;
    try {
      freightDemandOdPairs(network, parseFreightDemand(text, 'od.csv'), 'od.csv');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UnknownPlaceError);
    expect((error as UnknownPlaceError).message).toMatch(/^od\.csv line 3, to: Unknown place "Pavlodr"\. Did you mean: Pavlodar /);
    expect((error as UnknownPlaceError).suggestions.map((s) => s.place.id)).toContain('pavlodar');
  });
});

describe('steppenet … --demand', () => {
  it('critical --demand bundled --top 3 ranks links by the tonnes of the bundled demand', async () => {
    const { code, out, err } = await runSteppenet(['critical', '--demand', 'bundled', '--top', '3']);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(out).toMatch(/^Link criticality over 53 OD pairs/);
    expect(out.split('\n').filter((l) => /^\s+[123]\s/.test(l))).toHaveLength(3);
  });

  it('weights in tonnes: each link\'s weighted extra is its pairs\' extra hours times their tonnes a year', async () => {
    const pairs = freightDemandOdPairs(network, rows);
    const inline = pairs.map((p) => `${p.from}>${p.to}`).join(',');
    const tonnes = JSON.parse((await runSteppenet(['critical', '--demand', 'bundled', '--format', 'json', '--top', '5'])).out);
    const unit = JSON.parse((await runSteppenet(['critical', '--ods', inline, '--format', 'json'])).out);
    const [least, most] = [Math.min(...pairs.map((p) => p.demand!)), Math.max(...pairs.map((p) => p.demand!))];
    for (const link of tonnes.ranking as { link: string; pairsUsing: number; weightedExtra: number }[]) {
      const same = (unit.ranking as typeof tonnes.ranking).find((l: { link: string }) => l.link === link.link);
      expect(same.pairsUsing).toBe(link.pairsUsing);
      // Tonne-hours over hours: a mean of the tonnes of the pairs that detour.
      const meanTonnes = link.weightedExtra / same.weightedExtra;
      expect(meanTonnes).toBeGreaterThanOrEqual(least - 1e-6);
      expect(meanTonnes).toBeLessThanOrEqual(most + 1e-6);
    }
    expect(tonnes.ranking[0].weightedExtra).toBeGreaterThan(1e6);
  });

  it('refuses --demand with --ods, a bad file (exit 1, every problem) and a missing one (exit 2)', async () => {
    const both = await runSteppenet(['remove', 'kulunda-kurkamys', '--demand', 'bundled', '--ods', 'Omsk>Pavlodar']);
    expect(both.code).toBe(2);
    expect(both.err).toContain('give --ods or --demand, not both');
    const badFile = await runSteppenet(['critical', '--demand', join(import.meta.dirname, 'fixtures/freight-demand-bad.csv')]);
    expect(badFile.code).toBe(1);
    expect(badFile.err).toMatch(/10 problems/);
    expect(badFile.err).not.toMatch(/\n\s+at /);
    const missing = await runSteppenet(['compare', 'current', 'historical', '--demand', '/nonexistent/demand.csv']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('cannot read the freight demand file /nonexistent/demand.csv');
  });
});

import { describe, expect, it } from 'vitest';
import { validateRailDistances } from '../src/analysis/tariff-validation.js';
import { bundledPath } from '../src/io/bundled-files.js';
import { DistanceTableFormatError, parseDistanceTable, readDistanceTable } from '../src/io/distance-table.js';
import { loadNetwork } from '../src/model/load-network.js';

// networks/validation/rail-distances.csv: published station-to-station tariff
// distances (RZD TR-4 Book 3, the RZD station list, KTZ's OSJD list), each
// with its source. Tariff distances are shortest paths by definition, so the
// network's shortest rail route must come within 3 % of every row; a miss
// points at a missing line, a wrong length or a misplaced junction.
const network = loadNetwork();
const table = readDistanceTable(bundledPath('networks/validation/rail-distances.csv'));
const validation = validateRailDistances(network, table);

describe('the rail validation table', () => {
  it('holds at least 120 published distances, each with its source, no pair twice', () => {
    expect(table.length).toBeGreaterThanOrEqual(120);
    expect(table.every((r) => r.source.length > 10)).toBe(true);
    const pairs = new Set(table.map((r) => [r.from, r.to].sort().join('|')));
    expect(pairs.size).toBe(table.length);
  });

  it('reads no row off a single link: each pair is at least two links apart', () => {
    const direct = network.links.filter((l) => l.properties.mode === 'rail').map((l) => [l.properties.from, l.properties.to].sort().join('|'));
    const single = table.filter((r) => direct.includes([r.from, r.to].sort().join('|'))).map((r) => `${r.from}–${r.to}`);
    expect(single).toEqual([]);
    expect(validation.rows.filter((r) => r.links.length < 2).map((r) => `${r.from}–${r.to}`)).toEqual([]);
  });

  it('spans the whole border belt: both countries, every sector\'s railways', () => {
    const countries = new Set(table.flatMap((r) => [r.from, r.to]).map((id) => network.place(id)?.properties.country));
    expect([...countries].sort()).toEqual(expect.arrayContaining(['KZ', 'RU']));
  });
});

describe('every published rail distance against the network (within 3 %)', () => {
  it.each(validation.rows.map((r) => [`${r.from} – ${r.to} (line ${r.line})`, r] as const))('%s', (_label, row) => {
    expect(row.problem, row.problem).toBeUndefined();
    expect(
      Math.abs(row.deviation!),
      `${row.from} – ${row.to}: network ${row.networkKm?.toFixed(0)} km, published ${row.km} km (${row.source})`,
    ).toBeLessThanOrEqual(0.03);
  });
});

describe('parseDistanceTable', () => {
  const header = 'from,to,from_esr,to_esr,tariff_km,source';

  it('reads quoted fields and a spreadsheet BOM', () => {
    const rows = parseDistanceTable(`\uFEFF${header}\nomsk,pavlodar,831609,693000,660,"TR-4 Book 3, row ""Omsk"""\n`);
    expect(rows).toEqual([{ from: 'omsk', to: 'pavlodar', fromEsr: '831609', toEsr: '693000', km: 660, source: 'TR-4 Book 3, row "Omsk"', line: 2 }]);
  });

  it('lists every bad line at once and coerces nothing', () => {
    const text = `${header}\nomsk,pavlodar,1,2,abc,src\n,pavlodar,1,2,5,src\nomsk,pavlodar,1,2,-4,\n`;
    expect(() => parseDistanceTable(text, 't.csv')).toThrow(DistanceTableFormatError);
    try {
      parseDistanceTable(text, 't.csv');
    } catch (error) {
      expect((error as DistanceTableFormatError).problems).toEqual([
        'line 2: tariff_km must be a positive number, got "abc"',
        'line 3: from and to are required',
        'line 4: tariff_km must be a positive number, got "-4"',
        'line 4: source is required',
      ]);
    }
  });

  it('refuses a file without the expected header', () => {
    expect(() => parseDistanceTable('a,b\n1,2\n', 't.csv')).toThrow(/line 1: header must be from,to,from_esr,to_esr,tariff_km,source/);
  });
});

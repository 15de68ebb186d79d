import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { routeBatch } from '../src/analysis/batch-routes.js';
import { detectDelimiter, readCsvRows } from '../src/io/csv-rows.js';
import { loadNetwork } from '../src/model/load-network.js';
import { route } from '../src/routing/route.js';
import { runSteppenet } from './fixtures/run-command.js';

const network = loadNetwork();
const dir = mkdtempSync(join(tmpdir(), 'steppenet-batch-'));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('readCsvRows: CSV as spreadsheets write it', () => {
  it('detects ";" or "," on the header line, outside quotes', () => {
    expect(detectDelimiter('from;to\nA,B;C\n')).toBe(';');
    expect(detectDelimiter('from,to\nA;B;C;D\n')).toBe(',');
    expect(detectDelimiter('"a;b;c",to\n')).toBe(',');
  });

  it('reads a BOM, CRLF, quotes with the delimiter and line breaks inside, and gives each row its line number', () => {
    const { columns, delimiter, rows } = readCsvRows('\uFEFFFrom;TO;via\r\n"Omsk";"Pav;lodar"\r\n\r\n"Orenburg";"Ak\r\ntobe";Orsk\r\nSemey;Omsk;\r\n', 'od.csv');
    expect([columns, delimiter]).toEqual([['from', 'to', 'via'], ';']);
    expect(rows).toEqual([
      { line: 2, cells: { from: 'Omsk', to: 'Pav;lodar', via: '' } },
      { line: 4, cells: { from: 'Orenburg', to: 'Ak\r\ntobe', via: 'Orsk' } },
      { line: 6, cells: { from: 'Semey', to: 'Omsk', via: '' } },
    ]);
  });

  it('numbers lines in LF files, and a last line without a line break', () => {
    expect(readCsvRows('from,to\n"a\nb",c\n\nd,e', 'od.csv').rows.map((r) => r.line)).toEqual([2, 5]);
  });

  it('refuses text that is not CSV, with INVALID_FILE', () => {
    expect(() => readCsvRows('from,to\n"Omsk,Pavlodar\n', 'bad.csv')).toThrow(expect.objectContaining({ code: 'INVALID_FILE', message: expect.stringMatching(/^bad\.csv: not readable as CSV/) }));
    expect(() => readCsvRows('', 'empty.csv')).toThrow(/empty/);
  });
});

describe('routeBatch: every row routed, a bad row answered with its error', () => {
  it('computes the good rows as route() does, and answers the bad ones with a code and a reason', () => {
    const result = routeBatch(network, [
      { line: 2, from: 'Omsk', to: 'Pavlodar' },
      { line: 3, from: 'Omskk', to: 'Pavlodar' },
      { line: 4, from: 'Orenburg', to: 'Aktobe', via: 'Orsk', by: 'cost' },
      { line: 5, from: 'Omsk', to: 'Pavlodar', mode: 'boat' },
      { line: 6, from: 'Petropavlovsk', to: 'Kostanay', mode: 'rail', scenario: 'planned' },
      { line: 7, from: '', to: 'Pavlodar' },
      { line: 8, from: 'Omsk', to: 'Pavlodar', scenario: 'no-such-scenario' },
      { line: 9, from: 'Omsk', to: 'Pavlodar', by: 'Time', mode: 'Road|Rail', freight: 'bilateral' },
    ], { by: 'time' });
    const [a, b, c, d, e, f, g, h] = result.answers;
    expect(a.route).toEqual(route(network, 'Omsk', 'Pavlodar', { by: 'time' }));
    expect(b.error).toMatchObject({ code: 'UNKNOWN_PLACE', message: expect.stringContaining('Did you mean: Omsk') });
    expect(c.route).toEqual(route(network, 'Orenburg', 'Aktobe', { by: 'cost', via: ['Orsk'] }));
    expect(d.error).toEqual({ code: 'INVALID_ARGUMENT', message: 'mode: "boat" names no mode (boat unknown); modes: rail, road, river' });
    expect(e.route).toEqual(route(network, 'Petropavlovsk', 'Kostanay', { modes: ['rail'], scenario: 'planned' }));
    expect(e.network?.scenario?.name).toBe('planned');
    expect(f.error).toEqual({ code: 'INVALID_ARGUMENT', message: 'from is empty' });
    expect(g.error?.code).toBe('UNKNOWN_NAME');
    expect(h.route).toEqual(route(network, 'Omsk', 'Pavlodar', { modes: ['rail', 'road'], freight: 'bilateral' }));
    expect(result.answers.map((x) => x.query.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('builds one Router per scenario, objective, modes and freight, however many rows share it', () => {
    const rows = Array.from({ length: 200 }, (_, i) => ({ line: i + 2, from: i % 2 ? 'Omsk' : 'Semey', to: 'Pavlodar', by: i % 4 < 2 ? 'time' : 'distance' }));
    expect(routeBatch(network, rows).routers).toBe(2);
  });
});

describe('steppenet batch', () => {
  // A file as a Russian or Kazakh spreadsheet saves it: BOM, ";" between cells, CRLF, quoted names, a decimal-comma coordinate.
  const od = write('od.csv', '\uFEFFfrom;to;via;mode;by\r\n"Omsk";"Pavlodar";;;\r\n"Omskk";Pavlodar;;;\r\n"54,98 73,37";"Semey";;road;distance\r\nOrenburg;Aktobe;Orsk;;cost\r\n');

  it('routes every row, reports the bad one with its line number on stderr and in its row, and exits 1', async () => {
    const geojson = join(dir, 'routes.geojson');
    const { code, out, err } = await runSteppenet(['batch', od, '--geojson', geojson]);
    expect(code).toBe(1);
    const rows = parse(out, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.line, r.status, r.from_place])).toEqual([['2', 'ok', 'Omsk'], ['3', 'error', ''], ['4', 'ok', 'Omsk'], ['5', 'ok', 'Orenburg']]);
    expect(rows[1]).toMatchObject({ from: 'Omskk', error_code: 'UNKNOWN_PLACE' });
    expect(rows[1].reason).toContain('Unknown place "Omskk"');
    expect(Number(rows[0].hours)).toBe(route(network, 'Omsk', 'Pavlodar').totals.hours);
    expect(Number(rows[2].km)).toBe(route(network, 'Omsk', 'Semey', { by: 'distance', modes: ['road'] }).totals.km);
    expect(Number(rows[2].from_snapped_km)).toBeCloseTo(1.0, 1);
    expect(err).toContain(`steppenet batch: ${od} line 3: Unknown place "Omskk"`);
    expect(err).toContain('4 rows: 3 routed, 0 without a route, 1 failed');
    const features = (JSON.parse(readFileSync(geojson, 'utf8')) as { features: { properties: { line: number } }[] }).features;
    expect([...new Set(features.map((f) => f.properties.line))]).toEqual([2, 4, 5]);
  });

  it('exits 0 with nothing on stderr when every row ran, a row without a route included; JSON keeps one object per row', async () => {
    const good = write('good.csv', 'from,to,mode\nOmsk,Pavlodar,\nUst-Kamenogorsk,Omsk,river\n');
    const { code, out, err } = await runSteppenet(['batch', good, '--format', 'json']);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    const rows = JSON.parse(out) as { line: number; status: string; route: { found: boolean; reason?: string } }[];
    expect(rows.map((r) => [r.line, r.status, r.route.found])).toEqual([[2, 'ok', true], [3, 'no_route', false]]);
    expect(rows[1].route.reason).toBe(route(network, 'Ust-Kamenogorsk', 'Omsk', { modes: ['river'] }).reason);
  });

  it('refuses a file without from and to columns (exit 1) and a missing file (exit 2)', async () => {
    const noTo = await runSteppenet(['batch', write('no-to.csv', 'from;dest\nOmsk;Pavlodar\n')]);
    expect(noTo.code).toBe(1);
    expect(noTo.err).toContain('the header line needs the columns from and to (missing to)');
    const missing = await runSteppenet(['batch', join(dir, 'nope.csv')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('cannot read');
  });
});

import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { formatCsv } from '../src/present/csv.js';
import { objectiveColumn } from '../src/present/units.js';

describe('formatCsv', () => {
  it('writes numbers whole, so a program reads back exactly the value computed', () => {
    const values = [1 / 3, 1234.56789, 2 ** -20, 0.1 + 0.2];
    const [, row] = parse(formatCsv(['v1', 'v2', 'v3', 'v4'], [values])) as string[][];
    expect(row.map(Number)).toEqual(values);
  });

  it('quotes fields with commas, quotes and line breaks (RFC 4180) and reads back the same text', () => {
    const texts = ['Ust-Kamenogorsk, Oskemen', 'the "M-12"', 'two\nlines', 'plain'];
    const text = formatCsv(['a', 'b', 'c', 'd'], [texts]);
    expect(text.split('\n')[1]).toBe('"Ust-Kamenogorsk, Oskemen","the ""M-12""","two');
    expect((parse(text) as string[][])[1]).toEqual(texts);
  });

  it('spells Infinity out and leaves absent values and NaN empty', () => {
    expect(formatCsv(['a', 'b', 'c', 'd', 'e'], [[Infinity, -Infinity, undefined, null, NaN]]).split('\n')[1]).toBe('Infinity,-Infinity,,,');
  });
});

describe('objectiveColumn', () => {
  it('names the unit of each objective, snake_case', () => {
    expect((['distance', 'time', 'cost', 'generalized'] as const).map((by) => objectiveColumn(by))).toEqual(['distance_km', 'time_hours', 'cost_usd_per_t', 'generalized_usd_per_t']);
    expect(objectiveColumn('time', 'extra_')).toBe('extra_time_hours');
  });
});

// formatEnUs prints what toLocaleString('en-US') prints, without loading ICU's number formatting (start-up, issue 16).
import { describe, expect, it } from 'vitest';
import { formatEnUs, formatNumber } from '../src/present/number-format.js';
import { prng } from './fixtures/prng.js';

const icu = (x: number, d: number) => x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });

describe('formatEnUs', () => {
  it('equals toLocaleString on ties, signs, zeros, carries and the exponent range', () => {
    const values = [0, -0, 1, -1, 0.5, 1.5, 2.5, -0.5, -2.5, 0.05, 0.15, 0.25, 0.35, 1.005, 2.675, 1.45, 999.95, 999.5, 9999.95,
      99999.5, -999.95, 0.04, -0.04, -0.05, 1e-7, 5e-7, 0.000001, 123456789.123, 1e20, 1e21, 1234.5, 16.584897360703813, 32.61000000000001];
    for (const x of values) for (const d of [0, 1, 2, 3]) expect([x, d, formatEnUs(x, d)]).toEqual([x, d, icu(x, d)]);
    expect(formatEnUs(1234567.891, 1)).toBe('1,234,567.9');
    expect(formatEnUs(-0.04, 1)).toBe('-0.0');
  });

  it('equals toLocaleString on 20,000 seeded numbers from 0.001 to 10 million, many of them ties', () => {
    const random = prng(5);
    const differ: [number, number, string, string][] = [];
    for (let i = 0; i < 20_000; i++) {
      let x = (random() - 0.3) * 10 ** Math.floor(random() * 10 - 3);
      if (i % 4 === 0) x = Math.round(x * 1000) / 1000 + (i % 8 === 0 ? 0.0005 : 0.05);
      for (const d of [0, 1, 2]) if (formatEnUs(x, d) !== icu(x, d)) differ.push([x, d, formatEnUs(x, d), icu(x, d)]);
    }
    expect(differ).toEqual([]);
  });

  it('serves formatNumber: integers whole, one decimal below 100, none from 100', () => {
    expect([formatNumber(423), formatNumber(16.5849), formatNumber(123.45), formatNumber(Infinity), formatNumber(NaN)]).toEqual(['423', '16.6', '123', '∞', '–']);
  });
});

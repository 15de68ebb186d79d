// The country codes without i18n-iso-countries' 80 locale files (start-up, issue 16): codes, and names in English and Russian.
import { describe, expect, it } from 'vitest';
import { alpha2OfName, isAlpha2, numericToAlpha2 } from '../src/model/iso-countries.js';

describe('iso-countries', () => {
  it('knows the alpha-2 codes and the numeric ones (world-atlas ids)', () => {
    expect(['KZ', 'RU', 'CN', 'MN'].every(isAlpha2)).toBe(true);
    expect(isAlpha2('XX')).toBe(false);
    expect(numericToAlpha2('398')).toBe('KZ');
    expect(numericToAlpha2('643')).toBe('RU');
  });

  it('finds a country by its English or Russian name', () => {
    expect(alpha2OfName('Kazakhstan')).toBe('KZ');
    expect(alpha2OfName('Казахстан')).toBe('KZ');
    expect(alpha2OfName('Россия')).toBe('RU');
    expect(alpha2OfName('China')).toBe('CN');
    expect(alpha2OfName('Steppe')).toBeUndefined();
  });
});

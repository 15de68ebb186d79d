// withinCountryKm (network validation's country check, issue 16's start-up)
// must answer exactly as "distanceToCountryKm <= km", which measures every
// edge of the outline: checked on points scattered close to the borders of
// the network's countries, where the two could differ.
import { describe, expect, it } from 'vitest';
import { countryOutlines, distanceToCountryKm, withinCountryKm } from '../src/model/country-outlines.js';
import { prng } from './fixtures/prng.js';

const CODES = ['RU', 'KZ', 'CN', 'MN', 'UZ', 'KG', 'TM', 'AZ', 'GE'];

describe('withinCountryKm', () => {
  it('answers as distanceToCountryKm <= km near the borders of the network\'s countries', () => {
    const random = prng(16);
    // Outline vertices in the network's area, each moved up to about 30 km (0.3°) in each direction.
    const vertices = countryOutlines()
      .filter(({ code }) => CODES.includes(code))
      .flatMap(({ code, outline }) => (outline.geometry.type === 'Polygon' ? [outline.geometry.coordinates] : outline.geometry.coordinates).flat(2).map(([lon, lat]) => ({ code, lon: lon!, lat: lat! })))
      .filter(({ lon, lat }) => lon > 45 && lon < 90 && lat > 38 && lat < 58);
    const cases = { inside: 0, outsideButNear: 0, far: 0 };
    for (let i = 0; i < 150; i++) {
      const vertex = vertices[Math.floor(random() * vertices.length)]!;
      const point: [number, number] = [vertex.lon + (random() - 0.5) * 0.6, vertex.lat + (random() - 0.5) * 0.6];
      // The vertex's own country half of the time, else any other.
      const code = i % 2 ? vertex.code : CODES[i % CODES.length]!;
      const km = [1, 10, 25, 40][i % 4]!;
      const distance = distanceToCountryKm(point[0], point[1], code);
      expect({ point, code, km, within: withinCountryKm(point[0], point[1], code, km) }).toEqual({ point, code, km, within: distance <= km });
      cases[distance === 0 ? 'inside' : distance <= km ? 'outsideButNear' : 'far']++;
    }
    // The sample holds all three answers, the one between the edges most of all.
    expect(cases.inside).toBeGreaterThan(20);
    expect(cases.outsideButNear).toBeGreaterThan(15);
    expect(cases.far).toBeGreaterThan(20);
  });

  it('finds Pavlodar in Kazakhstan, not in Russia, and Omsk within 10 km of Russia only', () => {
    expect(withinCountryKm(76.95, 52.29, 'KZ', 10)).toBe(true);
    expect(withinCountryKm(76.95, 52.29, 'RU', 10)).toBe(false);
    expect(withinCountryKm(73.37, 54.98, 'RU', 10)).toBe(true);
    expect(withinCountryKm(73.37, 54.98, 'KZ', 10)).toBe(false);
    expect(withinCountryKm(73.37, 54.98, 'XX', 10)).toBe(false);
  });

  it('measures every edge across the antimeridian (Chukotka)', () => {
    // 179.9°E, 66°N lies in Russia; 0.2° east of it across 180° is still Russia, and 5 km either way is within 10 km.
    expect(withinCountryKm(179.9, 66, 'RU', 10)).toBe(distanceToCountryKm(179.9, 66, 'RU') <= 10);
    expect(withinCountryKm(-179.9, 66, 'RU', 10)).toBe(distanceToCountryKm(-179.9, 66, 'RU') <= 10);
  });
});

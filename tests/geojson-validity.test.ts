/**
 * Every GeoJSON the commands write is RFC 7946: a FeatureCollection of
 * Features, no `crs` member (§4: WGS84 only), positions [lon, lat] within
 * WGS84's range, LineStrings of two positions or more, properties an object.
 * Checked on every GeoJSON golden file (the golden test ties them to the
 * commands' output) and on a live run of the commands without a golden case.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { geojsonProblems } from './fixtures/geojson-problems.js';
import { runSteppenet } from './fixtures/run-command.js';

const OUT = new URL('golden/expected/', import.meta.url).pathname;
const geojsonFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? geojsonFiles(join(dir, e.name)) : e.name.endsWith('.geojson') ? [join(dir, e.name)] : []));

describe('the checker', () => {
  it('finds what RFC 7946 forbids', () => {
    expect(geojsonProblems('{"type":"FeatureCollection","features":[]}')).toEqual([]);
    expect(geojsonProblems('{"type":"FeatureCollection","crs":{},"features":[]}')).toEqual(['has a crs member (RFC 7946 §4 removed it)']);
    expect(geojsonProblems('{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[54.98,200]}}]}'))
      .toEqual(['feature 0: [54.98,200] is outside WGS84 (lon, lat)']);
    expect(geojsonProblems('{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[1,2]]}}]}'))
      .toEqual(['feature 0: a line needs two positions or more']);
  });
});

describe('GeoJSON golden files are RFC 7946', () => {
  const files = geojsonFiles(OUT);
  it('there are some', () => expect(files.length).toBeGreaterThanOrEqual(6));
  for (const file of files) {
    it(file.slice(OUT.length), () => {
      const text = readFileSync(file, 'utf8');
      expect(geojsonProblems(text)).toEqual([]);
      expect((JSON.parse(text) as { features: unknown[] }).features.length).toBeGreaterThan(0);
    });
  }
});

describe('commands without a GeoJSON golden case write RFC 7946', () => {
  const cases: string[][] = [
    ['alternatives', 'omsk', 'pavlodar'],
    ['disjoint', 'omsk', 'pavlodar'],
    ['resilient', 'omsk', 'pavlodar'],
    ['critical', '--ods', 'Omsk>Pavlodar,Orenburg>Aktobe', '--top', '3'],
    ['spof'],
    ['border-cut', '--sector', 'urals'],
  ];
  for (const argv of cases) {
    it(argv.join(' '), async () => {
      const { code, out, err } = await runSteppenet([...argv, '--format', 'geojson']);
      expect(err).toBe('');
      expect(code).toBe(0);
      expect(geojsonProblems(out)).toEqual([]);
      expect((JSON.parse(out) as { features: unknown[] }).features.length).toBeGreaterThan(0);
    });
  }
});

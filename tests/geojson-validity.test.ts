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
import { runSteppenet } from './fixtures/run-command.js';

type Json = Record<string, unknown>;

/** The problems found, as sentences; empty when the text is a valid FeatureCollection. */
function geojsonProblems(text: string): string[] {
  const problems: string[] = [];
  const fc = JSON.parse(text) as Json;
  if (fc.type !== 'FeatureCollection') problems.push(`type is ${String(fc.type)}, not FeatureCollection`);
  if ('crs' in fc) problems.push('has a crs member (RFC 7946 §4 removed it)');
  if (!Array.isArray(fc.features)) return [...problems, 'features is not an array'];
  const position = (p: unknown, where: string) => {
    if (!Array.isArray(p) || p.length < 2 || p.length > 3 || !p.every((n) => typeof n === 'number' && Number.isFinite(n))) problems.push(`${where}: ${JSON.stringify(p)} is no position`);
    else if (Math.abs(p[0] as number) > 180 || Math.abs(p[1] as number) > 90) problems.push(`${where}: ${JSON.stringify(p)} is outside WGS84 (lon, lat)`);
  };
  const line = (l: unknown, where: string) => {
    if (!Array.isArray(l) || l.length < 2) problems.push(`${where}: a line needs two positions or more`);
    else l.forEach((p, i) => position(p, `${where}[${i}]`));
  };
  const geometry = (g: Json, where: string) => {
    const c = g.coordinates;
    switch (g.type) {
      case 'Point': return position(c, where);
      case 'MultiPoint': return (c as unknown[]).forEach((p, i) => position(p, `${where}[${i}]`));
      case 'LineString': return line(c, where);
      case 'MultiLineString': return (c as unknown[]).forEach((l, i) => line(l, `${where}[${i}]`));
      case 'Polygon': return (c as unknown[]).forEach((r, i) => line(r, `${where}[${i}]`));
      case 'MultiPolygon': return (c as unknown[][]).forEach((p, i) => p.forEach((r, j) => line(r, `${where}[${i}][${j}]`)));
      default: problems.push(`${where}: unknown geometry type ${String(g.type)}`);
    }
  };
  (fc.features as Json[]).forEach((f, i) => {
    if (f.type !== 'Feature') problems.push(`feature ${i}: type is ${String(f.type)}`);
    if (f.properties !== null && (typeof f.properties !== 'object' || Array.isArray(f.properties))) problems.push(`feature ${i}: properties is no object`);
    if (f.geometry !== null) geometry(f.geometry as Json, `feature ${i}`);
  });
  return problems;
}

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

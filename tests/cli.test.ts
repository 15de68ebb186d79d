import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/run-cli.js';
import { parseDrawnNetwork } from './fixtures/parse-drawn-network.js';

async function cli(...argv: string[]) {
  let out = '', err = '';
  const code = await runCli(argv, { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n') });
  return { code, out, err };
}

// The rail link A–B is a border crossing (wait 3 h each way); B tranships (1 h).
const dir = mkdtempSync(join(tmpdir(), 'steppenet-cli-'));
const file = join(dir, 'net.geojson');
const network = parseDrawnNetwork`
  a-----b-----c

  | place | country | tranship |
  | b     | KZ      | 1        |
  | c     | KZ      |          |

  | link | mode | hours | wait | line      | road |
  | ab   | rail | 2     | 3    | Test line |      |
  | bc   | road | 1     |      |           | A-1  |
`;
// Real coordinates are not needed for the CLI; move the KZ places into Kazakhstan so the country check passes.
for (const f of network.features) {
  if (f.geometry.type === 'Point') f.geometry.coordinates = ({ a: [73.4, 55.0], b: [76.9, 52.3], c: [77.0, 52.0] } as Record<string, [number, number]>)[f.properties.id];
}
for (const f of network.features) {
  if (f.geometry.type === 'LineString') {
    const p = f.properties as { from: string; to: string };
    const at = (id: string) => (network.features.find((g) => g.properties.id === id)!.geometry.coordinates as [number, number]);
    f.geometry.coordinates = [at(p.from), at(p.to)];
  }
}
writeFileSync(file, JSON.stringify(network));

describe('steppenet command line', () => {
  it('exits 2 with the usage when called without a command or with an unknown one', async () => {
    expect(await cli()).toMatchObject({ code: 2, err: expect.stringContaining('usage: steppenet <command>') });
    expect(await cli('fly')).toMatchObject({ code: 2, err: expect.stringContaining('unknown command "fly"') });
  });

  it.each([
    [['route', 'a'], 'expected 2 arguments'],
    [['route', 'a', 'b', '--by', 'speed'], '--by must be one of distance, time, cost, generalized'],
    [['route', 'a', 'b', '--mode', 'air'], 'unknown mode air'],
    [['route', 'a', 'b', '--colour', 'red'], "Unknown option '--colour'"],
    [['info', '--format', 'xml'], '--format must be one of table, json'],
    [['critical', '--top', '0'], '--top must be a positive'],
    [['critical', '--top', '2.5'], '--top must be a positive whole number'],
  ])('exits 2 with a usage line for bad arguments: %j', async (argv, message) => {
    const { code, err } = await cli(...argv, '--network', file);
    expect(code).toBe(2);
    expect(err).toContain(message);
    expect(err).toContain('usage: steppenet');
  });

  it('exits 2 with the usage for an unknown scenario', async () => {
    const { code, err } = await cli('info', '--scenario', 'nope', '--network', file);
    expect(code).toBe(2);
    expect(err).toContain('scenario "nope": no bundled scenario of that name');
    expect(err).toContain('usage: steppenet info');
  });

  it('exits 2 and suggests names for an unknown place', async () => {
    const { code, err } = await cli('route', 'a', 'cc', '--network', file);
    expect(code).toBe(2);
    expect(err).toMatch(/Unknown place "cc"[\s\S]*C/);
  });

  it('exits 1 and lists the problems of an invalid network file', async () => {
    const broken = join(dir, 'broken.geojson');
    writeFileSync(broken, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [0, 0] }, properties: { type: 'place', id: 'x' } }] }));
    const { code, err } = await cli('info', '--network', broken);
    expect(code).toBe(1);
    expect(err).toContain('x name: missing name');
    expect(err).toContain('x kind: must be one of');
  });

  it('prints a route table: legs, the border crossing with its wait, the transfer and totals', async () => {
    const { code, out } = await cli('route', 'a', 'c', '--network', file);
    expect(code).toBe(0);
    // 2 h rail + 3 h wait + 1 h transfer + 1 h road; 20 + 10 km (drawn networks make 10 km per hour).
    expect(out).toContain('Total: 30 km, 7.0 h');
    expect(out).toMatch(/1\s+rail\s+A\s+B\s+Test line/);
    expect(out).toMatch(/Checkpoint a-b\s+rail\s+multilateral\s+RU → KZ\s+3/);
    expect(out).toMatch(/Transfers:\n.*\n.*\n\s+B\s+rail → road\s+1/);
  });

  it('answers json and geojson', async () => {
    const json = JSON.parse((await cli('route', 'a', 'c', '--network', file, '--format', 'json')).out);
    expect(json).toMatchObject({ found: true, links: ['a-b', 'b-c'], countries: ['RU', 'KZ'] });
    const geo = JSON.parse((await cli('route', 'a', 'c', '--network', file, '--format', 'geojson')).out);
    expect(geo.features.map((f: { properties: { kind: string } }) => f.properties.kind)).toEqual(['leg', 'leg', 'transfer', 'crossing']);
  });

  it('lists places matching a query', async () => {
    const { code, out } = await cli('places', 'b', '--network', file);
    expect(code).toBe(0);
    expect(out).toMatch(/b\s+B\s+city\s+KZ/);
  });
});

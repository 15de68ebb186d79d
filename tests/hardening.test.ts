// Issue 17, items 2–4: every bad input a clear typed error with its exit code,
// nothing ignored silently, bounded work. Each test reproduces one defect of
// the issue (red before the fix, green after).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/run-cli.js';
import { loadNetwork } from '../src/model/load-network.js';
import { NetworkValidationError } from '../src/model/network-validation-error.js';
import { normalizeName } from '../src/places/normalize-name.js';
import { route, RouteOptionError } from '../src/routing/route.js';
import { AvoidError } from '../src/routing/resolve-avoid.js';
import { alternatives } from '../src/analysis/alternatives.js';
import { InputLimitError } from '../src/model/limits.js';
import { UnknownPlaceError } from '../src/places/unknown-place-error.js';
import { removeLinks } from '../src/analysis/remove-links.js';
import { LinkSelectionError } from '../src/analysis/link-selection.js';

const ROOT = new URL('..', import.meta.url).pathname;
const network = loadNetwork();
const dir = mkdtempSync(join(tmpdir(), 'steppenet-harden-'));
const aFile = join(dir, 'a-file.txt');
writeFileSync(aFile, 'not a folder');
const emptyNetwork = join(dir, 'empty.geojson');
writeFileSync(emptyNetwork, JSON.stringify({ type: 'FeatureCollection', features: [] }));

async function cli(...argv: string[]) {
  let out = '', err = '';
  const started = performance.now();
  const code = await runCli(argv, { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n') });
  return { code, out, err, ms: performance.now() - started };
}

/** A stack trace line, as Node prints them. */
const STACK = /\n\s+at .+\(?.*:\d+:\d+\)?/;

describe('item 2: bad input is a clear error with its exit code, never a stack trace', () => {
  it.each([
    [['corridors', '--from', 'Omsk', '--to', 'Omsk'], 2, 'to is the origin itself'],
    [['accessibility', '--places', 'Omsk,Omsk'], 2, 'names "omsk" twice'],
    [['accessibility', '--places', ','], 2, '--places names no place'],
    [['accessibility', '--network', emptyNetwork], 1, 'no region centres'],
    [['report', '--out', aFile], 2, 'exists and is not a folder'],
    [['report', '--out', join(aFile, 'sub')], 2, 'a part of the path is a file'],
    [['report', '--out', '/dev/null'], 2, 'exists and is not a folder'],
    [['report', '--out', ''], 2, 'the output folder is empty'],
    [['report', '--out', '/proc/steppenet-report'], 2, 'cannot create the output folder'],
  ])('%j exits %i: %s', async (argv, code, message) => {
    const r = await cli(...argv);
    expect(r.code).toBe(code);
    expect(r.err).toContain(message);
    expect(r.err).not.toMatch(STACK);
    expect(r.err).not.toContain('internal error');
  });
});

describe('item 2: the command line in its own process (src/cli/main.ts through tsx; the report test runs the built one)', () => {
  it('ends quietly with status 0 when the reader closes the pipe (… --format json | head -c 100)', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'accessibility', '--format', 'json'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    let got = 0;
    child.stdout.on('data', (d: Buffer) => {
      got += d.length;
      if (got >= 100) child.stdout.destroy(); // what head -c 100 does
    });
    const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)));
    expect(err).toBe('');
    expect(code).toBe(0);
  }, 60_000);

  it('a shell pipeline into head -c 100 exits 0 with nothing on stderr', () => {
    const run = spawnSync('bash', ['-c', 'set -o pipefail; node --import tsx src/cli/main.ts accessibility --format json | head -c 100 > /dev/null'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  }, 60_000);
});

describe('item 3: nothing is ignored silently', () => {
  it('avoid.places takes names like everywhere else', () => {
    expect(route(network, 'Omsk', 'Almaty', { avoid: { places: ['Almaty'] } }).found).toBe(false);
    expect(() => route(network, 'Omsk', 'Pavlodar', { avoid: { places: ['Nowhereville'] } })).toThrow(UnknownPlaceError);
  }, 30_000);

  it('avoid.countries is case-insensitive: kz = KZ', () => {
    const r = route(network, 'Omsk', 'Pavlodar', { avoid: { countries: ['kz'] } });
    expect(r.found).toBe(false);
    expect(r.reason).toContain('avoided country KZ');
  });

  it('an unknown country is an error suggesting its code (Russia → RU)', () => {
    expect(() => route(network, 'Omsk', 'Pavlodar', { avoid: { countries: ['Russia'] } })).toThrow(AvoidError);
    expect(() => route(network, 'Omsk', 'Pavlodar', { avoid: { countries: ['Russia'] } })).toThrow(/did you mean RU/);
  });

  it('--avoid-country Russia exits 2 suggesting RU; --avoid-country kz avoids Kazakhstan', async () => {
    const bad = await cli('route', 'Omsk', 'Pavlodar', '--avoid-country', 'Russia');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('did you mean RU');
    const kz = await cli('route', 'Omsk', 'Pavlodar', '--avoid-country', 'kz');
    expect(kz.code).toBe(0);
    expect(kz.out).toContain('No route');
  });

  it('unknown link ids in avoid are an error with suggestions', () => {
    expect(() => route(network, 'Omsk', 'Pavlodar', { avoid: { links: ['no-such-link'] } })).toThrow(AvoidError);
    expect(() => route(network, 'Omsk', 'Pavlodar', { avoid: { checkpoints: ['no-such-checkpoint'] } })).toThrow(AvoidError);
  });

  it('--avoid takes a place name, and an unknown one exits 2', async () => {
    expect((await cli('route', 'Omsk', 'Almaty', '--avoid', 'Almaty')).out).toContain('No route');
    const bad = await cli('route', 'Omsk', 'Pavlodar', '--avoid', 'no-such-thing');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--avoid: "no-such-thing" is no link or checkpoint id, and no place');
  });

  it('remove with an empty selection is an error (library and command line)', async () => {
    expect(() => removeLinks(network, [], {})).toThrow(LinkSelectionError);
    expect(() => removeLinks(network, { filter: () => false }, {})).toThrow(/selection is empty/);
    const r = await cli('remove', ',');
    expect(r.code).toBe(2);
    expect(r.err).toContain('the selection is empty');
  });

  it('a repeated option is an error, never "the last one wins" (documented in the README)', async () => {
    const r = await cli('route', 'Omsk', 'Pavlodar', '--via', 'Kokshetau', '--via', 'Petropavlovsk');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--via is given more than once');
    expect((await cli('route', 'Omsk', 'Pavlodar', '--mode', 'rail', '--mode', 'road')).code).toBe(2);
  });
});

describe('item 4: bounded work', () => {
  it.each([['alternatives'], ['resilient'], ['disjoint']])('%s --k 1e9 ends at once with an error naming the limit', async (command) => {
    const r = await cli(command, 'Omsk', 'Pavlodar', '--k', '1e9');
    expect(r.code).toBe(2);
    expect(r.err).toContain('MAX_K');
    expect(r.err).toContain('100');
    expect(r.ms).toBeLessThan(10_000); // it hung before
  });

  it('the library refuses k over MAX_K too', () => {
    expect(() => alternatives(network, 'Omsk', 'Pavlodar', { k: 101 })).toThrow(/MAX_K/);
  });

  it('a 100,000-character places query and a 30 KB route argument are refused at once', async () => {
    const places = await cli('places', 'a '.repeat(50_000));
    expect(places.code).toBe(2);
    expect(places.err).toContain('MAX_NAME_LENGTH');
    const routeArg = await cli('route', 'ab '.repeat(10_000), 'Pavlodar');
    expect(routeArg.code).toBe(2);
    expect(routeArg.err).toContain('MAX_NAME_LENGTH');
    expect(places.ms + routeArg.ms).toBeLessThan(5_000);
    expect(() => network.resolvePlace('x'.repeat(201))).toThrow(InputLimitError);
  });

  it('normalizeName is linear: 200,000 characters (a run of k, once quadratic) well under a second', () => {
    for (const text of ['k'.repeat(200_000), 'к'.repeat(200_000), 'ab '.repeat(70_000), 'Ust-Kamenogorsk '.repeat(12_500)]) {
      const started = performance.now();
      normalizeName(text);
      expect(performance.now() - started).toBeLessThan(2_000); // quadratic: about 30 s for the run of k
    }
    expect(normalizeName('kkkh')).toBe('h');
    expect(normalizeName('kkk')).toBe('kkk');
    expect(normalizeName('Khabarovsk')).toBe(normalizeName('Habarovsk'));
  });

  it.each([
    ['Barnual', 'Barnaul'], ['Omks', 'Omsk'], ['Semye', 'Semey'], ['Aktboe', 'Aktobe'],
  ])('a transposition is one edit: %s suggests %s first', (typo, name) => {
    const matches = network.placeIndex().search(typo, { limit: 3 });
    expect(matches[0]?.place.name).toBe(name);
    expect(matches[0]?.distance).toBe(1);
  });

  it('a network over MAX_NETWORK_FEATURES (200,000 places) is refused at once, saying why', () => {
    const place = { type: 'Feature', geometry: { type: 'Point', coordinates: [70, 50] }, properties: {} };
    const big = { type: 'FeatureCollection', features: Array.from({ length: 200_000 }, () => place) };
    const started = performance.now();
    let error: unknown;
    try {
      loadNetwork(big as never);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NetworkValidationError);
    expect((error as Error).message).toContain('MAX_NETWORK_FEATURES');
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('a place name over MAX_NAME_LENGTH in a network is a validation problem', () => {
    const file = network.toGeoJSON();
    const place = file.features.find((f) => f.geometry.type === 'Point')!;
    (place.properties as { name: string }).name = 'A'.repeat(201);
    expect(() => loadNetwork(file)).toThrow(/is 201 characters long; at most 200/);
  });

  it("route(…, { by: 'money' }) and { algorithm: 'foo' } name the option and its allowed values", () => {
    expect(() => route(network, 'Omsk', 'Pavlodar', { by: 'money' as never })).toThrow(RouteOptionError);
    expect(() => route(network, 'Omsk', 'Pavlodar', { by: 'money' as never })).toThrow('options.by must be one of distance, time, cost, generalized, got "money"');
    expect(() => route(network, 'Omsk', 'Pavlodar', { algorithm: 'foo' as never })).toThrow('options.algorithm must be one of astar, dijkstra, bidirectional, got "foo"');
  });
});

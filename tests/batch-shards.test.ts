import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runSteppenet } from './fixtures/run-command.js';

// A batch split with --shard I/N (as the tasks of a Kubernetes Indexed Job or
// a Slurm array run it) and put together with `steppenet merge` must print
// what `steppenet batch` prints in one process, byte for byte: CSV, JSON, and
// the GeoJSON of --geojson. All through the command line.
const dir = mkdtempSync(join(tmpdir(), 'steppenet-batch-shards-'));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

// 10 data rows, as a spreadsheet saves them, with every kind of answer: routes (by time, distance, cost,
// a via, a coordinate, a scenario, a name with a line break inside its quotes, so that its CSV record
// spans two lines), a row without a route, and failed rows (a typo, an unknown mode, an empty from);
// a column batch ignores.
const od = write('od.csv', [
  'from;to;via;mode;by;scenario;note',
  'Omsk;Pavlodar;;;;;',
  '"Omskk";Pavlodar;;;;;typo',
  '"54,98 73,37";Semey;;road;distance;;a coordinate',
  'Orenburg;Aktobe;Orsk;;cost;;a via',
  'Ust-Kamenogorsk;Omsk;;river;;;no route by river',
  'Petropavlovsk;Kostanay;;rail;;planned;',
  '"Ak\ntobe";Almaty;;;;;a line break in a name',
  'Omsk;Pavlodar;;boat;;;',
  ';Pavlodar;;;;;empty',
  'Semey;Almaty;;;time;;',
].join('\r\n') + '\r\n');
const ROWS = 10;

/** Runs the N shards of `batch FILE ARGS` into new files (part-1.json … part-N.json of a new folder), each exiting 0. */
let runs = 0;
async function shards(n: number, args: string[] = [], file = od): Promise<string[]> {
  const files: string[] = [];
  for (let i = 1; i <= n; i++) {
    const { code, out } = await runSteppenet(['batch', file, ...args, '--shard', `${i}/${n}`, '--format', 'json']);
    expect(code).toBe(0);
    files.push(write(`run${++runs}-part-${i}.json`, out));
  }
  return files;
}

describe('batch --shard I/N, then merge', () => {
  const whole = { csv: '', json: '', geojson: '', err: '' };
  beforeAll(async () => {
    const geojson = join(dir, 'whole.geojson');
    const csv = await runSteppenet(['batch', od, '--geojson', geojson]);
    const json = await runSteppenet(['batch', od, '--format', 'json']);
    expect([csv.code, json.code]).toEqual([1, 1]);
    Object.assign(whole, { csv: csv.out, json: json.out, geojson: readFileSync(geojson, 'utf8'), err: csv.err });
  });

  it('the whole batch has every kind of row (so the merges below compare something)', () => {
    const lines = whole.csv.split('\n');
    expect(lines[0]).toMatch(/^line,from,to,via,/);
    const status = (JSON.parse(whole.json) as { line: number; status: string }[]).map((r) => [r.line, r.status]);
    expect(status).toEqual([[2, 'ok'], [3, 'error'], [4, 'ok'], [5, 'ok'], [6, 'no_route'], [7, 'ok'], [8, 'ok'], [10, 'error'], [11, 'error'], [12, 'ok']]);
    expect(whole.csv).toContain('"Ak\ntobe"');
    const features = (JSON.parse(whole.geojson) as { features: { properties: { line: number } }[] }).features;
    expect([...new Set(features.map((f) => f.properties.line))]).toEqual([2, 4, 5, 7, 8, 12]);
  });

  it.each([1, 2, 3, 13])('%i shards merge to the whole batch, byte for byte: csv, json, geojson, stderr and exit code', async (n) => {
    const files = await shards(n);
    // In any order on the command line, as a shell's glob sorts part-10 before part-2.
    const given = [...files].reverse();
    const csv = await runSteppenet(['merge', ...given, '--format', 'csv']);
    expect(csv.out).toBe(whole.csv);
    expect((await runSteppenet(['merge', ...given])).out).toBe(whole.csv);
    expect((await runSteppenet(['merge', ...given, '--format', 'json'])).out).toBe(whole.json);
    // What batch writes to its --geojson FILE (its text and a line break, as merge prints it).
    expect((await runSteppenet(['merge', ...given, '--format', 'geojson'])).out).toBe(whole.geojson);
    // The failed rows, as batch reports them (but the ignored column, which each shard reports), and exit 1.
    expect(csv.code).toBe(1);
    expect(csv.err).toBe(whole.err.split('\n').filter((l) => !l.includes('column note ignored')).join('\n').replaceAll('steppenet batch:', 'steppenet merge:'));
  });

  it('a shard holds the rows I, I+N, … (1-based: 0-based row r in shard r mod N + 1), each with its row number and line', async () => {
    const [, second] = await shards(3);
    const shard = JSON.parse(readFileSync(second, 'utf8')) as { kind: string; shard: unknown; input: { rows: number; file: string }; options: unknown; rows: { row: number; json: { line: number } }[] };
    expect(shard.kind).toBe('steppenet batch shard');
    expect(shard.shard).toEqual({ index: 1, count: 3 });
    expect(shard.input).toMatchObject({ file: od, rows: ROWS });
    expect(shard.rows.map((r) => [r.row, r.json.line])).toEqual([[1, 3], [4, 6], [7, 10]]);
  });

  it('shards routed on worker threads, and with options, merge to the whole batch run with the same options', async () => {
    const files = await shards(2, ['--by', 'distance', '--workers', '2']);
    const merged = await runSteppenet(['merge', ...files]);
    expect(merged.out).toBe((await runSteppenet(['batch', od, '--by', 'distance'])).out);
    expect(merged.out).not.toBe(whole.csv);
  });

  it('a shard with failed rows reports them and exits 0 (merge exits 1 for them); one without is silent', async () => {
    const withErrors = await runSteppenet(['batch', od, '--shard', '2/3', '--format', 'json']);
    expect(withErrors.code).toBe(0);
    expect(withErrors.err).toContain(`steppenet batch: ${od} line 3: Unknown place "Omskk"`);
    expect(withErrors.err).toContain('steppenet batch: shard 2/3, 3 rows: 0 routed, 1 without a route, 2 failed (the shard is written: steppenet merge reports them again and exits 1)');
    const good = write('good.csv', 'from,to\nOmsk,Pavlodar\nSemey,Almaty\nOrenburg,Aktobe\n');
    const files = await shards(2, [], good);
    const merged = await runSteppenet(['merge', ...files, '--format', 'json']);
    expect([merged.code, merged.err]).toEqual([0, '']);
    expect(merged.out).toBe((await runSteppenet(['batch', good, '--format', 'json'])).out);
  });

  it('a file of no rows: every shard empty, the merge prints the header line as batch does', async () => {
    const empty = write('empty.csv', 'from,to\n');
    const files = await shards(2, [], empty);
    const merged = await runSteppenet(['merge', ...files]);
    expect([merged.code, merged.out]).toEqual([0, 'line,from,to,via,mode,by,scenario,freight,status,from_place,to_place,hours,km,usd_per_t,countries,legs,from_snapped_km,to_snapped_km,error_code,reason\n']);
    expect(merged.out).toBe((await runSteppenet(['batch', empty])).out);
  });
});

describe('merge refuses batch shards that do not make one batch (exit 2, naming the files)', () => {
  let three: string[];
  beforeAll(async () => {
    three = await shards(3);
  });
  const merge = (files: string[], ...args: string[]) => runSteppenet(['merge', ...files, ...args]);

  it('a missing shard, a shard given twice, shards of 3 and of 2 parts', async () => {
    const missing = await merge([three[0], three[2]]);
    expect([missing.code, missing.err]).toEqual([2, expect.stringContaining('batch shards: missing shard(s) 2/3')]);
    const twice = await merge([...three, three[1]]);
    expect([twice.code, twice.err]).toEqual([2, expect.stringContaining(`shard 2/3 given twice: ${three[1]} and ${three[1]}`)]);
    const [half] = await shards(2);
    const mixed = await merge([...three, half]);
    expect([mixed.code, mixed.err]).toEqual([2, expect.stringContaining(`shards of different batches: ${half}: shard 1/2, ${three[0]} is shard 1/3`)]);
  });

  it('shards of another input file, or of other options', async () => {
    const other = write('other.csv', readFileSync(od, 'utf8').replace('Semey;Almaty', 'Semey;Pavlodar'));
    const [, otherSecond] = await shards(3, [], other);
    const input = await merge([three[0], otherSecond, three[2]]);
    expect([input.code, input.err]).toEqual([2, expect.stringMatching(new RegExp(`shards of different batches: ${otherSecond}: the input \\(${other}, 10 rows, sha256 [0-9a-f]{12}\\) differs from ${three[0]}'s`))]);
    const [, byCost] = await shards(3, ['--by', 'cost']);
    const options = await merge([three[0], byCost, three[2]]);
    expect([options.code, options.err]).toEqual([2, expect.stringContaining(`shards of different batches: ${byCost}: the options ({"by":"cost","freight":"transit"}) differ from ${three[0]}'s ({"by":"time","freight":"transit"})`)]);
  });

  it('a shard cut short or edited, a file that is no shard, batch shards mixed with a criticality shard', async () => {
    const doc = JSON.parse(readFileSync(three[1], 'utf8')) as { rows: unknown[] };
    const cut = write('cut.json', JSON.stringify({ ...doc, rows: doc.rows.slice(0, 2) }));
    const short = await merge([three[0], cut, three[2]]);
    expect([short.code, short.err]).toEqual([2, expect.stringContaining(`${cut}: shard 2/3 of 10 rows holds 3 rows (1, 4, 7), the file 2 (1, 4): was it cut short or edited?`)]);
    const broken = write('broken.json', JSON.stringify({ ...doc, rows: [{ row: 1 }] }));
    const notWhole = await merge([three[0], broken, three[2]]);
    expect([notWhole.code, notWhole.err]).toEqual([2, expect.stringContaining(`${broken} is not a whole batch shard (row 1)`)]);
    // batch's own JSON (no --shard) is no shard.
    const plain = write('plain.json', (await runSteppenet(['batch', od, '--format', 'json'])).out);
    const notShard = await merge([plain]);
    expect([notShard.code, notShard.err]).toEqual([2, expect.stringContaining(`${plain} is neither a criticality result nor a batch shard`)]);
    const critical = await runSteppenet(['critical', '--mode', 'road', '--shard', '1/2', '--format', 'json']);
    const criticalFile = write('critical.json', critical.out);
    const kinds = await merge([...three, criticalFile]);
    expect([kinds.code, kinds.err]).toEqual([2, expect.stringContaining(`shards of a batch (${three[0]}) and of a criticality scan (${criticalFile}) mixed`)]);
  });

  it('options that batch shards do not take: merge --top, batch --shard without --format json or with --geojson, a bad --shard', async () => {
    const top = await merge(three, '--top', '3');
    expect([top.code, top.err]).toEqual([2, expect.stringContaining('--top: not for batch shards')]);
    const csv = await runSteppenet(['batch', od, '--shard', '1/2']);
    expect([csv.code, csv.out, csv.err]).toEqual([2, '', expect.stringContaining('--shard prints a shard for steppenet merge as JSON: add --format json')]);
    const geojson = await runSteppenet(['batch', od, '--shard', '1/2', '--format', 'json', '--geojson', join(dir, 'x.geojson')]);
    expect([geojson.code, geojson.err]).toEqual([2, expect.stringContaining('merge the shards with steppenet merge --format geojson')]);
    for (const bad of ['0/2', '3/2', '1/0', 'a/b', '2']) {
      const r = await runSteppenet(['batch', od, '--shard', bad, '--format', 'json']);
      expect([r.code, r.err]).toEqual([2, expect.stringContaining('--shard must be I/N with 1 <= I <= N')]);
    }
  });
});

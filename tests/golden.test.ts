/**
 * Golden files, in Turf's test/in → test/out manner: each tests/golden/in/NAME.cmd
 * is one command line, run in-process on the bundled network; its output must
 * equal tests/golden/expected/NAME byte for byte, after the normalisation below.
 * A command with `$OUT` (or `$OUT/FILE`) writes files into a fresh folder
 * instead: each file there must equal tests/golden/expected/NAME/FILE (stdout is
 * not compared then, as it carries the run's timing). `$IN/FILE` names an
 * input file kept beside the commands, tests/golden/in/FILE.
 *
 * To accept new output (review the diff before committing it):
 *
 *     UPDATE_GOLDEN=1 npx vitest run tests/golden.test.ts
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSteppenet } from './fixtures/run-command.js';

const GOLDEN = new URL('golden/', import.meta.url).pathname;
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const REGENERATE = 'UPDATE_GOLDEN=1 npx vitest run tests/golden.test.ts';
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * What may differ from run to run, and nothing else: each run's id, the
 * manifest's write time and the files' hashes and sizes (both include the run
 * id; checkManifest verifies them first), the report's date, the version.
 */
const VARYING: [RegExp, string][] = [
  [/\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z-\d+-[0-9a-f]{8}/g, '<run id>'],
  [/("written":\s*)"[^"]*"/g, '$1"<time>"'],
  [/("sha256":\s*)"[0-9a-f]{64}"/g, '$1"<sha256>"'],
  [/("bytes":\s*)\d+/g, '$1"<bytes>"'],
  [/report made \d{4}-\d\d-\d\d/g, 'report made <date>'],
  [new RegExp(`steppenet ${version.replace(/\./g, '\\.')}\\b`, 'g'), 'steppenet <version>'],
];

/**
 * The text kept as golden: the output with VARYING replaced; JSON is kept
 * pretty-printed (2 spaces) so its diffs are readable, after checking that the
 * output is exactly JSON.stringify of its value, compact or with 2 spaces, so
 * its bytes still follow from the golden file.
 */
function normalise(name: string, output: string): string {
  let text = output;
  for (const [pattern, replacement] of VARYING) text = text.replace(pattern, replacement);
  if (!/\.(geo)?json$/.test(name)) return text;
  const value: unknown = JSON.parse(text);
  expect([JSON.stringify(value), JSON.stringify(value, null, 2)], `${name} is JSON.stringify of its value`).toContain(text.trimEnd());
  return JSON.stringify(value, null, 2) + '\n';
}

/** The manifest's sizes and hashes describe the files beside it, before normalise() blanks them. */
function checkManifest(dir: string): void {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { files: { name: string; bytes: number; sha256: string }[] };
  for (const f of manifest.files) {
    const bytes = readFileSync(join(dir, f.name));
    expect([bytes.length, createHash('sha256').update(bytes).digest('hex')], f.name).toEqual([f.bytes, f.sha256]);
  }
}

/** A command line as its words; "double quotes" keep spaces and > in one word. */
const words = (line: string) => [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]);

function compare(goldenPath: string, name: string, output: string): void {
  const actual = normalise(name, output);
  if (UPDATE) {
    mkdirSync(dirname(goldenPath), { recursive: true });
    writeFileSync(goldenPath, actual);
    return;
  }
  let expected: string;
  try {
    expected = readFileSync(goldenPath, 'utf8');
  } catch {
    throw new Error(`no golden file ${goldenPath}: run ${REGENERATE}`);
  }
  expect(actual, `${goldenPath} (${REGENERATE} accepts the new output)`).toBe(expected);
}

const cases = readdirSync(join(GOLDEN, 'in')).filter((f) => f.endsWith('.cmd')).map((f) => f.slice(0, -'.cmd'.length));

describe('golden files', () => {
  it('has cases', () => expect(cases.length).toBeGreaterThan(0));

  it.each(cases)('%s', async (name) => {
    const [program, ...argv] = words(readFileSync(join(GOLDEN, 'in', `${name}.cmd`), 'utf8'));
    expect(program).toBe('steppenet');
    // $IN/FILE is an input file beside the command (tests/golden/in/FILE).
    argv.forEach((a, i) => (argv[i] = a.replace(/^\$IN\//, join(GOLDEN, 'in') + '/')));
    if (!argv.some((a) => a.startsWith('$OUT'))) {
      const { code, out, err } = await runSteppenet(argv);
      expect({ code, err }).toEqual({ code: 0, err: '' });
      compare(join(GOLDEN, 'expected', name), name, out);
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'steppenet-golden-'));
    const { code, err } = await runSteppenet(argv.map((a) => a.replace(/^\$OUT/, dir)));
    expect({ code, err }).toEqual({ code: 0, err: '' });
    if (existsSync(join(dir, 'manifest.json'))) checkManifest(dir);
    // report.html (maps and charts as SVG) is checked by tests/report-html.test.ts and tests/report-browser.test.ts, not kept golden.
    const written = readdirSync(dir).filter((f) => !f.endsWith('.html')).sort();
    const goldenDir = join(GOLDEN, 'expected', name);
    if (UPDATE) {
      rmSync(goldenDir, { recursive: true, force: true });
      mkdirSync(goldenDir, { recursive: true });
    } else {
      if (!existsSync(goldenDir)) throw new Error(`no golden folder ${goldenDir}: run ${REGENERATE}`);
      expect(written, `files written by ${name}`).toEqual(readdirSync(goldenDir).sort());
    }
    for (const file of written) compare(join(goldenDir, file), file, readFileSync(join(dir, file), 'utf8'));
  }, 60_000);
});

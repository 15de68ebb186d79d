// `steppenet report --out DIR` run through the CLI: the files it writes, what
// it prints, and a folder it cannot use. The files' content is in the golden
// test (tests/golden/expected/report/).
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSteppenet } from './fixtures/run-command.js';

const dir = mkdtempSync(join(tmpdir(), 'steppenet-cli-report-'));

describe('steppenet report', () => {
  it('writes report.md, its GeoJSON layers and manifest.json into --out, and prints the report and the files', async () => {
    const out = join(dir, 'new', 'folder');
    const run = await runSteppenet(['report', '--out', out]);
    expect({ code: run.code, err: run.err }).toEqual({ code: 0, err: '' });
    const files = readdirSync(out).sort();
    expect(files).toEqual(['corridors.geojson', 'critical-links.geojson', 'headline-routes.geojson', 'manifest.json', 'report.html', 'report.md', 'resilient-routes.geojson', 'scenario-differences.geojson', 'single-mode-routes.geojson']);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { steppenetRun: string; files: { name: string }[] };
    expect(manifest.files.map((f) => f.name).sort()).toEqual(files.filter((f) => f !== 'manifest.json'));
    // stdout is report.md without its run line, then one line naming every file written.
    const markdown = readFileSync(join(out, 'report.md'), 'utf8');
    const printed = run.out.trimEnd().split('\n');
    expect(markdown.startsWith(printed.slice(0, -1).join('\n'))).toBe(true);
    expect(printed.at(-1)).toMatch(new RegExp(`^Written .*report\\.md.*manifest\\.json \\(run ${manifest.steppenetRun}\\) in [\\d.]+ s\\.$`));
    for (const f of files) expect(printed.at(-1)).toContain(join(out, f));
  }, 60_000);

  it.each([
    ['a file', () => { const f = join(dir, 'a-file'); writeFileSync(f, 'x'); return f; }, 'exists and is not a folder'],
    ['a path through a file', () => { const f = join(dir, 'another-file'); writeFileSync(f, 'x'); return join(f, 'sub'); }, 'cannot use'],
    ['an empty name', () => '', 'the output folder is empty'],
  ])('exits 2 for --out naming %s, with a message and no stack trace', async (_, target, message) => {
    const { code, out, err } = await runSteppenet(['report', '--out', target()]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(message);
    expect(err).not.toMatch(/\n\s+at /);
  });
});

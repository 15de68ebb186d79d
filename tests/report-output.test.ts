// Issue 17, item 5: the report's files are written atomically, as one set
// tagged with one run id; concurrent runs into one folder leave one complete,
// consistent set; a failure part-way leaves no partial file.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadNetwork } from '../src/model/load-network.js';
import { OutputWriteError, writeReportFiles } from '../src/report/write-report.js';

const ROOT = new URL('..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'steppenet-report-out-'));

/** The folder's set: every file's run id agrees with the manifest, and every file's bytes with its SHA-256 there. */
function checkConsistentSet(out: string): string {
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { steppenetRun: string; files: { name: string; bytes: number; sha256: string }[] };
  const run = manifest.steppenetRun;
  expect(manifest.files.map((f) => f.name).sort()).toEqual(['corridors.geojson', 'critical-links.geojson', 'headline-routes.geojson', 'report.html', 'report.md', 'resilient-routes.geojson', 'scenario-differences.geojson', 'single-mode-routes.geojson']);
  for (const f of manifest.files) {
    const bytes = readFileSync(join(out, f.name));
    expect(bytes.length, f.name).toBe(f.bytes);
    expect(createHash('sha256').update(bytes).digest('hex'), f.name).toBe(f.sha256);
    if (f.name.endsWith('.geojson')) expect(JSON.parse(bytes.toString('utf8')).steppenetRun, f.name).toBe(run);
    else expect(bytes.toString('utf8')).toContain(f.name.endsWith('.html') ? `<em>Run ${run}:` : `_Run ${run}:`);
  }
  // No temporary file or lock left behind.
  expect(readdirSync(out).sort()).toEqual(['corridors.geojson', 'critical-links.geojson', 'headline-routes.geojson', 'manifest.json', 'report.html', 'report.md', 'resilient-routes.geojson', 'scenario-differences.geojson', 'single-mode-routes.geojson']);
  return run;
}

describe('report output', () => {
  beforeAll(() => {
    const build = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, encoding: 'utf8' });
    expect(build.status, build.stdout + build.stderr).toBe(0);
  }, 120_000);

  it('eight concurrent runs of the built CLI (two different networks) into one folder leave one complete, consistent set', async () => {
    // A second network: every checkpoint wait doubled, so its report differs.
    const other = loadNetwork().toGeoJSON();
    for (const f of other.features) {
      const cp = (f.properties as { checkpoint?: { waitHours?: { forward: number; backward: number } } }).checkpoint;
      if (cp?.waitHours !== undefined) cp.waitHours = { forward: cp.waitHours.forward * 2, backward: cp.waitHours.backward * 2 };
    }
    const otherFile = join(dir, 'other.geojson');
    writeFileSync(otherFile, JSON.stringify(other));
    const out = join(dir, 'shared');
    const runs = Array.from({ length: 8 }, (_, i) =>
      new Promise<{ code: number | null; err: string }>((done) => {
        const args = ['dist/cli/main.js', 'report', '--out', out, ...(i % 2 ? ['--network', otherFile] : [])];
        const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
        let err = '';
        child.stderr.on('data', (d) => (err += d));
        child.on('close', (code) => done({ code, err }));
      }),
    );
    const results = await Promise.all(runs);
    for (const r of results) expect(r, r.err).toEqual({ code: 0, err: '' });
    checkConsistentSet(out);
  }, 180_000);

  it('a disk that fills part-way gives a clear error and leaves the previous set untouched, with no partial file', () => {
    const out = join(dir, 'full');
    const files = [
      { name: 'report.md', content: 'report' },
      { name: 'corridors.geojson', content: '{}' },
      { name: 'critical-links.geojson', content: '{}' },
      { name: 'headline-routes.geojson', content: '{}' },
    ];
    const first = writeReportFiles(out, files.map((f) => ({ ...f, content: f.name.endsWith('.md') ? `# first\n\n_Run R1:` : JSON.stringify({ steppenetRun: 'R1' }) })), { runId: 'R1' });
    expect(first.runId).toBe('R1');
    const before = readdirSync(out).sort().map((n) => [n, readFileSync(join(out, n), 'utf8')]);
    let written = 0;
    const fillsUp = (fd: number, data: Buffer) => {
      if (++written === 3) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      writeFileSync(fd, data);
    };
    let error: unknown;
    try {
      writeReportFiles(out, files, { runId: 'R2', writeBytes: fillsUp });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(OutputWriteError);
    expect((error as Error).message).toContain('no space left on the device');
    expect((error as Error).message).toContain('nothing in');
    expect(readdirSync(out).sort().map((n) => [n, readFileSync(join(out, n), 'utf8')])).toEqual(before);
  });

  it('a read-only folder gives a clear error (exit 2) and leaves nothing behind', async () => {
    const out = join(dir, 'read-only');
    mkdirSync(out);
    chmodSync(out, 0o555);
    const files = [{ name: 'report.md', content: 'x' }];
    if (process.getuid?.() === 0) {
      // root writes anyway: simulate the file system's refusal.
      const refuse = () => {
        throw Object.assign(new Error('EROFS: read-only file system, write'), { code: 'EROFS' });
      };
      expect(() => writeReportFiles(out, files, { writeBytes: refuse })).toThrow(/read-only/);
    } else {
      expect(() => writeReportFiles(out, files)).toThrow(/permission denied/);
      const { runCli } = await import('../src/cli/run-cli.js');
      let err = '';
      const code = await runCli(['report', '--out', out], { out: () => {}, err: (t) => (err += t) });
      expect(code).toBe(2);
      expect(err).not.toMatch(/\n\s+at /);
    }
    expect(readdirSync(out)).toEqual([]);
  });
});

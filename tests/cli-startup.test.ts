// Start-up (issue 16): the CLI loads a command's modules only when that
// command runs, so `steppenet route` never compiles Fastify, Vega or the
// @turf/turf barrel. These tests look at which modules a real process loads,
// never at how long it takes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMAND_TABLE } from '../src/cli/command-table.js';
import { writeValidatedRecord } from '../src/model/validated-networks.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const logDir = mkdtempSync(join(tmpdir(), 'steppenet-startup-'));

/** Runs `steppenet ...argv` from src/ and returns its exit code, output and every module it loaded (paths from the repo root, node_modules/ kept). */
const modulesLoadedBy = (...argv: string[]) => modulesLoadedByNode('src/cli/main.ts', ...argv);

function modulesLoadedByNode(...nodeArgs: string[]) {
  const log = join(logDir, `${nodeArgs.join('_').replace(/\W/g, '-').slice(0, 80)}.txt`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--import', './tests/fixtures/record-modules.mjs', ...nodeArgs], {
    cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, STEPPENET_MODULE_LOG: log },
  });
  const modules = [...new Set(readFileSync(log, 'utf8').split('\n').filter((url) => url.startsWith('file:')))]
    .map((url) => fileURLToPath(url).replace(ROOT + '/', ''));
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, modules };
}

/** The npm package a module belongs to ("@turf/turf", "fastify"), or undefined for the project's own. */
const packageOf = (path: string) => /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path)?.[1];

// Heavy libraries that only some commands need: the report's charts, the HTTP server, the Turf barrel (reach's buffers).
const HEAVY = /^(vega|vega-.*|fastify|@fastify\/.*|typebox|@turf\/turf|@turf\/jsts|@turf\/buffer|@turf\/union)$/;

describe('steppenet route loads only what a route needs', () => {
  const { status, stdout, stderr, modules } = modulesLoadedBy('route', 'Omsk', 'Pavlodar');

  it('answers', () => {
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Omsk → Pavlodar by time/);
  });

  it('loads the route command, the network and the router (the record is complete enough to judge)', () => {
    expect(modules).toContain('src/cli/commands/route.ts');
    expect(modules).toContain('src/routing/router.ts');
    expect(modules).toContain('src/model/load-network.ts');
    expect(modules.map(packageOf)).toContain('fastest-levenshtein');
  });

  it('never loads graphology: a network makes its graphology graph only when asked for it', () => {
    expect(modules.map(packageOf)).not.toContain('graphology');
    const control = modulesLoadedByNode('--input-type=module', '-e', "const { loadNetwork } = await import('./src/model/load-network.ts'); if (loadNetwork().graph.order < 100) process.exit(1);");
    expect(control.status).toBe(0);
    expect(control.modules.map(packageOf)).toContain('graphology');
  });

  it('loads no other command, no report, server or analysis module, and none of the heavy libraries', () => {
    const others = modules.filter((m) => m.startsWith('src/cli/commands/') && m !== 'src/cli/commands/route.ts');
    expect(others).toEqual([]);
    expect(modules.filter((m) => /^src\/(report|server|analysis)\//.test(m))).toEqual([]);
    expect([...new Set(modules.map(packageOf).filter((p) => p && HEAVY.test(p)))]).toEqual([]);
  });
});

describe('the command table', () => {
  it('--help and a command\'s --help load no other command', () => {
    const help = modulesLoadedBy('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('  serve ');
    expect(help.modules.filter((m) => m.startsWith('src/cli/commands/'))).toEqual([]);
    const routeHelp = modulesLoadedBy('route', '--help');
    expect(routeHelp.status).toBe(0);
    expect(routeHelp.modules.filter((m) => m.startsWith('src/cli/commands/'))).toEqual(['src/cli/commands/route.ts']);
  });

  it('the record sees a heavy library and a command module when they load', () => {
    const control = modulesLoadedByNode('--input-type=module', '-e', "await import('fastify'); await import('./src/cli/commands/serve.ts');");
    expect(control.stderr).toBe('');
    expect(control.modules.map(packageOf)).toContain('fastify');
    expect(control.modules).toContain('src/cli/commands/serve.ts');
  });

  it('lists every module in src/cli/commands once, by its name, with the command\'s own summary', async () => {
    const files = readdirSync(join(ROOT, 'src/cli/commands')).filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, '')).sort();
    expect(COMMAND_TABLE.map((c) => c.name).sort()).toEqual(files);
    for (const entry of COMMAND_TABLE) {
      const command = await entry.load();
      expect({ name: command.name, summary: command.summary }).toEqual({ name: entry.name, summary: entry.summary });
    }
  });
});

describe('the CLI bundle (scripts/build-cli.mjs, the package\'s bin)', () => {
  // Bundle src/cli/main.ts as `npm run build` bundles its tsc output, and read which chunks each entry loads.
  // Two levels below the repo, as dist/bin is, so that the bundle finds networks/ and node_modules/ as the bin does.
  const out = mkdtempSync(join(ROOT, 'node_modules', '.steppenet-bundle-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));
  const build = spawnSync(process.execPath, ['scripts/build-cli.mjs', '--entry', 'src/cli/main.ts', '--outdir', out, '--metafile', join(out, 'meta.json')], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  type Output = { entryPoint?: string; imports: { path: string; kind: string; external?: boolean }[]; inputs: Record<string, unknown> };
  const outputs = build.status === 0 ? (JSON.parse(readFileSync(join(out, 'meta.json'), 'utf8')) as { outputs: Record<string, Output> }).outputs : {};
  /**
   * The source files in the chunks an entry loads before it runs (the entry's chunk and those it imports
   * statically, transitively), and the packages left out of the bundle that they import, as node_modules/NAME/.
   */
  const loadedWith = (entryPoint: string) => {
    const start = Object.keys(outputs).find((k) => outputs[k]!.entryPoint === entryPoint);
    if (!start) throw new Error(`no chunk for ${entryPoint}`);
    const seen = new Set([start]);
    // A file of another of the builds (dist/bin/errors.js) is an external import by a relative path.
    const chunkOf = (chunk: string, i: Output['imports'][number]) => (i.external && i.path.startsWith('./') ? join(dirname(chunk), i.path) : i.path);
    for (const chunk of seen) for (const i of outputs[chunk]!.imports) if (i.kind === 'import-statement' && outputs[chunkOf(chunk, i)]) seen.add(chunkOf(chunk, i));
    return [...seen].flatMap((chunk) => [
      ...Object.keys(outputs[chunk]!.inputs),
      ...outputs[chunk]!.imports.filter((i) => i.external && !i.path.startsWith('node:') && !outputs[chunkOf(chunk, i)]).map((i) => `node_modules/${i.path}/`),
    ]);
  };

  it('builds', () => {
    expect(build.stderr).toBe('');
    expect(build.status).toBe(0);
  });

  it('the route bundle has the route command and nothing of another command, no report, server or analysis module, no heavy library', () => {
    const route = loadedWith('src/cli/route-main.ts');
    expect(route).toContain('src/cli/commands/route.ts');
    expect(route).toContain('src/routing/router.ts');
    expect(route).toContain('src/errors/steppenet-error.ts');
    expect(route.map(packageOf)).toContain('fastest-levenshtein');
    expect(route.map(packageOf)).not.toContain('graphology');
    expect(route.filter((m) => m.startsWith('src/cli/commands/') && m !== 'src/cli/commands/route.ts')).toEqual([]);
    expect(route.filter((m) => /^src\/(report|server|analysis)\//.test(m))).toEqual([]);
    expect([...new Set(route.map(packageOf).filter((p) => p && HEAVY.test(p)))]).toEqual([]);
    // The bin itself holds none of the program: it only picks the bundle.
    expect(loadedWith('src/cli/bin.cts').filter((m) => m.startsWith('src/')).sort()).toEqual(['src/cli/bin.cts', 'src/cli/run-with-code-cache.cts']);
  });

  it('bundles the route command whole in one CommonJS file, route.cjs; in the ES module build every file uses the one errors.js', () => {
    const filesWith = (source: string) => Object.keys(outputs).filter((k) => Object.keys(outputs[k]!.inputs).includes(source)).map((k) => k.split('/').pop()!);
    expect(filesWith('src/cli/route-main.ts')).toEqual(['route.cjs']);
    expect(filesWith('src/cli/commands/route.ts').filter((f) => f.endsWith('.cjs'))).toEqual(['route.cjs']);
    expect(filesWith('src/errors/steppenet-error.ts').filter((f) => f.endsWith('.js'))).toEqual(['errors.js']);
    // The validation is a CommonJS file of its own, required by route.cjs only for a network not validated at build time.
    expect(filesWith('src/model/validate-network.ts')).toContain('validate-network.cjs');
    expect(filesWith('src/model/validate-network.ts')).not.toContain('route.cjs');
  });

  it('answers a route, and a mistake on its command line with the usage, from the bin (route.cjs) and from the ES module build', () => {
    for (const entry of ['steppenet.cjs', 'steppenet.js']) {
      const bin = (...argv: string[]) => spawnSync(process.execPath, [join(out, entry), ...argv], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
      const ok = bin('route', 'Omsk', 'Pavlodar');
      expect(ok.stderr).toBe('');
      expect(ok.status).toBe(0);
      expect(ok.stdout).toMatch(/^Omsk → Pavlodar by time/);
      const unknown = bin('route', 'Omsk', 'Atlantis');
      expect(unknown.status).toBe(2);
      expect(unknown.stderr).toMatch(/^steppenet route: Unknown place "Atlantis"/);
      expect(unknown.stderr).toContain('usage: steppenet route <from> <to>');
      const badOption = bin('route', 'Omsk', 'Pavlodar', '--snap-km', '-3');
      expect(badOption.status).toBe(2);
      expect(badOption.stderr).toContain('usage: steppenet route <from> <to>');
      expect(badOption.stderr).not.toContain('internal error');
      const help = bin('--debug', 'route', '--help');
      expect(help.status).toBe(0);
      expect(help.stdout).toMatch(/^usage: steppenet route <from> <to>/);
      const other = bin('places', 'Pavlo');
      expect(other.status).toBe(0);
      expect(other.stdout).toContain('Pavlodar');
    }
  });

  it('a route on the bundled network, recorded as validated, loads no package; a changed copy is validated', () => {
    const network = readFileSync(join(ROOT, 'networks/kz-ru.geojson'), 'utf8');
    writeValidatedRecord([network], pathToFileURL(join(out, 'validated-networks.json')));
    const run = (...argv: string[]) => modulesLoadedByNode(join(out, 'steppenet.cjs'), ...argv);
    const trusted = run('route', 'Omsk', 'Pavlodar');
    expect(trusted.stderr).toBe('');
    expect(trusted.stdout).toMatch(/^Omsk → Pavlodar by time/);
    // (route.cjs is compiled by runWithCodeCache, not require(): the record does not list it. No ES module is loaded.)
    const outDir = `${out.replace(ROOT + '/', '')}/`;
    expect(trusted.modules.filter((m) => m.startsWith(outDir)).map((m) => m.slice(outDir.length))).toEqual(['steppenet.cjs']);
    // (tsx and what it uses are loaded by the recorder's own --import tsx.)
    const packages = new Set(trusted.modules.filter((m) => !m.startsWith(outDir)).map(packageOf));
    expect([...packages].filter((p) => !['tsx', 'esbuild', 'get-tsconfig', 'resolve-pkg-maps'].includes(p!))).toEqual([]);
    // The same network with one space more is another text: validated (the country outlines read), and the same answer.
    const copy = join(out, 'changed.geojson');
    writeFileSync(copy, network + ' ');
    const changed = run('route', 'Omsk', 'Pavlodar', '--network', copy);
    expect(changed.stdout).toBe(trusted.stdout);
    expect(changed.modules.map(packageOf)).toContain('world-atlas');
    expect(trusted.modules.map(packageOf)).not.toContain('world-atlas');
    // And a network with a mistake is refused with its problems, as from src/.
    const broken = join(out, 'broken.geojson');
    writeFileSync(broken, network.replace('"country":"RU"', '"country":"ZZ"'));
    const refused = run('route', 'Omsk', 'Pavlodar', '--network', broken);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^steppenet route: invalid network \(broken\.geojson\): \d+ problems\n/);
    expect(refused.stderr).toContain('- moscow country: must be an ISO 3166-1 alpha-2 code, got "ZZ"');
  });

  it('writes the route bundle\'s code cache as the build does, and answers the same from it', () => {
    const bin = (env: Record<string, string> = {}) => spawnSync(process.execPath, [join(out, 'steppenet.cjs'), 'route', 'Omsk', 'Pavlodar'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, ...env } });
    const before = bin();
    expect(() => readFileSync(join(out, 'route.cjs.v8-cache'))).toThrow();
    expect(bin({ STEPPENET_WRITE_CODE_CACHE: '1' }).stdout).toBe(before.stdout);
    expect(readFileSync(join(out, 'route.cjs.v8-cache')).length).toBeGreaterThan(10_000);
    const after = bin();
    expect(after.stderr).toBe('');
    expect(after.stdout).toBe(before.stdout);
  });

  it('runs a scan on the worker pool: the workers\' script is bundled beside the chunks that start it', () => {
    const scan = (workers: string) => spawnSync(process.execPath, [join(out, 'steppenet.cjs'), 'critical', '--grid', '1deg', '--top', '3', '--format', 'json', '--workers', workers], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    const pooled = scan('2');
    expect(pooled.stderr).toBe('');
    expect(pooled.status).toBe(0);
    expect(pooled.stdout).toBe(scan('1').stdout);
  });

  it('main alone loads no command at all, and the serve and report commands bring their libraries', () => {
    expect(loadedWith('src/cli/main.ts').filter((m) => m.startsWith('src/cli/commands/'))).toEqual([]);
    expect(loadedWith('src/cli/commands/serve.ts').map(packageOf)).toContain('fastify');
    expect(loadedWith('src/cli/commands/report.ts').map(packageOf)).toContain('vega');
  });
});

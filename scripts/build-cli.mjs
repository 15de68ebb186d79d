// `npm run build`, after tsc: bundles the command line into dist/bin/, the package's bin. A bundle compiles in far
// fewer, larger modules than the ~1,500 files it is made of, which is most of a CLI call's start-up (issue 16). The
// library entry points (dist/index.js, dist/core/index.js) stay tsc's output.
//
// - steppenet.cjs, the bin (src/cli/bin.cts): CommonJS, which Node starts without its ES module loader (~7 ms). It
//   runs `route` from route.cjs and every other command line from steppenet.js.
// - route.cjs (src/cli/route-main.ts): the route command bundled whole into one CommonJS file, which the bin compiles
//   from V8's code cache (route.cjs.v8-cache, written by scripts/write-code-cache.mjs after the build).
// - steppenet.js (dist/cli/main.js, every command) and its chunks: ES modules split by esbuild, one file per command
//   and per shared part, so that `steppenet report` never compiles the server's Fastify nor `serve` the report's Vega.
//   The error classes, which runCli tests with instanceof, must be the same classes in every file of this build:
//   they are one module of their own, errors.js (src/errors/ and src/cli/usage-error.ts), that every chunk imports.
//   route.cjs has its own copies, being a program of its own.
//
//   node scripts/build-cli.mjs [--entry FILE] [--outdir DIR] [--metafile FILE]
// (tests/cli-startup.test.ts bundles src/cli/main.ts into a temporary folder
// and reads the metafile to see which chunks a command loads.)
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { binBundleOptions, commonJsBundleOptions } from './bin-bundle-options.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({ options: { entry: { type: 'string' }, outdir: { type: 'string' }, metafile: { type: 'string' } } });
const outdir = values.outdir ?? `${root}dist/bin`;
// Built beside and moved into place, so that a build never leaves a half-written bin behind.
const building = `${outdir}.building-${process.pid}`;
const entry = values.entry ?? 'dist/cli/main.js';
// The worker pool's script (src/analysis/scan-pool.ts) is looked up beside the module that starts it, which in the
// bundle is a chunk of dist/bin/: so it is an entry point of its own, dist/bin/scan-worker.js.
const worker = join(dirname(entry), '..', 'analysis', `scan-worker${extname(entry)}`);
const cli = dirname(entry);
const ext = extname(entry);
/** The modules whose classes must be one in every file of the bin, bundled as dist/bin/errors.js. */
const shared = [join(cli, '..', 'errors', `index${ext}`), join(cli, `usage-error${ext}`)];
const sharedFiles = new Set([...shared, ...['error-codes', 'steppenet-error', 'http-error'].map((m) => join(cli, '..', 'errors', `${m}${ext}`))].map((f) => resolve(root, f)));
/** The bin, and the route command's entry (tsc compiles src/cli/bin.cts to dist/cli/bin.cjs). */
const bin = join(cli, ext === '.ts' ? 'bin.cts' : 'bin.cjs');
const routeMain = join(cli, `route-main${ext}`);
// The source file an import names (tsc's output imports ./x.js; under src/ that file is ./x.ts).
const sourceOf = (args) => join(args.resolveDir, args.path).replace(/\.js$/, ext);
/** In the ES module build, imports of the shared modules become imports of errors.js. */
const linkErrors = {
  name: 'steppenet-shared-errors',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, (args) => (sharedFiles.has(sourceOf(args)) ? { path: './errors.js', external: true } : undefined));
  },
};
const common = {
  ...binBundleOptions,
  absWorkingDir: root,
  outdir: building,
  // No source maps (they would triple the package): the bundle is not minified, and esbuild heads each module's code with its path.
  metafile: Boolean(values.metafile),
};
/** The CommonJS files. */
const commonJs = { ...common, ...commonJsBundleOptions, outExtension: { '.js': '.cjs' } };
// The network's validation (its checks, the country outlines, Turf and topojson: ~90 kB) is needed by the route
// bundle only when a network is not one validated at build time (src/model/validated-networks.ts): there it is a stub
// that require()s dist/bin/validate-network.cjs, a CommonJS bundle of it, on its first call. It returns plain
// problems and throws no error class, so its copies of the modules it uses are harmless.
const validation = resolve(root, cli, '..', 'model', `validate-network${ext}`);
const lazyValidation = {
  name: 'steppenet-lazy-validation',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, (args) => (sourceOf(args) === validation ? { path: 'validate-network', namespace: 'steppenet-lazy' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'steppenet-lazy' }, () => ({
      loader: 'js',
      contents: [
        "import { createRequire } from 'node:module';",
        'let validation;',
        "export const validateNetwork = (...args) => (validation ??= createRequire(import.meta.url)('./validate-network.cjs')).validateNetwork(...args);",
      ].join('\n'),
    }));
  },
};
const results = [
  await build({
    ...common,
    entryPoints: [{ in: entry, out: 'steppenet' }, { in: worker, out: 'scan-worker' }],
    splitting: true,
    plugins: [linkErrors],
  }),
  await build({ ...commonJs, entryPoints: [{ in: routeMain, out: 'route' }], plugins: [lazyValidation] }),
  await build({ ...commonJs, entryPoints: [{ in: validation, out: 'validate-network' }] }),
  // The bin: its own code, with nothing of the others' (it finds them beside it, in __dirname).
  await build({ ...commonJs, entryPoints: [{ in: bin, out: 'steppenet' }], banner: {}, define: {} }),
  await build({
    ...common,
    stdin: { contents: shared.map((f) => `export * from ${JSON.stringify(`./${relative(cli, f)}`)};`).join('\n'), resolveDir: resolve(root, cli), sourcefile: 'errors.js', loader: 'js' },
    entryNames: 'errors',
  }),
];
const result = { metafile: { inputs: {}, outputs: {} } };
for (const r of results) if (r.metafile) Object.assign(result.metafile.outputs, r.metafile.outputs), Object.assign(result.metafile.inputs, r.metafile.inputs);
await rm(outdir, { recursive: true, force: true });
await rename(building, outdir);
if (values.metafile) {
  await mkdir(dirname(values.metafile), { recursive: true });
  // The chunks' paths as they are now, in outdir.
  await writeFile(values.metafile, JSON.stringify(result.metafile).replaceAll(`.building-${process.pid}`, ''));
}

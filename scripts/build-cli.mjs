// `npm run build`, after tsc: bundles the command line (dist/cli/main.js and
// everything it imports, the packages too except the server's, the charts' and
// reach's areas') into dist/bin/, the package's bin. One file per command and per shared part (esbuild's code splitting):
// `steppenet route` loads main.js and the chunks the route command needs,
// never the report's Vega or the server's Fastify. A bundle compiles in far
// fewer, larger ES modules than the ~1,500 files it is made of, which is most
// of a CLI call's start-up (issue 16). The library entry points (dist/index.js,
// dist/core/index.js) stay tsc's output.
//
// Node's ES module loader spends about half a millisecond on every module it loads (resolving, reading, linking), so
// the commands in STANDALONE (route) are each bundled whole into one file of their own, dist/bin/route.js, which
// main.js imports in place of the twenty-odd chunks the split build would give them (their code is then in the
// package twice: ~0.4 MB). The error classes, which main.js tests with instanceof, must be the same classes in every
// file: they are one module of their own, dist/bin/errors.js (src/errors/ and src/cli/usage-error.ts), that every
// file imports.
//
//   node scripts/build-cli.mjs [--entry FILE] [--outdir DIR] [--metafile FILE]
// (tests/cli-startup.test.ts bundles src/cli/main.ts into a temporary folder
// and reads the metafile to see which chunks a command loads.)
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { binBundleOptions } from './bin-bundle-options.mjs';

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
/** Commands bundled whole, each into one file named after it. */
const STANDALONE = ['route'];
const standaloneFiles = new Map(STANDALONE.map((name) => [resolve(root, cli, 'commands', `${name}${ext}`), `./${name}.js`]));
// The source file an import names (tsc's output imports ./x.js; under src/ that file is ./x.ts).
const sourceOf = (args) => join(args.resolveDir, args.path).replace(/\.js$/, ext);
/** Imports of the shared modules (and, from the split build, of the standalone commands) become imports of their files in outdir. */
const linkTo = (others) => ({
  name: 'steppenet-bin-files',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, (args) => {
      const file = sourceOf(args);
      if (sharedFiles.has(file)) return { path: './errors.js', external: true };
      if (others.has(file)) return { path: others.get(file), external: true };
      return undefined;
    });
  },
});
const common = {
  ...binBundleOptions,
  absWorkingDir: root,
  outdir: building,
  // No source maps (they would triple the package): the bundle is not minified, and esbuild heads each module's code with its path.
  metafile: Boolean(values.metafile),
};
// The network's validation (its checks, the country outlines, Turf and topojson: ~90 kB) is needed by the standalone
// commands only when a network is not one validated at build time (src/model/validated-networks.ts), yet loadNetwork
// calls it synchronously, which an ES module cannot import on demand: in those commands it is a stub that require()s
// dist/bin/validate-network.cjs, a CommonJS bundle of it, on its first call. It returns plain problems and throws no
// class of the shared errors.js, so its copies of the modules it uses are harmless.
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
    plugins: [linkTo(standaloneFiles)],
  }),
  await build({
    ...common,
    entryPoints: [...standaloneFiles.keys()].map((file) => ({ in: file, out: basename(file, ext) })),
    plugins: [linkTo(new Map()), lazyValidation],
  }),
  await build({
    ...common,
    entryPoints: [{ in: validation, out: 'validate-network' }],
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    // import.meta.url (the modules that require() JSON and packages make their require from it) is this file's URL.
    banner: { js: "const __steppenetImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    define: { 'import.meta.url': '__steppenetImportMetaUrl' },
  }),
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

// Bundles the web page of `steppenet serve` into dist/web: page.js (the page
// and MapLibre GL JS), page.css, index.html and MapLibre's worker. Nothing is
// fetched from the internet at run time. `npm run build` runs this after tsc;
// the web tests run it too. Each file is written under a temporary name and
// renamed into place, so builds running at once never leave a half-written file.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../', import.meta.url));
const out = `${root}dist/web/`;
const started = Date.now();
await mkdir(out, { recursive: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: [{ in: 'web/page.ts', out: 'page' }, { in: 'web/style.css', out: 'page' }],
  outdir: out,
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  legalComments: 'linked',
  logLevel: 'warning',
  write: false,
});
const maplibre = createRequire(import.meta.url).resolve('maplibre-gl/package.json');
const files = [
  ...result.outputFiles.map((f) => ({ name: basename(f.path), contents: f.contents })),
  { name: 'index.html', contents: await readFile(`${root}web/index.html`) },
  { name: 'maplibre-gl-worker.mjs', contents: await readFile(new URL('dist/maplibre-gl-worker.mjs', `file://${maplibre}`)) },
];
for (const { name, contents } of files) {
  const temporary = `${out}.${name}.${process.pid}.tmp`;
  await writeFile(temporary, contents);
  await rename(temporary, `${out}${name}`);
}
if (!process.argv.includes('--quiet')) console.error(`web page bundled into dist/web in ${Date.now() - started} ms`);

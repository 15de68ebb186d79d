// Bundles the web page of `steppenet serve` into dist/web: page.js (the page
// and MapLibre GL JS), page.css, index.html and MapLibre's worker. Nothing is
// fetched from the internet at run time. `npm run build` runs this after tsc.
import { copyFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { build } from 'esbuild';

const root = new URL('../', import.meta.url);
const out = new URL('dist/web/', root);
const started = Date.now();
await mkdir(out, { recursive: true });
await build({
  absWorkingDir: root.pathname,
  entryPoints: [{ in: 'web/page.ts', out: 'page' }, { in: 'web/style.css', out: 'page' }],
  outdir: 'dist/web',
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  legalComments: 'linked',
  logLevel: 'warning',
});
await copyFile(new URL('web/index.html', root), new URL('index.html', out));
const require = createRequire(import.meta.url);
const maplibre = require.resolve('maplibre-gl/package.json');
await copyFile(new URL('dist/maplibre-gl-worker.mjs', `file://${maplibre}`), new URL('maplibre-gl-worker.mjs', out));
if (!process.argv.includes('--quiet')) console.error(`web page bundled into dist/web in ${Date.now() - started} ms`);

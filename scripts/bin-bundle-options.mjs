// The esbuild options every bundle of the bin shares: scripts/build-cli.mjs builds the bin with them, and
// scripts/startup-phases.mjs bundles its timed copy of the route path the same way.
export const binBundleOptions = {
  bundle: true,
  // The libraries of the server, the report's charts and reach's areas stay in node_modules, loaded from there by the
  // commands that use them: bundling them would only duplicate megabytes in the package, not speed up a route.
  external: ['fastify', '@fastify/*', 'typebox', 'vega', 'vega-lite', '@turf/buffer', '@turf/union'],
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // The bundled CommonJS packages call require(); an ES module has none, so each chunk makes one.
  banner: { js: "import { createRequire as __steppenetCreateRequire } from 'node:module'; const require = __steppenetCreateRequire(import.meta.url);" },
  logLevel: 'warning',
};

// The bin's CommonJS bundles (route.cjs, validate-network.cjs; the timed copy of route in startup-phases.mjs):
// import.meta.url, from which the modules that require() JSON and packages make their require, is the file's URL.
export const commonJsBundleOptions = {
  format: 'cjs',
  banner: { js: "const __steppenetImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__steppenetImportMetaUrl' },
};

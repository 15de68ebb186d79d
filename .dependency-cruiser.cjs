/**
 * The folders of src/ and which folders each may import (imports flow one way,
 * downwards): errors at the bottom; core, places and io above it; then model,
 * routing, analysis, present; cli, report and server on top. `cli` may run the
 * report (`steppenet report`) and the server (`steppenet serve`), never the
 * other way round. A folder not listed here is an error too, so a new folder
 * gets its place in the layers first.
 * The entry points (src/index.ts, and src/core/index.ts for `steppenet/core`,
 * which also offers io's road graph loaders) only gather names, so they are no
 * layer's. tests/architecture.test.ts runs this check in `npm test`.
 */
const ENTRY_POINTS = '^src/core/index[.]ts$';
const LAYERS = {
  errors: [],
  core: ['errors'],
  io: ['errors', 'core'],
  places: ['errors'],
  model: ['errors', 'core', 'io', 'places'],
  routing: ['errors', 'core', 'io', 'places', 'model'],
  analysis: ['errors', 'core', 'io', 'places', 'model', 'routing'],
  present: ['errors', 'core', 'io', 'places', 'model', 'routing', 'analysis'],
  report: ['errors', 'core', 'io', 'places', 'model', 'routing', 'analysis', 'present'],
  server: ['errors', 'core', 'io', 'places', 'model', 'routing', 'analysis', 'present'],
  cli: ['errors', 'core', 'io', 'places', 'model', 'routing', 'analysis', 'present', 'report', 'server'],
};

const folders = Object.keys(LAYERS).join('|');

module.exports = {
  forbidden: [
    ...Object.entries(LAYERS).map(([folder, allowed]) => ({
      name: `${folder}-imports-only-below`,
      comment: `src/${folder} may import only ${[folder, ...allowed].map((f) => `src/${f}`).join(', ')}`,
      severity: 'error',
      from: { path: `^src/${folder}/`, pathNot: ENTRY_POINTS },
      to: { path: '^src/', pathNot: `^src/(${[folder, ...allowed].join('|')})/` },
    })),
    {
      name: 'src-folder-in-no-layer',
      comment: 'every folder of src/ has its place in LAYERS (.dependency-cruiser.cjs)',
      severity: 'error',
      from: { path: '^src/[^/]+/', pathNot: `^src/(${folders})/` },
      to: {},
    },
    {
      name: 'no-circular',
      comment: 'no file imports itself through others',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    // TypeScript 7 has no JavaScript API for dependency-cruiser to parse with; swc parses the .ts files, type-only imports included.
    parser: 'swc',
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
  },
};

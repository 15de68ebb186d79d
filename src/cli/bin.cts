#!/usr/bin/env node
// The package's bin (package.json "bin": dist/bin/steppenet.cjs, bundled by scripts/build-cli.mjs). A CommonJS file,
// which Node starts without setting up its ES module loader. `steppenet route …`, the command most often run on its
// own, runs from dist/bin/route.cjs, the route command bundled whole, compiled from V8's code cache the build left
// beside it (start-up, issue 16); every other command line from the ES module build of every command, steppenet.js.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runWithCodeCache } from './run-with-code-cache.cjs';

const [name] = process.argv.slice(2).filter((a) => a !== '--debug');
if (name === 'route') {
  runWithCodeCache(join(__dirname, 'route.cjs'));
} else {
  import(pathToFileURL(join(__dirname, 'steppenet.js')).href).catch((error: unknown) => {
    process.stderr.write(`steppenet: internal error: cannot load dist/bin/steppenet.js (${String(error)})\n`);
    process.exitCode = 1;
  });
}

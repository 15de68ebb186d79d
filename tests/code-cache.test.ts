// The bin's route bundle compiles from V8's code cache (src/cli/run-with-code-cache.cts). A code cache is only safe if
// it is used for the very text it was made from: these tests run a small CommonJS bundle through runWithCodeCache in
// a fresh process (as the bin does) and check what it printed and what it made of the cache — never how fast it was.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'steppenet-code-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const bundle = join(dir, 'bundle.cjs');
const cache = `${bundle}.v8-cache`;
// A bundle that requires a module beside it and reads __filename, as route.cjs does.
writeFileSync(join(dir, 'beside.cjs'), "module.exports = 'a module beside it';\n");
const text = [
  "const { basename } = require('node:path');",
  "const beside = require('./beside.cjs');",
  "function greet() { return 'hello from ' + basename(__filename) + ' and ' + beside; }",
  'console.log(greet());',
  '',
].join('\n');
const runner = join(dir, 'runner.cjs');
writeFileSync(runner, [
  `const { runWithCodeCache } = require(${JSON.stringify(join(ROOT, 'src/cli/run-with-code-cache.cts'))});`,
  "process.stderr.write(runWithCodeCache(process.argv[2]) + '\\n');",
].join('\n'));

/** Runs the bundle through runWithCodeCache: what it printed, and what it made of the cache. */
const run = (env: Record<string, string> = {}) => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', runner, bundle], { cwd: ROOT, encoding: 'utf8', timeout: 30_000, env: { ...process.env, ...env } });
  expect(r.status).toBe(0);
  return { printed: r.stdout, cache: r.stderr.trim() };
};

describe('runWithCodeCache', () => {
  it('runs a bundle with no cache as require() would, and writes the cache only when asked', () => {
    writeFileSync(bundle, text);
    expect(run()).toEqual({ printed: 'hello from bundle.cjs and a module beside it\n', cache: 'absent' });
    expect(() => readFileSync(cache)).toThrow();
    expect(run({ STEPPENET_WRITE_CODE_CACHE: '1' })).toEqual({ printed: 'hello from bundle.cjs and a module beside it\n', cache: 'absent' });
    expect(readFileSync(cache).length).toBeGreaterThan(32);
  });

  it('compiles from the cache made from this very text', () => {
    expect(run()).toEqual({ printed: 'hello from bundle.cjs and a module beside it\n', cache: 'used' });
  });

  it('never uses a cache made from another text, even of the same length (V8 checks only the length)', () => {
    writeFileSync(bundle, text.replace("'hello from '", "'HELLO FROM '"));
    expect(run()).toEqual({ printed: 'HELLO FROM bundle.cjs and a module beside it\n', cache: 'stale' });
  });

  it('runs as usual when V8 rejects the data (another Node.js, or damaged)', () => {
    writeFileSync(bundle, text);
    run({ STEPPENET_WRITE_CODE_CACHE: '1' });
    const data = readFileSync(cache);
    for (let i = 40; i < data.length; i += 7) data[i] ^= 0xff;
    writeFileSync(cache, data);
    expect(run()).toEqual({ printed: 'hello from bundle.cjs and a module beside it\n', cache: 'rejected by V8' });
  });
});

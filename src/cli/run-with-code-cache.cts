import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire, wrap } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

/** What runWithCodeCache made of the bundle's code cache. */
export type CodeCacheUse = 'used' | 'rejected by V8' | 'stale' | 'absent';

/** The code cache of a CommonJS bundle: the SHA-256 of the bundle's text it was made from (32 bytes), then V8's data. */
export const codeCacheFile = (bundle: string): string => `${bundle}.v8-cache`;

/**
 * Runs a CommonJS bundle as Node's require() would, but compiled from V8's
 * code cache when `codeCacheFile(bundle)` holds one made from this very text:
 * V8 then skips parsing and compiling the functions the cache holds (Node 22
 * does this itself with module.enableCompileCache(); Node 20 has no such API).
 * V8 checks its own version and flags and rejects a cache that does not fit,
 * but not the text (a same-length edit would pass), hence the digest. With
 * STEPPENET_WRITE_CODE_CACHE=1 in the environment it writes the cache at exit,
 * holding every function compiled by then: the build runs a route this way
 * (scripts/write-code-cache.mjs).
 */
export function runWithCodeCache(bundle: string): CodeCacheUse {
  const text = readFileSync(bundle, 'utf8');
  const digest = createHash('sha256').update(text).digest();
  let cache: Buffer | undefined;
  try {
    cache = readFileSync(codeCacheFile(bundle));
  } catch {
    cache = undefined;
  }
  const fresh = cache !== undefined && cache.subarray(0, digest.length).equals(digest);
  const script = new Script(wrap(text), { filename: bundle, cachedData: fresh ? cache!.subarray(digest.length) : undefined });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  if (process.env.STEPPENET_WRITE_CODE_CACHE === '1') {
    process.once('exit', () => writeFileSync(codeCacheFile(bundle), Buffer.concat([digest, script.createCachedData()])));
  }
  return cache === undefined ? 'absent' : !fresh ? 'stale' : script.cachedDataRejected ? 'rejected by V8' : 'used';
}

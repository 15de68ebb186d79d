// How the fuzz suite is seeded and how long it runs.
//
// Every property runs with a fixed seed, so a failure in CI reproduces on any
// machine. fast-check prints the failing case with `{ seed, path }`; to replay
// exactly that case:
//   FUZZ_SEED=<seed> FUZZ_PATH=<path> npx vitest run tests/fuzz/<file>.test.ts
// To search longer or elsewhere (not in CI):
//   FUZZ_RUNS=10000 FUZZ_SEED=$RANDOM npx vitest run tests/fuzz
// FUZZ_RUNS replaces each property's own number of runs (chosen so that the
// whole suite adds well under a minute to `npm test`); a long run may also
// need a longer timeout: FUZZ_RUNS sets it in proportion (see `fuzzTimeout`).
import type { Parameters } from 'fast-check';

/** The seed of every property unless FUZZ_SEED says otherwise. */
const DEFAULT_SEED = 17;

function envInteger(name: string): number | undefined {
  const text = process.env[name];
  if (text === undefined || text === '') return undefined;
  const n = Number(text);
  if (!Number.isInteger(n)) throw new Error(`${name} must be an integer, got "${text}"`);
  return n;
}

/** fast-check parameters for a property that runs `runs` cases by default. */
export function fuzzParameters<T>(runs: number): Parameters<T> {
  const seed = envInteger('FUZZ_SEED') ?? DEFAULT_SEED;
  const path = process.env.FUZZ_PATH || undefined;
  return { seed, numRuns: envInteger('FUZZ_RUNS') ?? runs, ...(path ? { path, endOnFailure: true } : {}) };
}

/** A vitest timeout for a property whose default runs take about `defaultMs`, scaled by FUZZ_RUNS. */
export function fuzzTimeout(runs: number, defaultMs: number): number {
  const wanted = envInteger('FUZZ_RUNS') ?? runs;
  return Math.max(60_000, Math.ceil((defaultMs * 3 * wanted) / runs));
}

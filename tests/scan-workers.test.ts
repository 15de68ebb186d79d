// Scans and batches on worker threads (issue 16 item 6): with 2 workers the
// result must equal the one-thread result exactly (same links or areas, same
// figures to the last bit, same order), on the bundled network and on a drawn
// one; an error in a worker comes back as its own class; aborting terminates
// the workers. The workers run the TypeScript sources here (through tsx's
// loader), the built dist/ in the CLI: src/analysis/scan-pool.ts finds either.
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { areaCriticality, areaCriticalityAsync } from '../src/analysis/area-criticality.js';
import { routeBatch, routeBatchAsync, type BatchQuery } from '../src/analysis/batch-routes.js';
import { linkCriticality, linkCriticalityAsync } from '../src/analysis/link-criticality.js';
import { networkData, runScanPool } from '../src/analysis/scan-pool.js';
import { criticalCommand } from '../src/cli/commands/critical.js';
import { InputError, InternalError } from '../src/errors/steppenet-error.js';
import { loadNetwork } from '../src/model/load-network.js';
import { CompileOptionError } from '../src/routing/compile-network.js';
import { parseDrawnNetwork } from './fixtures/parse-drawn-network.js';
import { runCommand } from './fixtures/run-command.js';

const network = loadNetwork();
/** Bit for bit: JSON keeps every double's shortest exact form, and the order of every list and key. */
const exact = (x: unknown) => JSON.stringify(x);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('scans on 2 worker threads equal the scan in one', () => {
  it('the single-link scan of the bundled network, with progress for every link once', async () => {
    const whole = linkCriticality(network);
    const seen: string[] = [];
    const counts: number[] = [];
    const parallel = await linkCriticalityAsync(network, {
      workers: 2,
      onProgress: (done, total, link) => {
        expect(total).toBe(whole.ranking.length);
        counts.push(done);
        seen.push(link);
      },
    });
    expect(parallel).toEqual(whole);
    expect(exact(parallel)).toBe(exact(whole));
    expect(counts).toEqual(whole.ranking.map((_, i) => i + 1));
    expect(seen.sort()).toEqual(whole.ranking.map((r) => r.link).sort());
  });

  it('a shard of the link scan, on 2 workers, equals the shard scanned in one thread', async () => {
    const options = { modes: ['road' as const], by: 'distance' as const, shard: { index: 1, count: 3 } };
    const shard = linkCriticality(network, options);
    expect(shard.ranking.length).toBeGreaterThan(50);
    expect(exact(await linkCriticalityAsync(network, { ...options, workers: 2 }))).toBe(exact(shard));
  });

  it('the area scan by region of the bundled network', async () => {
    const whole = areaCriticality(network, { areas: 'regions' });
    expect(whole.ranking.length).toBeGreaterThan(40);
    expect(exact(await areaCriticalityAsync(network, { areas: 'regions', workers: 2 }))).toBe(exact(whole));
  });

  it('batch routing: every answer, bad rows and scenarios included, in row order, with the same network', async () => {
    const cities = network.regionCentres().map((p) => p.properties.name);
    const queries: BatchQuery[] = cities.flatMap((from, i) => cities.slice(i + 1, i + 4).map((to) => ({ from, to })));
    queries.push(
      { from: 'Omsk', to: 'Nowhere-on-earth' },
      { from: 'Omsk', to: 'Pavlodar', mode: 'rail' },
      { from: 'Omsk', to: 'Pavlodar', scenario: 'historical' },
      { from: 'Omsk', to: 'Pavlodar', mode: 'plane' },
      { from: 'Omsk', to: 'Astana', by: 'cost', freight: 'bilateral' },
    );
    queries.forEach((q, i) => (q.line = i + 2));
    const one = routeBatch(network, queries);
    const two = await routeBatchAsync(network, queries, { workers: 2 });
    expect(two.routers).toBe(one.routers);
    expect(two.answers.map((a) => a.query)).toEqual(queries);
    expect(exact(two.answers.map(({ route, error }) => ({ route, error })))).toBe(exact(one.answers.map(({ route, error }) => ({ route, error }))));
    // The network each answer's links are in: the same object as routeBatch's (one per scenario).
    two.answers.forEach((a, i) => expect(a.network).toBe(one.answers[i].network));
    expect(two.answers.filter((a) => a.error).map((a) => a.error!.code)).toEqual(['UNKNOWN_PLACE', 'INVALID_ARGUMENT']);
  });

  // Four regions; the only way from west to east beyond B–E is the long road by H and K.
  const drawn = loadNetwork(parseDrawnNetwork`
    h-----------------------k
    |                       |
    a-------b-------c       |
    |       |       |       |
    d-------e-------f-------+
            |
            g

    | place | region |
    | h     | North  |
    | k     | North  |
    | a     | West   |
    | d     | West   |
    | b     | Middle |
    | e     | Middle |
    | c     | East   |
    | f     | East   |
    | g     | South  |

    | link | hours | mode |
    | ha   | 1     | road |
    | hk   | 8     | road |
    | kf   | 2     | road |
    | ab   | 1     | road |
    | bc   | 1     | road |
    | ad   | 3     | road |
    | be   | 2     | road |
    | cf   | 2     | road |
    | de   | 1     | road |
    | ef   | 1     | road |
    | eg   | 2     | road |
  `, { checkCountries: false });
  const places = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'k'];
  const ods = places.flatMap((from, i) => places.filter((to) => to !== from).map((to, j) => ({ from, to, demand: 1 + ((i + j) % 3) })));

  it('a drawn network: the link scan, and the area scan by grid cell', async () => {
    const links = linkCriticality(drawn, { ods });
    // A–D and B–E are on the way of many pairs; E–G cuts G off: worth checking that there is something to rank.
    expect(links.ranking[0]).toMatchObject({ link: 'e-g', disconnectedPairs: 16 });
    expect(exact(await linkCriticalityAsync(drawn, { ods, workers: 2 }))).toBe(exact(links));
    const cells = areaCriticality(drawn, { ods, areas: { grid: 0.02 } });
    expect(cells.ranking.length).toBeGreaterThan(4);
    expect(exact(await areaCriticalityAsync(drawn, { ods, areas: { grid: 0.02 }, workers: 2 }))).toBe(exact(cells));
  });

  it('the command line: critical --workers 2 prints what --workers 1 prints', async () => {
    const argv = ['--mode', 'road', '--by-region', '--format', 'csv'];
    const one = await runCommand(criticalCommand, [...argv, '--workers', '1']);
    const two = await runCommand(criticalCommand, [...argv, '--workers', '2']);
    expect([two.code, two.out]).toEqual([0, one.out]);
  });
});

describe('workers: errors and abort', () => {
  it('an error thrown in a worker comes back as its own class, code and fields', async () => {
    // The scans check options in this thread first; the pool's own job reaches a worker unchecked.
    const job = { kind: 'links' as const, network: networkData(network), payload: { options: { by: 'speed' }, ods: [{ from: 'omsk', to: 'pavlodar', demand: 1 }], all: [] } };
    const error = await runScanPool(job, { workers: 2, shards: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CompileOptionError);
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ code: 'INVALID_ARGUMENT', option: 'by', name: 'CompileOptionError', message: expect.stringMatching(/^compileNetwork: options\.by is "speed"/) });
    // A plain bug (a link that is not there) comes back as an InternalError with the worker's stack.
    const bug = await runScanPool({ ...job, payload: { ...job.payload, options: {}, all: ['no-such-link'] } }, { workers: 1, shards: 1 }).catch((e: unknown) => e);
    expect(bug).toBeInstanceOf(InternalError);
    expect(bug).toMatchObject({ code: 'INTERNAL', name: 'TypeError' });
    expect((bug as Error).stack).toMatch(/link-criticality/);
  });

  it('a bad option is the caller\'s error, named before any worker starts', async () => {
    const spy = vi.spyOn(Worker.prototype, 'postMessage');
    await expect(linkCriticalityAsync(network, { workers: 2, by: 'speed' as never })).rejects.toThrow(CompileOptionError);
    await expect(linkCriticalityAsync(network, { workers: 0 })).rejects.toThrow(/option workers must be a whole number from 1 to 64 or 'auto', got 0/);
    await expect(areaCriticalityAsync(network, { workers: 2, areas: { grid: 0 } })).rejects.toThrow(InputError);
    expect(spy).not.toHaveBeenCalled();
  });

  it('abort terminates every worker and rejects with the signal\'s reason', async () => {
    const terminate = vi.spyOn(Worker.prototype, 'terminate');
    const controller = new AbortController();
    const reason = new Error('enough');
    let done = 0;
    const scan = linkCriticalityAsync(network, {
      workers: 2,
      signal: controller.signal,
      onProgress: (n) => {
        done = n;
        if (n === 10) controller.abort(reason);
      },
    });
    await expect(scan).rejects.toBe(reason);
    expect(done).toBeLessThan(network.links.length / 2);
    expect(terminate).toHaveBeenCalledTimes(2);
  });
});

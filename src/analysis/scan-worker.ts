/**
 * The worker thread of a scan pool (./scan-pool.ts): rebuilds the network
 * from the data it was sent (already valid: no second validation), sets the
 * scan up once, then scores each shard the pool sends and posts its result;
 * every item done is posted as progress, every error as data to revive.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { Network } from '../model/network.js';
import { areaShardScanner, type AreaScanPayload } from './area-criticality.js';
import { batchShardRouter, type BatchPayload } from './batch-routes.js';
import { linkShardScanner, type LinkScanPayload } from './link-criticality.js';
import type { FromWorker, ScanJob, ToWorker } from './scan-pool.js';
import type { Shard } from './shards.js';
import { serializeWorkerError } from './worker-errors.js';

function setUp(job: ScanJob): (shard: Shard, onItem: (id: string) => void) => unknown {
  const { file, name, scenario, validation } = job.network;
  const network = new Network(file, name, scenario, validation);
  switch (job.kind) {
    case 'links': return linkShardScanner(network, job.payload as LinkScanPayload);
    case 'areas': return areaShardScanner(network, job.payload as AreaScanPayload);
    case 'batch': return batchShardRouter(network, job.payload as BatchPayload);
  }
}

function serve(port: MessagePort): void {
  const post = (message: FromWorker) => port.postMessage(message);
  try {
    const scan = setUp(workerData as ScanJob);
    port.on('message', (m: ToWorker) => {
      try {
        const result = scan({ index: m.index, count: m.count }, (id) => post({ type: 'item', id }));
        post({ type: 'done', index: m.index, result });
      } catch (e) {
        post({ type: 'error', error: serializeWorkerError(e) });
      }
    });
    post({ type: 'ready' });
  } catch (e) {
    post({ type: 'error', error: serializeWorkerError(e) });
  }
}

// Imported outside a worker thread (a test importing every module), it does nothing.
if (parentPort) serve(parentPort);

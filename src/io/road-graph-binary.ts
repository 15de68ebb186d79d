/**
 * Loader for the road graphs of the ngraph.path demo (OpenStreetMap extracts of
 * Amsterdam, Seattle, Rome, Delhi, Moscow; see /work/shared/data/osm-roads/README.md).
 *
 * Format: two headerless files of little-endian int32.
 * - `<city>-roads.co.bin`: `x0, y0, x1, y1, …` — one (x, y) pair per node; node id =
 *   pair index, 0-based. Planar coordinates (units differ between cities).
 * - `<city>-roads.gr.bin`: `from, to, from, to, …` — one undirected edge per pair;
 *   node ids are **1-based** (the demo subtracts 1).
 *
 * The files carry no weights and no one-way information. Like ngraph.path's demo
 * and benchmark, the weight of an edge is the Euclidean distance between its
 * endpoints, and the same distance is an admissible A* bound, so the graph gets
 * `bound: 'euclidean'`, `boundScale: 1`. Every record becomes two directed edges
 * (from→to and to→from), both with `edgeRef` = the record index.
 *
 * Either file may be gzip-compressed (`.gz` suffix); `loadRoadGraphBinary`
 * gunzips it transparently.
 */
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { buildRoutingGraph, type RoutingGraph } from '../core/routing-graph.js';
import type { ErrorCode } from '../errors/error-codes.js';
import { DataError } from '../errors/steppenet-error.js';

/** A malformed road graph file; names the file and, when there is one, the record. */
export class RoadGraphFormatError extends DataError {
  static override readonly code: ErrorCode = 'INVALID_FILE';
  constructor(
    readonly file: string,
    /** Index of the bad record (node pair in .co, edge pair in .gr); -1 for the file as a whole. */
    readonly record: number,
    detail: string,
  ) {
    super(`parseRoadGraphBinary: ${file}${record >= 0 ? ` record ${record}` : ''}: ${detail}`);
  }
}

/** Names used in error messages; `loadRoadGraphBinary` passes the file paths. */
export interface RoadGraphFileNames {
  co: string;
  gr: string;
}

const RECORD_BYTES = 8; // two int32 per node and per edge

/**
 * Decodes the two binaries into a RoutingGraph. Rejects files whose length is
 * not a whole number of records, and edges whose endpoints are outside 1..n.
 */
export function parseRoadGraphBinary(
  co: Uint8Array,
  gr: Uint8Array,
  names: RoadGraphFileNames = { co: '.co.bin', gr: '.gr.bin' },
): RoutingGraph {
  if (co.byteLength % RECORD_BYTES !== 0) {
    throw new RoadGraphFormatError(
      names.co,
      Math.floor(co.byteLength / RECORD_BYTES),
      `length ${co.byteLength} bytes is not a multiple of ${RECORD_BYTES} (x, y int32 pairs); the last record is truncated`,
    );
  }
  if (gr.byteLength % RECORD_BYTES !== 0) {
    throw new RoadGraphFormatError(
      names.gr,
      Math.floor(gr.byteLength / RECORD_BYTES),
      `length ${gr.byteLength} bytes is not a multiple of ${RECORD_BYTES} (from, to int32 pairs); the last record is truncated`,
    );
  }
  // DataView: the bytes may sit at any offset and the host may be big-endian.
  const coView = new DataView(co.buffer, co.byteOffset, co.byteLength);
  const grView = new DataView(gr.buffer, gr.byteOffset, gr.byteLength);
  const n = co.byteLength / RECORD_BYTES;
  const records = gr.byteLength / RECORD_BYTES;

  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    x[v] = coView.getInt32(v * RECORD_BYTES, true);
    y[v] = coView.getInt32(v * RECORD_BYTES + 4, true);
  }

  const from = new Uint32Array(2 * records);
  const to = new Uint32Array(2 * records);
  const weight = new Float64Array(2 * records);
  const ref = new Int32Array(2 * records);
  for (let r = 0; r < records; r++) {
    const a = grView.getInt32(r * RECORD_BYTES, true);
    const b = grView.getInt32(r * RECORD_BYTES + 4, true);
    if (a < 1 || a > n || b < 1 || b > n) {
      throw new RoadGraphFormatError(
        names.gr,
        r,
        `edge ${a} - ${b} has a node id outside 1..${n} (ids are 1-based; ${names.co} has ${n} nodes)`,
      );
    }
    const u = a - 1;
    const v = b - 1;
    const dx = x[u] - x[v];
    const dy = y[u] - y[v];
    const w = Math.sqrt(dx * dx + dy * dy);
    from[2 * r] = u;
    to[2 * r] = v;
    from[2 * r + 1] = v;
    to[2 * r + 1] = u;
    weight[2 * r] = w;
    weight[2 * r + 1] = w;
    ref[2 * r] = r;
    ref[2 * r + 1] = r;
  }
  return buildRoutingGraph({ nodeCount: n, from, to, weight, ref, x, y, bound: 'euclidean', boundScale: 1 });
}

async function readMaybeGzipped(path: string): Promise<Uint8Array> {
  const bytes = await readFile(path);
  if (!path.endsWith('.gz')) return bytes;
  try {
    return gunzipSync(bytes);
  } catch (error) {
    throw new RoadGraphFormatError(path, -1, `cannot gunzip: ${(error as Error).message}`);
  }
}

/** Reads `<name>.co.bin[.gz]` and `<name>.gr.bin[.gz]` and parses them (see `parseRoadGraphBinary`). */
export async function loadRoadGraphBinary(coPath: string, grPath: string): Promise<RoutingGraph> {
  const [co, gr] = await Promise.all([readMaybeGzipped(coPath), readMaybeGzipped(grPath)]);
  return parseRoadGraphBinary(co, gr, { co: coPath, gr: grPath });
}

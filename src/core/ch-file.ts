/**
 * Saving a contraction hierarchy to a binary file and loading it back, so the
 * preprocessing runs once per graph rather than once per process.
 *
 * Layout (all little-endian):
 * ```
 * offset  size  field
 *      0     8  magic "STPNCH\0\0"
 *      8     4  version (uint32, currently 2)
 *     12     4  nodeCount
 *     16     4  edgeCount (of the input graph)
 *     20     4  graphFingerprint
 *     24     4  upArcCount
 *     28     4  downArcCount
 *     32     4  shortcutCount
 *     36     4  reserved (0)
 *     40        arrays, in this order, each padded to a multiple of 8 bytes:
 *               rank, nodeOfRank (uint32 × n); upFirst (uint32 × n+1);
 *               upHead (uint32), upWeight (float64), upArc (uint32) × upArcCount;
 *               downFirst (uint32 × n+1);
 *               downTail (uint32), downWeight (float64), downArc (uint32) × downArcCount;
 *               shortcutHalves (uint32 × 2·shortcutCount: first, second, first, …)
 *   end−4     4  CRC-32 (IEEE) of every byte before it
 * ```
 * The graph's fingerprint is the header's nodeCount, edgeCount and
 * graphFingerprint (an FNV-1a hash of the graph's firstOut, head and weight).
 *
 * Loading checks the magic, version, reserved field, that the file length
 * matches the counts exactly and the checksum — so a flipped bit or a zeroed
 * weight anywhere in the file is refused with a HierarchyFileError before any
 * array is read — then the contents a query relies on: ranks form a
 * permutation, the CSR offsets are monotone, arcs go upward, arc ids are in
 * range and every shortcut only refers to earlier arcs (so unpacking ends).
 * With a graph, it also checks the hierarchy was built for that graph.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { type ContractionHierarchy, graphFingerprint } from './contraction-hierarchy.js';
import type { RoutingGraph } from './routing-graph.js';
import type { ErrorCode } from '../errors/error-codes.js';
import { DataError } from '../errors/steppenet-error.js';

const MAGIC = 'STPNCH\0\0';
export const CH_FILE_VERSION = 2;
const TRAILER_BYTES = 4;
const HEADER_BYTES = 40;

/** A hierarchy file that is not one, is damaged, or belongs to another graph. */
export class HierarchyFileError extends DataError {
  static override readonly code: ErrorCode = 'INVALID_FILE';
  constructor(
    readonly functionName: string,
    readonly source: string,
    detail: string,
  ) {
    super(`${functionName}: ${source}: ${detail}`);
  }
}

function padded(bytes: number): number {
  return Math.ceil(bytes / 8) * 8;
}

interface Section {
  name: keyof ContractionHierarchy;
  kind: 'u32' | 'f64';
  length: number;
}

function sections(n: number, up: number, down: number, shortcuts: number): Section[] {
  return [
    { name: 'rank', kind: 'u32', length: n },
    { name: 'nodeOfRank', kind: 'u32', length: n },
    { name: 'upFirst', kind: 'u32', length: n + 1 },
    { name: 'upHead', kind: 'u32', length: up },
    { name: 'upWeight', kind: 'f64', length: up },
    { name: 'upArc', kind: 'u32', length: up },
    { name: 'downFirst', kind: 'u32', length: n + 1 },
    { name: 'downTail', kind: 'u32', length: down },
    { name: 'downWeight', kind: 'f64', length: down },
    { name: 'downArc', kind: 'u32', length: down },
    { name: 'shortcutHalves', kind: 'u32', length: 2 * shortcuts },
  ];
}

function sectionBytes(section: Section): number {
  return section.length * (section.kind === 'f64' ? 8 : 4);
}

let crcTable: Int32Array | undefined;

/** CRC-32 (IEEE 802.3, as zlib's crc32) of bytes[start, end). Detects every single-bit and every burst error up to 32 bits. */
export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let table = crcTable;
  if (table === undefined) {
    table = new Int32Array(256);
    for (let i = 0; i < 256; i++) {
      let c = i;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[i] = c;
    }
    crcTable = table;
  }
  let crc = -1;
  for (let i = start; i < end; i++) crc = table[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

/** The hierarchy as bytes in the file layout above. */
export function serializeContractionHierarchy(ch: ContractionHierarchy): Uint8Array {
  const shortcuts = ch.shortcutHalves.length >>> 1;
  const list = sections(ch.nodeCount, ch.upHead.length, ch.downTail.length, shortcuts);
  let total = HEADER_BYTES + TRAILER_BYTES;
  for (const s of list) total += padded(sectionBytes(s));
  const bytes = new Uint8Array(total);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < MAGIC.length; i++) bytes[i] = MAGIC.charCodeAt(i);
  view.setUint32(8, CH_FILE_VERSION, true);
  view.setUint32(12, ch.nodeCount, true);
  view.setUint32(16, ch.edgeCount, true);
  view.setUint32(20, ch.graphFingerprint, true);
  view.setUint32(24, ch.upHead.length, true);
  view.setUint32(28, ch.downTail.length, true);
  view.setUint32(32, shortcuts, true);
  view.setUint32(36, 0, true);
  let offset = HEADER_BYTES;
  for (const s of list) {
    const array = ch[s.name] as Uint32Array | Float64Array;
    if (s.kind === 'u32') for (let i = 0; i < s.length; i++) view.setUint32(offset + 4 * i, array[i], true);
    else for (let i = 0; i < s.length; i++) view.setFloat64(offset + 8 * i, array[i], true);
    offset += padded(sectionBytes(s));
  }
  view.setUint32(offset, crc32(bytes, 0, offset), true);
  return bytes;
}

/**
 * Reads a hierarchy from bytes (see the layout above). `source` names the
 * bytes in errors; with `graph`, the hierarchy must have been built for it.
 */
export function deserializeContractionHierarchy(
  bytes: Uint8Array,
  source = 'bytes',
  graph?: RoutingGraph,
): ContractionHierarchy {
  const fail = (detail: string): never => {
    throw new HierarchyFileError('loadContractionHierarchy', source, detail);
  };
  if (bytes.byteLength < HEADER_BYTES) fail(`${bytes.byteLength} bytes is shorter than the ${HEADER_BYTES}-byte header`);
  for (let i = 0; i < MAGIC.length; i++) {
    if (bytes[i] !== MAGIC.charCodeAt(i)) fail('bad magic: not a steppenet contraction hierarchy file');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(8, true);
  if (version !== CH_FILE_VERSION) fail(`version ${version}; this code reads version ${CH_FILE_VERSION}`);
  const n = view.getUint32(12, true);
  const edgeCount = view.getUint32(16, true);
  const fingerprint = view.getUint32(20, true);
  const up = view.getUint32(24, true);
  const down = view.getUint32(28, true);
  const shortcuts = view.getUint32(32, true);
  if (view.getUint32(36, true) !== 0) fail('reserved header field is not 0');
  const list = sections(n, up, down, shortcuts);
  let expected = HEADER_BYTES + TRAILER_BYTES;
  for (const s of list) expected += padded(sectionBytes(s));
  if (bytes.byteLength !== expected) {
    fail(`${bytes.byteLength} bytes, but the header's counts (n ${n}, up ${up}, down ${down}, shortcuts ${shortcuts}) need ${expected}`);
  }
  const payloadEnd = expected - TRAILER_BYTES;
  const stored = view.getUint32(payloadEnd, true);
  const actualCrc = crc32(bytes, 0, payloadEnd);
  if (stored !== actualCrc) {
    fail(`checksum mismatch (stored CRC-32 ${stored.toString(16)}, contents give ${actualCrc.toString(16)}): the file is damaged`);
  }
  if (graph !== undefined) {
    if (graph.nodeCount !== n || graph.edgeCount !== edgeCount) {
      fail(`built for ${n} nodes / ${edgeCount} edges; the graph has ${graph.nodeCount} / ${graph.edgeCount}`);
    }
    const actual = graphFingerprint(graph);
    if (actual !== fingerprint) fail(`built for graph fingerprint ${fingerprint}; this graph's is ${actual}`);
  }

  const arrays: Partial<Record<keyof ContractionHierarchy, Uint32Array | Float64Array>> = {};
  let offset = HEADER_BYTES;
  for (const s of list) {
    if (s.kind === 'u32') {
      const array = new Uint32Array(s.length);
      for (let i = 0; i < s.length; i++) array[i] = view.getUint32(offset + 4 * i, true);
      arrays[s.name] = array;
    } else {
      const array = new Float64Array(s.length);
      for (let i = 0; i < s.length; i++) array[i] = view.getFloat64(offset + 8 * i, true);
      arrays[s.name] = array;
    }
    offset += padded(sectionBytes(s));
  }
  const ch: ContractionHierarchy = {
    nodeCount: n,
    edgeCount,
    graphFingerprint: fingerprint,
    rank: arrays.rank as Uint32Array,
    nodeOfRank: arrays.nodeOfRank as Uint32Array,
    upFirst: arrays.upFirst as Uint32Array,
    upHead: arrays.upHead as Uint32Array,
    upWeight: arrays.upWeight as Float64Array,
    upArc: arrays.upArc as Uint32Array,
    downFirst: arrays.downFirst as Uint32Array,
    downTail: arrays.downTail as Uint32Array,
    downWeight: arrays.downWeight as Float64Array,
    downArc: arrays.downArc as Uint32Array,
    shortcutHalves: arrays.shortcutHalves as Uint32Array,
  };
  validateContents(ch, fail);
  return ch;
}

/** The invariants the query relies on to stay in bounds and terminate. */
function validateContents(ch: ContractionHierarchy, fail: (detail: string) => never): void {
  const n = ch.nodeCount;
  const shortcuts = ch.shortcutHalves.length >>> 1;
  const arcLimit = ch.edgeCount + shortcuts;
  for (let v = 0; v < n; v++) {
    const r = ch.rank[v];
    if (r >= n || ch.nodeOfRank[r] !== v) fail(`rank[${v}] = ${r} is not the inverse of nodeOfRank`);
  }
  const checkSide = (name: string, first: Uint32Array, ends: Uint32Array, weights: Float64Array, arcs: Uint32Array): void => {
    if (first[0] !== 0 || first[n] !== ends.length) fail(`${name}First does not span its ${ends.length} arcs`);
    for (let r = 0; r < n; r++) {
      if (first[r] > first[r + 1]) fail(`${name}First is not monotone at rank ${r}`);
      for (let p = first[r]; p < first[r + 1]; p++) {
        if (!(ends[p] > r && ends[p] < n)) fail(`${name} arc ${p} of rank ${r} does not lead to a higher rank`);
        if (!(weights[p] >= 0 && Number.isFinite(weights[p]))) fail(`${name} arc ${p} has weight ${weights[p]}`);
        if (arcs[p] >= arcLimit) fail(`${name} arc ${p} has arc id ${arcs[p]} beyond ${arcLimit - 1}`);
      }
    }
  };
  checkSide('up', ch.upFirst, ch.upHead, ch.upWeight, ch.upArc);
  checkSide('down', ch.downFirst, ch.downTail, ch.downWeight, ch.downArc);
  for (let s = 0; s < shortcuts; s++) {
    const own = ch.edgeCount + s;
    if (ch.shortcutHalves[2 * s] >= own || ch.shortcutHalves[2 * s + 1] >= own) {
      fail(`shortcut ${s} refers to an arc that is not older than itself (unpacking would not end)`);
    }
  }
}

/** Writes the hierarchy to `path` (see the layout above). */
export async function saveContractionHierarchy(ch: ContractionHierarchy, path: string): Promise<void> {
  await writeFile(path, serializeContractionHierarchy(ch));
}

/** Reads and validates a hierarchy file; with `graph`, also checks it was built for that graph. */
export async function loadContractionHierarchy(path: string, graph?: RoutingGraph): Promise<ContractionHierarchy> {
  return deserializeContractionHierarchy(await readFile(path), path, graph);
}

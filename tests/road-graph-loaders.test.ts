import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DimacsFormatError, parseDimacs } from '../src/io/dimacs.js';
import { loadRoadGraphBinary, parseRoadGraphBinary, RoadGraphFormatError } from '../src/io/road-graph-binary.js';
import type { RoutingGraph } from '../src/core/routing-graph.js';

/** Little-endian int32 bytes, written byte by byte so the test does not depend on the host's endianness. */
function int32Bytes(values: number[]): Uint8Array {
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  values.forEach((v, i) => view.setInt32(i * 4, v, true));
  return bytes;
}

/** Every directed edge as "tail->head:weight@ref", sorted, so tests do not depend on CSR order. */
function edgeSet(graph: RoutingGraph): string[] {
  const out: string[] = [];
  for (let e = 0; e < graph.edgeCount; e++) {
    out.push(`${graph.tail[e]}->${graph.head[e]}:${graph.weight[e]}@${graph.edgeRef[e]}`);
  }
  return out.sort();
}

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

// The ngraph.path demo format. Three nodes (0-based in .co):
//
//   node 1 (3,4)
//     |  \
//     |   \ 5 (3-4-5 triangle)
//   4 |    \
//     |     node 0 (0,0)
//   node 2 (3,0)
//
// .gr records (1-BASED): record 0 = 1-2 (nodes 0,1: length 5), record 1 = 2-3 (nodes 1,2: length 4).
const CO = [0, 0, 3, 4, 3, 0];
const GR = [1, 2, 2, 3];

describe('parseRoadGraphBinary', () => {
  it('decodes coordinates, turns 1-based undirected records into two directed Euclidean edges each', () => {
    const g = parseRoadGraphBinary(int32Bytes(CO), int32Bytes(GR));
    expect(g.nodeCount).toBe(3);
    expect(g.edgeCount).toBe(4);
    expect(Array.from(g.x!)).toEqual([0, 3, 3]);
    expect(Array.from(g.y!)).toEqual([0, 4, 0]);
    expect(g.bound).toBe('euclidean');
    expect(g.boundScale).toBe(1);
    expect(edgeSet(g)).toEqual(['0->1:5@0', '1->0:5@0', '1->2:4@1', '2->1:4@1'].sort());
  });

  it('reads bytes that do not start on a 4-byte boundary, and negative coordinates', () => {
    const co = int32Bytes([-7, 2, 5, -1]);
    const shifted = new Uint8Array(co.length + 1);
    shifted.set(co, 1);
    const g = parseRoadGraphBinary(shifted.subarray(1), int32Bytes([2, 1]));
    expect(Array.from(g.x!)).toEqual([-7, 5]);
    expect(Array.from(g.y!)).toEqual([2, -1]);
    // (−7,2) to (5,−1): √(144 + 9)
    expect(g.weight[0]).toBeCloseTo(Math.sqrt(153), 12);
  });

  it('rejects a .co file with a truncated record, naming the file and record', () => {
    const error = catchError(() => parseRoadGraphBinary(int32Bytes(CO).subarray(0, 22), int32Bytes(GR), { co: 'x.co.bin', gr: 'x.gr.bin' }));
    expect(error).toBeInstanceOf(RoadGraphFormatError);
    expect((error as RoadGraphFormatError).file).toBe('x.co.bin');
    expect((error as RoadGraphFormatError).record).toBe(2);
    expect((error as Error).message).toMatch(/x\.co\.bin record 2/);
  });

  it('rejects a .gr file with an odd number of ids', () => {
    const error = catchError(() => parseRoadGraphBinary(int32Bytes(CO), int32Bytes([1, 2, 3]), { co: 'a', gr: 'b.gr.bin' }));
    expect(error).toBeInstanceOf(RoadGraphFormatError);
    expect((error as RoadGraphFormatError).file).toBe('b.gr.bin');
    expect((error as RoadGraphFormatError).record).toBe(1);
  });

  it('rejects 0 and n+1 as node ids (the ids are 1-based), naming the record', () => {
    const zero = catchError(() => parseRoadGraphBinary(int32Bytes(CO), int32Bytes([1, 2, 0, 3])));
    expect(zero).toBeInstanceOf(RoadGraphFormatError);
    expect((zero as RoadGraphFormatError).record).toBe(1);
    expect((zero as Error).message).toMatch(/outside 1\.\.3/);
    const beyond = catchError(() => parseRoadGraphBinary(int32Bytes(CO), int32Bytes([1, 4])));
    expect((beyond as RoadGraphFormatError).record).toBe(0);
  });

  it('loads plain and gzipped files from disk, and names the path of a broken gzip', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'steppenet-roads-'));
    writeFileSync(join(dir, 't.co.bin'), int32Bytes(CO));
    writeFileSync(join(dir, 't.gr.bin'), int32Bytes(GR));
    writeFileSync(join(dir, 't.co.bin.gz'), gzipSync(int32Bytes(CO)));
    writeFileSync(join(dir, 't.gr.bin.gz'), gzipSync(int32Bytes(GR)));
    const plain = await loadRoadGraphBinary(join(dir, 't.co.bin'), join(dir, 't.gr.bin'));
    const zipped = await loadRoadGraphBinary(join(dir, 't.co.bin.gz'), join(dir, 't.gr.bin.gz'));
    expect(edgeSet(zipped)).toEqual(edgeSet(plain));
    expect(edgeSet(plain)).toHaveLength(4);

    writeFileSync(join(dir, 'bad.gr.bin.gz'), int32Bytes(GR)); // not gzip at all
    await expect(loadRoadGraphBinary(join(dir, 't.co.bin'), join(dir, 'bad.gr.bin.gz'))).rejects.toThrow(/bad\.gr\.bin\.gz.*cannot gunzip/);
    writeFileSync(join(dir, 'short.gr.bin'), int32Bytes([1, 2, 9, 1]));
    await expect(loadRoadGraphBinary(join(dir, 't.co.bin'), join(dir, 'short.gr.bin'))).rejects.toThrow(/short\.gr\.bin record 1/);
  });
});

// DIMACS: a directed 4-node graph; 1→2 is one-way, 2↔3 both ways with different weights.
//
//   1 ──7──▶ 2 ◀──2──▶ 3 ──1──▶ 4      (2→3 weighs 2, 3→2 weighs 5)
const GR_TEXT = `c a small test graph
c
p sp 4 4
a 1 2 7
a 2 3 2
a 3 2 5
a 3 4 1
`;
const CO_TEXT = `c coordinates
p aux sp co 4
v 1 0 0
v 2 10 0
v 3 20 5
v 4 30 5
`;

describe('parseDimacs', () => {
  it('reads directed arcs, 1-based ids, and keeps the file order in edgeRef', () => {
    const g = parseDimacs(GR_TEXT);
    expect(g.nodeCount).toBe(4);
    expect(edgeSet(g)).toEqual(['0->1:7@0', '1->2:2@1', '2->1:5@2', '2->3:1@3'].sort());
    expect(g.bound).toBe('none');
    expect(g.x).toBeUndefined();
  });

  it('reads coordinates, with the bound only when the caller asserts one', () => {
    const plain = parseDimacs(GR_TEXT, CO_TEXT);
    expect(Array.from(plain.x!)).toEqual([0, 10, 20, 30]);
    expect(Array.from(plain.y!)).toEqual([0, 0, 5, 5]);
    expect(plain.bound).toBe('none');
    const bounded = parseDimacs(GR_TEXT, CO_TEXT, { bound: 'euclidean', boundScale: 0.1 });
    expect(bounded.bound).toBe('euclidean');
    expect(bounded.boundScale).toBe(0.1);
  });

  it('accepts CRLF line endings', () => {
    expect(parseDimacs(GR_TEXT.replace(/\n/g, '\r\n')).edgeCount).toBe(4);
  });

  const grCases: [string, string, number, RegExp][] = [
    ['an arc before the problem line', 'a 1 2 3\np sp 2 1\n', 1, /before the problem line/],
    ['a node id out of range', 'p sp 2 1\na 1 3 4\n', 2, /arc head "3" is not a node id in 1\.\.2/],
    ['node id 0', 'p sp 2 1\nc\na 0 1 4\n', 3, /arc tail "0"/],
    ['a negative weight', 'p sp 2 1\na 1 2 -1\n', 2, /negative/],
    ['a weight that is not a number', 'p sp 2 1\na 1 2 x\n', 2, /finite number/],
    ['more arcs than announced', 'p sp 2 1\na 1 2 1\na 2 1 1\n', 3, /more arcs than the 1/],
    ['an unknown line type', 'p sp 2 0\nq 1 2\n', 2, /unknown line type "q"/],
    ['a second problem line', 'p sp 2 0\np sp 2 0\n', 2, /second problem line/],
    ['a malformed problem line', 'p max 2 0\n', 1, /expected "p sp/],
    ['fewer arcs than announced', 'p sp 2 2\na 1 2 1\n', 0, /announces 2 arcs but the file has 1/],
    ['no problem line', 'c nothing\n', 0, /no problem line/],
  ];
  for (const [what, text, line, message] of grCases) {
    it(`rejects ${what}, naming the .gr line`, () => {
      const error = catchError(() => parseDimacs(text));
      expect(error).toBeInstanceOf(DimacsFormatError);
      expect((error as DimacsFormatError).file).toBe('gr');
      expect((error as DimacsFormatError).line).toBe(line);
      expect((error as Error).message).toMatch(message);
    });
  }

  const coCases: [string, string, number, RegExp][] = [
    ['a node count that differs from the .gr', 'p aux sp co 3\n', 1, /announces 3 nodes but the \.gr file has 4/],
    ['a duplicate node', 'p aux sp co 4\nv 1 0 0\nv 1 0 0\n', 3, /node 1 has a second coordinate line/],
    ['a missing node', 'p aux sp co 4\nv 1 0 0\nv 2 0 0\nv 4 0 0\n', 0, /1 of 4 nodes have no coordinates \(first: node 3\)/],
    ['a coordinate that is not a number', 'p aux sp co 4\nv 1 0 zz\n', 2, /y must be a finite number/],
  ];
  for (const [what, text, line, message] of coCases) {
    it(`rejects ${what}, naming the .co line`, () => {
      const error = catchError(() => parseDimacs(GR_TEXT, text));
      expect(error).toBeInstanceOf(DimacsFormatError);
      expect((error as DimacsFormatError).file).toBe('co');
      expect((error as DimacsFormatError).line).toBe(line);
      expect((error as Error).message).toMatch(message);
    });
  }

  it('rejects a coordinate bound without coordinates instead of silently dropping it', () => {
    expect(() => parseDimacs(GR_TEXT, undefined, { bound: 'euclidean' })).toThrow(DimacsFormatError);
  });
});

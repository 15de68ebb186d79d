/**
 * Parser for the 9th DIMACS Implementation Challenge (shortest paths) text format.
 *
 * `.gr` — the directed graph:
 * ```
 * c comment lines anywhere
 * p sp <n> <m>          exactly once, before any arc
 * a <u> <v> <w>         m arcs; u, v in 1..n (1-based); w a finite number >= 0
 * ```
 * `.co` — optional node coordinates:
 * ```
 * p aux sp co <n>       n must equal the .gr node count
 * v <id> <x> <y>        one per node, id in 1..n, each id once
 * ```
 * Node ids become 0-based; arc k (in file order) gets `edgeRef` k. The DIMACS
 * road files give integer coordinates (longitude/latitude × 10^6) whose relation
 * to the arc weights the file does not state, so the graph's A* bound is 'none'
 * unless the caller asserts one with `options.bound` / `options.boundScale`.
 */
import { buildRoutingGraph, type RoutingGraph } from '../core/routing-graph.js';
import type { ErrorCode } from '../errors/error-codes.js';
import { DataError } from '../errors/steppenet-error.js';

/** A malformed DIMACS file; names the file ('gr' or 'co') and the 1-based line. */
export class DimacsFormatError extends DataError {
  static override readonly code: ErrorCode = 'INVALID_FILE';
  constructor(
    readonly file: 'gr' | 'co',
    /** 1-based line number; 0 when the problem is the file as a whole (e.g. missing lines). */
    readonly line: number,
    detail: string,
  ) {
    super(`parseDimacs: .${file}${line > 0 ? ` line ${line}` : ''}: ${detail}`);
  }
}

export interface DimacsOptions {
  /** How the coordinates bound the arc weights; default 'none' (see the module comment). */
  bound?: RoutingGraph['bound'];
  /** Multiplier that keeps the bound admissible; default 1. */
  boundScale?: number;
}

function parseCount(token: string | undefined, file: 'gr' | 'co', line: number, what: string): number {
  const value = token === undefined ? NaN : Number(token);
  if (!Number.isInteger(value) || value < 0) {
    throw new DimacsFormatError(file, line, `${what} must be a non-negative integer, got ${JSON.stringify(token)}`);
  }
  return value;
}

function parseNodeId(token: string | undefined, n: number, file: 'gr' | 'co', line: number, what: string): number {
  const value = token === undefined ? NaN : Number(token);
  if (!Number.isInteger(value) || value < 1 || value > n) {
    throw new DimacsFormatError(file, line, `${what} ${JSON.stringify(token)} is not a node id in 1..${n}`);
  }
  return value - 1;
}

function parseFinite(token: string | undefined, file: 'gr' | 'co', line: number, what: string): number {
  const value = token === undefined || token === '' ? NaN : Number(token);
  if (!Number.isFinite(value)) {
    throw new DimacsFormatError(file, line, `${what} must be a finite number, got ${JSON.stringify(token)}`);
  }
  return value;
}

/** Parses a DIMACS `.gr` text (and optionally its `.co` text) into a RoutingGraph. */
export function parseDimacs(grText: string, coText?: string, options: DimacsOptions = {}): RoutingGraph {
  const lines = grText.split('\n');
  let n = -1;
  let m = -1;
  let arcs = 0;
  let from = new Uint32Array(0);
  let to = new Uint32Array(0);
  let weight = new Float64Array(0);
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const text = lines[i].trim();
    if (text === '' || text[0] === 'c') continue;
    const tokens = text.split(/\s+/);
    if (tokens[0] === 'p') {
      if (n >= 0) throw new DimacsFormatError('gr', lineNo, 'a second problem line ("p")');
      if (tokens.length !== 4 || tokens[1] !== 'sp') {
        throw new DimacsFormatError('gr', lineNo, `expected "p sp <nodes> <arcs>", got ${JSON.stringify(text)}`);
      }
      n = parseCount(tokens[2], 'gr', lineNo, 'node count');
      m = parseCount(tokens[3], 'gr', lineNo, 'arc count');
      from = new Uint32Array(m);
      to = new Uint32Array(m);
      weight = new Float64Array(m);
    } else if (tokens[0] === 'a') {
      if (n < 0) throw new DimacsFormatError('gr', lineNo, 'arc before the problem line ("p sp n m")');
      if (tokens.length !== 4) {
        throw new DimacsFormatError('gr', lineNo, `expected "a <from> <to> <weight>", got ${JSON.stringify(text)}`);
      }
      if (arcs >= m) throw new DimacsFormatError('gr', lineNo, `more arcs than the ${m} announced by the problem line`);
      from[arcs] = parseNodeId(tokens[1], n, 'gr', lineNo, 'arc tail');
      to[arcs] = parseNodeId(tokens[2], n, 'gr', lineNo, 'arc head');
      const w = parseFinite(tokens[3], 'gr', lineNo, 'arc weight');
      if (w < 0) throw new DimacsFormatError('gr', lineNo, `arc weight ${w} is negative`);
      weight[arcs] = w;
      arcs++;
    } else {
      throw new DimacsFormatError('gr', lineNo, `unknown line type ${JSON.stringify(tokens[0])} (expected c, p or a)`);
    }
  }
  if (n < 0) throw new DimacsFormatError('gr', 0, 'no problem line ("p sp n m")');
  if (arcs !== m) throw new DimacsFormatError('gr', 0, `the problem line announces ${m} arcs but the file has ${arcs}`);

  let x: Float64Array | undefined;
  let y: Float64Array | undefined;
  if (coText === undefined && options.bound !== undefined && options.bound !== 'none') {
    throw new DimacsFormatError('co', 0, `options.bound '${options.bound}' needs coordinates, but no .co text was given`);
  }
  if (coText !== undefined) {
    ({ x, y } = parseCoordinates(coText, n));
  }
  return buildRoutingGraph({
    nodeCount: n,
    from,
    to,
    weight,
    x,
    y,
    bound: options.bound ?? 'none',
    boundScale: options.boundScale ?? 1,
  });
}

function parseCoordinates(coText: string, n: number): { x: Float64Array; y: Float64Array } {
  const lines = coText.split('\n');
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const seen = new Uint8Array(n);
  let announced = -1;
  let count = 0;
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const text = lines[i].trim();
    if (text === '' || text[0] === 'c') continue;
    const tokens = text.split(/\s+/);
    if (tokens[0] === 'p') {
      if (announced >= 0) throw new DimacsFormatError('co', lineNo, 'a second problem line ("p")');
      if (tokens.length !== 5 || tokens[1] !== 'aux' || tokens[2] !== 'sp' || tokens[3] !== 'co') {
        throw new DimacsFormatError('co', lineNo, `expected "p aux sp co <nodes>", got ${JSON.stringify(text)}`);
      }
      announced = parseCount(tokens[4], 'co', lineNo, 'node count');
      if (announced !== n) {
        throw new DimacsFormatError('co', lineNo, `announces ${announced} nodes but the .gr file has ${n}`);
      }
    } else if (tokens[0] === 'v') {
      if (announced < 0) throw new DimacsFormatError('co', lineNo, 'coordinate before the problem line');
      if (tokens.length !== 4) {
        throw new DimacsFormatError('co', lineNo, `expected "v <id> <x> <y>", got ${JSON.stringify(text)}`);
      }
      const v = parseNodeId(tokens[1], n, 'co', lineNo, 'node id');
      if (seen[v]) throw new DimacsFormatError('co', lineNo, `node ${v + 1} has a second coordinate line`);
      seen[v] = 1;
      x[v] = parseFinite(tokens[2], 'co', lineNo, 'x');
      y[v] = parseFinite(tokens[3], 'co', lineNo, 'y');
      count++;
    } else {
      throw new DimacsFormatError('co', lineNo, `unknown line type ${JSON.stringify(tokens[0])} (expected c, p or v)`);
    }
  }
  if (announced < 0) throw new DimacsFormatError('co', 0, 'no problem line ("p aux sp co n")');
  if (count !== n) {
    const missing = seen.indexOf(0);
    throw new DimacsFormatError('co', 0, `${n - count} of ${n} nodes have no coordinates (first: node ${missing + 1})`);
  }
  return { x, y };
}

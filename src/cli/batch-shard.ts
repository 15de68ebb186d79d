import { createHash } from 'node:crypto';
import type { BatchResult } from '../analysis/batch-routes.js';
import { checkShardSet, ShardError, type Shard } from '../analysis/shards.js';
import type { Network } from '../model/network.js';
import { batchCsv, batchGeoJSON, batchJson } from '../present/batch-routes.js';
import { formatJson } from '../present/json.js';
import type { CliIO } from './command.js';
import { UsageError } from './usage-error.js';
import { packageVersion } from './version.js';

/**
 * `steppenet batch FILE --shard I/N --format json` writes one shard of a
 * batch as this document, and `steppenet merge` puts the shards back
 * together. Each row is carried as the outputs of `batch` render it (its CSV
 * record, its JSON object, its GeoJSON features), so the merge needs neither
 * the network nor the input file and its output equals, byte for byte, that
 * of `batch` run in one process. The rest names the batch the shard belongs
 * to: shards of different inputs, networks, options or versions are refused.
 */
export interface BatchShardFile {
  kind: typeof BATCH_SHARD_KIND;
  /** The layout of this document. */
  version: typeof BATCH_SHARD_VERSION;
  /** The steppenet version that wrote it. */
  steppenet: string;
  /** 0-based, as critical's shards: shard index of count holds the data rows r with r mod count = index. */
  shard: Shard;
  /** The input file as given, the SHA-256 of its text, and its number of data rows (header excluded). */
  input: { file: string; sha256: string; rows: number };
  /** SHA-256 of the network GeoJSON the rows were routed on, as loaded (a row's scenario is named in its row, the default in options). */
  network: string;
  /** The options of the batch command that change its answers, as given (not --shard, --workers, --format, --network, which `network` stands for). */
  options: Record<string, string | boolean>;
  /** The header line of the CSV output. */
  csvHeader: string;
  /** The rows of this shard, in input order. */
  rows: BatchShardRow[];
}

/** One input row, rendered as each output of `steppenet batch` renders it. */
export interface BatchShardRow {
  /** 0-based data row of the input (header excluded). */
  row: number;
  /** The row's CSV record, as `batch --format csv` prints it (quoted fields may hold line breaks). */
  csv: string;
  /** The row's object, as `batch --format json` prints it. */
  json: { line?: number; status: string; error?: { code: string; message: string } };
  /** The row's features in the FeatureCollection of `batch --geojson FILE` (none without a route). */
  features: unknown[];
}

export const BATCH_SHARD_KIND = 'steppenet batch shard';
const BATCH_SHARD_VERSION = 1;

/** Options of `batch` that do not change what a row answers. */
const NOT_THE_BATCH = ['shard', 'workers', 'format', 'geojson', 'network'];

/** The shard document of `result`, the answers to the input rows `rows` (0-based) of shard `shard`. */
export function batchShardFile(
  result: BatchResult,
  rows: readonly number[],
  { shard, file, text, total, network, values }: { shard: Shard; file: string; text: string; total: number; network: Network; values: Record<string, string | boolean | undefined> },
): BatchShardFile {
  const csvHeader = batchCsv({ answers: [], routers: 0 });
  return {
    kind: BATCH_SHARD_KIND,
    version: BATCH_SHARD_VERSION,
    steppenet: packageVersion(),
    shard,
    input: { file, sha256: sha256(text), rows: total },
    network: sha256(JSON.stringify(network.toGeoJSON())),
    options: Object.fromEntries(Object.entries(values).filter((e): e is [string, string | boolean] => e[1] !== undefined && !NOT_THE_BATCH.includes(e[0])).sort(([a], [b]) => (a < b ? -1 : 1))),
    csvHeader,
    rows: result.answers.map((answer, k) => {
      const one = { answers: [answer], routers: result.routers };
      const csv = batchCsv(one);
      if (!csv.startsWith(csvHeader + '\n')) throw new Error('batchShardFile: a CSV record does not follow the header line');
      return {
        row: rows[k],
        csv: csv.slice(csvHeader.length + 1),
        json: (JSON.parse(batchJson(one)) as BatchShardRow['json'][])[0],
        features: batchGeoJSON(one).features,
      };
    }),
  };
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Whether a parsed file says it is a batch shard (then readBatchShard checks the rest). */
export function isBatchShard(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === BATCH_SHARD_KIND;
}

/** A parsed file that says it is a batch shard, checked whole: UsageError naming the file otherwise. */
export function readBatchShard(file: string, value: unknown, usage: string): BatchShardFile {
  const p = value as Partial<BatchShardFile>;
  const bad = (what: string) => new UsageError(`${file} is not a whole batch shard (${what}): give the output of steppenet batch FILE --shard I/N --format json`, usage);
  if (p.version !== BATCH_SHARD_VERSION) throw bad(`layout version ${JSON.stringify(p.version)}, this steppenet reads ${BATCH_SHARD_VERSION}`);
  const s = p.shard;
  if (!s || !Number.isInteger(s.count) || !Number.isInteger(s.index) || s.count < 1 || s.index < 0 || s.index >= s.count) throw bad('shard');
  const input = p.input;
  if (!input || typeof input.file !== 'string' || typeof input.sha256 !== 'string' || !Number.isInteger(input.rows) || input.rows < 0) throw bad('input');
  if (typeof p.steppenet !== 'string' || typeof p.network !== 'string' || typeof p.csvHeader !== 'string') throw bad('steppenet, network or csvHeader');
  if (typeof p.options !== 'object' || p.options === null || Array.isArray(p.options)) throw bad('options');
  if (!Array.isArray(p.rows)) throw bad('rows');
  for (const r of p.rows as unknown[]) {
    const row = r as Partial<BatchShardRow> | null;
    if (!row || !Number.isInteger(row.row) || typeof row.csv !== 'string' || typeof row.json !== 'object' || row.json === null || typeof row.json.status !== 'string' || !Array.isArray(row.features)) {
      throw bad(`row ${JSON.stringify(row?.row)}`);
    }
  }
  return p as BatchShardFile;
}

/**
 * The shards of one batch put back together: every input row once, in input
 * order. Refuses (ShardError, naming the files) shards of different batches
 * (input, network, options, steppenet version, shard count), a shard given
 * twice, a missing shard, and a shard without exactly its rows.
 */
export function mergeBatchShards(parts: readonly { file: string; shard: BatchShardFile }[]): MergedBatch {
  const fn = 'batch shards';
  if (parts.length === 0) throw new ShardError(fn, 'no shard given');
  const [first] = parts;
  const f = first.shard;
  const count = f.shard.count;
  const byIndex = new Map<number, string>();
  for (const { file, shard: p } of parts) {
    const differs =
      p.input.sha256 !== f.input.sha256 || p.input.rows !== f.input.rows ? `the input (${p.input.file}, ${p.input.rows} rows, sha256 ${p.input.sha256.slice(0, 12)}) differs from ${first.file}'s (${f.input.file}, ${f.input.rows} rows, sha256 ${f.input.sha256.slice(0, 12)})`
        : p.network !== f.network ? `the network (sha256 ${p.network.slice(0, 12)}) differs from ${first.file}'s (${f.network.slice(0, 12)})`
          : JSON.stringify(p.options) !== JSON.stringify(f.options) ? `the options (${JSON.stringify(p.options)}) differ from ${first.file}'s (${JSON.stringify(f.options)})`
            : p.steppenet !== f.steppenet || p.csvHeader !== f.csvHeader ? `written by steppenet ${p.steppenet}, ${first.file} by ${f.steppenet}`
              : p.shard.count !== count ? `shard ${p.shard.index + 1}/${p.shard.count}, ${first.file} is shard ${f.shard.index + 1}/${count}`
                : undefined;
    if (differs) throw new ShardError(fn, `shards of different batches: ${file}: ${differs}`);
    const twice = byIndex.get(p.shard.index);
    if (twice !== undefined) throw new ShardError(fn, `shard ${p.shard.index + 1}/${count} given twice: ${twice} and ${file}`);
    byIndex.set(p.shard.index, file);
  }
  // What the loop checked, and a missing shard ("missing shard(s) 3/4").
  checkShardSet(fn, parts.map((p) => p.shard), () => undefined);
  const total = f.input.rows;
  for (const { file, shard: p } of parts) {
    const expected = Array.from({ length: Math.max(0, Math.ceil((total - p.shard.index) / count)) }, (_, k) => p.shard.index + k * count);
    const held = p.rows.map((r) => r.row);
    if (held.length !== expected.length || held.some((r, k) => r !== expected[k])) {
      throw new ShardError(fn, `${file}: shard ${p.shard.index + 1}/${count} of ${total} rows holds ${expected.length} rows (${rowList(expected)}), the file ${held.length} (${rowList(held)}): was it cut short or edited?`);
    }
  }
  const shards = [...parts].sort((a, b) => a.shard.shard.index - b.shard.shard.index).map((p) => p.shard);
  const rows = Array.from({ length: total }, (_, r) => shards[r % count].rows[Math.floor(r / count)]);
  return { input: f.input, csvHeader: f.csvHeader, rows };
}

/** A whole batch, merged from its shards: the input it read, and every row in input order. */
export type MergedBatch = Pick<BatchShardFile, 'input' | 'csvHeader' | 'rows'>;

/** "0, 3, 6 …" (0-based data rows), the first few. */
const rowList = (rows: readonly number[]) => (rows.length ? rows.slice(0, 5).join(', ') + (rows.length > 5 ? ' …' : '') : 'none');

/**
 * The merged batch as `steppenet batch` prints it: `csv` and `json` as its
 * --format, `geojson` as the file of its --geojson. Then its messages: each
 * failed row on stderr, and the exit code, 1 when some row failed.
 */
export function printMergedBatch(merged: MergedBatch, format: 'csv' | 'json' | 'geojson', io: CliIO): number {
  const { rows } = merged;
  if (format === 'csv') io.out([merged.csvHeader, ...rows.map((r) => r.csv)].join('\n'));
  else if (format === 'json') io.out(formatJson(rows.map((r) => r.json)));
  else io.out(JSON.stringify({ type: 'FeatureCollection', features: rows.flatMap((r) => r.features) }, null, 2));
  const failed = rows.filter((r) => r.json.status === 'error');
  for (const { json } of failed) io.err(`steppenet merge: ${merged.input.file} line ${json.line}: ${json.error?.message} [${json.error?.code}]`);
  if (failed.length === 0) return 0;
  const noRoute = rows.filter((r) => r.json.status === 'no_route').length;
  io.err(`steppenet merge: ${rows.length} row${rows.length === 1 ? '' : 's'}: ${rows.length - failed.length - noRoute} routed, ${noRoute} without a route, ${failed.length} failed`);
  return 1;
}

import { writeFileSync } from 'node:fs';
import { routeBatchAsync, type BatchQuery } from '../../analysis/batch-routes.js';
import { CsvFormatError, readCsvRows } from '../../io/csv-rows.js';
import { loadNetwork } from '../../model/load-network.js';
import { batchCsv, batchGeoJSON, batchJson, batchStatus } from '../../present/batch-routes.js';
import { OutputPathError, OutputWriteError } from '../../report/write-report.js';
import { FREIGHT_OPTION } from '../freight-option.js';
import { choice, formatOption, NETWORK_OPTION, SCENARIO_OPTION, type Command } from '../command.js';
import { COST_OPTIONS } from '../cost-options.js';
import { BY_OPTION, MODES_OPTION, routeQueryOptions } from '../route-options.js';
import { usageLine, type CommandSpec } from '../option-spec.js';
import { readInputFile, SNAP_OPTION, snapKmOption } from '../place-options.js';
import { WORKERS_OPTION, workersOption } from '../workers-option.js';
import { progressBar } from '../progress-bar.js';
import { parseShard } from '../shard-option.js';
import { shardOf } from '../../analysis/shards.js';
import { UsageError } from '../usage-error.js';
import { batchShardFile } from '../batch-shard.js';

const COLUMNS = ['from', 'to', 'via', 'mode', 'by', 'scenario', 'freight'] as const;

const spec = {
  name: 'batch',
  arguments: [{ name: 'od.csv', description: 'a CSV file with a header line and columns from, to and optionally via, mode, by, scenario, freight (";" or "," delimited)' }],
  options: {
    ...formatOption(['csv', 'json']),
    geojson: { type: 'string', value: 'FILE', description: 'also write every route found to this GeoJSON file' },
    shard: { type: 'string', value: 'I/N', description: 'route only the I-th of N parts of the rows (rows I, I+N, … counted from 1) and print them as a shard for steppenet merge (with --format json)' },
    ...BY_OPTION, ...MODES_OPTION, ...FREIGHT_OPTION, ...SCENARIO_OPTION, ...NETWORK_OPTION, ...SNAP_OPTION, ...COST_OPTIONS, ...WORKERS_OPTION,
  },
} as const satisfies CommandSpec;
const usage = usageLine(spec);

/**
 * `steppenet batch od.csv`: routes every row. The options are the defaults of
 * the rows (a row's by, mode, scenario or freight cell overrides them). A bad
 * row is answered with its line number and reason, in its output row and on
 * stderr, and every other row is still routed. Exit code 0 when every row
 * ran (a row that finds no route ran: it says why), 1 when some row failed.
 *
 * With --shard I/N (and --format json) it routes only the data rows r
 * (0-based, header excluded) with r mod N = I - 1, as `critical --shard`
 * splits its list, and prints them as a shard (see BatchShardFile) for
 * `steppenet merge`, which prints what `batch` run whole prints. A shard
 * exits 0 once it is written, its failed rows included (reported on stderr
 * here, and again by merge, which exits 1 for them): an array job does not
 * retry a task for its input's bad rows.
 */
export const batchCommand: Command = {
  ...spec,
  summary: 'route every row of a CSV file of origins and destinations (one output row per input row)',
  usage,
  async run(args, io) {
    const format = choice(args, spec.options, 'format');
    const query = routeQueryOptions(args, usage);
    const snapKm = snapKmOption(args, usage);
    const workers = workersOption(args, usage);
    const shard = parseShard(args.values.shard, usage);
    if (shard && format !== 'json') throw new UsageError('--shard prints a shard for steppenet merge as JSON: add --format json (merge prints it as csv, json or geojson)', usage);
    if (shard && typeof args.values.geojson === 'string') throw new UsageError('--geojson with --shard: merge the shards with steppenet merge --format geojson instead', usage);
    const path = args.positionals[0];
    const text = readInputFile(path, 'od.csv', usage);
    const { columns, rows: allRows } = readCsvRows(text, path);
    // A shard: the data rows r with r mod N = I - 1, and their 0-based numbers.
    const rows = shardOf(allRows, shard);
    const rowNumbers = shardOf(allRows.map((_, r) => r), shard);
    const missing = ['from', 'to'].filter((c) => !columns.includes(c));
    if (missing.length) throw new CsvFormatError(path, `the header line needs the columns from and to (missing ${missing.join(', ')}); optional: via, mode, by, scenario, freight; found ${columns.join(', ')}`);
    const unknown = columns.filter((c) => c !== '' && !(COLUMNS as readonly string[]).includes(c));
    if (unknown.length) io.err(`steppenet batch: ${path}: column${unknown.length === 1 ? '' : 's'} ${unknown.join(', ')} ignored (columns: ${COLUMNS.join(', ')})`);
    const queries = rows.map(({ line, cells }): BatchQuery => ({
      line,
      ...Object.fromEntries(COLUMNS.filter((c) => columns.includes(c)).map((c) => [c, cells[c]])),
    }) as BatchQuery);
    // The network bare: each row applies its scenario (--scenario is the default).
    const network = loadNetwork(typeof args.values.network === 'string' ? args.values.network : undefined);
    const scenario = typeof args.values.scenario === 'string' ? args.values.scenario : undefined;
    const result = await routeBatchAsync(network, queries, { ...query, scenario, snapKm, workers, onProgress: progressBar('rows') });
    if (typeof args.values.geojson === 'string') writeGeoJSON(args.values.geojson, JSON.stringify(batchGeoJSON(result), null, 2));
    if (shard) io.out(JSON.stringify(batchShardFile(result, rowNumbers, { shard, file: path, text, total: allRows.length, network, values: args.values })));
    else io.out(format === 'json' ? batchJson(result) : batchCsv(result));
    const failed = result.answers.filter((a) => a.error);
    for (const a of failed) io.err(`steppenet batch: ${path} line ${a.query.line}: ${a.error!.message} [${a.error!.code}]`);
    if (failed.length === 0) return 0;
    const noRoute = result.answers.filter((a) => batchStatus(a) === 'no_route').length;
    const of = shard ? `shard ${shard.index + 1}/${shard.count}, ` : '';
    io.err(`steppenet batch: ${of}${rows.length} row${rows.length === 1 ? '' : 's'}: ${rows.length - failed.length - noRoute} routed, ${noRoute} without a route, ${failed.length} failed${shard ? ' (the shard is written: steppenet merge reports them again and exits 1)' : ''}`);
    return shard ? 0 : 1;
  },
};

function writeGeoJSON(path: string, text: string): void {
  try {
    writeFileSync(path, text + '\n');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const message = `--geojson: cannot write ${path}: ${code ?? (e as Error).message}`;
    throw ['ENOENT', 'ENOTDIR', 'EISDIR', 'EACCES', 'EPERM', 'EROFS'].includes(code ?? '') ? new OutputPathError(message, { cause: e }) : new OutputWriteError(message, { cause: e });
  }
}

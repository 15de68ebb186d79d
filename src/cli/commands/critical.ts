import { COST_USAGE } from '../cost-options.js';
import { linkCriticality, type CriticalityResult } from '../../analysis/link-criticality.js';
import type { Network } from '../../model/network.js';
import { criticalityCsv } from '../../present/criticality-csv.js';
import { criticalityGeoJSON } from '../../present/criticality-geojson.js';
import { renderCriticality } from '../../present/criticality-table.js';
import { formatJson } from '../../present/json.js';
import type { CliIO as CommandIo, ParsedArgs } from '../command.js';
import { UsageError } from '../usage-error.js';
import { choice, FORMAT_OPTION, NETWORK_OPTION, positiveNumber, SCENARIO_OPTION, type Command } from '../command.js';
import { ANALYSIS_OPTIONS, analysisOptions } from '../analysis-options.js';
import { openNetwork } from '../open-network.js';
import { progressBar } from '../progress-bar.js';

const usage =
  'steppenet critical [--top 10] [--by time|distance|cost|generalized] [--mode rail,road,river] [--ods "A>B,..."|FILE.csv] ' +
  `[--freight transit|bilateral] [--shard I/N] [--scenario name|file] [--format table|json|csv|geojson]` + ' ' + COST_USAGE;

export const criticalCommand: Command = {
  name: 'critical',
  summary: 'rank links by the demand their single failure disconnects and the detours it forces',
  usage,
  options: { ...FORMAT_OPTION, ...SCENARIO_OPTION, ...NETWORK_OPTION, ...ANALYSIS_OPTIONS, top: { type: 'string' }, shard: { type: 'string' } },
  positionals: [0, 0],
  run(args, io) {
    const output = outputOptions(args, usage);
    const shard = parseShard(args.values.shard, usage);
    const analysis = analysisOptions(args, usage);
    const network = openNetwork(args);
    const result = linkCriticality(network, { ...analysis, ...(shard ? { shard } : {}), onProgress: progressBar('links') });
    return printCriticality(result, network, output, io);
  },
};

/** "--shard 2/4" → { index: 1, count: 4 } (1-based on the command line, as array jobs number their tasks). */
export function parseShard(value: unknown, usage: string): { index: number; count: number } | undefined {
  if (value === undefined) return undefined;
  const m = typeof value === 'string' ? /^(\d+)\/(\d+)$/.exec(value) : null;
  const [i, n] = m ? [Number(m[1]), Number(m[2])] : [NaN, NaN];
  if (!(n >= 1 && i >= 1 && i <= n)) throw new UsageError(`--shard must be I/N with 1 <= I <= N, e.g. 2/4; got ${JSON.stringify(value)}`, usage);
  return { index: i - 1, count: n };
}

/** --format and --top, checked before any work is done. */
export function outputOptions(args: ParsedArgs, usage: string): { format: 'table' | 'json' | 'csv' | 'geojson'; top: number } {
  const format = choice(args, 'format', ['table', 'json', 'csv', 'geojson'] as const, 'table', usage);
  const top = positiveNumber(args, 'top', format === 'table' ? 10 : Infinity, usage, { integer: format === 'table' || args.values.top !== undefined });
  return { format, top };
}

/** The ranking as a table, JSON, CSV or GeoJSON (shared with `steppenet merge`). */
export function printCriticality(result: CriticalityResult, network: Network, { format, top }: ReturnType<typeof outputOptions>, io: CommandIo): number {
  const shown = { ...result, ranking: result.ranking.slice(0, top) };
  if (format === 'json') io.out(formatJson(shown));
  else if (format === 'geojson') io.out(JSON.stringify(criticalityGeoJSON(network, shown)));
  else if (format === 'csv') io.out(criticalityCsv(shown));
  else io.out(renderCriticality(result, top));
  return 0;
}

import { linkCriticality, type CriticalityResult } from '../../analysis/link-criticality.js';
import type { Network } from '../../model/network.js';
import { criticalityCsv } from '../../present/criticality-csv.js';
import { criticalityGeoJSON } from '../../present/criticality-geojson.js';
import { renderCriticality } from '../../present/criticality-table.js';
import { formatJson } from '../../present/json.js';
import type { CliIO as CommandIo, ParsedArgs } from '../command.js';
import { UsageError } from '../usage-error.js';
import { choice, formatOption, NETWORK_OPTION, positiveNumber, SCENARIO_OPTION, type Command } from '../command.js';
import { ANALYSIS_OPTIONS, analysisOptions } from '../analysis-options.js';
import { openNetwork } from '../open-network.js';
import { progressBar } from '../progress-bar.js';
import { usageLine, type CommandSpec } from '../option-spec.js';

/** --top and --format of a ranking (shared with `steppenet merge`). */
export const OUTPUT_OPTIONS = {
  top: { type: 'string', value: 'N', defaultText: '10 in a table, else all', description: 'print only the first N links of the ranking' },
  ...formatOption(['table', 'json', 'csv', 'geojson']),
} as const;

const spec = {
  name: 'critical',
  arguments: [],
  options: {
    shard: { type: 'string', value: 'I/N', description: 'scan only the I-th of N equal parts of the links (join the parts with steppenet merge)' },
    ...ANALYSIS_OPTIONS, ...SCENARIO_OPTION, ...NETWORK_OPTION, ...OUTPUT_OPTIONS,
  },
} as const satisfies CommandSpec;
const usage = usageLine(spec);

export const criticalCommand: Command = {
  ...spec,
  summary: 'rank links by the demand their single failure disconnects and the detours it forces',
  usage,
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
  const format = choice(args, OUTPUT_OPTIONS, 'format');
  const top = positiveNumber(args, 'top', usage, { integer: format === 'table' || args.values.top !== undefined, fallback: format === 'table' ? 10 : Infinity });
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

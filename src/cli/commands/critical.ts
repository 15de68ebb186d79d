import { linkCriticalityAsync, type CriticalityResult } from '../../analysis/link-criticality.js';
import { areaCriticalityAsync, type AreaCriticalityResult } from '../../analysis/area-criticality.js';
import { regionalExposure } from '../../analysis/exposure.js';
import { renderExposure } from '../../present/exposure-table.js';
import { areaCriticalityCsv } from '../../present/area-criticality-csv.js';
import { areaCriticalityGeoJSON } from '../../present/area-criticality-geojson.js';
import { renderAreaCriticality } from '../../present/area-criticality-table.js';
import type { Network } from '../../model/network.js';
import { criticalityCsv } from '../../present/criticality-csv.js';
import { criticalityGeoJSON } from '../../present/criticality-geojson.js';
import { renderCriticality } from '../../present/criticality-table.js';
import { formatJson } from '../../present/json.js';
import type { CliIO as CommandIo, ParsedArgs } from '../command.js';
import { UsageError } from '../usage-error.js';
import { choice, formatOption, NETWORK_OPTION, positiveNumber, SCENARIO_OPTION, type Command } from '../command.js';
import { ANALYSIS_OPTIONS, analysisOptions } from '../analysis-options.js';
import { demandOption } from '../ods-option.js';
import { openNetwork } from '../open-network.js';
import { progressBar } from '../progress-bar.js';
import { usageLine, type CommandSpec } from '../option-spec.js';
import { parseShard } from '../shard-option.js';
import { WORKERS_OPTION, workersOption } from '../workers-option.js';

/** --top and --format of a ranking (shared with `steppenet merge`). */
export const OUTPUT_OPTIONS = {
  top: { type: 'string', value: 'N', defaultText: '10 in a table, else all', description: 'print only the first N links of the ranking' },
  ...formatOption(['table', 'json', 'csv', 'geojson']),
} as const;

const spec = {
  name: 'critical',
  arguments: [],
  options: {
    shard: { type: 'string', value: 'I/N', description: 'scan only the I-th of N equal parts of the links, regions or cells (join the parts with steppenet merge)' },
    ...WORKERS_OPTION,
    'by-region': { type: 'boolean', description: 'rank regions instead of links: close every link with an end in the region at once' },
    grid: { type: 'string', value: 'SIZEdeg', description: 'rank the cells of a grid instead of links, e.g. 1deg: close every link whose line meets the cell at once' },
    ...ANALYSIS_OPTIONS, ...SCENARIO_OPTION, ...NETWORK_OPTION, ...OUTPUT_OPTIONS,
  },
} as const satisfies CommandSpec;
const usage = usageLine(spec);

export const criticalCommand: Command = {
  ...spec,
  summary: 'rank links (or regions, or grid cells) by the demand their failure disconnects and the detours it forces',
  usage,
  async run(args, io) {
    const output = outputOptions(args, usage);
    const shard = parseShard(args.values.shard, usage);
    const analysis = analysisOptions(args, usage);
    const areas = areaOption(args, usage);
    const workers = workersOption(args, usage);
    // Ctrl-C ends the process, and its worker threads with it.
    if (areas) {
      const network = openNetwork(args);
      const ods = demandOption(args, usage, network) ?? analysis.ods;
      const result = await areaCriticalityAsync(network, { ...analysis, ods, areas, workers, ...(shard ? { shard } : {}), onProgress: progressBar(areas === 'regions' ? 'regions' : 'cells') });
      const code = printAreaCriticality(result, network, output, io);
      // The table goes on with the regions' exposure to the same closures (`steppenet exposure --areas regions` gives it as CSV, JSON, GeoJSON).
      if (areas === 'regions' && output.format === 'table' && !shard) {
        const exposure = regionalExposure(network, { ...analysis, ods, areas: 'regions', onProgress: progressBar('exposure: regions × runs') });
        io.out('\n' + renderExposure(exposure, 'region', output.top));
      }
      return code;
    }
    const network = openNetwork(args);
    const result = await linkCriticalityAsync(network, { ...analysis, ods: demandOption(args, usage, network) ?? analysis.ods, workers, ...(shard ? { shard } : {}), onProgress: progressBar('links') });
    return printCriticality(result, network, output, io);
  },
};

/** --by-region or --grid SIZEdeg: the areas of an area scan (undefined for a scan of links). */
function areaOption(args: ParsedArgs, usage: string): 'regions' | { grid: number } | undefined {
  const grid = args.values.grid;
  if (args.values['by-region'] && grid !== undefined) throw new UsageError('give --by-region or --grid, not both', usage);
  if (args.values['by-region']) return 'regions';
  if (grid === undefined) return undefined;
  const m = typeof grid === 'string' ? /^\s*(\d+(?:\.\d+)?)\s*(?:deg|°)?\s*$/i.exec(grid) : null;
  const size = m ? Number(m[1]) : NaN;
  if (!(size >= MIN_GRID_DEGREES && size <= 90)) throw new UsageError(`--grid must be a cell size in degrees from ${MIN_GRID_DEGREES} to 90, e.g. 1deg or 0.5deg; got ${JSON.stringify(grid)}`, usage);
  return { grid: size };
}

/** Smaller cells close little more than single links (the link scan answers that) and take long: 0.1° is some 10,000 cells on the bundled network. */
const MIN_GRID_DEGREES = 0.1;

/** The area ranking as a table, JSON, CSV or GeoJSON (shared with `steppenet merge`). */
export function printAreaCriticality(result: AreaCriticalityResult, network: Network, { format, top }: ReturnType<typeof outputOptions>, io: CommandIo): number {
  const shown = { ...result, ranking: result.ranking.slice(0, top) };
  if (format === 'json') io.out(formatJson(shown));
  else if (format === 'geojson') io.out(JSON.stringify(areaCriticalityGeoJSON(network, shown)));
  else if (format === 'csv') io.out(areaCriticalityCsv(shown));
  else io.out(renderAreaCriticality(result, top));
  return 0;
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

import { regionalExposure, type ExposureResult } from '../../analysis/exposure.js';
import type { Network } from '../../model/network.js';
import { exposureCsv } from '../../present/exposure-csv.js';
import { exposureGeoJSON } from '../../present/exposure-geojson.js';
import { renderExposure } from '../../present/exposure-table.js';
import { formatJson } from '../../present/json.js';
import { ANALYSIS_OPTIONS, analysisOptions } from '../analysis-options.js';
import { demandOption } from '../ods-option.js';
import { choice, formatOption, NETWORK_OPTION, positiveNumber, SCENARIO_OPTION, type CliIO, type Command } from '../command.js';
import { openNetwork } from '../open-network.js';
import { usageLine, type CommandSpec } from '../option-spec.js';
import { progressBar } from '../progress-bar.js';

/** --per, --areas and --no-ranges: what an exposure table groups by, which failures it scans, and whether it reruns for the ranges. */
export const EXPOSURE_OPTIONS = {
  per: { type: 'string', choices: ['region', 'country'], default: 'region', description: "group the OD demand by its origin's region or country" },
  areas: { type: 'string', choices: ['links', 'regions'], default: 'links', description: 'the failures: each link alone, or each region closed whole' },
  'no-ranges': { type: 'boolean', description: 'one scan at the given waits, speeds and value of time, no reruns for their ranges (the demand range still counts)' },
} as const;

const spec = {
  name: 'exposure',
  arguments: [],
  options: {
    ...EXPOSURE_OPTIONS,
    top: { type: 'string', value: 'N', defaultText: 'all', description: 'print only the first N rows' },
    ...ANALYSIS_OPTIONS, ...SCENARIO_OPTION, ...NETWORK_OPTION,
    ...formatOption(['table', 'json', 'csv', 'geojson']),
  },
} as const satisfies CommandSpec;
const usage = usageLine(spec);

export const exposureCommand: Command = {
  ...spec,
  summary: "each region's (or country's) exposure to single failures: the worst and average extra hours for its demand, tonnes cut off, losses in tonne-hours and USD with a range",
  usage,
  run(args, io) {
    const format = choice(args, spec.options, 'format');
    const per = choice(args, spec.options, 'per');
    const areas = choice(args, spec.options, 'areas');
    const top = positiveNumber(args, 'top', usage, { integer: true, fallback: Infinity });
    const analysis = analysisOptions(args, usage);
    const network = openNetwork(args);
    const result = regionalExposure(network, {
      ...analysis, ods: demandOption(args, usage, network) ?? analysis.ods, areas, ...(args.values['no-ranges'] === true ? { ranges: false } : {}),
      onProgress: progressBar(areas === 'links' ? 'links × runs' : 'regions × runs'),
    });
    return printExposure(result, network, { format, per, top }, io);
  },
};

/** The exposure rows as a table, JSON, CSV or GeoJSON. */
export function printExposure(result: ExposureResult, network: Network, { format, per, top }: { format: string; per: 'region' | 'country'; top: number }, io: CliIO): number {
  const cut = { ...result, regions: result.regions.slice(0, top), countries: result.countries.slice(0, top) };
  if (format === 'json') io.out(formatJson(cut));
  else if (format === 'csv') io.out(exposureCsv(cut, per));
  else if (format === 'geojson') io.out(JSON.stringify(exposureGeoJSON(network, cut, per)));
  else io.out(renderExposure(result, per, top));
  return 0;
}

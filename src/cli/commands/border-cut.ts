import { borderCut, type BorderCutOptions, type PlaceSet } from '../../analysis/border-cut.js';
import { borderCutCsv } from '../../present/border-cut-csv.js';
import { borderCutGeoJSON } from '../../present/border-cut-geojson.js';
import { renderBorderCut } from '../../present/border-cut-table.js';
import { formatJson } from '../../present/json.js';
import { BORDER_SECTORS } from '../../model/types.js';
import { choice, FORMAT_OPTION, list, NETWORK_OPTION, SCENARIO_OPTION, type Command, type ParsedArgs } from '../command.js';
import { FREIGHT_OPTION, freightOption } from '../freight-option.js';
import { openNetwork } from '../open-network.js';
import { asUsage } from '../resilience-output.js';
import { UsageError } from '../usage-error.js';

const usage =
  'steppenet border-cut [--sector caspian-volga|urals|west-siberia|altai] [--mode road|rail] [--freight bilateral|transit] ' +
  '[--domestic by-class|unlimited] [--from A,B | --from-region R] [--to C,D | --to-region R] [--max-stretch 1.5|none] [--scenario name|file] [--network FILE] ' +
  '[--format table|json|csv|geojson]';

export const borderCutCommand: Command = {
  name: 'border-cut',
  summary: 'maximum daily freight flow across the Kazakhstan–Russia border (trucks or train pairs), and its bottleneck',
  usage,
  options: {
    ...FORMAT_OPTION, ...SCENARIO_OPTION, ...NETWORK_OPTION, ...FREIGHT_OPTION,
    sector: { type: 'string' }, mode: { type: 'string' }, domestic: { type: 'string' }, 'max-stretch': { type: 'string' },
    from: { type: 'string' }, to: { type: 'string' }, 'from-region': { type: 'string' }, 'to-region': { type: 'string' },
  },
  positionals: [0, 0],
  run(args, io) {
    const format = choice(args, 'format', ['table', 'json', 'csv', 'geojson'] as const, 'table', usage);
    const mode = choice(args, 'mode', ['road', 'rail'] as const, 'road', usage);
    const sector = args.values.sector === undefined ? undefined : choice(args, 'sector', BORDER_SECTORS, 'urals', usage);
    const freight = freightOption(args, usage, 'bilateral');
    const domestic = choice(args, 'domestic', ['by-class', 'unlimited'] as const, 'by-class', usage);
    const stretch = args.values['max-stretch'];
    const maxStretch = stretch === undefined ? undefined : stretch === 'none' ? Infinity : Number(stretch);
    if (maxStretch !== undefined && !(maxStretch >= 1)) throw new UsageError(`--max-stretch must be a number >= 1 or "none", got "${String(stretch)}"`, usage);
    const options: BorderCutOptions = { mode, sector, freight, domestic, maxStretch, from: placeSet(args, 'from'), to: placeSet(args, 'to') };
    const network = openNetwork(args);
    const result = asUsage(usage, () => borderCut(network, options));
    if (format === 'json') io.out(formatJson(result));
    else if (format === 'geojson') io.out(JSON.stringify(borderCutGeoJSON(network, result), null, 2));
    else if (format === 'csv') io.out(borderCutCsv(result));
    else io.out(renderBorderCut(result, (ids) => (ids.length > 4 ? `${ids.length} places` : ids.map((id) => network.place(id)!.properties.name).join(', '))));
    return 0;
  },
};

/** --from A,B (places) or --from-region R (a region, resolved by name), not both. */
function placeSet(args: ParsedArgs, side: 'from' | 'to'): PlaceSet | undefined {
  const places = list(args, side);
  const region = args.values[`${side}-region`];
  if (places && region !== undefined) throw new UsageError(`give --${side} or --${side}-region, not both`, usage);
  if (region !== undefined) return { region: String(region) };
  return places;
}

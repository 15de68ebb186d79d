import { borderCut, type BorderCutOptions, type PlaceSet } from '../../analysis/border-cut.js';
import { borderCutCsv } from '../../present/border-cut-csv.js';
import { borderCutGeoJSON } from '../../present/border-cut-geojson.js';
import { renderBorderCut } from '../../present/border-cut-table.js';
import { formatJson } from '../../present/json.js';
import { BORDER_SECTORS } from '../../model/types.js';
import { choice, formatOption, list, NETWORK_OPTION, SCENARIO_OPTION, type Command, type ParsedArgs } from '../command.js';
import { FREIGHT_OPTION, freightOption } from '../freight-option.js';
import { openNetwork } from '../open-network.js';
import { UsageError } from '../usage-error.js';
import { usageLine, type CommandSpec } from '../option-spec.js';

const spec = {
  name: 'border-cut',
  arguments: [],
  options: {
    sector: { type: 'string', choices: BORDER_SECTORS, defaultText: 'every sector, and the whole border', description: 'one sector of the border' },
    mode: { type: 'string', choices: ['road', 'rail'], default: 'road', description: 'trucks by road or train pairs by rail' },
    freight: { ...FREIGHT_OPTION.freight, default: 'bilateral' },
    domestic: {
      type: 'string', choices: ['by-class', 'unlimited'], default: 'by-class',
      description: 'the capacity of domestic links without their own: by road class or rail line, or unlimited (only the border counts)',
    },
    from: { type: 'string', value: 'A,B', defaultText: 'every Russian place', description: 'where the flow starts: places, comma-separated (or --from-region)' },
    'from-region': { type: 'string', value: 'REGION', description: 'where the flow starts: every place of a region' },
    to: { type: 'string', value: 'C,D', defaultText: 'every Kazakh place', description: 'where the flow ends: places, comma-separated (or --to-region)' },
    'to-region': { type: 'string', value: 'REGION', description: 'where the flow ends: every place of a region' },
    'max-stretch': {
      type: 'string', value: '1.5|none', defaultText: '1.5 with both ends given',
      description: 'only links on a route at most this × the shortest route between the two ends carry flow; none for every link',
    },
    ...SCENARIO_OPTION, ...NETWORK_OPTION, ...formatOption(['table', 'json', 'csv', 'geojson']),
  },
} as const satisfies CommandSpec;
const usage = usageLine(spec);

export const borderCutCommand: Command = {
  ...spec,
  summary: 'maximum daily freight flow across the Kazakhstan–Russia border (trucks or train pairs), and its bottleneck',
  usage,
  run(args, io) {
    const format = choice(args, spec.options, 'format');
    const mode = choice(args, spec.options, 'mode');
    const sector = choice(args, spec.options, 'sector');
    const freight = freightOption(args);
    const domestic = choice(args, spec.options, 'domestic');
    const stretch = args.values['max-stretch'];
    const maxStretch = stretch === undefined ? undefined : stretch === 'none' ? Infinity : Number(stretch);
    if (maxStretch !== undefined && !(maxStretch >= 1)) throw new UsageError(`--max-stretch must be a number >= 1 or "none", got "${String(stretch)}"`, usage);
    const options: BorderCutOptions = { mode, sector, freight, domestic, maxStretch, from: placeSet(args, 'from'), to: placeSet(args, 'to') };
    const network = openNetwork(args);
    const result = borderCut(network, options);
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

import { reach } from '../../analysis/reach.js';
import { choice, formatOption, list, NETWORK_OPTION, SCENARIO_OPTION, type Command } from '../command.js';
import { COST_OPTIONS, costOptions } from '../cost-options.js';
import { FREIGHT_OPTION, freightOption } from '../freight-option.js';
import { openNetwork } from '../open-network.js';
import { usageLine, type CommandSpec } from '../option-spec.js';
import { MODES_OPTION, parseModes } from '../route-options.js';
import { UsageError } from '../usage-error.js';
import { formatJson } from '../../present/json.js';
import { reachPlacesCsv } from '../../present/reach-csv.js';
import { reachToGeoJSON } from '../../present/reach-geojson.js';
import { renderReach } from '../../present/reach-table.js';

const spec = {
  name: 'reach',
  arguments: [{ name: 'place', description: 'the origin: a place name, alias, id or "lat,lon"' }],
  options: {
    hours: { type: 'string', value: 'H[,H...]', default: '24', description: 'the time limits in hours, comma-separated (12,24,48: nested bands)' },
    ...MODES_OPTION,
    areas: { type: 'boolean', description: 'also the areas around the reached links (buffered by the time left at an access speed of 30 km/h, at most 2 h); in geojson and json' },
    ...FREIGHT_OPTION, ...SCENARIO_OPTION, ...NETWORK_OPTION, ...formatOption(['table', 'csv', 'json', 'geojson']), ...COST_OPTIONS,
  },
} as const satisfies CommandSpec;
const usage = usageLine(spec);

export const reachCommand: Command = {
  ...spec,
  summary: 'what can be reached from a place within some hours: the places, and every link cut where the time runs out',
  usage,
  run(args, io) {
    const format = choice(args, spec.options, 'format');
    const hours = (list(args, 'hours') ?? []).map((text) => {
      const h = Number(text);
      if (!Number.isFinite(h) || h <= 0) throw new UsageError(`--hours takes positive numbers of hours, comma-separated, got "${text}"`, usage);
      return h;
    });
    if (hours.length === 0) throw new UsageError(`--hours names no limit (got "${String(args.values.hours)}")`, usage);
    const modes = parseModes(list(args, 'mode'), usage);
    const network = openNetwork(args);
    const result = reach(network, args.positionals[0], {
      hours, modes, freight: freightOption(args), ...costOptions(args, usage), areas: args.values.areas === true,
    });
    if (format === 'geojson') io.out(JSON.stringify(reachToGeoJSON(network, result), null, 2));
    else if (format === 'json') io.out(formatJson(result));
    else if (format === 'csv') io.out(reachPlacesCsv(result));
    else io.out(renderReach(result));
    return 0;
  },
};

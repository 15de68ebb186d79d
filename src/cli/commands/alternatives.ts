import { COST_OPTIONS, costOptions } from '../cost-options.js';
import { FREIGHT_OPTION, freightOption } from '../freight-option.js';
import { alternatives } from '../../analysis/alternatives.js';
import { choice, formatOption, list, NETWORK_OPTION, positiveNumber, SCENARIO_OPTION, type Command } from '../command.js';
import { renderAlternatives } from '../../present/alternatives-table.js';
import { formatJson } from '../../present/json.js';
import { routesToGeoJSON } from '../../present/route-geojson.js';
import { routeListCsv } from '../../present/route-list-csv.js';
import { openNetwork } from '../open-network.js';
import { parseModes } from '../route-options.js';
import { BY_OPTION, MODES_OPTION } from '../route-options.js';
import { usageLine, type CommandSpec } from '../option-spec.js';

const spec = {
  name: 'alternatives',
  arguments: [
    { name: 'from', description: 'where the routes start: a place name, alias or id' },
    { name: 'to', description: 'where the routes end: a place name, alias or id' },
  ],
  options: {
    k: { type: 'string', value: 'N', default: '3', description: 'how many routes' },
    reasonable: { type: 'boolean', description: 'only routes worth showing: at most 1.5 × the best cost, at most 80% shared with a better route' },
    ...BY_OPTION, ...MODES_OPTION, ...FREIGHT_OPTION, ...SCENARIO_OPTION, ...NETWORK_OPTION, ...formatOption(['table', 'json', 'csv', 'geojson']), ...COST_OPTIONS,
  },
} as const satisfies CommandSpec;
const usage = usageLine(spec);

export const alternativesCommand: Command = {
  ...spec,
  summary: 'the k cheapest routes that never pass a place twice (parallel rail and road count apart)',
  usage,
  run(args, io) {
    const format = choice(args, spec.options, 'format');
    const by = choice(args, spec.options, 'by');
    const k = positiveNumber(args, 'k', usage, { integer: true });
    const modes = parseModes(list(args, 'mode'), usage);
    const cost = costOptions(args, usage);
    const freight = freightOption(args);
    const network = openNetwork(args);
    const [from, to] = args.positionals;
    const result = alternatives(network, from, to, { k, by, modes, ...cost, freight, reasonable: args.values.reasonable === true });
    if (format === 'json') io.out(formatJson(result));
    else if (format === 'geojson') io.out(JSON.stringify(routesToGeoJSON(network, result.routes, (i) => ({ alternative: i + 1 })), null, 2));
    else if (format === 'csv') io.out(routeListCsv(network, result.routes, by, 'rank'));
    else io.out(renderAlternatives(network, result, { from, to, by }));
    return 0;
  },
};

import { COST_OPTIONS } from '../cost-options.js';
import { FREIGHT_OPTION } from '../freight-option.js';
import { alternatives } from '../../analysis/alternatives.js';
import { choice, formatOption, NETWORK_OPTION, positiveNumber, SCENARIO_OPTION, type Command } from '../command.js';
import { renderAlternatives } from '../../present/alternatives-table.js';
import { formatJson } from '../../present/json.js';
import { routesToGeoJSON } from '../../present/route-geojson.js';
import { routeListCsv } from '../../present/route-list-csv.js';
import { openNetwork } from '../open-network.js';
import { FROM_TO_ARGUMENTS, routeQueryOptions, BY_OPTION, MODES_OPTION } from '../route-options.js';
import { usageLine, type CommandSpec } from '../option-spec.js';

const spec = {
  name: 'alternatives',
  arguments: FROM_TO_ARGUMENTS,
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
    const query = routeQueryOptions(args, usage);
    const { by } = query;
    const k = positiveNumber(args, 'k', usage, { integer: true });
    const network = openNetwork(args);
    const [from, to] = args.positionals;
    const result = alternatives(network, from, to, { k, ...query, reasonable: args.values.reasonable === true });
    if (format === 'json') io.out(formatJson(result));
    else if (format === 'geojson') io.out(JSON.stringify(routesToGeoJSON(network, result.routes, (i) => ({ alternative: i + 1 })), null, 2));
    else if (format === 'csv') io.out(routeListCsv(network, result.routes, by, 'rank'));
    else io.out(renderAlternatives(network, result, { from, to, by }));
    return 0;
  },
};

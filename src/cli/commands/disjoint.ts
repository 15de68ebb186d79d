import { COST_OPTIONS } from '../cost-options.js';
import { FREIGHT_OPTION } from '../freight-option.js';
import { disjointRoutes } from '../../analysis/disjoint-routes.js';
import { choice, formatOption, NETWORK_OPTION, positiveNumber, SCENARIO_OPTION, type Command } from '../command.js';
import { renderDisjointRoutes } from '../../present/disjoint-routes-table.js';
import { formatJson } from '../../present/json.js';
import { routesToGeoJSON } from '../../present/route-geojson.js';
import { routeListCsv } from '../../present/route-list-csv.js';
import { openNetwork } from '../open-network.js';
import { FROM_TO_ARGUMENTS, routeQueryOptions, BY_OPTION, MODES_OPTION } from '../route-options.js';
import { usageLine, type CommandSpec } from '../option-spec.js';

const spec = {
  name: 'disjoint',
  arguments: FROM_TO_ARGUMENTS,
  options: {
    k: { type: 'string', value: 'N', default: '2', description: 'how many routes' },
    places: { type: 'boolean', description: 'routes that share no place on the way (else: no link)' },
    ...BY_OPTION, ...MODES_OPTION, ...FREIGHT_OPTION, ...SCENARIO_OPTION, ...NETWORK_OPTION, ...formatOption(['table', 'json', 'csv', 'geojson']), ...COST_OPTIONS,
  },
} as const satisfies CommandSpec;
const usage = usageLine(spec);

export const disjointCommand: Command = {
  ...spec,
  summary: 'k routes sharing no link (or, with --places, no place) at least total cost, and the cut that limits them',
  usage,
  run(args, io) {
    const format = choice(args, spec.options, 'format');
    const query = routeQueryOptions(args, usage);
    const { by } = query;
    const k = positiveNumber(args, 'k', usage, { integer: true });
    const disjoint = args.values.places === true ? 'places' : 'links';
    const network = openNetwork(args);
    const [from, to] = args.positionals;
    const result = disjointRoutes(network, from, to, { k, ...query, disjoint });
    if (format === 'json') io.out(formatJson(result));
    else if (format === 'geojson') io.out(JSON.stringify(routesToGeoJSON(network, result.routes, (i) => ({ disjointRoute: i + 1 })), null, 2));
    else if (format === 'csv') io.out(routeListCsv(network, result.routes, by, 'route'));
    else io.out(renderDisjointRoutes(network, result, { from, to, by }));
    return 0;
  },
};

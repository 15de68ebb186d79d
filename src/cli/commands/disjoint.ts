import { COST_OPTIONS, costOptions } from '../cost-options.js';
import { FREIGHT_OPTION, freightOption } from '../freight-option.js';
import { disjointRoutes } from '../../analysis/disjoint-routes.js';
import { choice, formatOption, list, NETWORK_OPTION, positiveNumber, SCENARIO_OPTION, type Command } from '../command.js';
import { renderDisjointRoutes } from '../../present/disjoint-routes-table.js';
import { formatJson } from '../../present/json.js';
import { routesToGeoJSON } from '../../present/route-geojson.js';
import { routeListCsv } from '../../present/route-list-csv.js';
import { openNetwork } from '../open-network.js';
import { parseModes } from '../route-options.js';
import { BY_OPTION, MODES_OPTION } from '../route-options.js';
import { usageLine, type CommandSpec } from '../option-spec.js';

const spec = {
  name: 'disjoint',
  arguments: [
    { name: 'from', description: 'where the routes start: a place name, alias or id' },
    { name: 'to', description: 'where the routes end: a place name, alias or id' },
  ],
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
    const by = choice(args, spec.options, 'by');
    const k = positiveNumber(args, 'k', usage, { integer: true });
    const modes = parseModes(list(args, 'mode'), usage);
    const cost = costOptions(args, usage);
    const freight = freightOption(args);
    const disjoint = args.values.places === true ? 'places' : 'links';
    const network = openNetwork(args);
    const [from, to] = args.positionals;
    const result = disjointRoutes(network, from, to, { k, by, modes, ...cost, freight, disjoint });
    if (format === 'json') io.out(formatJson(result));
    else if (format === 'geojson') io.out(JSON.stringify(routesToGeoJSON(network, result.routes, (i) => ({ disjointRoute: i + 1 })), null, 2));
    else if (format === 'csv') io.out(routeListCsv(network, result.routes, by, 'route'));
    else io.out(renderDisjointRoutes(network, result, { from, to, by }));
    return 0;
  },
};

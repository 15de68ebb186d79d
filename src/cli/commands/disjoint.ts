import { COST_OPTIONS, COST_USAGE, costOptions } from '../cost-options.js';
import { FREIGHT_OPTION, FREIGHT_USAGE, freightOption } from '../freight-option.js';
import { disjointRoutes } from '../../analysis/disjoint-routes.js';
import { renderDisjointRoutes } from '../../present/disjoint-routes-table.js';
import { formatJson } from '../../present/json.js';
import { routesToGeoJSON } from '../../present/route-geojson.js';
import { routeListCsv } from '../../present/route-list-csv.js';
import { OBJECTIVES } from '../../routing/cost-model.js';
import { choice, FORMAT_OPTION, list, NETWORK_OPTION, positiveNumber, SCENARIO_OPTION, type Command } from '../command.js';
import { openNetwork } from '../open-network.js';
import { asUsage } from '../resilience-output.js';
import { parseModes } from './route.js';

const usage =
  'steppenet disjoint <from> <to> [--k 2] [--places] [--by distance|time|cost|generalized] [--mode rail,road,river] ' +
  `${FREIGHT_USAGE} [--scenario name|file] [--network FILE] [--format table|json|csv|geojson]` + ' ' + COST_USAGE;

export const disjointCommand: Command = {
  name: 'disjoint',
  summary: 'k routes sharing no link (or, with --places, no place) at least total cost, and the cut that limits them',
  usage,
  options: {
    ...FORMAT_OPTION, ...SCENARIO_OPTION, ...NETWORK_OPTION, ...FREIGHT_OPTION,
    k: { type: 'string' }, places: { type: 'boolean' }, by: { type: 'string' }, mode: { type: 'string' }, ...COST_OPTIONS,
  },
  positionals: [2, 2],
  run(args, io) {
    const format = choice(args, 'format', ['table', 'json', 'csv', 'geojson'] as const, 'table', usage);
    const by = choice(args, 'by', OBJECTIVES, 'time', usage);
    const k = positiveNumber(args, 'k', 2, usage, { integer: true });
    const modes = parseModes(list(args, 'mode'), usage);
    const cost = costOptions(args, usage);
    const freight = freightOption(args, usage);
    const disjoint = args.values.places === true ? 'places' : 'links';
    const network = openNetwork(args);
    const [from, to] = args.positionals;
    const result = asUsage(usage, () => disjointRoutes(network, from, to, { k, by, modes, ...cost, freight, disjoint }));
    if (format === 'json') io.out(formatJson(result));
    else if (format === 'geojson') io.out(JSON.stringify(routesToGeoJSON(network, result.routes, (i) => ({ disjointRoute: i + 1 })), null, 2));
    else if (format === 'csv') io.out(routeListCsv(network, result.routes, by, 'route'));
    else io.out(renderDisjointRoutes(network, result, { from, to, by }));
    return 0;
  },
};

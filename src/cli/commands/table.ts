import { placeTable } from '../../routing/place-table.js';
import { placeTableCsv, placeTableGeoJSON, placeTableJson, renderPlaceTable } from '../../present/place-table.js';
import { FREIGHT_OPTION } from '../freight-option.js';
import { choice, formatOption, NETWORK_OPTION, SCENARIO_OPTION, type Command } from '../command.js';
import { openNetwork } from '../open-network.js';
import { UsageError } from '../usage-error.js';
import { COST_OPTIONS } from '../cost-options.js';
import { BY_OPTION, MODES_OPTION, routeQueryOptions } from '../route-options.js';
import { usageLine, type CommandSpec } from '../option-spec.js';
import { placeListOption, readPlaceFile, SNAP_OPTION, snapKmOption } from '../place-options.js';

const spec = {
  name: 'table',
  arguments: [],
  options: {
    places: { type: 'string', value: 'A,B,C', description: 'places for an all-to-all table: names, ids or coordinates ("54.98,73.37" lat,lon), comma-separated' },
    from: { type: 'string', value: 'A,B', description: 'the origins (with --to), comma-separated' },
    to: { type: 'string', value: 'C,D', description: 'the destinations (with --from), comma-separated' },
    origins: { type: 'string', value: 'FILE.csv', description: 'the origins from a CSV file with a column place (or name, id), or lat and lon (with --destinations)' },
    destinations: { type: 'string', value: 'FILE.csv', description: 'the destinations from a CSV file, as --origins' },
    ...BY_OPTION, ...MODES_OPTION, ...FREIGHT_OPTION, ...SCENARIO_OPTION, ...NETWORK_OPTION, ...SNAP_OPTION,
    ...formatOption(['table', 'csv', 'json', 'geojson']), ...COST_OPTIONS,
  },
} as const satisfies CommandSpec;
const usage = usageLine(spec);

export const tableCommand: Command = {
  ...spec,
  summary: 'a many-to-many table of hours, km and USD/t between places (null and why where no route)',
  usage,
  run(args, io) {
    const format = choice(args, spec.options, 'format');
    const query = routeQueryOptions(args, usage);
    const { origins, destinations } = originsAndDestinations(args);
    const network = openNetwork(args);
    const result = placeTable(network, origins, destinations, { ...query, snapKm: snapKmOption(args, usage) });
    if (format === 'csv') io.out(placeTableCsv(result));
    else if (format === 'json') io.out(placeTableJson(result));
    else if (format === 'geojson') io.out(JSON.stringify(placeTableGeoJSON(result), null, 2));
    else io.out(renderPlaceTable(result));
    return 0;
  },
};

/** --places, or --from with --to, or --origins with --destinations (files): exactly one way. */
function originsAndDestinations(args: Parameters<Command['run']>[0]): { origins: string[]; destinations: string[] } {
  const given = (name: string) => args.values[name] !== undefined;
  const ways = [given('places'), given('from') || given('to'), given('origins') || given('destinations')].filter(Boolean).length;
  if (ways !== 1) throw new UsageError('give the places one way: --places A,B,C (all to all), --from A,B --to C,D, or --origins FILE.csv --destinations FILE.csv', usage);
  if (given('places')) {
    const places = placeListOption(args, 'places', usage)!;
    return { origins: places, destinations: places };
  }
  if (given('from') || given('to')) {
    if (!given('from') || !given('to')) throw new UsageError('--from and --to go together', usage);
    return { origins: placeListOption(args, 'from', usage)!, destinations: placeListOption(args, 'to', usage)! };
  }
  if (!given('origins') || !given('destinations')) throw new UsageError('--origins and --destinations go together', usage);
  return {
    origins: readPlaceFile(String(args.values.origins), '--origins', usage),
    destinations: readPlaceFile(String(args.values.destinations), '--destinations', usage),
  };
}

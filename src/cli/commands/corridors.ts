import { COST_OPTIONS } from '../cost-options.js';
import { FREIGHT_OPTION } from '../freight-option.js';
import { compareCorridors } from '../../analysis/compare-corridors.js';
import { choice, formatOption, NETWORK_OPTION, SCENARIO_OPTION, type Command } from '../command.js';
import { corridorsCsv } from '../../present/corridors-csv.js';
import { corridorsGeoJSON } from '../../present/corridors-geojson.js';
import { renderCorridors } from '../../present/corridors-table.js';
import { formatJson } from '../../present/json.js';
import { openNetwork } from '../open-network.js';
import { UsageError } from '../usage-error.js';
import { routeQueryOptions, BY_OPTION, MODES_OPTION } from '../route-options.js';
import { usageLine, type CommandSpec } from '../option-spec.js';

const spec = {
  name: 'corridors',
  arguments: [],
  options: {
    from: { type: 'string', value: 'PLACE', defaultText: 'moscow', description: 'the origin in European Russia: a place name, alias or id' },
    to: { type: 'string', value: 'PLACE', defaultText: 'xian', description: 'the destination in western China: a place name, alias or id' },
    through: { type: 'string', value: 'KZ', defaultText: 'KZ', description: 'the country (ISO code) the corridor goes through and the bypass avoids' },
    ...BY_OPTION, ...MODES_OPTION, ...FREIGHT_OPTION, ...SCENARIO_OPTION, ...NETWORK_OPTION, ...formatOption(['table', 'json', 'csv', 'geojson']), ...COST_OPTIONS,
  },
} as const satisfies CommandSpec;
const usage = usageLine(spec);

export const corridorsCommand: Command = {
  ...spec,
  summary: 'European Russia to western China: the bypass of Kazakhstan against the corridors through it',
  usage,
  run(args, io) {
    const format = choice(args, spec.options, 'format');
    const query = routeQueryOptions(args, usage);
    const through = args.values.through;
    if (through !== undefined && (typeof through !== 'string' || !/^[A-Za-z]{2}$/.test(through))) {
      throw new UsageError(`--through must be a two-letter country code such as KZ, got "${String(through)}"`, usage);
    }
    const network = openNetwork(args);
    const result = compareCorridors(network, {
      from: typeof args.values.from === 'string' ? args.values.from : undefined,
      to: typeof args.values.to === 'string' ? args.values.to : undefined,
      throughCountry: typeof through === 'string' ? through.toUpperCase() : undefined,
      ...query,
    });
    if (format === 'json') io.out(formatJson(result));
    else if (format === 'csv') io.out(corridorsCsv(result));
    else if (format === 'geojson') io.out(JSON.stringify(corridorsGeoJSON(network, result), null, 2));
    else io.out(renderCorridors(result));
    return 0;
  },
};

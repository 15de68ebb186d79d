import { route } from '../../routing/route.js';
import { FREIGHT_OPTION } from '../freight-option.js';
import { routeCsv } from '../../present/route-csv.js';
import { choice, formatOption, list, NETWORK_OPTION, SCENARIO_OPTION, type Command } from '../command.js';
import { formatJson } from '../../present/json.js';
import { routeToGeoJSON } from '../../present/route-geojson.js';
import { renderRoute } from '../../present/route-table.js';
import { openNetwork } from '../open-network.js';
import { UsageError } from '../usage-error.js';
import { UnknownPlaceError } from '../../places/unknown-place-error.js';
import { COST_OPTIONS } from '../cost-options.js';
import { BY_OPTION, MODES_OPTION, FROM_TO_ARGUMENTS, routeQueryOptions } from '../route-options.js';
import { usageLine, type CommandSpec } from '../option-spec.js';
import { placeListOption, SNAP_OPTION, snapKmOption } from '../place-options.js';

const spec = {
  name: 'route',
  arguments: FROM_TO_ARGUMENTS,
  options: {
    ...BY_OPTION, ...MODES_OPTION,
    via: { type: 'string', value: 'X,Y', description: 'places to pass through, in order, comma-separated (coordinates too: "51.2,58.6")' },
    'avoid-country': { type: 'string', value: 'KZ,CN', description: 'countries to keep out of (ISO codes, any case), comma-separated' },
    avoid: { type: 'string', value: 'ID,...', description: 'links, checkpoints and places (ids or place names) to keep out of, comma-separated' },
    ...FREIGHT_OPTION, ...SCENARIO_OPTION, ...NETWORK_OPTION, ...SNAP_OPTION, ...formatOption(['table', 'json', 'csv', 'geojson']), ...COST_OPTIONS,
  },
} as const satisfies CommandSpec;
const usage = usageLine(spec);

export const routeCommand: Command = {
  ...spec,
  summary: 'the best route between two places, leg by leg',
  usage,
  run(args, io) {
    const format = choice(args, spec.options, 'format');
    const query = routeQueryOptions(args, usage);
    const network = openNetwork(args);
    // --avoid takes link, checkpoint and place ids, and place names (resolved like <from> and <to>).
    const avoidValues = list(args, 'avoid') ?? [];
    const isCheckpoint = (id: string) => network.checkpoints().some((l) => l.properties.checkpoint.id === id);
    const avoidLinks = avoidValues.filter((v) => network.link(v));
    const avoidCheckpoints = avoidValues.filter((v) => !network.link(v) && isCheckpoint(v));
    const avoidPlaces = avoidValues.filter((v) => !network.link(v) && !isCheckpoint(v));
    for (const v of avoidPlaces) {
      try {
        network.resolvePlace(v);
      } catch (e) {
        if (e instanceof UnknownPlaceError) throw new UsageError(`--avoid: "${v}" is no link or checkpoint id, and no place: ${e.message}`, usage);
        throw e;
      }
    }
    const result = route(network, args.positionals[0], args.positionals[1], {
      ...query,
      snapKm: snapKmOption(args, usage),
      via: placeListOption(args, 'via', usage),
      avoid: {
        countries: list(args, 'avoid-country'),
        links: avoidLinks,
        places: avoidPlaces,
        checkpoints: avoidCheckpoints,
      },
    });
    if (format === 'json') io.out(formatJson(result));
    else if (format === 'csv') io.out(routeCsv(result));
    else if (format === 'geojson') io.out(JSON.stringify(routeToGeoJSON(network, result), null, 2));
    else io.out(renderRoute(result));
    return 0;
  },
};

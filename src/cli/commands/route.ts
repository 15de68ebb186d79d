import { MODES, type Mode } from '../../model/types.js';
import { OBJECTIVES } from '../../routing/cost-model.js';
import { route } from '../../routing/route.js';
import { formatJson } from '../../present/json.js';
import { routeToGeoJSON } from '../../present/route-geojson.js';
import { renderRoute } from '../../present/route-table.js';
import { FREIGHT_OPTION, FREIGHT_USAGE, freightOption } from '../freight-option.js';
import { choice, FORMAT_OPTION, list, NETWORK_OPTION, SCENARIO_OPTION, type Command } from '../command.js';
import { openNetwork } from '../open-network.js';
import { UsageError } from '../usage-error.js';
import { UnknownPlaceError } from '../../places/unknown-place-error.js';
import { COST_OPTIONS, COST_USAGE, costOptions } from '../cost-options.js';

const usage =
  'steppenet route <from> <to> [--by distance|time|cost|generalized] [--mode rail,road,river] [--scenario name|file] ' +
  `[--via X,Y] [--avoid-country KZ] [--avoid <link/place/checkpoint id,...>] ${FREIGHT_USAGE} [--format table|json|geojson]` + ' ' + COST_USAGE;

export const routeCommand: Command = {
  name: 'route',
  summary: 'the best route between two places, leg by leg',
  usage,
  options: {
    ...FORMAT_OPTION, ...SCENARIO_OPTION, ...NETWORK_OPTION, ...FREIGHT_OPTION,
    by: { type: 'string' }, mode: { type: 'string' }, via: { type: 'string' },
    'avoid-country': { type: 'string' }, avoid: { type: 'string' }, ...COST_OPTIONS,
  },
  positionals: [2, 2],
  run(args, io) {
    const format = choice(args, 'format', ['table', 'json', 'geojson'] as const, 'table', usage);
    const by = choice(args, 'by', OBJECTIVES, 'time', usage);
    const modes = parseModes(list(args, 'mode'), usage);
    const cost = costOptions(args, usage);
    const freight = freightOption(args, usage);
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
      by,
      modes,
      ...cost,
      freight,
      via: list(args, 'via'),
      avoid: {
        countries: list(args, 'avoid-country'),
        links: avoidLinks,
        places: avoidPlaces,
        checkpoints: avoidCheckpoints,
      },
    });
    if (format === 'json') io.out(formatJson(result));
    else if (format === 'geojson') io.out(JSON.stringify(routeToGeoJSON(network, result), null, 2));
    else io.out(renderRoute(result));
    return 0;
  },
};

export function parseModes(modes: string[] | undefined, usage: string): Mode[] | undefined {
  const bad = (modes ?? []).filter((m) => !(MODES as readonly string[]).includes(m));
  if (bad.length) throw new UsageError(`--mode: unknown mode ${bad.join(', ')} (modes: ${MODES.join(', ')})`, usage);
  return modes as Mode[] | undefined;
}

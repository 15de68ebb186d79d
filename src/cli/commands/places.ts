import { choice, FORMAT_OPTION, NETWORK_OPTION, positiveNumber, type Command } from '../command.js';
import { formatJson } from '../../present/json.js';
import { renderPlaceMatches } from '../../present/place-matches-table.js';
import { openNetwork } from '../open-network.js';

const usage = 'steppenet places <query> [--limit 10] [--network FILE] [--format table|json]';

export const placesCommand: Command = {
  name: 'places',
  summary: 'find places by name, alias or id (any script, typos tolerated)',
  usage,
  options: { ...FORMAT_OPTION, ...NETWORK_OPTION, limit: { type: 'string' } },
  positionals: [1, 1],
  run(args, io) {
    const format = choice(args, 'format', ['table', 'json'] as const, 'table', usage);
    const limit = positiveNumber(args, 'limit', 10, usage, { integer: true });
    const network = openNetwork(args);
    const matches = network.placeIndex().search(args.positionals[0], { limit });
    if (format === 'json') io.out(formatJson(matches.map((m) => ({ ...m.place, matched: m.matched, how: m.how, distance: m.distance }))));
    else io.out(renderPlaceMatches(args.positionals[0], matches));
    return 0;
  },
};

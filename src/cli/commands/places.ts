import { choice, formatOption, NETWORK_OPTION, positiveNumber, type Command } from '../command.js';
import { formatJson } from '../../present/json.js';
import { renderPlaceMatches } from '../../present/place-matches-table.js';
import { openNetwork } from '../open-network.js';
import { usageLine, type CommandSpec } from '../option-spec.js';

const spec = {
  name: 'places',
  arguments: [{ name: 'query', description: 'a name, alias or id, in Latin or Cyrillic; typos tolerated' }],
  options: {
    limit: { type: 'string', value: 'N', default: '10', description: 'at most this many matches' },
    ...NETWORK_OPTION, ...formatOption(['table', 'json']),
  },
} as const satisfies CommandSpec;
const usage = usageLine(spec);

export const placesCommand: Command = {
  ...spec,
  summary: 'find places by name, alias or id (any script, typos tolerated)',
  usage,
  run(args, io) {
    const format = choice(args, spec.options, 'format');
    const limit = positiveNumber(args, 'limit', usage, { integer: true });
    const network = openNetwork(args);
    const matches = network.placeIndex().search(args.positionals[0], { limit });
    if (format === 'json') io.out(formatJson(matches.map((m) => ({ ...m.place, matched: m.matched, how: m.how, distance: m.distance }))));
    else io.out(renderPlaceMatches(args.positionals[0], matches));
    return 0;
  },
};

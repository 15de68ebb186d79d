import { COST_OPTIONS, COST_USAGE, costOptions } from '../cost-options.js';
import { FREIGHT_OPTION, FREIGHT_USAGE, freightOption } from '../freight-option.js';
import { compareCorridors } from '../../analysis/compare-corridors.js';
import { renderCorridors } from '../../present/corridors-table.js';
import { formatJson } from '../../present/json.js';
import { OBJECTIVES } from '../../routing/cost-model.js';
import { choice, FORMAT_OPTION, list, NETWORK_OPTION, SCENARIO_OPTION, type Command } from '../command.js';
import { openNetwork } from '../open-network.js';
import { UsageError } from '../usage-error.js';
import { parseModes } from './route.js';

const usage =
  'steppenet corridors [--from moscow] [--to xian] [--by time|distance|cost|generalized] [--mode rail,road,river] ' +
  `[--through KZ] ${FREIGHT_USAGE} [--scenario name|file] [--format table|json]` + ' ' + COST_USAGE;

export const corridorsCommand: Command = {
  name: 'corridors',
  summary: 'European Russia to western China: the bypass of Kazakhstan against the corridors through it',
  usage,
  options: {
    ...FORMAT_OPTION, ...SCENARIO_OPTION, ...NETWORK_OPTION, ...FREIGHT_OPTION,
    from: { type: 'string' }, to: { type: 'string' }, by: { type: 'string' }, mode: { type: 'string' }, through: { type: 'string' }, ...COST_OPTIONS,
  },
  positionals: [0, 0],
  run(args, io) {
    const format = choice(args, 'format', ['table', 'json'] as const, 'table', usage);
    const by = choice(args, 'by', OBJECTIVES, 'time', usage);
    const modes = parseModes(list(args, 'mode'), usage);
    const cost = costOptions(args, usage);
    const freight = freightOption(args, usage);
    const through = args.values.through;
    if (through !== undefined && (typeof through !== 'string' || !/^[A-Za-z]{2}$/.test(through))) {
      throw new UsageError(`--through must be a two-letter country code such as KZ, got "${String(through)}"`, usage);
    }
    const network = openNetwork(args);
    const result = compareCorridors(network, {
      from: typeof args.values.from === 'string' ? args.values.from : undefined,
      to: typeof args.values.to === 'string' ? args.values.to : undefined,
      throughCountry: typeof through === 'string' ? through.toUpperCase() : undefined,
      by,
      modes,
      ...cost,
      freight,
    });
    io.out(format === 'json' ? formatJson(result) : renderCorridors(result));
    return 0;
  },
};

import { cheapestCrossingFlow } from '../../analysis/cheapest-crossing-flow.js';
import { BORDER_SECTORS } from '../../model/types.js';
import { crossingFlowCsv } from '../../present/crossing-flow-csv.js';
import { renderCrossingFlow } from '../../present/crossing-flow-table.js';
import { formatJson } from '../../present/json.js';
import { choice, formatOption, NETWORK_OPTION, positiveNumber, SCENARIO_OPTION, type Command } from '../command.js';
import { COST_OPTIONS, costOptions } from '../cost-options.js';
import { FREIGHT_OPTION, freightOption } from '../freight-option.js';
import { openNetwork } from '../open-network.js';
import { usageLine, type CommandSpec } from '../option-spec.js';
import { BY_OPTION, FROM_TO_ARGUMENTS } from '../route-options.js';

const spec = {
  name: 'flow',
  arguments: FROM_TO_ARGUMENTS,
  options: {
    amount: { type: 'string', value: 'N', defaultText: 'as much as the crossings take', description: 'the daily flow to carry (trucks, or train pairs by rail)' },
    sector: { type: 'string', choices: BORDER_SECTORS, defaultText: 'every crossing', description: 'only the crossings of one sector of the border carry flow' },
    mode: { type: 'string', choices: ['road', 'rail'], default: 'road', description: 'trucks by road or train pairs by rail' },
    ...BY_OPTION, ...FREIGHT_OPTION, ...COST_OPTIONS, ...SCENARIO_OPTION, ...NETWORK_OPTION, ...formatOption(['table', 'json', 'csv']),
  },
} as const satisfies CommandSpec;
const usage = usageLine(spec);

export const flowCommand: Command = {
  ...spec,
  summary: 'the cheapest way to carry a daily flow across the border, within the checkpoints\' capacities (min-cost max-flow)',
  usage,
  run(args, io) {
    const format = choice(args, spec.options, 'format');
    const amount = args.values.amount === undefined ? undefined : positiveNumber(args, 'amount', usage);
    const options = {
      mode: choice(args, spec.options, 'mode'), sector: choice(args, spec.options, 'sector'), by: choice(args, BY_OPTION, 'by'),
      freight: freightOption(args), ...costOptions(args, usage), ...(amount !== undefined ? { amount } : {}),
    };
    const network = openNetwork(args);
    const result = cheapestCrossingFlow(network, args.positionals[0], args.positionals[1], options);
    if (format === 'json') io.out(formatJson(result));
    else if (format === 'csv') io.out(crossingFlowCsv(result));
    else io.out(renderCrossingFlow(network, result));
    return 0;
  },
};

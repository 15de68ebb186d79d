import { odRedundancy } from '../../analysis/od-redundancy.js';
import { formatJson } from '../../present/json.js';
import { redundancyCsv } from '../../present/redundancy-csv.js';
import { renderRedundancy } from '../../present/redundancy-table.js';
import { ANALYSIS_OPTIONS, analysisOptions } from '../analysis-options.js';
import { demandOption } from '../ods-option.js';
import { choice, formatOption, NETWORK_OPTION, positiveNumber, SCENARIO_OPTION, type Command } from '../command.js';
import { openNetwork } from '../open-network.js';
import { usageLine, type CommandSpec } from '../option-spec.js';
import { progressBar } from '../progress-bar.js';

const spec = {
  name: 'redundancy',
  arguments: [],
  options: {
    top: { type: 'string', value: 'N', defaultText: '20 in a table, else all', description: 'print only the first N pairs (fewest disjoint routes first in a table)' },
    ...ANALYSIS_OPTIONS, ...SCENARIO_OPTION, ...NETWORK_OPTION,
    ...formatOption(['table', 'json', 'csv']),
  },
} as const satisfies CommandSpec;
const usage = usageLine(spec);

export const redundancyCommand: Command = {
  ...spec,
  summary: 'per OD pair: the number of link-disjoint routes, and the best route sharing no link with the best one (its cost and ratio)',
  usage,
  run(args, io) {
    const format = choice(args, spec.options, 'format');
    const top = positiveNumber(args, 'top', usage, { integer: true, fallback: format === 'table' ? 20 : Infinity });
    const analysis = analysisOptions(args, usage);
    const network = openNetwork(args);
    const result = odRedundancy(network, { ...analysis, ods: demandOption(args, usage, network) ?? analysis.ods, onProgress: progressBar('pairs') });
    if (format === 'json') io.out(formatJson({ ...result, pairs: result.pairs.slice(0, top) }));
    else if (format === 'csv') io.out(redundancyCsv({ ...result, pairs: result.pairs.slice(0, top) }));
    else io.out(renderRedundancy(network, result, top));
    return 0;
  },
};

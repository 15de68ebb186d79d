import { COST_USAGE } from '../cost-options.js';
import { compareScenarios } from '../../analysis/compare-scenarios.js';
import { formatJson } from '../../present/json.js';
import { comparisonCsv } from '../../present/scenario-comparison-csv.js';
import { renderComparison } from '../../present/scenario-comparison-table.js';
import { choice, FORMAT_OPTION, NETWORK_OPTION, type Command } from '../command.js';
import { ANALYSIS_OPTIONS, analysisOptions } from '../analysis-options.js';
import { openNetwork } from '../open-network.js';

const usage =
  'steppenet compare <scenarioA> <scenarioB> [--by time|distance|cost|generalized] [--mode rail,road,river] ' +
  `[--freight transit|bilateral] [--ods "Omsk>Pavlodar,..."|FILE.csv] [--all] [--format table|json|csv]` + ' ' + COST_USAGE;

export const compareCommand: Command = {
  name: 'compare',
  summary: 'scenario A against scenario B: which OD pairs change cost or route, gain or lose their connection',
  usage,
  options: { ...FORMAT_OPTION, ...NETWORK_OPTION, ...ANALYSIS_OPTIONS, all: { type: 'boolean' } },
  positionals: [2, 2],
  run(args, io) {
    const format = choice(args, 'format', ['table', 'json', 'csv'] as const, 'table', usage);
    const options = analysisOptions(args, usage);
    const network = openNetwork(args);
    const result = compareScenarios(network, args.positionals[0], args.positionals[1], options);
    const rows = args.values.all ? result.rows : result.changed;
    if (format === 'json') io.out(formatJson(result));
    else if (format === 'csv') io.out(comparisonCsv(result, rows));
    else io.out(renderComparison(result, rows));
    return 0;
  },
};

import { compareScenarios } from '../../analysis/compare-scenarios.js';
import { comparisonGeoJSON } from '../../present/scenario-comparison-geojson.js';
import { choice, formatOption, NETWORK_OPTION, type Command } from '../command.js';
import { formatJson } from '../../present/json.js';
import { comparisonCsv } from '../../present/scenario-comparison-csv.js';
import { renderComparison } from '../../present/scenario-comparison-table.js';
import { ANALYSIS_OPTIONS, analysisOptions } from '../analysis-options.js';
import { demandOption } from '../ods-option.js';
import { openNetwork } from '../open-network.js';
import { usageLine, type CommandSpec } from '../option-spec.js';

const spec = {
  name: 'compare',
  arguments: [
    { name: 'scenarioA', description: 'the scenario compared from: a bundled name (current, historical, planned) or a scenario file' },
    { name: 'scenarioB', description: 'the scenario compared to' },
  ],
  options: {
    all: { type: 'boolean', description: 'list every OD pair, not only those that change' },
    ...ANALYSIS_OPTIONS, ...NETWORK_OPTION, ...formatOption(['table', 'json', 'csv', 'geojson']),
  },
} as const satisfies CommandSpec;
const usage = usageLine(spec);

export const compareCommand: Command = {
  ...spec,
  summary: 'scenario A against scenario B: which OD pairs change cost or route, gain or lose their connection',
  usage,
  run(args, io) {
    const format = choice(args, spec.options, 'format');
    const options = analysisOptions(args, usage);
    const network = openNetwork(args);
    const result = compareScenarios(network, args.positionals[0], args.positionals[1], { ...options, ods: demandOption(args, usage, network) ?? options.ods });
    const rows = args.values.all ? result.rows : result.changed;
    if (format === 'json') io.out(formatJson(result));
    else if (format === 'csv') io.out(comparisonCsv(result, rows));
    else if (format === 'geojson') io.out(JSON.stringify(comparisonGeoJSON(network, result, rows), null, 2));
    else io.out(renderComparison(result, rows));
    return 0;
  },
};

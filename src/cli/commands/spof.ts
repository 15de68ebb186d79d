import { FREIGHT_OPTION, FREIGHT_USAGE, freightOption } from '../freight-option.js';
import { singlePointsOfFailure } from '../../analysis/single-points-of-failure.js';
import { MODES } from '../../model/types.js';
import { failureViewsCsv } from '../../present/failure-views-csv.js';
import { failureViewsGeoJSON } from '../../present/failure-views-geojson.js';
import { renderFailureViews } from '../../present/failure-views-table.js';
import { formatJson } from '../../present/json.js';
import { choice, FORMAT_OPTION, NETWORK_OPTION, SCENARIO_OPTION, type Command } from '../command.js';
import { openNetwork } from '../open-network.js';

const usage = `steppenet spof [--mode rail|road|river|all] ${FREIGHT_USAGE} [--scenario name|file] [--network FILE] [--format table|json|csv|geojson]`;

export const spofCommand: Command = {
  name: 'spof',
  summary: 'single points of failure: links and places whose loss alone splits the network, per mode and for all modes',
  usage,
  options: { ...FORMAT_OPTION, ...SCENARIO_OPTION, ...NETWORK_OPTION, ...FREIGHT_OPTION, mode: { type: 'string' } },
  positionals: [0, 0],
  run(args, io) {
    const format = choice(args, 'format', ['table', 'json', 'csv', 'geojson'] as const, 'table', usage);
    // No --mode: every view (each mode, then all modes together).
    const wanted = args.values.mode === undefined ? 'every' : choice(args, 'mode', [...MODES, 'all'] as const, 'all', usage);
    const network = openNetwork(args);
    const result = singlePointsOfFailure(network, { freight: freightOption(args, usage), ...(wanted === 'every' || wanted === 'all' ? {} : { modes: [wanted] }) });
    const views = result.views.filter((v) => wanted === 'every' || v.view === wanted);
    if (format === 'json') io.out(formatJson({ ...result, views }));
    else if (format === 'geojson') io.out(JSON.stringify(failureViewsGeoJSON(network, views), null, 2));
    else if (format === 'csv') io.out(failureViewsCsv(network, views));
    else io.out(renderFailureViews(network, result.scenario, views));
    return 0;
  },
};

import { FREIGHT_OPTION, freightOption } from '../freight-option.js';
import { singlePointsOfFailure } from '../../analysis/single-points-of-failure.js';
import { MODES } from '../../model/types.js';
import { choice, formatOption, NETWORK_OPTION, SCENARIO_OPTION, type Command } from '../command.js';
import { failureViewsCsv } from '../../present/failure-views-csv.js';
import { failureViewsGeoJSON } from '../../present/failure-views-geojson.js';
import { renderFailureViews } from '../../present/failure-views-table.js';
import { formatJson } from '../../present/json.js';
import { openNetwork } from '../open-network.js';
import { usageLine, type CommandSpec } from '../option-spec.js';

const spec = {
  name: 'spof',
  arguments: [],
  options: {
    mode: { type: 'string', choices: [...MODES, 'all'], defaultText: 'each mode, then all modes together', description: 'one view: the network of one mode, or of all modes together' },
    ...FREIGHT_OPTION, ...SCENARIO_OPTION, ...NETWORK_OPTION, ...formatOption(['table', 'json', 'csv', 'geojson']),
  },
} as const satisfies CommandSpec;

export const spofCommand: Command = {
  ...spec,
  summary: 'single points of failure: links and places whose loss alone splits the network, per mode and for all modes',
  usage: usageLine(spec),
  run(args, io) {
    const format = choice(args, spec.options, 'format');
    // No --mode: every view (each mode, then all modes together).
    const wanted = choice(args, spec.options, 'mode') ?? 'every';
    const network = openNetwork(args);
    const result = singlePointsOfFailure(network, { freight: freightOption(args), ...(wanted === 'every' || wanted === 'all' ? {} : { modes: [wanted] }) });
    const views = result.views.filter((v) => wanted === 'every' || v.view === wanted);
    if (format === 'json') io.out(formatJson({ ...result, views }));
    else if (format === 'geojson') io.out(JSON.stringify(failureViewsGeoJSON(network, views), null, 2));
    else if (format === 'csv') io.out(failureViewsCsv(network, views));
    else io.out(renderFailureViews(network, result.scenario, views));
    return 0;
  },
};

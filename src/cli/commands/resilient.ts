import { FREIGHT_OPTION } from '../freight-option.js';
import { resilientRoute } from '../../analysis/resilient-route.js';
import { choice, formatOption, NETWORK_OPTION, positiveNumber, SCENARIO_OPTION, type Command, type ParsedArgs } from '../command.js';
import { openNetwork } from '../open-network.js';
import { COST_OPTIONS } from '../cost-options.js';
import { formatJson } from '../../present/json.js';
import { resilientRouteCsv } from '../../present/resilient-route-csv.js';
import { resilientRouteGeoJSON } from '../../present/resilient-route-geojson.js';
import { renderResilientRoute } from '../../present/resilient-route-table.js';
import { UsageError } from '../usage-error.js';
import { FROM_TO_ARGUMENTS, routeQueryOptions, BY_OPTION, MODES_OPTION } from '../route-options.js';
import { usageLine, type CommandSpec } from '../option-spec.js';

const spec = {
  name: 'resilient',
  arguments: FROM_TO_ARGUMENTS,
  options: {
    k: { type: 'string', value: 'N', default: '8', description: 'how many of the cheapest routes are candidates' },
    lambda: { type: 'string', value: 'WEIGHT', default: '1', description: 'weight of the penalty against the cost (0 picks the cheapest route)' },
    reroute: { type: 'string', choices: ['en-route', 'origin'], default: 'en-route', description: 'where the traveller re-routes from when a link fails' },
    'failure-probability': {
      type: 'string', value: 'P', defaultText: 'none: the worst single failure',
      description: 'one failure probability in [0, 1] for every link: the penalty becomes the expected extra cost',
    },
    ...BY_OPTION, ...MODES_OPTION, ...FREIGHT_OPTION, ...SCENARIO_OPTION, ...NETWORK_OPTION, ...formatOption(['table', 'json', 'csv', 'geojson']), ...COST_OPTIONS,
  },
} as const satisfies CommandSpec;
const usage = usageLine(spec);

export const resilientCommand: Command = {
  ...spec,
  summary: 'the most resilient of the k cheapest routes: cost + λ × what its worst single link failure adds',
  usage,
  run(args, io) {
    const format = choice(args, spec.options, 'format');
    const query = routeQueryOptions(args, usage);
    const { by } = query;
    const k = positiveNumber(args, 'k', usage, { integer: true });
    const lambda = nonNegative(args, 'lambda');
    const reroute = choice(args, spec.options, 'reroute');
    const p = args.values['failure-probability'] === undefined ? undefined : nonNegative(args, 'failure-probability');
    if (p !== undefined && p > 1) throw new UsageError(`--failure-probability must be a probability in [0, 1], got "${String(args.values['failure-probability'])}"`, usage);
    const network = openNetwork(args);
    const [from, to] = args.positionals;
    const result = resilientRoute(network, from, to, { k, lambda, reroute, ...query, failureProbability: p });
    if (format === 'json') io.out(formatJson(result));
    else if (format === 'geojson') io.out(JSON.stringify(resilientRouteGeoJSON(network, result), null, 2));
    else if (format === 'csv') io.out(resilientRouteCsv(result, by));
    else io.out(renderResilientRoute(network, result, { from, to, by }));
    return 0;
  },
};

function nonNegative(args: ParsedArgs, name: string): number {
  const value = args.values[name];
  const n = Number(value);
  if (typeof value !== 'string' || value.trim() === '' || !Number.isFinite(n) || n < 0) {
    throw new UsageError(`--${name} must be a number >= 0, got "${String(value)}"`, usage);
  }
  return n;
}

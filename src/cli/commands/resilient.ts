import { FREIGHT_OPTION, FREIGHT_USAGE, freightOption } from '../freight-option.js';
import { resilientRoute } from '../../analysis/resilient-route.js';
import { formatJson } from '../../present/json.js';
import { resilientRouteCsv } from '../../present/resilient-route-csv.js';
import { resilientRouteGeoJSON } from '../../present/resilient-route-geojson.js';
import { renderResilientRoute } from '../../present/resilient-route-table.js';
import { OBJECTIVES } from '../../routing/cost-model.js';
import { choice, FORMAT_OPTION, list, NETWORK_OPTION, positiveNumber, SCENARIO_OPTION, type Command, type ParsedArgs } from '../command.js';
import { openNetwork } from '../open-network.js';
import { asUsage } from '../resilience-output.js';
import { COST_OPTIONS, COST_USAGE, costOptions } from '../cost-options.js';
import { UsageError } from '../usage-error.js';
import { parseModes } from './route.js';

const usage =
  'steppenet resilient <from> <to> [--k 8] [--lambda 1] [--reroute en-route|origin] [--failure-probability P] ' +
  `[--by distance|time|cost|generalized] [--mode rail,road,river] ${FREIGHT_USAGE} [--scenario name|file] [--network FILE] [--format table|json|csv|geojson]` + ' ' + COST_USAGE;

export const resilientCommand: Command = {
  name: 'resilient',
  summary: 'the most resilient of the k cheapest routes: cost + λ × what its worst single link failure adds',
  usage,
  options: {
    ...FORMAT_OPTION, ...SCENARIO_OPTION, ...NETWORK_OPTION, ...FREIGHT_OPTION,
    k: { type: 'string' }, lambda: { type: 'string' }, reroute: { type: 'string' }, 'failure-probability': { type: 'string' },
    by: { type: 'string' }, mode: { type: 'string' }, ...COST_OPTIONS,
  },
  positionals: [2, 2],
  run(args, io) {
    const format = choice(args, 'format', ['table', 'json', 'csv', 'geojson'] as const, 'table', usage);
    const by = choice(args, 'by', OBJECTIVES, 'time', usage);
    const k = positiveNumber(args, 'k', 8, usage, { integer: true });
    const lambda = nonNegative(args, 'lambda', 1);
    const reroute = choice(args, 'reroute', ['en-route', 'origin'] as const, 'en-route', usage);
    const p = args.values['failure-probability'] === undefined ? undefined : nonNegative(args, 'failure-probability', 0);
    if (p !== undefined && p > 1) throw new UsageError(`--failure-probability must be a probability in [0, 1], got "${String(args.values['failure-probability'])}"`, usage);
    const modes = parseModes(list(args, 'mode'), usage);
    const cost = costOptions(args, usage);
    const freight = freightOption(args, usage);
    const network = openNetwork(args);
    const [from, to] = args.positionals;
    const result = asUsage(usage, () => resilientRoute(network, from, to, { k, lambda, reroute, by, modes, ...cost, freight, failureProbability: p }));
    if (format === 'json') io.out(formatJson(result));
    else if (format === 'geojson') io.out(JSON.stringify(resilientRouteGeoJSON(network, result), null, 2));
    else if (format === 'csv') io.out(resilientRouteCsv(result, by));
    else io.out(renderResilientRoute(network, result, { from, to, by }));
    return 0;
  },
};

function nonNegative(args: ParsedArgs, name: string, fallback: number): number {
  const value = args.values[name];
  if (value === undefined) return fallback;
  const n = Number(value);
  if (typeof value !== 'string' || value.trim() === '' || !Number.isFinite(n) || n < 0) {
    throw new UsageError(`--${name} must be a number >= 0, got "${String(value)}"`, usage);
  }
  return n;
}

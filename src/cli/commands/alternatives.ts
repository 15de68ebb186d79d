import { COST_OPTIONS, COST_USAGE, costOptions } from '../cost-options.js';
import { FREIGHT_OPTION, FREIGHT_USAGE, freightOption } from '../freight-option.js';
import { alternatives } from '../../analysis/alternatives.js';
import { OBJECTIVES } from '../../routing/cost-model.js';
import { choice, FORMAT_OPTION, list, NETWORK_OPTION, positiveNumber, SCENARIO_OPTION, type Command } from '../command.js';
import { formatCsv } from '../format-csv.js';
import { formatTable } from '../format-table.js';
import { openNetwork } from '../open-network.js';
import { asUsage, legSummary, OBJECTIVE_UNIT, round, routesToGeoJSON } from '../resilience-output.js';
import { parseModes } from './route.js';

const usage =
  'steppenet alternatives <from> <to> [--k 3] [--reasonable] [--by distance|time|cost|generalized] [--mode rail,road,river] ' +
  `${FREIGHT_USAGE} [--scenario name|file] [--network FILE] [--format table|json|csv|geojson]` + ' ' + COST_USAGE;

export const alternativesCommand: Command = {
  name: 'alternatives',
  summary: 'the k cheapest routes that never pass a place twice (parallel rail and road count apart)',
  usage,
  options: {
    ...FORMAT_OPTION, ...SCENARIO_OPTION, ...NETWORK_OPTION, ...FREIGHT_OPTION,
    k: { type: 'string' }, reasonable: { type: 'boolean' }, by: { type: 'string' }, mode: { type: 'string' }, ...COST_OPTIONS,
  },
  positionals: [2, 2],
  run(args, io) {
    const format = choice(args, 'format', ['table', 'json', 'csv', 'geojson'] as const, 'table', usage);
    const by = choice(args, 'by', OBJECTIVES, 'time', usage);
    const k = positiveNumber(args, 'k', 3, usage, { integer: true });
    const modes = parseModes(list(args, 'mode'), usage);
    const cost = costOptions(args, usage);
    const freight = freightOption(args, usage);
    const network = openNetwork(args);
    const [from, to] = args.positionals;
    const result = asUsage(usage, () => alternatives(network, from, to, { k, by, modes, ...cost, freight, reasonable: args.values.reasonable === true }));
    if (format === 'json') {
      io.out(JSON.stringify({ ...result, routes: result.routes.map((r) => ({ ...r, edges: undefined })) }, null, 2));
      return 0;
    }
    if (format === 'geojson') {
      io.out(JSON.stringify(routesToGeoJSON(network, result.routes, (i) => ({ alternative: i + 1 })), null, 2));
      return 0;
    }
    const unit = OBJECTIVE_UNIT[by];
    const rows = result.routes.map((r, i) => [i + 1, round(r.totals.weight), round(r.totals.km, 0), round(r.totals.hours), round(r.totals.cost), legSummary(network, r)]);
    if (format === 'csv') {
      io.out(formatCsv(['rank', `${by}_${unit}`, 'km', 'hours', 'usd_per_t', 'legs', 'links'], rows.map((row, i) => [...row, result.routes[i].links.join(' ')])));
      return 0;
    }
    const name = (q: string) => network.resolvePlace(q).properties.name;
    const title = `Alternatives ${name(from)} → ${name(to)} by ${by} (scenario ${network.scenario?.name ?? 'current'})`;
    if (!result.found) {
      io.out(`${title}\nNo route: ${result.reason}`);
      return 0;
    }
    io.out([
      title,
      '',
      formatTable(['#', unit, 'km', 'hours', 'USD/t', 'route'], rows),
      ...(result.reason ? ['', `Note: ${result.reason}.`] : []),
    ].join('\n'));
    return 0;
  },
};

import { COST_OPTIONS, costOptions } from '../cost-options.js';
import { FREIGHT_OPTION, freightOption } from '../freight-option.js';
import { alternatives } from '../../analysis/alternatives.js';
import { choice, formatOption, list, NETWORK_OPTION, positiveNumber, SCENARIO_OPTION, type Command } from '../command.js';
import { formatCsv } from '../format-csv.js';
import { formatTable } from '../format-table.js';
import { openNetwork } from '../open-network.js';
import { asUsage, legSummary, OBJECTIVE_UNIT, round, routesToGeoJSON } from '../resilience-output.js';
import { parseModes } from './route.js';
import { BY_OPTION, MODES_OPTION } from '../route-options.js';
import { usageLine, type CommandSpec } from '../option-spec.js';

const spec = {
  name: 'alternatives',
  arguments: [
    { name: 'from', description: 'where the routes start: a place name, alias or id' },
    { name: 'to', description: 'where the routes end: a place name, alias or id' },
  ],
  options: {
    k: { type: 'string', value: 'N', default: '3', description: 'how many routes' },
    reasonable: { type: 'boolean', description: 'only routes worth showing: at most 1.5 × the best cost, at most 80% shared with a better route' },
    ...BY_OPTION, ...MODES_OPTION, ...FREIGHT_OPTION, ...SCENARIO_OPTION, ...NETWORK_OPTION, ...formatOption(['table', 'json', 'csv', 'geojson']), ...COST_OPTIONS,
  },
} as const satisfies CommandSpec;
const usage = usageLine(spec);

export const alternativesCommand: Command = {
  ...spec,
  summary: 'the k cheapest routes that never pass a place twice (parallel rail and road count apart)',
  usage,
  run(args, io) {
    const format = choice(args, spec.options, 'format');
    const by = choice(args, spec.options, 'by');
    const k = positiveNumber(args, 'k', usage, { integer: true });
    const modes = parseModes(list(args, 'mode'), usage);
    const cost = costOptions(args, usage);
    const freight = freightOption(args);
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

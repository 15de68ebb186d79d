import { COST_OPTIONS, COST_USAGE, costOptions } from '../cost-options.js';
import { FREIGHT_OPTION, FREIGHT_USAGE, freightOption } from '../freight-option.js';
import { disjointRoutes } from '../../analysis/disjoint-routes.js';
import { OBJECTIVES } from '../../routing/cost-model.js';
import { choice, FORMAT_OPTION, list, NETWORK_OPTION, positiveNumber, SCENARIO_OPTION, type Command } from '../command.js';
import { formatCsv } from '../format-csv.js';
import { formatTable } from '../format-table.js';
import { openNetwork } from '../open-network.js';
import { asUsage, legSummary, OBJECTIVE_UNIT, round, routesToGeoJSON } from '../resilience-output.js';
import { parseModes } from './route.js';

const usage =
  'steppenet disjoint <from> <to> [--k 2] [--places] [--by distance|time|cost|generalized] [--mode rail,road,river] ' +
  `${FREIGHT_USAGE} [--scenario name|file] [--network FILE] [--format table|json|csv|geojson]` + ' ' + COST_USAGE;

export const disjointCommand: Command = {
  name: 'disjoint',
  summary: 'k routes sharing no link (or, with --places, no place) at least total cost, and the cut that limits them',
  usage,
  options: {
    ...FORMAT_OPTION, ...SCENARIO_OPTION, ...NETWORK_OPTION, ...FREIGHT_OPTION,
    k: { type: 'string' }, places: { type: 'boolean' }, by: { type: 'string' }, mode: { type: 'string' }, ...COST_OPTIONS,
  },
  positionals: [2, 2],
  run(args, io) {
    const format = choice(args, 'format', ['table', 'json', 'csv', 'geojson'] as const, 'table', usage);
    const by = choice(args, 'by', OBJECTIVES, 'time', usage);
    const k = positiveNumber(args, 'k', 2, usage, { integer: true });
    const modes = parseModes(list(args, 'mode'), usage);
    const cost = costOptions(args, usage);
    const freight = freightOption(args, usage);
    const disjoint = args.values.places === true ? 'places' : 'links';
    const network = openNetwork(args);
    const [from, to] = args.positionals;
    const result = asUsage(usage, () => disjointRoutes(network, from, to, { k, by, modes, ...cost, freight, disjoint }));
    if (format === 'json') {
      io.out(JSON.stringify({ ...result, routes: result.routes.map((r) => ({ ...r, edges: undefined })) }, null, 2));
      return 0;
    }
    if (format === 'geojson') {
      io.out(JSON.stringify(routesToGeoJSON(network, result.routes, (i) => ({ disjointRoute: i + 1 })), null, 2));
      return 0;
    }
    const unit = OBJECTIVE_UNIT[by];
    const rows = result.routes.map((r, i) => [i + 1, round(r.totals.weight), round(r.totals.km, 0), round(r.totals.hours), legSummary(network, r)]);
    if (format === 'csv') {
      io.out(formatCsv(['route', `${by}_${unit}`, 'km', 'hours', 'legs', 'links'], rows.map((row, i) => [...row, result.routes[i].links.join(' ')])));
      return 0;
    }
    const name = (q: string) => network.resolvePlace(q).properties.name;
    const cut = [...(result.minCut.places ?? []).map((id) => `place ${network.place(id)!.properties.name}`), ...(result.minCut.links ?? []).map((id) => `link ${id}`)];
    io.out([
      `${disjoint === 'links' ? 'Link' : 'Place'}-disjoint routes ${name(from)} → ${name(to)} by ${by} (scenario ${network.scenario?.name ?? 'current'})`,
      `${result.routes.length} of ${k} asked, total ${round(result.totalCost)} ${unit}; at most ${result.maxDisjoint} exist` +
        (cut.length ? `; smallest cut: ${cut.join(', ')}` : ''),
      '',
      ...(rows.length ? [formatTable(['#', unit, 'km', 'hours', 'route'], rows)] : []),
      ...(result.fewerBecause ? ['', `Fewer than ${k}: ${result.fewerBecause}.`] : []),
      ...(result.note ? ['', `Note: ${result.note}.`] : []),
    ].join('\n'));
    return 0;
  },
};

import { FREIGHT_OPTION, FREIGHT_USAGE, freightOption } from '../freight-option.js';
import { resilientRoute } from '../../analysis/resilient-route.js';
import { OBJECTIVES } from '../../routing/cost-model.js';
import { choice, FORMAT_OPTION, list, NETWORK_OPTION, positiveNumber, SCENARIO_OPTION, type Command, type ParsedArgs } from '../command.js';
import { formatCsv } from '../format-csv.js';
import { formatTable } from '../format-table.js';
import { openNetwork } from '../open-network.js';
import { asUsage, legSummary, OBJECTIVE_UNIT, round, routesToGeoJSON } from '../resilience-output.js';
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
    if (format === 'json') {
      const strip = <T extends { edges?: number[] }>(r: T) => ({ ...r, edges: undefined });
      io.out(JSON.stringify({ ...result, route: strip(result.route), backups: result.backups.map((b) => ({ ...b, backup: strip(b.backup) })) }, null, 2));
      return 0;
    }
    if (format === 'geojson') {
      const routes = [result.route, ...result.backups.map((b) => b.backup).filter((r) => r.found)];
      const found = result.backups.filter((b) => b.backup.found);
      io.out(JSON.stringify(routesToGeoJSON(network, routes, (i) => (i === 0 ? { role: 'chosen' } : { role: 'backup', failedLink: found[i - 1].link })), null, 2));
      return 0;
    }
    const unit = OBJECTIVE_UNIT[by];
    const chosen = (c: { links: string[] }) => c.links.join() === result.route.links.join();
    const rows = result.candidates.map((c) => [c.rank, round(c.cost), round(c.penalty), round(c.score), c.worstLink ?? '', chosen(c) ? '←' : '', c.summary]);
    if (format === 'csv') {
      io.out(formatCsv(['rank', `cost_${unit}`, 'penalty', 'score', 'worst_link', 'chosen', 'legs'], rows));
      return 0;
    }
    const name = (q: string) => network.resolvePlace(q).properties.name;
    const title = `Most resilient route ${name(from)} → ${name(to)} by ${by}, λ = ${lambda}, ${result.measure} penalty, re-routing ${result.reroute} (scenario ${network.scenario?.name ?? 'current'})`;
    if (!result.found) {
      io.out(`${title}\nNo route: ${result.reason}`);
      return 0;
    }
    io.out([
      title,
      `Chosen: ${legSummary(network, result.route)} — cost ${round(result.route.totals.weight)} ${unit}, penalty ${round(result.penalty)}, score ${round(result.score)}`,
      `${result.linkDisjointRoutes} link-disjoint route${result.linkDisjointRoutes === 1 ? '' : 's'} join the two places.`,
      '',
      formatTable(['#', unit, 'penalty', 'score', 'worst link', '', 'route'], rows),
      '',
      'Backups of the chosen route:',
      formatTable(
        ['link lost', 'penalty', 'backup'],
        result.backups.map((b) => [b.link, round(b.penalty), b.backup.found ? legSummary(network, b.backup) : b.backup.reason]),
        { indent: '  ' },
      ),
      ...(result.note ? ['', `Note: ${result.note}.`] : []),
    ].join('\n'));
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

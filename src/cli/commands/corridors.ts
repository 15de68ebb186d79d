import { COST_OPTIONS, COST_USAGE, costOptions } from '../cost-options.js';
import { FREIGHT_OPTION, FREIGHT_USAGE, freightOption } from '../freight-option.js';
import { compareCorridors, type CorridorComparison, type CorridorRoute } from '../../analysis/compare-corridors.js';
import { OBJECTIVES, type Objective } from '../../routing/cost-model.js';
import { choice, FORMAT_OPTION, list, NETWORK_OPTION, SCENARIO_OPTION, type Command } from '../command.js';
import { formatNumber, formatTable } from '../format-table.js';
import { formatJson } from '../format-json.js';
import { openNetwork } from '../open-network.js';
import { UsageError } from '../usage-error.js';
import { parseModes } from './route.js';

const usage =
  'steppenet corridors [--from moscow] [--to xian] [--by time|distance|cost|generalized] [--mode rail,road,river] ' +
  `[--through KZ] ${FREIGHT_USAGE} [--scenario name|file] [--format table|json]` + ' ' + COST_USAGE;

export const corridorsCommand: Command = {
  name: 'corridors',
  summary: 'European Russia to western China: the bypass of Kazakhstan against the corridors through it',
  usage,
  options: {
    ...FORMAT_OPTION, ...SCENARIO_OPTION, ...NETWORK_OPTION, ...FREIGHT_OPTION,
    from: { type: 'string' }, to: { type: 'string' }, by: { type: 'string' }, mode: { type: 'string' }, through: { type: 'string' }, ...COST_OPTIONS,
  },
  positionals: [0, 0],
  run(args, io) {
    const format = choice(args, 'format', ['table', 'json'] as const, 'table', usage);
    const by = choice(args, 'by', OBJECTIVES, 'time', usage);
    const modes = parseModes(list(args, 'mode'), usage);
    const cost = costOptions(args, usage);
    const freight = freightOption(args, usage);
    const through = args.values.through;
    if (through !== undefined && (typeof through !== 'string' || !/^[A-Za-z]{2}$/.test(through))) {
      throw new UsageError(`--through must be a two-letter country code such as KZ, got "${String(through)}"`, usage);
    }
    const network = openNetwork(args);
    const result = compareCorridors(network, {
      from: typeof args.values.from === 'string' ? args.values.from : undefined,
      to: typeof args.values.to === 'string' ? args.values.to : undefined,
      throughCountry: typeof through === 'string' ? through.toUpperCase() : undefined,
      by,
      modes,
      ...cost,
      freight,
    });
    io.out(format === 'json' ? corridorsJson(result) : renderCorridors(result));
    return 0;
  },
};

/** The comparison as JSON (see formatJson). */
export function corridorsJson(c: CorridorComparison): string {
  return formatJson(c);
}

const UNIT: Record<Objective, string> = { distance: 'km', time: 'h', cost: 'USD/t', generalized: 'USD/t (generalized)' };

/** The side-by-side table: bypass / through / best, then the legs of each and any notes. */
export function renderCorridors(c: CorridorComparison): string {
  const columns: [string, CorridorRoute][] = [['bypass', c.bypass], [`through ${c.throughCountry}`, c.through], ['best', c.best]];
  const cell = (r: CorridorRoute, value: (r: CorridorRoute) => string) => (r.found ? value(r) : 'no route');
  const row = (label: string, value: (r: CorridorRoute) => string) => [label, ...columns.map(([, r]) => cell(r, value))];
  const rows = [
    row('km', (r) => formatNumber(r.km, 0)),
    row('hours', (r) => formatNumber(r.hours)),
    row('border waits h', (r) => formatNumber(r.borderWaitHours)),
    row('cost USD/t', (r) => formatNumber(r.cost)),
    ...(c.by === 'generalized' ? [row('generalized USD/t', (r) => formatNumber(r.weight))] : []),
    row('crossings', (r) => String(r.crossings)),
    row('countries', (r) => r.countries.join(' → ')),
    row('km per country', (r) => r.kmByCountry.map((k) => `${k.country} ${formatNumber(k.km, 0)}`).join(', ')),
    row('link-disjoint routes', (r) => {
      const d = r.resilience.disjointRoutes;
      return d.exact ? String(d.count) : `${d.count} to ${d.upperBound}`;
    }),
    row(`worst link failure (+${UNIT[c.by]})`, (r) => {
      const f = r.resilience.worstFailure;
      return f === null ? '–' : f.penalty === Infinity ? 'cuts it' : `+${formatNumber(f.penalty)}`;
    }),
  ];
  const lines = [
    `${c.from.name} → ${c.to.name} by ${c.by} (scenario ${c.scenario}, modes ${c.modes.join('/')})`,
    '',
    formatTable(['', ...columns.map(([name]) => name)], rows),
    '',
    c.best.is === null ? `No route at all: ${c.best.reason}` : `The best route ${c.best.is === 'through' ? `goes through ${c.throughCountry}` : `avoids ${c.throughCountry}`}.`,
  ];
  for (const [name, r] of columns.slice(0, 2)) {
    if (!r.found) {
      lines.push(`${name}: no route: ${r.reason}`);
      continue;
    }
    lines.push(`${name}: ${r.route.legs.map((l) => `${l.mode} ${l.from.name} → ${l.to.name}${l.name ? ` (${l.name})` : ''}`).join('; ')}`);
    if (r.route.crossings.length) lines.push(`  crossings: ${r.route.crossings.map((x) => `${x.name} (${x.regime}) ${x.from} → ${x.to}, wait ${formatNumber(x.waitHours)} h`).join('; ')}`);
    const worst = r.resilience.worstFailure;
    if (worst) lines.push(`  worst link failure: ${worst.name}: ${worst.penalty === Infinity ? 'no such route is left' : `+${formatNumber(worst.penalty)} ${UNIT[c.by]}`}`);
    if (r.revisits.length) lines.push(`  note: passes ${r.revisits.join(', ')} twice (it dips into ${c.throughCountry} and comes back; no route that enters ${c.throughCountry} is cheaper)`);
  }
  return lines.join('\n');
}

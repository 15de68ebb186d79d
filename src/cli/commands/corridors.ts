import { COST_OPTIONS, costOptions } from '../cost-options.js';
import { FREIGHT_OPTION, freightOption } from '../freight-option.js';
import { compareCorridors, type CorridorComparison, type CorridorRoute } from '../../analysis/compare-corridors.js';
import type { Objective } from '../../routing/cost-model.js';
import { choice, formatOption, list, NETWORK_OPTION, SCENARIO_OPTION, type Command } from '../command.js';
import { formatNumber, formatTable } from '../format-table.js';
import { formatJson } from '../format-json.js';
import { openNetwork } from '../open-network.js';
import { UsageError } from '../usage-error.js';
import { parseModes } from './route.js';
import { BY_OPTION, MODES_OPTION } from '../route-options.js';
import { usageLine, type CommandSpec } from '../option-spec.js';

const spec = {
  name: 'corridors',
  arguments: [],
  options: {
    from: { type: 'string', value: 'PLACE', defaultText: 'moscow', description: 'the origin in European Russia: a place name, alias or id' },
    to: { type: 'string', value: 'PLACE', defaultText: 'xian', description: 'the destination in western China: a place name, alias or id' },
    through: { type: 'string', value: 'KZ', defaultText: 'KZ', description: 'the country (ISO code) the corridor goes through and the bypass avoids' },
    ...BY_OPTION, ...MODES_OPTION, ...FREIGHT_OPTION, ...SCENARIO_OPTION, ...NETWORK_OPTION, ...formatOption(['table', 'json']), ...COST_OPTIONS,
  },
} as const satisfies CommandSpec;
const usage = usageLine(spec);

export const corridorsCommand: Command = {
  ...spec,
  summary: 'European Russia to western China: the bypass of Kazakhstan against the corridors through it',
  usage,
  run(args, io) {
    const format = choice(args, spec.options, 'format');
    const by = choice(args, spec.options, 'by');
    const modes = parseModes(list(args, 'mode'), usage);
    const cost = costOptions(args, usage);
    const freight = freightOption(args);
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

import { MODES, type Mode } from '../../model/types.js';
import { monthName } from '../../routing/cost-model.js';
import { route } from '../../routing/route.js';
import { routeToGeoJSON } from '../../routing/route-geojson.js';
import type { RouteResult } from '../../routing/route-result.js';
import { FREIGHT_OPTION, freightOption } from '../freight-option.js';
import { choice, formatOption, list, NETWORK_OPTION, SCENARIO_OPTION, type Command } from '../command.js';
import { formatNumber, formatTable } from '../format-table.js';
import { formatJson } from '../format-json.js';
import { openNetwork } from '../open-network.js';
import { UsageError } from '../usage-error.js';
import { UnknownPlaceError } from '../../places/unknown-place-error.js';
import { COST_OPTIONS, costOptions } from '../cost-options.js';
import { BY_OPTION, MODES_OPTION } from '../route-options.js';
import { usageLine, type CommandSpec } from '../option-spec.js';

const spec = {
  name: 'route',
  arguments: [
    { name: 'from', description: 'where the route starts: a place name, alias or id' },
    { name: 'to', description: 'where the route ends: a place name, alias or id' },
  ],
  options: {
    ...BY_OPTION, ...MODES_OPTION,
    via: { type: 'string', value: 'X,Y', description: 'places to pass through, in order, comma-separated' },
    'avoid-country': { type: 'string', value: 'KZ,CN', description: 'countries to keep out of (ISO codes, any case), comma-separated' },
    avoid: { type: 'string', value: 'ID,...', description: 'links, checkpoints and places (ids or place names) to keep out of, comma-separated' },
    ...FREIGHT_OPTION, ...SCENARIO_OPTION, ...NETWORK_OPTION, ...formatOption(['table', 'json', 'geojson']), ...COST_OPTIONS,
  },
} as const satisfies CommandSpec;
const usage = usageLine(spec);

export const routeCommand: Command = {
  ...spec,
  summary: 'the best route between two places, leg by leg',
  usage,
  run(args, io) {
    const format = choice(args, spec.options, 'format');
    const by = choice(args, spec.options, 'by');
    const modes = parseModes(list(args, 'mode'), usage);
    const cost = costOptions(args, usage);
    const freight = freightOption(args);
    const network = openNetwork(args);
    // --avoid takes link, checkpoint and place ids, and place names (resolved like <from> and <to>).
    const avoidValues = list(args, 'avoid') ?? [];
    const isCheckpoint = (id: string) => network.checkpoints().some((l) => l.properties.checkpoint.id === id);
    const avoidLinks = avoidValues.filter((v) => network.link(v));
    const avoidCheckpoints = avoidValues.filter((v) => !network.link(v) && isCheckpoint(v));
    const avoidPlaces = avoidValues.filter((v) => !network.link(v) && !isCheckpoint(v));
    for (const v of avoidPlaces) {
      try {
        network.resolvePlace(v);
      } catch (e) {
        if (e instanceof UnknownPlaceError) throw new UsageError(`--avoid: "${v}" is no link or checkpoint id, and no place: ${e.message}`, usage);
        throw e;
      }
    }
    const result = route(network, args.positionals[0], args.positionals[1], {
      by,
      modes,
      ...cost,
      freight,
      via: list(args, 'via'),
      avoid: {
        countries: list(args, 'avoid-country'),
        links: avoidLinks,
        places: avoidPlaces,
        checkpoints: avoidCheckpoints,
      },
    });
    if (format === 'json') io.out(formatJson(result));
    else if (format === 'geojson') io.out(JSON.stringify(routeToGeoJSON(network, result), null, 2));
    else io.out(renderRoute(result));
    return 0;
  },
};

export function parseModes(modes: string[] | undefined, usage: string): Mode[] | undefined {
  const bad = (modes ?? []).filter((m) => !(MODES as readonly string[]).includes(m));
  if (bad.length) throw new UsageError(`--mode: unknown mode ${bad.join(', ')} (modes: ${MODES.join(', ')})`, usage);
  return modes as Mode[] | undefined;
}

const UNITS = { distance: 'km', time: 'h', cost: 'USD/t', generalized: 'USD/t (generalized)' } as const;

export function renderRoute(r: RouteResult): string {
  const title = `${r.from.name} → ${r.to.name}${r.via.length ? ` via ${r.via.map((v) => v.name).join(', ')}` : ''} by ${r.by} (scenario ${r.scenario}${r.freight ? `, freight ${r.freight}` : ''})`;
  const month = r.month !== undefined ? ` in ${monthName(r.month)}` : '';
  if (!r.found) return `${title}${month}\nNo route: ${r.reason}`;
  const b = r.totals.hoursBreakdown;
  const crew = r.drivers ? (r.drivers.rules ? `AETR drivers' hours, ${r.drivers.count} driver${r.drivers.count === 2 ? 's' : ''}` : "drivers' hours off") : '';
  const lines = [
    title + month,
    `Total: ${formatNumber(r.totals.km, 0)} km, ${formatNumber(r.totals.hours, 1)} h, ${formatNumber(r.totals.cost, 1)} USD/t` +
      (r.by === 'generalized' ? `, generalized ${formatNumber(r.totals.weight, 1)} ${UNITS.generalized}` : ''),
    `Hours: driving ${formatNumber(b.driving, 1)}, rest ${formatNumber(b.rest, 1)}, waiting ${formatNumber(b.waiting, 1)}, ` +
      `transfer ${formatNumber(b.transfer, 1)}, rail/river running ${formatNumber(b.running, 1)}${crew ? ` (${crew})` : ''}`,
    `Countries: ${r.countries.join(' → ')}`,
    '',
    formatTable(
      ['#', 'mode', 'from', 'to', 'road / line', 'km', 'hours', 'of which rest', 'USD/t'],
      r.legs.map((l, i) => [
        i + 1, l.mode, l.from.name, l.to.name,
        (l.name || '–') + (l.season ? ` (season ${l.season.from} – ${l.season.to})` : ''),
        round(l.km), round(l.hours, 1), round(l.hoursBreakdown.rest, 1), round(l.cost, 1),
      ]),
    ),
  ];
  if (r.crossings.length) {
    lines.push('', 'Border crossings:', formatTable(
      ['checkpoint', 'mode', 'regime', 'from → to', 'wait h'],
      r.crossings.map((c) => [c.name, c.mode, c.regime, `${c.from} → ${c.to}`, round(c.waitHours, 1)]),
      { indent: '  ' },
    ));
  }
  if (r.transfers.length) {
    lines.push('', 'Transfers:', formatTable(
      ['place', 'from → to', 'hours', 'USD/t'],
      r.transfers.map((t) => [t.place.name, `${t.fromMode} → ${t.toMode}`, round(t.hours, 1), round(t.cost, 1)]),
      { indent: '  ' },
    ));
  }
  return lines.join('\n');
}

const round = (n: number, d = 0) => Math.round(n * 10 ** d) / 10 ** d;

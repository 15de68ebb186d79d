import { borderCut, type BorderCutOptions, type BorderCutResult, type PlaceSet, type SectorCut } from '../../analysis/border-cut.js';
import { BORDER_SECTORS } from '../../model/types.js';
import { choice, formatOption, list, NETWORK_OPTION, SCENARIO_OPTION, type Command, type ParsedArgs } from '../command.js';
import { formatCsv } from '../format-csv.js';
import { formatNumber, formatTable } from '../format-table.js';
import { FREIGHT_OPTION, freightOption } from '../freight-option.js';
import { openNetwork } from '../open-network.js';
import { asUsage } from '../resilience-output.js';
import { UsageError } from '../usage-error.js';
import { usageLine, type CommandSpec } from '../option-spec.js';

const spec = {
  name: 'border-cut',
  arguments: [],
  options: {
    sector: { type: 'string', choices: BORDER_SECTORS, defaultText: 'every sector, and the whole border', description: 'one sector of the border' },
    mode: { type: 'string', choices: ['road', 'rail'], default: 'road', description: 'trucks by road or train pairs by rail' },
    freight: { ...FREIGHT_OPTION.freight, default: 'bilateral' },
    domestic: {
      type: 'string', choices: ['by-class', 'unlimited'], default: 'by-class',
      description: 'the capacity of domestic links without their own: by road class or rail line, or unlimited (only the border counts)',
    },
    from: { type: 'string', value: 'A,B', defaultText: 'every Russian place', description: 'where the flow starts: places, comma-separated (or --from-region)' },
    'from-region': { type: 'string', value: 'REGION', description: 'where the flow starts: every place of a region' },
    to: { type: 'string', value: 'C,D', defaultText: 'every Kazakh place', description: 'where the flow ends: places, comma-separated (or --to-region)' },
    'to-region': { type: 'string', value: 'REGION', description: 'where the flow ends: every place of a region' },
    'max-stretch': {
      type: 'string', value: '1.5|none', defaultText: '1.5 with both ends given',
      description: 'only links on a route at most this × the shortest route between the two ends carry flow; none for every link',
    },
    ...SCENARIO_OPTION, ...NETWORK_OPTION, ...formatOption(['table', 'json', 'csv', 'geojson']),
  },
} as const satisfies CommandSpec;
const usage = usageLine(spec);

const UNIT_WORDS = { trucks: 'trucks', 'train-pairs': 'train pairs' } as const;

export const borderCutCommand: Command = {
  ...spec,
  summary: 'maximum daily freight flow across the Kazakhstan–Russia border (trucks or train pairs), and its bottleneck',
  usage,
  run(args, io) {
    const format = choice(args, spec.options, 'format');
    const mode = choice(args, spec.options, 'mode');
    const sector = choice(args, spec.options, 'sector');
    const freight = freightOption(args);
    const domestic = choice(args, spec.options, 'domestic');
    const stretch = args.values['max-stretch'];
    const maxStretch = stretch === undefined ? undefined : stretch === 'none' ? Infinity : Number(stretch);
    if (maxStretch !== undefined && !(maxStretch >= 1)) throw new UsageError(`--max-stretch must be a number >= 1 or "none", got "${String(stretch)}"`, usage);
    const options: BorderCutOptions = { mode, sector, freight, domestic, maxStretch, from: placeSet(args, 'from'), to: placeSet(args, 'to') };
    const network = openNetwork(args);
    const result = asUsage(usage, () => borderCut(network, options));
    if (format === 'json') {
      io.out(JSON.stringify(result, null, 2));
      return 0;
    }
    if (format === 'geojson') {
      io.out(JSON.stringify({
        type: 'FeatureCollection',
        features: result.total.cut.map((c) => ({ type: 'Feature', geometry: network.link(c.link)!.geometry, properties: { ...c, unit: result.unit, sector: result.total.sector } })),
      }, null, 2));
      return 0;
    }
    const sectors = [result.total, ...result.sectors];
    if (format === 'csv') {
      io.out(formatCsv(
        ['sector', `max_${result.unit}_per_day`, 'exact', 'at_most', 'unknown_crossings', 'observed_flow_crossings', 'cut'],
        sectors.map((s) => [s.sector, round(s.value), String(s.exact), s.exact ? '' : s.atMost === null ? 'unbounded' : round(s.atMost!), s.unknown.length, s.observed.length, s.cut.map((c) => c.link).join(' ')]),
      ));
      return 0;
    }
    io.out(renderBorderCut(result, (ids) => (ids.length > 4 ? `${ids.length} places` : ids.map((id) => network.place(id)!.properties.name).join(', '))));
    return 0;
  },
};

const round = (n: number) => Math.round(n * 10) / 10;

/** "at least 1,000 (2 crossings unknown; at most 1,400)" or "1,000". */
export function cutValue(s: SectorCut): string {
  if (s.exact) return formatNumber(round(s.value));
  const bound = s.atMost === null || s.atMost === undefined ? 'no upper bound' : `at most ${formatNumber(round(s.atMost))}`;
  const why = [
    ...(s.unknown.length ? [`${s.unknown.length} crossing${s.unknown.length === 1 ? '' : 's'} unknown`] : []),
    ...(s.observed.length ? [`${s.observed.length} observed flow${s.observed.length === 1 ? '' : 's'}`] : []),
  ];
  return `at least ${formatNumber(round(s.value))} (${[...why, bound].join('; ')})`;
}

export function renderBorderCut(result: BorderCutResult, places: (ids: string[]) => string): string {
  const unit = UNIT_WORDS[result.unit];
  const sectors = [result.total, ...result.sectors];
  const freight = result.freight === 'bilateral'
    ? 'freight bilateral (Kazakh and Russian carriers): multilateral and bilateral crossings'
    : 'freight transit (any carrier): multilateral crossings only';
  return [
    `Maximum ${result.mode} flow across the Kazakhstan–Russia border, ${unit} per day (scenario ${result.scenario})`,
    `from ${places(result.from)} to ${places(result.to)}; ${freight}`,
    `${result.domestic[0].toUpperCase()}${result.domestic.slice(1)}.`,
    ...(result.stretch
      ? [`Reasonable routes only: links on a route within ${result.stretch.max} × the ${formatNumber(Math.round(result.stretch.shortestKm))} km from ${places(result.stretch.between[0])} to ${places(result.stretch.between[1])} (${result.stretch.links} links).`]
      : []),
    '',
    formatTable(['sector', `${unit}/day`, 'bottleneck'], sectors.map((s) => [
      s.sector, cutValue(s),
      s.cut.map((c) => `${c.name} (${formatNumber(round(c.capacity))}${c.capacityFrom?.startsWith('class') ? `, ${c.capacityFrom}` : ''})`).join(', '),
    ])),
    '',
    'Checkpoints:',
    formatTable(
      ['checkpoint', 'sector', 'regime', 'status', `${unit}/day`, 'as given', 'flow', 'note'],
      result.checkpoints.map((c) => [
        c.name, c.sector ?? '', c.regime, c.status, typeof c.capacity === 'number' ? round(c.capacity) : 'unknown', c.given ?? '', round(c.flow), c.why ?? '',
      ]),
      { indent: '  ' },
    ),
    ...(result.total.unknown.length ? ['', `Capacity unknown (counted as 0, so the figures are lower bounds): ${result.total.unknown.join(', ')}.`] : []),
  ].join('\n');
}

/** --from A,B (places) or --from-region R (a region, resolved by name), not both. */
function placeSet(args: ParsedArgs, side: 'from' | 'to'): PlaceSet | undefined {
  const places = list(args, side);
  const region = args.values[`${side}-region`];
  if (places && region !== undefined) throw new UsageError(`give --${side} or --${side}-region, not both`, usage);
  if (region !== undefined) return { region: String(region) };
  return places;
}

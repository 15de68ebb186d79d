import { borderCut, type BorderCutOptions, type PlaceSet } from '../../analysis/border-cut.js';
import { BORDER_SECTORS } from '../../model/types.js';
import { choice, FORMAT_OPTION, list, NETWORK_OPTION, SCENARIO_OPTION, type Command, type ParsedArgs } from '../command.js';
import { formatCsv } from '../format-csv.js';
import { formatTable } from '../format-table.js';
import { openNetwork } from '../open-network.js';
import { asUsage } from '../resilience-output.js';
import { UsageError } from '../usage-error.js';

const usage =
  'steppenet border-cut [--sector caspian-volga|urals|west-siberia|altai] [--mode road|rail] [--unit trucks|vehicles|trains] ' +
  '[--from A,B | --from-region R] [--to C,D | --to-region R] [--scenario name|file] [--network FILE] [--format table|json|csv|geojson]';

export const borderCutCommand: Command = {
  name: 'border-cut',
  summary: 'maximum daily flow across the Kazakhstan–Russia border from checkpoint capacities, and its bottleneck',
  usage,
  options: {
    ...FORMAT_OPTION, ...SCENARIO_OPTION, ...NETWORK_OPTION,
    sector: { type: 'string' }, mode: { type: 'string' }, unit: { type: 'string' },
    from: { type: 'string' }, to: { type: 'string' }, 'from-region': { type: 'string' }, 'to-region': { type: 'string' },
  },
  positionals: [0, 0],
  run(args, io) {
    const format = choice(args, 'format', ['table', 'json', 'csv', 'geojson'] as const, 'table', usage);
    const mode = choice(args, 'mode', ['road', 'rail'] as const, 'road', usage);
    const sector = args.values.sector === undefined ? undefined : choice(args, 'sector', BORDER_SECTORS, 'urals', usage);
    const unit = args.values.unit === undefined ? undefined : choice(args, 'unit', ['trucks', 'vehicles', 'trains', 'vessels'] as const, 'trucks', usage);
    const options: BorderCutOptions = { mode, sector, unit, from: placeSet(args, 'from'), to: placeSet(args, 'to') };
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
      io.out(formatCsv(['sector', `max_${result.unit}_per_day`, 'cut'], sectors.map((s) => [s.sector, s.value, s.cut.map((c) => c.link).join(' ')])));
      return 0;
    }
    const places = (ids: string[]) => (ids.length > 4 ? `${ids.length} places` : ids.map((id) => network.place(id)!.properties.name).join(', '));
    io.out([
      `Maximum ${result.mode} flow across the Kazakhstan–Russia border, ${result.unit} per day (scenario ${result.scenario})`,
      `from ${places(result.from)} to ${places(result.to)}`,
      '',
      formatTable(['sector', `${result.unit}/day`, 'bottleneck'], sectors.map((s) => [s.sector, s.value, s.cut.map((c) => `${c.name} (${c.capacity})`).join(', ')])),
      '',
      'Checkpoints:',
      formatTable(
        ['checkpoint', 'sector', 'status', 'capacity', 'flow', 'not counted because'],
        result.checkpoints.map((c) => [c.name, c.sector ?? '', c.status, c.capacity, c.flow, c.why ?? '']),
        { indent: '  ' },
      ),
      ...(result.uncounted.length ? ['', `Counted as 0 (capacity unknown or in another unit): ${result.uncounted.join(', ')}.`] : []),
    ].join('\n'));
    return 0;
  },
};

/** --from A,B (places) or --from-region R (a region), not both. */
function placeSet(args: ParsedArgs, side: 'from' | 'to'): PlaceSet | undefined {
  const places = list(args, side);
  const region = args.values[`${side}-region`];
  if (places && region !== undefined) throw new UsageError(`give --${side} or --${side}-region, not both`, usage);
  if (region !== undefined) return { region: String(region) };
  return places;
}

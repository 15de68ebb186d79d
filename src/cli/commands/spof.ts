import { FREIGHT_OPTION, freightOption } from '../freight-option.js';
import { singlePointsOfFailure, type FailureView } from '../../analysis/single-points-of-failure.js';
import { MODES } from '../../model/types.js';
import { choice, formatOption, NETWORK_OPTION, SCENARIO_OPTION, type Command } from '../command.js';
import { formatCsv } from '../format-csv.js';
import { formatTable } from '../format-table.js';
import { openNetwork } from '../open-network.js';
import { usageLine, type CommandSpec } from '../option-spec.js';

const spec = {
  name: 'spof',
  arguments: [],
  options: {
    mode: { type: 'string', choices: [...MODES, 'all'], defaultText: 'each mode, then all modes together', description: 'one view: the network of one mode, or of all modes together' },
    ...FREIGHT_OPTION, ...SCENARIO_OPTION, ...NETWORK_OPTION, ...formatOption(['table', 'json', 'csv', 'geojson']),
  },
} as const satisfies CommandSpec;

export const spofCommand: Command = {
  ...spec,
  summary: 'single points of failure: links and places whose loss alone splits the network, per mode and for all modes',
  usage: usageLine(spec),
  run(args, io) {
    const format = choice(args, spec.options, 'format');
    // No --mode: every view (each mode, then all modes together).
    const wanted = choice(args, spec.options, 'mode') ?? 'every';
    const network = openNetwork(args);
    const result = singlePointsOfFailure(network, { freight: freightOption(args), ...(wanted === 'every' || wanted === 'all' ? {} : { modes: [wanted] }) });
    const views = result.views.filter((v) => wanted === 'every' || v.view === wanted);
    if (format === 'json') {
      io.out(JSON.stringify({ ...result, views }, null, 2));
      return 0;
    }
    if (format === 'geojson') {
      io.out(JSON.stringify({
        type: 'FeatureCollection',
        features: views.flatMap((v) => [
          ...v.bridges.map((b) => ({ type: 'Feature', geometry: network.link(b.link)!.geometry, properties: { kind: 'bridge', view: v.view, ...b } })),
          ...v.articulationPoints.map((a) => ({ type: 'Feature', geometry: network.place(a.place)!.geometry, properties: { kind: 'articulation point', view: v.view, ...a } })),
        ]),
      }, null, 2));
      return 0;
    }
    const rows = views.flatMap((v) => [
      ...v.bridges.map((b) => [v.view, 'link', b.link, b.name, b.cutsOff, cutOffText(network, b.pieces)]),
      ...v.articulationPoints.map((a) => [v.view, 'place', a.place, a.name, a.cutsOff, cutOffText(network, a.pieces)]),
    ]);
    if (format === 'csv') {
      io.out(formatCsv(['view', 'kind', 'id', 'name', 'places_cut_off', 'cut_off'], rows));
      return 0;
    }
    io.out([
      `Single points of failure (scenario ${result.scenario})`,
      ...views.flatMap((v) => ['', heading(v), ...(v.bridges.length + v.articulationPoints.length
        ? [formatTable(['kind', 'id', 'name', 'cuts off', 'places cut off'], rows.filter((r) => r[0] === v.view).map((r) => r.slice(1)), { indent: '  ' })]
        : ['  none'])]),
    ].join('\n'));
    return 0;
  },
};

function heading(v: FailureView): string {
  return `${v.view === 'all' ? 'All modes' : v.view}: ${v.places} places, ${v.links} links, ${v.components} piece${v.components === 1 ? '' : 's'}; ` +
    `${v.bridges.length} bridge${v.bridges.length === 1 ? '' : 's'}, ${v.articulationPoints.length} articulation point${v.articulationPoints.length === 1 ? '' : 's'}`;
}

/** The places cut off, by name, at most 6 shown. */
function cutOffText(network: ReturnType<typeof openNetwork>, pieces: string[][]): string {
  const names = pieces.flat().map((id) => network.place(id)!.properties.name);
  return names.length > 6 ? `${names.slice(0, 6).join(', ')} … (+${names.length - 6})` : names.join(', ');
}

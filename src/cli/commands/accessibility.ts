import { COST_OPTIONS, costOptions } from '../cost-options.js';
import { FREIGHT_OPTION, freightOption } from '../freight-option.js';
import { accessibility, ACCESSIBILITY_LAYERS, type AccessibilityLayerName, type AccessibilityMatrix } from '../../analysis/accessibility.js';
import type { Objective } from '../../routing/cost-model.js';
import { choice, formatOption, list, NETWORK_OPTION, SCENARIO_OPTION, type Command } from '../command.js';
import { formatCsv } from '../format-csv.js';
import { formatNumber, formatTable } from '../format-table.js';
import { formatJson } from '../format-json.js';
import { openNetwork } from '../open-network.js';
import { UsageError } from '../usage-error.js';
import { DataError } from '../../errors/steppenet-error.js';
import { BY_OPTION } from '../route-options.js';
import { usageLine, type CommandSpec } from '../option-spec.js';

const spec = {
  name: 'accessibility',
  arguments: [],
  options: {
    ...BY_OPTION,
    mode: { type: 'string', choices: [...ACCESSIBILITY_LAYERS, 'all'], default: 'all', description: 'which matrix: one mode only, multimodal, or all of them' },
    places: { type: 'string', value: 'A,B,...', defaultText: "the border regions' main cities", description: 'the places of the matrix, comma-separated' },
    ...FREIGHT_OPTION, ...SCENARIO_OPTION, ...NETWORK_OPTION, ...formatOption(['table', 'csv', 'json']), ...COST_OPTIONS,
  },
} as const satisfies CommandSpec;
const usage = usageLine(spec);

export const accessibilityCommand: Command = {
  ...spec,
  summary: 'best time (or km, cost) between the border regions\' main cities, by each mode and multimodal',
  usage,
  run(args, io) {
    const format = choice(args, spec.options, 'format');
    const by = choice(args, spec.options, 'by');
    const mode = choice(args, spec.options, 'mode');
    const freight = freightOption(args);
    const cost = costOptions(args, usage);
    const network = openNetwork(args);
    const places = list(args, 'places');
    if (places !== undefined && places.length === 0) throw new UsageError(`--places names no place (got "${String(args.values.places)}"): give a comma-separated list of names or ids`, usage);
    if (places === undefined && network.regionCentres().length === 0) {
      throw new DataError('the network has no region centres (places with regionCentre: true) to make a matrix of; give --places A,B,...');
    }
    const matrix = accessibility(network, { by, freight, modes: mode === 'all' ? ACCESSIBILITY_LAYERS : [mode], places, ...cost });
    if (format === 'json') io.out(formatJson(matrix));
    else if (format === 'csv') io.out(accessibilityCsv(matrix));
    else io.out(renderAccessibility(matrix));
    return 0;
  },
};

const UNIT: Record<Objective, string> = { distance: 'km', time: 'hours', cost: 'USD/t', generalized: 'generalized USD/t' };
const LAYER_TEXT: Record<AccessibilityLayerName, string> = { rail: 'rail only', road: 'road only', river: 'river only', multimodal: 'multimodal' };

/** One matrix per layer: origins down, destinations across; "–" where there is no route. */
export function renderAccessibility(m: AccessibilityMatrix): string {
  const names = m.places.map((p) => p.name);
  const blocks = m.layers.map((layer) => {
    const pairs = names.length * (names.length - 1);
    // One decimal below 100, none above; the diagonal is a plain 0.
    const cells = layer.values.map((row, i) => row.map((v, j) => (v === null ? '–' : i === j ? '0' : formatNumber(v, v >= 100 ? 0 : 1))));
    // Right-align each column by hand: the cells are text ("–" marks no route), which formatTable would left-align.
    const widths = names.map((name, j) => cells.reduce((w, row) => Math.max(w, row[j].length), name.length));
    return [
      `${LAYER_TEXT[layer.layer]}: ${UNIT[m.by]} (scenario ${m.scenario}); ${layer.connectedPairs} of ${pairs} ordered pairs connected`,
      formatTable(['from \\ to', ...names], cells.map((row, i) => [names[i], ...row.map((c, j) => c.padStart(widths[j]))])),
    ].join('\n');
  });
  return blocks.join('\n\n');
}

/** Long format: one line per layer and ordered pair of different places, with the reason where there is no route. */
export function accessibilityCsv(m: AccessibilityMatrix): string {
  const rows: (string | number | undefined)[][] = [];
  for (const layer of m.layers) {
    m.places.forEach((from, i) => m.places.forEach((to, j) => {
      if (i === j) return;
      rows.push([layer.layer, from.id, to.id, from.name, to.name, layer.values[i][j] ?? undefined, layer.reasons[i][j] ?? undefined]);
    }));
  }
  return formatCsv(['mode', 'from_id', 'to_id', 'from', 'to', m.by, 'no_route_reason'], rows);
}

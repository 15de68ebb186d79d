import { COST_OPTIONS, COST_USAGE, costOptions } from '../cost-options.js';
import { FREIGHT_OPTION, FREIGHT_USAGE, freightOption } from '../freight-option.js';
import { accessibility, ACCESSIBILITY_LAYERS } from '../../analysis/accessibility.js';
import { accessibilityCsv } from '../../present/accessibility-csv.js';
import { renderAccessibility } from '../../present/accessibility-table.js';
import { formatJson } from '../../present/json.js';
import { OBJECTIVES } from '../../routing/cost-model.js';
import { choice, FORMAT_OPTION, list, NETWORK_OPTION, SCENARIO_OPTION, type Command } from '../command.js';
import { openNetwork } from '../open-network.js';
import { UsageError } from '../usage-error.js';
import { DataError } from '../cli-errors.js';

const usage =
  'steppenet accessibility [--by time|distance|cost|generalized] [--mode rail|road|river|multimodal|all] [--places A,B,...] ' +
  `${FREIGHT_USAGE} [--scenario name|file] [--format table|csv|json]` + ' ' + COST_USAGE;

export const accessibilityCommand: Command = {
  name: 'accessibility',
  summary: 'best time (or km, cost) between the border regions\' main cities, by each mode and multimodal',
  usage,
  options: { ...FORMAT_OPTION, ...SCENARIO_OPTION, ...NETWORK_OPTION, ...FREIGHT_OPTION, by: { type: 'string' }, mode: { type: 'string' }, places: { type: 'string' }, ...COST_OPTIONS },
  positionals: [0, 0],
  run(args, io) {
    const format = choice(args, 'format', ['table', 'csv', 'json'] as const, 'table', usage);
    const by = choice(args, 'by', OBJECTIVES, 'time', usage);
    const mode = choice(args, 'mode', [...ACCESSIBILITY_LAYERS, 'all'] as const, 'all', usage);
    const freight = freightOption(args, usage);
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

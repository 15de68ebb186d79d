import { COST_OPTIONS, costOptions } from '../cost-options.js';
import { FREIGHT_OPTION, freightOption } from '../freight-option.js';
import { accessibility, ACCESSIBILITY_LAYERS } from '../../analysis/accessibility.js';
import { accessibilityGeoJSON } from '../../present/accessibility-geojson.js';
import { choice, formatOption, list, NETWORK_OPTION, SCENARIO_OPTION, type Command } from '../command.js';
import { accessibilityCsv } from '../../present/accessibility-csv.js';
import { renderAccessibility } from '../../present/accessibility-table.js';
import { formatJson } from '../../present/json.js';
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
    ...FREIGHT_OPTION, ...SCENARIO_OPTION, ...NETWORK_OPTION, ...formatOption(['table', 'csv', 'json', 'geojson']), ...COST_OPTIONS,
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
    else if (format === 'geojson') io.out(JSON.stringify(accessibilityGeoJSON(network, matrix), null, 2));
    else io.out(renderAccessibility(matrix));
    return 0;
  },
};

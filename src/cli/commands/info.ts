import { validateRailDistances, type DistanceValidation } from '../../analysis/tariff-validation.js';
import { bundledPath } from '../../io/bundled-files.js';
import { readDistanceTable } from '../../io/distance-table.js';
import { loadNetwork } from '../../model/load-network.js';
import { summarizeNetwork } from '../../model/network-summary.js';
import { choice, formatOption, NETWORK_OPTION, SCENARIO_OPTION, type Command } from '../command.js';
import { formatJson } from '../../present/json.js';
import { renderSummary } from '../../present/network-summary-table.js';
import { openNetwork } from '../open-network.js';
import { usageLine, type CommandSpec } from '../option-spec.js';

const spec = {
  name: 'info',
  arguments: [],
  options: { ...SCENARIO_OPTION, ...NETWORK_OPTION, ...formatOption(['table', 'json']) },
} as const satisfies CommandSpec;

export const infoCommand: Command = {
  ...spec,
  summary: 'counts of places, links and checkpoints; what the scenario changed',
  usage: usageLine(spec),
  run(args, io) {
    const format = choice(args, spec.options, 'format');
    const summary = summarizeNetwork(openNetwork(args));
    // The bundled network ships its validation table; a user's network has none.
    const railValidation = args.values.network === undefined ? bundledRailValidation() : undefined;
    io.out(format === 'json' ? formatJson({ ...summary, railValidation }) : renderSummary(summary, railValidation));
    return 0;
  },
};

export const RAIL_VALIDATION_FILE = 'networks/validation/rail-distances.csv';

/** The published tariff distances against the bundled network as it is now (scenario current). */
function bundledRailValidation(): DistanceValidation & { file: string } {
  return { file: RAIL_VALIDATION_FILE, ...validateRailDistances(loadNetwork(), readDistanceTable(bundledPath(RAIL_VALIDATION_FILE))) };
}

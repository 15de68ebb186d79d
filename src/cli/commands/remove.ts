import { removeLinks } from '../../analysis/remove-links.js';
import { choice, formatOption, NETWORK_OPTION, SCENARIO_OPTION, type Command } from '../command.js';
import { formatJson } from '../../present/json.js';
import { removalCsv } from '../../present/removal-csv.js';
import { renderRemoval } from '../../present/removal-table.js';
import { ANALYSIS_OPTIONS, analysisOptions } from '../analysis-options.js';
import { openNetwork } from '../open-network.js';
import { usageLine, type CommandSpec } from '../option-spec.js';

const spec = {
  name: 'remove',
  arguments: [{ name: 'selection', description: 'what to take out of service, comma-separated: link, checkpoint and place ids, tags, line and road names' }],
  options: {
    all: { type: 'boolean', description: 'list every OD pair, not only those that detour or are cut off' },
    ...ANALYSIS_OPTIONS, ...SCENARIO_OPTION, ...NETWORK_OPTION, ...formatOption(['table', 'json', 'csv']),
  },
} as const satisfies CommandSpec;
const usage = usageLine(spec);

export const removeCommand: Command = {
  ...spec,
  summary: 'what-if: take links out of service and see who detours and who is cut off',
  usage,
  run(args, io) {
    const format = choice(args, spec.options, 'format');
    const network = openNetwork(args);
    const selection = args.positionals[0].split(',').map((s) => s.trim()).filter(Boolean);
    const result = removeLinks(network, selection, analysisOptions(args, usage));
    const rows = result.rows.filter((r) => args.values.all || r.effect === 'detour' || r.effect === 'disconnected');
    if (format === 'json') {
      io.out(formatJson({ ...result, rows: result.rows.map((r) => ({ ...r, newRoute: r.newRoute && { links: r.newRoute.links, totals: r.newRoute.totals } })) }));
    } else if (format === 'csv') io.out(removalCsv(network, result, rows));
    else io.out(renderRemoval(network, result, rows));
    return 0;
  },
};

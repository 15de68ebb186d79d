import { COST_USAGE } from '../cost-options.js';
import { removeLinks } from '../../analysis/remove-links.js';
import { formatJson } from '../../present/json.js';
import { removalCsv } from '../../present/removal-csv.js';
import { renderRemoval } from '../../present/removal-table.js';
import { choice, FORMAT_OPTION, NETWORK_OPTION, SCENARIO_OPTION, type Command } from '../command.js';
import { ANALYSIS_OPTIONS, analysisOptions } from '../analysis-options.js';
import { openNetwork } from '../open-network.js';

const usage =
  'steppenet remove <link|checkpoint|tag|line|place>[,...] [--by time|distance|cost|generalized] [--mode rail,road,river] ' +
  `[--freight transit|bilateral] [--ods "Omsk>Pavlodar,..."|FILE.csv] [--scenario name|file] [--all] [--format table|json|csv]` + ' ' + COST_USAGE;

export const removeCommand: Command = {
  name: 'remove',
  summary: 'what-if: take links out of service and see who detours and who is cut off',
  usage,
  options: { ...FORMAT_OPTION, ...SCENARIO_OPTION, ...NETWORK_OPTION, ...ANALYSIS_OPTIONS, all: { type: 'boolean' } },
  positionals: [1, 1],
  run(args, io) {
    const format = choice(args, 'format', ['table', 'json', 'csv'] as const, 'table', usage);
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

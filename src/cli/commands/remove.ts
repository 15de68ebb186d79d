import { COST_USAGE } from '../cost-options.js';
import { removeLinks } from '../../analysis/remove-links.js';
import type { RouteResult } from '../../routing/route-result.js';
import { choice, FORMAT_OPTION, NETWORK_OPTION, SCENARIO_OPTION, type Command } from '../command.js';
import { ANALYSIS_OPTIONS, analysisOptions } from '../analysis-options.js';
import { formatCsv } from '../format-csv.js';
import { formatNumber, formatTable } from '../format-table.js';
import { formatJson } from '../format-json.js';
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
    const name = (id: string) => network.place(id)!.properties.name;
    const rows = result.rows.filter((r) => args.values.all || r.effect === 'detour' || r.effect === 'disconnected');
    if (format === 'json') {
      io.out(formatJson({ ...result, rows: result.rows.map((r) => ({ ...r, newRoute: r.newRoute && { links: r.newRoute.links, totals: r.newRoute.totals } })) }));
      return 0;
    }
    const headers = ['from', 'to', 'demand', 'effect', `before (${result.by})`, 'after', 'extra', 'extra h', 'extra km', 'new route (modes, crossings) / reason'];
    const cells = rows.map((r) => [
      name(r.from), name(r.to), r.demand, r.effect, r.before, r.after, r.extra, r.extraHours, r.extraKm,
      r.effect === 'detour' ? detourSummary(r.newRoute!) : r.reason ?? '',
    ]);
    if (format === 'csv') {
      io.out(formatCsv(headers, cells));
      return 0;
    }
    const s = result.summary;
    io.out([
      `Removed ${result.removed.length} link(s): ${result.removed.join(', ')} (scenario ${result.scenario}, by ${result.by})`,
      `${s.pairs} OD pairs: ${s.affected} used the removed links, ${s.disconnected} lose their connection (demand ${formatNumber(s.disconnectedDemand)}), ` +
        `demand-weighted extra ${formatNumber(s.weightedExtra, 1)}`,
      '',
      rows.length ? formatTable(headers, cells) : 'No pair changes its route.',
    ].join('\n'));
    return 0;
  },
};

/** A detour in one line: its modes and the border crossings it takes instead. */
function detourSummary(r: RouteResult): string {
  const modes = [...new Set(r.legs.map((l) => l.mode))].join('+');
  return r.crossings.length ? `${modes} via ${r.crossings.map((c) => c.name).join(', ')}` : `${modes}, no border crossing`;
}

import { removeLinks } from '../../analysis/remove-links.js';
import type { RouteResult } from '../../routing/route-result.js';
import { choice, formatOption, NETWORK_OPTION, SCENARIO_OPTION, type Command } from '../command.js';
import { ANALYSIS_OPTIONS, analysisOptions } from '../analysis-options.js';
import { formatCsv } from '../format-csv.js';
import { formatNumber, formatTable } from '../format-table.js';
import { formatJson } from '../format-json.js';
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

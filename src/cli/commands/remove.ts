import { removeLinks } from '../../analysis/remove-links.js';
import { choice, formatOption, NETWORK_OPTION, SCENARIO_OPTION, type Command } from '../command.js';
import { formatJson } from '../../present/json.js';
import { removalCsv } from '../../present/removal-csv.js';
import { removalGeoJSON } from '../../present/removal-geojson.js';
import { renderRemoval } from '../../present/removal-table.js';
import { ANALYSIS_OPTIONS, analysisOptions } from '../analysis-options.js';
import { demandOption } from '../ods-option.js';
import { openNetwork } from '../open-network.js';
import { usageLine, type CommandSpec } from '../option-spec.js';
import { selectLinks } from '../../analysis/link-selection.js';
import { AREA_SELECTION_OPTIONS, areaSelection, describeAreaSelection } from '../selection-options.js';
import { UsageError } from '../usage-error.js';

const spec = {
  name: 'remove',
  arguments: [{ name: 'selection', optional: true, description: 'what to take out of service, comma-separated: link, checkpoint and place ids, tags, line and road names (or leave it out and close an area with the options below)' }],
  options: {
    ...AREA_SELECTION_OPTIONS,
    all: { type: 'boolean', description: 'list every OD pair, not only those that detour or are cut off' },
    ...ANALYSIS_OPTIONS, ...SCENARIO_OPTION, ...NETWORK_OPTION, ...formatOption(['table', 'json', 'csv', 'geojson']),
  },
} as const satisfies CommandSpec;
const usage = usageLine(spec);

export const removeCommand: Command = {
  ...spec,
  summary: 'what-if: take links out of service and see who detours and who is cut off',
  usage,
  run(args, io) {
    const format = choice(args, spec.options, 'format');
    const analysis = analysisOptions(args, usage);
    const area = areaSelection(args, usage);
    if (args.positionals[0] === undefined && !area) throw new UsageError('remove: name what to take out of service (link, checkpoint or place ids, tags, lines) or an area: --within, --polygon, --region, --crossings', usage);
    const network = openNetwork(args);
    const names = args.positionals[0]?.split(',').map((s) => s.trim()).filter(Boolean);
    // The named links and the area's together; either alone is the selection as given (an empty name list is refused by removeLinks).
    const selection = area ? { ...area, links: names?.length ? selectLinks(network, names) : [] } : names ?? [];
    const result = removeLinks(network, selection, { ...analysis, ods: demandOption(args, usage, network) ?? analysis.ods });
    const rows = result.rows.filter((r) => args.values.all || r.effect === 'detour' || r.effect === 'disconnected');
    if (format === 'json') {
      io.out(formatJson({ ...result, rows: result.rows.map((r) => ({ ...r, newRoute: r.newRoute && { links: r.newRoute.links, totals: r.newRoute.totals } })) }));
    } else if (format === 'csv') io.out(removalCsv(network, result, rows));
    else if (format === 'geojson') io.out(JSON.stringify(removalGeoJSON(network, result, rows), null, 2));
    else io.out(renderRemoval(network, result, rows, describeAreaSelection(args)));
    return 0;
  },
};

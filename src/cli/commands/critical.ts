import { COST_USAGE } from '../cost-options.js';
import { linkCriticality } from '../../analysis/link-criticality.js';
import { choice, FORMAT_OPTION, NETWORK_OPTION, positiveNumber, SCENARIO_OPTION, type Command } from '../command.js';
import { ANALYSIS_OPTIONS, analysisOptions } from '../analysis-options.js';
import { formatCsv } from '../format-csv.js';
import { formatTable } from '../format-table.js';
import { formatJson } from '../format-json.js';
import { openNetwork } from '../open-network.js';
import { progressBar } from '../progress-bar.js';

const usage =
  'steppenet critical [--top 10] [--by time|distance|cost|generalized] [--mode rail,road,river] [--ods "A>B,..."|FILE.csv] ' +
  `[--freight transit|bilateral] [--scenario name|file] [--format table|json|csv|geojson]` + ' ' + COST_USAGE;

export const criticalCommand: Command = {
  name: 'critical',
  summary: 'rank links by the demand their single failure disconnects and the detours it forces',
  usage,
  options: { ...FORMAT_OPTION, ...SCENARIO_OPTION, ...NETWORK_OPTION, ...ANALYSIS_OPTIONS, top: { type: 'string' } },
  positionals: [0, 0],
  run(args, io) {
    const format = choice(args, 'format', ['table', 'json', 'csv', 'geojson'] as const, 'table', usage);
    const top = positiveNumber(args, 'top', format === 'table' ? 10 : Infinity, usage, { integer: format === 'table' || args.values.top !== undefined });
    const network = openNetwork(args);
    const result = linkCriticality(network, { ...analysisOptions(args, usage), onProgress: progressBar('links') });
    const ranking = result.ranking.slice(0, top);
    if (format === 'json') {
      io.out(formatJson({ ...result, ranking }));
      return 0;
    }
    if (format === 'geojson') {
      io.out(JSON.stringify({
        type: 'FeatureCollection',
        features: ranking.map((r, i) => ({ type: 'Feature', geometry: network.link(r.link)!.geometry, properties: { rank: i + 1, ...r, by: result.by } })),
      }));
      return 0;
    }
    const headers = ['rank', 'link', 'mode', 'pairs using', 'disconnected demand', `weighted extra (${result.by})`, 'worst extra'];
    const cells = ranking.map((r, i) => [i + 1, r.name, r.mode, r.pairsUsing, r.disconnectedDemand, round(r.weightedExtra), round(r.worstExtra)]);
    if (format === 'csv') io.out(formatCsv(['link_id', ...headers], ranking.map((r, i) => [r.link, ...cells[i]])));
    else io.out(`Link criticality over ${result.pairs} OD pairs (scenario ${result.scenario}, by ${result.by})\n\n${formatTable(headers, cells)}`);
    return 0;
  },
};

const round = (n: number) => Math.round(n * 10) / 10;

import { compareScenarios, type ScenarioComparison, type ScenarioPairRow } from '../../analysis/compare-scenarios.js';
import type { Objective } from '../../routing/cost-model.js';
import { choice, formatOption, NETWORK_OPTION, type Command } from '../command.js';
import { ANALYSIS_OPTIONS, analysisOptions } from '../analysis-options.js';
import { formatCsv } from '../format-csv.js';
import { formatNumber, formatTable } from '../format-table.js';
import { formatJson } from '../format-json.js';
import { openNetwork } from '../open-network.js';
import { usageLine, type CommandSpec } from '../option-spec.js';

const spec = {
  name: 'compare',
  arguments: [
    { name: 'scenarioA', description: 'the scenario compared from: a bundled name (current, historical, planned) or a scenario file' },
    { name: 'scenarioB', description: 'the scenario compared to' },
  ],
  options: {
    all: { type: 'boolean', description: 'list every OD pair, not only those that change' },
    ...ANALYSIS_OPTIONS, ...NETWORK_OPTION, ...formatOption(['table', 'json', 'csv']),
  },
} as const satisfies CommandSpec;
const usage = usageLine(spec);

export const compareCommand: Command = {
  ...spec,
  summary: 'scenario A against scenario B: which OD pairs change cost or route, gain or lose their connection',
  usage,
  run(args, io) {
    const format = choice(args, spec.options, 'format');
    const options = analysisOptions(args, usage);
    const network = openNetwork(args);
    const result = compareScenarios(network, args.positionals[0], args.positionals[1], options);
    const rows = args.values.all ? result.rows : result.changed;
    if (format === 'json') io.out(comparisonJson(result));
    else if (format === 'csv') io.out(comparisonCsv(result, rows));
    else io.out(renderComparison(result, rows));
    return 0;
  },
};

/** The comparison as JSON (see formatJson). */
export function comparisonJson(c: ScenarioComparison): string {
  return formatJson(c);
}

const STATUS_TEXT: Record<ScenarioPairRow['status'], string> = {
  unchanged: 'unchanged', changed: 'changed', connected: 'newly connected', disconnected: 'newly disconnected', unconnected: 'no route in either',
};

export function comparisonCsv(c: ScenarioComparison, rows: readonly ScenarioPairRow[] = c.rows): string {
  return formatCsv(
    ['from_id', 'to_id', 'from', 'to', 'from_region', 'to_region', 'demand', 'status', `${c.a}_${c.by}`, `${c.b}_${c.by}`, 'change', 'route_changed', `${c.a}_links`, `${c.b}_links`],
    rows.map((r) => [
      r.from, r.to, r.fromName, r.toName, r.fromRegion, r.toRegion, r.demand, r.status, r.a, r.b,
      Number.isFinite(r.change) ? r.change : String(r.change), String(r.routeChanged), r.linksA.join(' '), r.linksB.join(' '),
    ]),
  );
}

/** A summary line, the region pairs with changes, then the pairs (by default the changed ones). */
export function renderComparison(c: ScenarioComparison, rows: readonly ScenarioPairRow[] = c.changed): string {
  const t = c.totals;
  const mean = t.connectedDemand > 0 ? t.weightedChange / t.connectedDemand : 0;
  const lines = [
    `Scenario ${c.a} → ${c.b}, by ${c.by}, ${t.pairs} OD pairs: ${t.changed} changed, ${t.connected} newly connected, ` +
      `${t.disconnected} newly disconnected, ${t.unconnected} with no route in either`,
    `Demand-weighted change over the pairs connected in both: ${formatNumber(t.weightedChange, 1)} ${UNIT[c.by]} (mean ${formatNumber(mean, 2)} per unit of demand)`,
  ];
  const regions = c.byRegion.filter((g) => g.changed + g.connected + g.disconnected > 0);
  // With one OD pair per region pair (the default OD set: one centre per region) this table would repeat the pair table.
  if (regions.some((g) => g.pairs > 1)) {
    lines.push('', 'Region pairs with changes:', formatTable(
      ['from region', 'to region', 'pairs', 'changed', 'connected', 'disconnected', 'weighted change'],
      regions.map((g) => [g.fromRegion, g.toRegion, g.pairs, g.changed, g.connected, g.disconnected, round(g.weightedChange)]),
      { indent: '  ' },
    ));
  }
  lines.push('');
  if (rows.length === 0) {
    lines.push('No pair changes.');
    return lines.join('\n');
  }
  lines.push(formatTable(
    ['from', 'to', 'status', c.a, c.b, 'change', 'route'],
    rows.map((r) => [
      r.fromName, r.toName, STATUS_TEXT[r.status], cellValue(r.a), cellValue(r.b),
      r.status === 'changed' || r.status === 'unchanged' ? round(r.change) : '–',
      r.routeChanged ? 'changed' : 'same',
    ]),
  ));
  return lines.join('\n');
}

const UNIT: Record<Objective, string> = { distance: 'km', time: 'h', cost: 'USD/t', generalized: 'generalized USD/t' };
const round = (n: number) => Math.round(n * 100) / 100;
const cellValue = (n: number) => (Number.isFinite(n) ? formatNumber(n) : 'no route');

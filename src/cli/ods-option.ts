import { readFileSync } from 'node:fs';
import { parse, type Info } from 'csv-parse/sync';
import type { OdPair } from '../analysis/od-pairs.js';
import { freightDemandOdPairs } from '../analysis/freight-demand-pairs.js';
import { BUNDLED_FREIGHT_DEMAND } from '../io/bundled-files.js';
import { readFreightDemand } from '../io/freight-demand.js';
import type { Network } from '../model/network.js';
import type { ParsedArgs } from './command.js';
import { UsageError } from './usage-error.js';

/** --ods: the origin–destination pairs of an analysis, inline or a CSV file. */
export const ODS_OPTION = {
  ods: {
    type: 'string', value: '"A>B,C>D"|FILE.csv', defaultText: "every ordered pair of the border regions' main cities",
    description: 'the OD pairs: inline "from>to" pairs, or a CSV file of rows from,to[,demand] (a header row from,... is skipped; demand default 1)',
  },
  demand: {
    type: 'string', value: 'bundled|FILE.csv',
    description: `the OD pairs weighted by freight demand in tonnes a year: "bundled" (${BUNDLED_FREIGHT_DEMAND}) or a CSV file of that format (from,to,tonnes_per_year,tonnes_min,tonnes_max,basis,source,source_place,method); not with --ods`,
  },
} as const;

/**
 * --demand: the rows of the bundled freight demand or of a file, as OD pairs
 * with demand = tonnes a year (demandMin/demandMax the range). Undefined
 * when not given. Needs the network to resolve the names.
 */
export function demandOption(args: ParsedArgs, usage: string, network: Network): OdPair[] | undefined {
  const value = args.values.demand;
  if (typeof value !== 'string') return undefined;
  if (args.values.ods !== undefined) throw new UsageError('give --ods or --demand, not both: --demand is a weighted OD set of its own', usage);
  if (value.trim() === '') throw new UsageError('--demand needs "bundled" or a CSV file', usage);
  const path = value === 'bundled' ? undefined : value;
  return freightDemandOdPairs(network, readFreightDemand(path), path ?? BUNDLED_FREIGHT_DEMAND);
}

/** One OD pair as written: where it came from (for messages) and its cells. */
interface OdEntry {
  where: string;
  cells: string[];
}

/** The --ods pairs: "A>B,C>D" inline, or a CSV file (a path ending in .csv or containing ":"). */
export function odsOption(args: ParsedArgs, usage: string): OdPair[] | undefined {
  const value = args.values.ods;
  if (typeof value !== 'string') return undefined;
  const entries = value.includes(':') || value.endsWith('.csv')
    ? readOdFile(value, usage)
    : value.split(',').map((pair, i) => ({ where: `entry ${i + 1}`, cells: pair.split('>') }));
  return entries.map(({ where, cells }) => {
    const [from, to, demand] = cells.map((c) => c.trim());
    if (!from || !to) throw new UsageError(`--ods: ${where} needs "from>to" (or a CSV row from,to,demand)`, usage);
    const d = demand === undefined || demand === '' ? 1 : Number(demand);
    if (!Number.isFinite(d) || d < 0) throw new UsageError(`--ods: ${where} has demand "${demand}"`, usage);
    return { from, to, demand: d };
  });
}

/** The rows of an OD file, read as CSV: quoted names (with commas) and a spreadsheet's BOM are fine. */
function readOdFile(path: string, usage: string): OdEntry[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`--ods: cannot read ${path}: ${(e as Error).message}`, usage);
  }
  let records: { record: string[]; info: Info }[];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true, info: true }) as unknown as typeof records;
  } catch (e) {
    throw new UsageError(`--ods: ${path} is not a CSV file of from,to[,demand]: ${(e as Error).message}`, usage);
  }
  return records
    .filter(({ record }) => !/^from$/i.test(record[0] ?? ''))
    .map(({ record, info }) => ({ where: `${path} line ${info.lines}`, cells: record }));
}

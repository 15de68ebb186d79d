import type { OdPair } from '../analysis/od-pairs.js';
import { readFileSync } from 'node:fs';
import { OBJECTIVES, type Objective } from '../routing/cost-model.js';
import type { Mode } from '../model/types.js';
import type { FreightKind } from '../model/checkpoint-regime.js';
import { FREIGHT_OPTION, freightOption } from './freight-option.js';

export { FREIGHT_OPTION, FREIGHT_USAGE, freightOption } from './freight-option.js';
import { choice, list, type ParsedArgs } from './command.js';
import { parseModes } from './commands/route.js';
import { UsageError } from './usage-error.js';
import { COST_OPTIONS, costOptions } from './cost-options.js';
import type { CostOverrides } from '../routing/cost-model.js';

export const ANALYSIS_OPTIONS = {
  by: { type: 'string' as const },
  mode: { type: 'string' as const },
  ods: { type: 'string' as const },
  ...COST_OPTIONS,
  ...FREIGHT_OPTION,
};

/** --by, --mode, --freight, --ods (a CSV file "from,to[,demand]" or "A-B,C-D" inline) and the cost options (--speed, --month, …). */
export function analysisOptions(
  args: ParsedArgs,
  usage: string,
): { by: Objective; modes?: Mode[]; ods?: OdPair[]; freight: FreightKind; cost?: CostOverrides; month?: number } {
  return {
    by: choice(args, 'by', OBJECTIVES, 'time', usage), modes: parseModes(list(args, 'mode'), usage), ods: parseOds(args, usage),
    freight: freightOption(args, usage), ...costOptions(args, usage),
  };
}

function parseOds(args: ParsedArgs, usage: string): OdPair[] | undefined {
  const value = args.values.ods;
  if (typeof value !== 'string') return undefined;
  const lines = value.includes(':') || value.endsWith('.csv') ? readOdFile(value, usage) : value.split(',').map((pair) => pair.split('>'));
  return lines.map((cells, i) => {
    const [from, to, demand] = cells.map((c) => c.trim());
    if (!from || !to) throw new UsageError(`--ods: entry ${i + 1} needs "from>to" (or a CSV row from,to,demand)`, usage);
    const d = demand === undefined || demand === '' ? 1 : Number(demand);
    if (!Number.isFinite(d) || d < 0) throw new UsageError(`--ods: entry ${i + 1} has demand "${demand}"`, usage);
    return { from, to, demand: d };
  });
}

function readOdFile(path: string, usage: string): string[][] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`--ods: cannot read ${path}: ${(e as Error).message}`, usage);
  }
  return text.split(/\r?\n/).filter((l) => l.trim() && !/^from\s*,/i.test(l)).map((l) => l.split(','));
}

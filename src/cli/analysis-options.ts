import type { OdPair } from '../analysis/od-pairs.js';
import type { Objective } from '../routing/cost-model.js';
import type { Mode } from '../model/types.js';
import type { FreightKind } from '../model/checkpoint-regime.js';
import { FREIGHT_OPTION, freightOption } from './freight-option.js';
import { choice, list, type ParsedArgs } from './command.js';
import { parseModes } from './route-options.js';
import { COST_OPTIONS, costOptions } from './cost-options.js';
import { ODS_OPTION, odsOption } from './ods-option.js';
import { BY_OPTION, MODES_OPTION } from './route-options.js';
import type { CostOverrides } from '../routing/cost-model.js';

export const ANALYSIS_OPTIONS = {
  ...BY_OPTION,
  ...MODES_OPTION,
  ...ODS_OPTION,
  ...FREIGHT_OPTION,
  ...COST_OPTIONS,
} as const;

/** --by, --mode, --freight, --ods (a CSV file "from,to[,demand]" or "A>B,C>D" inline) and the cost options (--speed, --month, …). */
export function analysisOptions(
  args: ParsedArgs,
  usage: string,
): { by: Objective; modes?: Mode[]; ods?: OdPair[]; freight: FreightKind; cost?: CostOverrides; month?: number } {
  return {
    by: choice(args, BY_OPTION, 'by'), modes: parseModes(list(args, 'mode'), usage), ods: odsOption(args, usage),
    freight: freightOption(args), ...costOptions(args, usage),
  };
}

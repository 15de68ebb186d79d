import type { OdPair } from '../analysis/od-pairs.js';
import type { Objective } from '../routing/cost-model.js';
import type { Mode } from '../model/types.js';
import type { FreightKind } from '../model/checkpoint-regime.js';
import { FREIGHT_OPTION } from './freight-option.js';
import { type ParsedArgs } from './command.js';
import { routeQueryOptions, BY_OPTION, MODES_OPTION } from './route-options.js';
import { COST_OPTIONS } from './cost-options.js';
import { ODS_OPTION, odsOption } from './ods-option.js';
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
  return { ...routeQueryOptions(args, usage), ods: odsOption(args, usage) };
}

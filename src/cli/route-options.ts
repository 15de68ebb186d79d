import { OBJECTIVES } from '../routing/cost-model.js';
import { MODES, type Mode } from '../model/types.js';
import { UsageError } from './usage-error.js';
import type { FreightKind } from '../model/checkpoint-regime.js';
import type { CostOverrides, Objective } from '../routing/cost-model.js';
import { choice, list, type ParsedArgs } from './command.js';
import { costOptions } from './cost-options.js';
import { freightOption } from './freight-option.js';

/** --by: what a route minimises (every command that routes). */
export const BY_OPTION = {
  by: { type: 'string', choices: OBJECTIVES, default: 'time', description: 'what a route minimises: distance (km), time (hours), cost (USD/t) or generalized (cost + value of time)' },
} as const;

/** --mode as a list: the modes a route may use. */
export const MODES_OPTION = {
  mode: { type: 'string', choices: MODES, list: true, defaultText: 'every mode', description: 'the modes a route may use, comma-separated' },
} as const;

/** Reads --mode's list: every name must be a mode. */
export function parseModes(modes: string[] | undefined, usage: string): Mode[] | undefined {
  const bad = (modes ?? []).filter((m) => !(MODES as readonly string[]).includes(m));
  if (bad.length) throw new UsageError(`--mode: unknown mode ${bad.join(', ')} (modes: ${MODES.join(', ')})`, usage);
  return modes as Mode[] | undefined;
}

/** <from> <to> of the commands that route between two places. */
export const FROM_TO_ARGUMENTS = [
  { name: 'from', description: 'the origin: a place name, alias or id, or coordinates "lat,lon" ("54.98,73.37") or "lonlat:73.37,54.98"' },
  { name: 'to', description: 'the destination: a place name, alias or id, or coordinates as <from>' },
] as const;

/** What every routing command reads alike: --by, --mode, --freight and the cost options (--speed, --month, …). */
export function routeQueryOptions(
  args: ParsedArgs,
  usage: string,
): { by: Objective; modes?: Mode[]; freight: FreightKind; cost?: CostOverrides; month?: number } {
  return { by: choice(args, BY_OPTION, 'by'), modes: parseModes(list(args, 'mode'), usage), freight: freightOption(args), ...costOptions(args, usage) };
}

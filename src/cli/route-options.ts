import { OBJECTIVES } from '../routing/cost-model.js';
import { MODES, type Mode } from '../model/types.js';
import { UsageError } from './usage-error.js';

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

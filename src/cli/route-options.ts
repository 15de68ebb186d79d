import { OBJECTIVES } from '../routing/cost-model.js';
import { MODES } from '../model/types.js';

/** --by: what a route minimises (every command that routes). */
export const BY_OPTION = {
  by: { type: 'string', choices: OBJECTIVES, default: 'time', description: 'what a route minimises: distance (km), time (hours), cost (USD/t) or generalized (cost + value of time)' },
} as const;

/** --mode as a list: the modes a route may use. */
export const MODES_OPTION = {
  mode: { type: 'string', choices: MODES, list: true, defaultText: 'every mode', description: 'the modes a route may use, comma-separated' },
} as const;

import { DEFAULT_FREIGHT, FREIGHT_KINDS, type FreightKind } from '../model/checkpoint-regime.js';
import { choice, type ParsedArgs } from './command.js';

/** --freight transit|bilateral: which crossings a route may use (every command that routes). */
export const FREIGHT_OPTION = { freight: { type: 'string' as const } };
export const FREIGHT_USAGE = '[--freight transit|bilateral]';

/** The --freight value (default transit: multilateral crossings only; bilateral: also the KZ–RU bilateral ones). */
export function freightOption(args: ParsedArgs, usage: string, fallback: FreightKind = DEFAULT_FREIGHT): FreightKind {
  return choice(args, 'freight', FREIGHT_KINDS, fallback, usage);
}

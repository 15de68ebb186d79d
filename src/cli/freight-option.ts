import { DEFAULT_FREIGHT, FREIGHT_KINDS, type FreightKind } from '../model/checkpoint-regime.js';
import { choice, type ParsedArgs } from './command.js';

/** --freight transit|bilateral: which crossings a route may use (every command that routes). */
export const FREIGHT_OPTION = {
  freight: {
    type: 'string', choices: FREIGHT_KINDS, default: DEFAULT_FREIGHT,
    description: 'what the query carries: transit (any carrier, multilateral crossings only) or bilateral (Kazakh and Russian carriers, also the bilateral crossings)',
  },
} as const;

/** The --freight value, checked against FREIGHT_KINDS by the parser (default transit: multilateral crossings only). */
export function freightOption(args: ParsedArgs): FreightKind {
  return choice(args, FREIGHT_OPTION, 'freight');
}

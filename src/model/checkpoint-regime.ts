import type { Checkpoint, CheckpointRegime } from './types.js';

/**
 * The regime of a checkpoint: its `regime` where given, else derived from its
 * `kind`: `local` → simplified, `bilateral` → bilateral, every other kind
 * (multilateral, rail, river, transit) → multilateral.
 */
export function checkpointRegime(checkpoint: Pick<Checkpoint, 'regime' | 'kind'>): CheckpointRegime {
  if (checkpoint.regime) return checkpoint.regime;
  if (checkpoint.kind === 'local') return 'simplified';
  if (checkpoint.kind === 'bilateral') return 'bilateral';
  return 'multilateral';
}

/**
 * What a query carries, and so which crossings it may use:
 * - `transit`: any carrier, third-country or transit goods: multilateral crossings only;
 * - `bilateral`: Kazakh or Russian carriers between Kazakhstan and Russia:
 *   multilateral crossings, and the bilateral crossings of the Kazakhstan–Russia border.
 * Simplified crossings (border residents) never carry freight.
 */
export const FREIGHT_KINDS = ['transit', 'bilateral'] as const;
export type FreightKind = (typeof FREIGHT_KINDS)[number];

export const DEFAULT_FREIGHT: FreightKind = 'transit';

/**
 * Whether freight of this kind may use a crossing of this regime. `kzRu`: the
 * crossing is on the Kazakhstan–Russia border (bilateral crossings elsewhere
 * serve the citizens of those two other countries). `people`: border
 * residents (the `localCrossings` escape hatch): every regime is open.
 */
export function regimeAllows(regime: CheckpointRegime, freight: FreightKind, kzRu: boolean, people = false): boolean {
  if (people) return true;
  if (regime === 'multilateral') return true;
  if (regime === 'bilateral') return freight === 'bilateral' && kzRu;
  return false;
}

/** Why a crossing is closed to the freight, in words; undefined when it is open to it. */
export function regimeRefusal(regime: CheckpointRegime, freight: FreightKind, kzRu: boolean, people = false): string | undefined {
  if (regimeAllows(regime, freight, kzRu, people)) return undefined;
  if (regime === 'simplified') return 'simplified crossing for border residents: never freight';
  if (!kzRu) return 'bilateral crossing of another border (its two countries\' carriers only)';
  return 'bilateral crossing (Kazakh and Russian carriers only): closed to transit freight';
}

import type { Network } from '../model/network.js';
import type { CompileOptions } from '../routing/compile-network.js';
import type { RouteResult } from '../routing/route-result.js';
import { LinkSelectionError, selectLinks, type LinkSelection } from './link-selection.js';
import { OdRouter } from './od-router.js';
import type { OdPair } from './od-pairs.js';

export interface RemovalOptions extends CompileOptions {
  /** OD pairs with demands; default every ordered pair of border-region centres. */
  ods?: readonly OdPair[];
}

export type RemovalEffect = 'unchanged' | 'detour' | 'disconnected' | 'unreachable-before';

export interface RemovalRow {
  from: string;
  to: string;
  demand: number;
  effect: RemovalEffect;
  /** Objective value before and after (Infinity when there is no route). */
  before: number;
  after: number;
  /** after − before; Infinity when disconnected. */
  extra: number;
  extraHours: number;
  extraKm: number;
  /** The new route, for pairs whose route changed. */
  newRoute?: RouteResult;
  reason?: string;
}

export interface RemovalResult {
  removed: string[];
  by: string;
  scenario: string;
  rows: RemovalRow[];
  summary: {
    pairs: number;
    affected: number;
    disconnected: number;
    disconnectedDemand: number;
    /** Demand-weighted extra objective over the pairs that still connect. */
    weightedExtra: number;
  };
}

/**
 * The what-if of taking links out of service: for every OD pair, its cost
 * before and after, the new route, and the pairs that lose their connection.
 * Only pairs whose route used a removed link are routed again.
 */
export function removeLinks(network: Network, selection: LinkSelection | readonly string[], options: RemovalOptions = {}): RemovalResult {
  const removed = selectLinks(network, selection);
  // Removing nothing would report "no pair changes" as if something had been tested: refuse it.
  if (removed.length === 0) throw new LinkSelectionError('removeLinks', ['the selection is empty: name at least one link, checkpoint, tag, line or place (a filter that matches no link counts too)']);
  const router = new OdRouter(network, options.ods, options);
  // Re-routed: the pairs any of whose searches (the answer, or its road-only candidate) used a removed link.
  const rerouted = new Set(router.pairsUsing(removed));
  const rows = router.ods.map((od, i): RemovalRow => {
    const base = router.baseline[i];
    const before = router.figure(base);
    const row = { from: od.from, to: od.to, demand: od.demand, before };
    if (!base.found) return { ...row, effect: 'unreachable-before', after: Infinity, extra: 0, extraHours: 0, extraKm: 0, reason: base.reason };
    const next = rerouted.has(i) ? router.rerouteWithout(i, removed) : base;
    if (sameList(next.links, base.links)) return { ...row, effect: 'unchanged', after: before, extra: 0, extraHours: 0, extraKm: 0 };
    if (!next.found) return { ...row, effect: 'disconnected', after: Infinity, extra: Infinity, extraHours: Infinity, extraKm: Infinity, reason: next.reason, newRoute: next };
    const after = router.figure(next);
    return {
      ...row,
      effect: 'detour',
      after,
      extra: after - before,
      extraHours: next.totals.hours - base.totals.hours,
      extraKm: next.totals.km - base.totals.km,
      newRoute: next,
    };
  });
  const disconnected = rows.filter((r) => r.effect === 'disconnected');
  return {
    removed,
    by: router.compiled.by,
    scenario: network.scenario?.name ?? 'current',
    rows,
    summary: {
      pairs: rows.length,
      affected: rows.filter((r) => r.effect === 'detour' || r.effect === 'disconnected').length,
      disconnected: disconnected.length,
      disconnectedDemand: disconnected.reduce((s, r) => s + r.demand, 0),
      weightedExtra: rows.filter((r) => r.effect === 'detour').reduce((s, r) => s + r.demand * r.extra, 0),
    },
  };
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

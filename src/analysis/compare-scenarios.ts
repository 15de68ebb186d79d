import { existsSync } from 'node:fs';
import { bundledPath } from '../io/bundled-files.js';
import type { Network } from '../model/network.js';
import { applyScenario, type Scenario } from '../model/scenario.js';
import type { CompileOptions } from '../routing/compile-network.js';
import type { Objective } from '../routing/cost-model.js';
import { OdRouter } from './od-router.js';
import { resolveOdPairs, type OdPair } from './od-pairs.js';

export interface ScenarioComparisonOptions extends CompileOptions {
  /** OD pairs with demands; default every ordered pair of border-region centres. */
  ods?: readonly OdPair[];
}

/**
 * What happened to one OD pair between scenario A and scenario B:
 * - unchanged: same route (same links in the same order), same cost;
 * - changed: a route in both, but another route or another cost;
 * - connected: no route in A, a route in B (newly connected);
 * - disconnected: a route in A, none in B (newly disconnected);
 * - unconnected: no route in either.
 */
export type PairStatus = 'unchanged' | 'changed' | 'connected' | 'disconnected' | 'unconnected';

export interface ScenarioPairRow {
  from: string;
  to: string;
  fromName: string;
  toName: string;
  /** The pair's regions, "From region → To region" (a place without a region stands for itself by its country). */
  fromRegion: string;
  toRegion: string;
  demand: number;
  status: PairStatus;
  /** The objective under A and B; Infinity where there is no route. */
  a: number;
  b: number;
  /** b − a; −Infinity when newly connected, Infinity when newly disconnected, 0 when unconnected in both. */
  change: number;
  hoursA: number;
  hoursB: number;
  kmA: number;
  kmB: number;
  /** The link lists differ (false when there is no route in either). */
  routeChanged: boolean;
  linksA: string[];
  linksB: string[];
  reasonA?: string;
  reasonB?: string;
}

export interface ComparisonSummary {
  pairs: number;
  changed: number;
  connected: number;
  disconnected: number;
  unconnected: number;
  /** Demand-weighted sum of b − a over the pairs with a route in both scenarios. */
  weightedChange: number;
  /** Demand of the pairs with a route in both scenarios, for the mean: weightedChange / connectedDemand. */
  connectedDemand: number;
}

export interface RegionPairSummary extends ComparisonSummary {
  fromRegion: string;
  toRegion: string;
}

export interface ScenarioComparison {
  a: string;
  b: string;
  by: Objective;
  /** Every OD pair, in the order of the OD list. */
  rows: ScenarioPairRow[];
  /** Exactly the rows whose status is not unchanged / unconnected. */
  changed: ScenarioPairRow[];
  /** One summary per (from region, to region), in order of first appearance in the OD list. */
  byRegion: RegionPairSummary[];
  totals: ComparisonSummary;
}

/**
 * Scenario A against scenario B over an OD set: each pair's cost and route
 * under both, what changed, and which pairs gain or lose their connection,
 * summarised per region pair and in total. A pair counts as changed when its
 * route (the list of links) or its cost differs; costs equal to a relative
 * 1e-9 count as equal, so rounding in a sum is not a change.
 *
 * Scenarios are bundled names, file paths or objects, each applied to
 * `network` on its own. "current" means the network as given when there is
 * no bundled scenario of that name.
 */
export function compareScenarios(
  network: Network,
  a: string | Scenario,
  b: string | Scenario,
  options: ScenarioComparisonOptions = {},
): ScenarioComparison {
  const { ods: odInput, ...compileOptions } = options;
  // Resolved on the network as given: scenarios add places but never remove them, so the ids hold in both.
  const ods = resolveOdPairs(network, odInput);
  const netA = scenarioNetwork(network, a);
  const netB = scenarioNetwork(network, b);
  const routerA = new OdRouter(netA, ods, compileOptions);
  const routerB = new OdRouter(netB, ods, compileOptions);

  const rows = ods.map((od, i): ScenarioPairRow => {
    const ra = routerA.baseline[i];
    const rb = routerB.baseline[i];
    const placeA = (id: string) => netA.place(id)!.properties;
    const routeChanged = (ra.found || rb.found) && !sameList(ra.links, rb.links);
    let status: PairStatus;
    let change: number;
    if (ra.found && rb.found) {
      change = routerB.figure(rb) - routerA.figure(ra);
      const costChanged = Math.abs(change) > 1e-9 * Math.max(1, Math.abs(routerA.figure(ra)));
      status = costChanged || routeChanged ? 'changed' : 'unchanged';
    } else if (rb.found) {
      [status, change] = ['connected', -Infinity];
    } else if (ra.found) {
      [status, change] = ['disconnected', Infinity];
    } else {
      [status, change] = ['unconnected', 0];
    }
    return {
      from: od.from,
      to: od.to,
      fromName: placeA(od.from).name,
      toName: placeA(od.to).name,
      fromRegion: regionOf(placeA(od.from)),
      toRegion: regionOf(placeA(od.to)),
      demand: od.demand,
      status,
      a: routerA.figure(ra),
      b: routerB.figure(rb),
      change,
      hoursA: ra.totals.hours,
      hoursB: rb.totals.hours,
      kmA: ra.totals.km,
      kmB: rb.totals.km,
      routeChanged,
      linksA: ra.links,
      linksB: rb.links,
      ...(ra.reason !== undefined ? { reasonA: ra.reason } : {}),
      ...(rb.reason !== undefined ? { reasonB: rb.reason } : {}),
    };
  });

  const groups = new Map<string, RegionPairSummary>();
  for (const row of rows) {
    const key = JSON.stringify([row.fromRegion, row.toRegion]);
    let group = groups.get(key);
    if (!group) {
      group = { fromRegion: row.fromRegion, toRegion: row.toRegion, ...emptySummary() };
      groups.set(key, group);
    }
    count(group, row);
  }
  const totals = emptySummary();
  rows.forEach((row) => count(totals, row));

  return {
    a: netA.scenario?.name ?? 'current',
    b: netB.scenario?.name ?? 'current',
    by: routerA.compiled.by,
    rows,
    changed: rows.filter((r) => r.status === 'changed' || r.status === 'connected' || r.status === 'disconnected'),
    byRegion: [...groups.values()],
    totals,
  };
}

/** The network under a scenario; "current" with no bundled file of that name is the network as given. */
function scenarioNetwork(network: Network, scenario: string | Scenario): Network {
  if (scenario === 'current' && !existsSync(bundledPath('networks/scenarios/current.json'))) return network;
  return applyScenario(network, scenario);
}

function regionOf(place: { region?: string; country: string }): string {
  return place.region ?? place.country;
}

function sameList(x: readonly string[], y: readonly string[]): boolean {
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

function emptySummary(): ComparisonSummary {
  return { pairs: 0, changed: 0, connected: 0, disconnected: 0, unconnected: 0, weightedChange: 0, connectedDemand: 0 };
}

function count(summary: ComparisonSummary, row: ScenarioPairRow): void {
  summary.pairs++;
  if (row.status === 'changed') summary.changed++;
  else if (row.status === 'connected') summary.connected++;
  else if (row.status === 'disconnected') summary.disconnected++;
  else if (row.status === 'unconnected') summary.unconnected++;
  if (row.status === 'changed' || row.status === 'unchanged') {
    summary.weightedChange += row.demand * row.change;
    summary.connectedDemand += row.demand;
  }
}

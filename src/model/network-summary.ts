import { checkpointRegime } from './checkpoint-regime.js';
import type { Network } from './network.js';
import type { ScenarioSummary } from './scenario-summary.js';

export type Counts = Record<string, number>;

export interface NetworkSummary {
  name: string;
  scenario: ScenarioSummary | { name: 'current'; description: string; changes: []; added: [] };
  places: { total: number; byKind: Counts; byCountry: Counts };
  links: {
    total: number; km: number; byMode: Counts; byStatus: Counts; byModeAndStatus: Record<string, Counts>; byCountry: Counts;
    /** Link km per mode by `kmSource` (published, geometry, estimate): how much of the network is estimated. */
    kmBySource: Record<string, Counts>;
  };
  checkpoints: {
    total: number; byMode: Counts; bySector: Counts; byKind: Counts; byStatus: Counts; waitAssumed: number;
    /** Who may cross: multilateral, bilateral, simplified (given, or derived from the kind). */
    byRegime: Counts;
    /** Per mode: crossings with a capacity figure and without one (unknown). */
    capacity: Record<string, { known: number; unknown: number }>;
  };
  sources: { features: number; withSource: number };
}

const bump = (counts: Counts, key: string, by = 1) => {
  counts[key] = (counts[key] ?? 0) + by;
};
const sorted = (counts: Counts): Counts =>
  Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));

/** Counts of places, links and checkpoints: what `steppenet info` prints. */
export function summarizeNetwork(network: Network): NetworkSummary {
  const byKind: Counts = {}, placeCountry: Counts = {};
  for (const { properties: p } of network.places) {
    bump(byKind, p.kind);
    bump(placeCountry, p.country);
  }
  const byMode: Counts = {}, byStatus: Counts = {}, linkCountry: Counts = {};
  const byModeAndStatus: Record<string, Counts> = {};
  const kmBySource: Record<string, Counts> = {};
  let km = 0;
  for (const { properties: p } of network.links) {
    bump(byMode, p.mode);
    bump(byStatus, p.status);
    (byModeAndStatus[p.mode] ??= {})[p.status] = (byModeAndStatus[p.mode]?.[p.status] ?? 0) + 1;
    km += p.km;
    bump((kmBySource[p.mode] ??= {}), p.kmSource, p.km);
    const from = network.place(p.from)!.properties.country;
    const to = network.place(p.to)!.properties.country;
    bump(linkCountry, from === to ? from : [from, to].sort().join('–'));
  }
  const cp = { byMode: {} as Counts, bySector: {} as Counts, byKind: {} as Counts, byStatus: {} as Counts, byRegime: {} as Counts, waitAssumed: 0 };
  const capacity: Record<string, { known: number; unknown: number }> = {};
  const crossings = network.checkpoints();
  for (const { properties: p } of crossings) {
    bump(cp.byMode, p.mode);
    bump(cp.bySector, p.checkpoint.sector ?? 'other borders');
    bump(cp.byKind, p.checkpoint.kind);
    bump(cp.byStatus, p.checkpoint.status);
    bump(cp.byRegime, checkpointRegime(p.checkpoint));
    const c = (capacity[p.mode] ??= { known: 0, unknown: 0 });
    if (p.checkpoint.capacityPerDay === undefined) c.unknown++;
    else c.known++;
    if (p.checkpoint.waitAssumed) cp.waitAssumed++;
  }
  const all = [...network.places, ...network.links];
  return {
    name: network.name,
    scenario: network.scenario ?? { name: 'current', description: 'the network file as it is', changes: [], added: [] },
    places: { total: network.places.length, byKind: sorted(byKind), byCountry: sorted(placeCountry) },
    links: {
      total: network.links.length,
      km: Math.round(km),
      byMode: sorted(byMode),
      byStatus: sorted(byStatus),
      byModeAndStatus,
      byCountry: sorted(linkCountry),
      kmBySource: Object.fromEntries(Object.entries(kmBySource).map(([mode, c]) => [mode, sorted(Object.fromEntries(Object.entries(c).map(([k, v]) => [k, Math.round(v)])))])),
    },
    checkpoints: {
      total: crossings.length,
      byMode: sorted(cp.byMode),
      bySector: sorted(cp.bySector),
      byKind: sorted(cp.byKind),
      byStatus: sorted(cp.byStatus),
      waitAssumed: cp.waitAssumed,
      byRegime: sorted(cp.byRegime),
      capacity: Object.fromEntries(Object.entries(capacity).sort(([a], [b]) => a.localeCompare(b))),
    },
    sources: { features: all.length, withSource: all.filter((f) => f.properties.sources.length > 0).length },
  };
}

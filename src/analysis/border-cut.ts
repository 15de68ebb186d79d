/**
 * How much can cross the Kazakhstan–Russia border per day: the maximum flow
 * from Russian places to Kazakh places over the links of one mode, with the
 * checkpoints' daily capacities, and the minimum cut (the bottleneck).
 *
 * The flow network: a node per Russian or Kazakh place; each usable link of
 * the chosen mode is an arc in each direction it can be travelled.
 * - A link across the KZ–RU border carries its checkpoint's `capacityPerDay`
 *   when the checkpoint is passable (open, or under reconstruction with the
 *   capacity it keeps meanwhile), is not a local (border residents') crossing
 *   and states its capacity in the unit counted; otherwise 0. So closed,
 *   planned, abolished and local checkpoints carry 0, and a
 *   checkpoint without a capacity, or with one in another unit, carries 0 and
 *   is listed (`uncounted`), never guessed.
 * - A link inside one country carries its own `capacityPerDay` if it has one
 *   (read in the same unit), otherwise it is unlimited.
 * - Places in other countries, and links to them, are left out: flow via a
 *   third country does not cross the KZ–RU border.
 * A two-way link is an arc each way with the full capacity, which is the same
 * as one capacity shared by both directions (opposite flows cancel); the flow
 * may cross and re-cross the border, as the Privolzhskaya line does.
 * Source: every Russian place (or the `from` places), sink: every Kazakh place
 * (or the `to` places). With unlimited domestic links and the default
 * source and sink, the all-border cut is simply the sum of the open
 * checkpoints' capacities, by construction; give `from`/`to` place sets (e.g.
 * Orenburg Oblast → Aktobe Region) or domestic capacities for a cut that says
 * more than that sum.
 *
 * Units are never added across: road checkpoints count vehicles or trucks
 * per day, rail ones trains per day. `mode` picks the links (default road),
 * `unit` the capacities counted (default trucks for road, trains for rail).
 */
import { maxFlow, UnboundedFlowError } from '../core/max-flow.js';
import type { Network, PlaceFilter } from '../model/network.js';
import type { Scenario } from '../model/scenario.js';
import { BORDER_SECTORS, type BorderSector, type Checkpoint, type LinkProperties } from '../model/types.js';
import { checkpointPassable, DEFAULT_USABLE_STATUSES } from '../routing/compile-network.js';
import { ResilienceArgumentError } from './compiled-index.js';
import { withScenario } from '../model/scenario.js';

export type BorderCutMode = 'road' | 'rail';
export type CapacityUnit = NonNullable<Checkpoint['capacityUnit']>;

/** Places: a list of names/ids, or a filter such as `{ region: 'Orenburg Oblast' }`. */
export type PlaceSet = readonly string[] | PlaceFilter;

export interface BorderCutOptions {
  /** Only this sector's checkpoints carry capacity (default: all four sectors, plus a result per sector). */
  sector?: BorderSector;
  /** Default 'road'. */
  mode?: BorderCutMode;
  /** Capacity unit counted; default 'trucks' for road, 'trains' for rail. */
  unit?: CapacityUnit;
  /** Where the flow starts (default every Russian place); all must be in Russia or Kazakhstan. */
  from?: PlaceSet;
  /** Where the flow ends (default every Kazakh place). */
  to?: PlaceSet;
  scenario?: string | Scenario;
}

export interface CutLink {
  link: string;
  name: string;
  /** 'checkpoint' for a border crossing, 'domestic' for a link inside one country with a capacity. */
  kind: 'checkpoint' | 'domestic';
  capacity: number;
}

export interface CheckpointCapacity {
  checkpoint: string;
  name: string;
  link: string;
  sector?: BorderSector;
  status: Checkpoint['status'];
  /** What the flow may use: 0 when not counted (see `why`). */
  capacity: number;
  /** Flow across it in the total maximum flow (towards Kazakhstan minus back). */
  flow: number;
  /** Why it counts 0 when it does. */
  why?: string;
}

export interface SectorCut {
  sector: BorderSector | 'all';
  /** Maximum flow per day, in `unit`. */
  value: number;
  /** A minimum cut: the bottleneck links; their capacities sum to `value`. */
  cut: CutLink[];
}

export interface BorderCutResult {
  mode: BorderCutMode;
  unit: CapacityUnit;
  scenario: string;
  from: string[];
  to: string[];
  /** All sectors together (or the one asked for). */
  total: SectorCut;
  /** One per sector, when no single sector was asked for. */
  sectors: SectorCut[];
  /** Every KZ–RU checkpoint of the mode. */
  checkpoints: CheckpointCapacity[];
  /** Checkpoints that would carry traffic but count 0: no capacity given, or given in another unit. */
  uncounted: string[];
}

const DEFAULT_UNIT: Record<BorderCutMode, CapacityUnit> = { road: 'trucks', rail: 'trains' };
const BORDER = ['KZ', 'RU'];

/** The maximum daily flow across the KZ–RU border and its bottleneck; see the file comment. */
export function borderCut(network: Network, options: BorderCutOptions = {}): BorderCutResult {
  const fn = 'borderCut';
  const mode = options.mode ?? 'road';
  if (mode !== 'road' && mode !== 'rail') throw new ResilienceArgumentError(fn, 'mode', `is ${String(mode)}; it must be 'road' or 'rail'`);
  const unit = options.unit ?? DEFAULT_UNIT[mode];
  if (!['vehicles', 'trucks', 'trains', 'vessels'].includes(unit)) {
    throw new ResilienceArgumentError(fn, 'unit', `is ${String(unit)}; it must be vehicles, trucks, trains or vessels`);
  }
  if (options.sector !== undefined && !BORDER_SECTORS.includes(options.sector)) {
    throw new ResilienceArgumentError(fn, 'sector', `is ${String(options.sector)}; it must be one of ${BORDER_SECTORS.join(', ')}`);
  }
  const net = withScenario(network, options.scenario);
  const places = net.places.filter((f) => BORDER.includes(f.properties.country));
  const index = new Map(places.map((f, i) => [f.properties.id, i]));
  const from = placeSet(net, options.from, 'RU', 'from', index);
  const to = placeSet(net, options.to, 'KZ', 'to', index);
  const overlap = from.filter((id) => to.includes(id));
  if (overlap.length) throw new ResilienceArgumentError(fn, 'to', `shares ${overlap.join(', ')} with from; the two sets must be apart`);

  // Links of the mode, usable, between two KZ/RU places.
  const usable = new Set(DEFAULT_USABLE_STATUSES);
  const links = net.links
    .map((f) => f.properties)
    .filter((l) => l.mode === mode && usable.has(l.status) && index.has(l.from) && index.has(l.to));
  const checkpoints: CheckpointCapacity[] = [];
  const uncounted: string[] = [];
  const crossingCapacity = new Map<string, number>();
  for (const l of links) {
    const cp = l.checkpoint;
    if (!cp || net.place(l.from)!.properties.country === net.place(l.to)!.properties.country) continue;
    const why =
      !checkpointPassable(cp) ? `checkpoint ${cp.status}`
      : cp.kind === 'local' ? 'local crossing (border residents only)'
      : cp.capacityPerDay === undefined ? 'no capacity given'
      : cp.capacityUnit !== unit ? `capacity given in ${cp.capacityUnit ?? 'no unit'}, not ${unit}`
      : undefined;
    const capacity = why ? 0 : cp.capacityPerDay!;
    if (why && checkpointPassable(cp) && cp.kind !== 'local') uncounted.push(cp.id);
    crossingCapacity.set(l.id, capacity);
    checkpoints.push({ checkpoint: cp.id, name: cp.name, link: l.id, ...(cp.sector ? { sector: cp.sector } : {}), status: cp.status, capacity, flow: 0, ...(why ? { why } : {}) });
  }

  const solve = (sector: BorderSector | 'all'): { cut: SectorCut; flowOn: Map<string, number> } => {
    const capacityOf = (l: LinkProperties): number => {
      const crossing = crossingCapacity.get(l.id);
      if (crossing === undefined) return l.capacityPerDay ?? Infinity;
      return sector === 'all' || l.checkpoint!.sector === sector ? crossing : 0;
    };
    const n = places.length + 2;
    const source = places.length;
    const sink = places.length + 1;
    const tail: number[] = [], head: number[] = [], capacity: number[] = [], arcLink: (LinkProperties | undefined)[] = [];
    const arc = (u: number, v: number, c: number, link?: LinkProperties) => {
      tail.push(u);
      head.push(v);
      capacity.push(c);
      arcLink.push(link);
    };
    for (const l of links) {
      const c = capacityOf(l);
      arc(index.get(l.from)!, index.get(l.to)!, c, l);
      if (!l.oneway) arc(index.get(l.to)!, index.get(l.from)!, c, l);
    }
    for (const id of from) arc(source, index.get(id)!, Infinity);
    for (const id of to) arc(index.get(id)!, sink, Infinity);
    let result;
    try {
      result = maxFlow({ nodeCount: n, from: tail, to: head, capacity }, source, sink);
    } catch (e) {
      if (e instanceof UnboundedFlowError) {
        throw new ResilienceArgumentError(fn, 'from/to', 'are joined by links without any capacity limit; no finite maximum exists');
      }
      throw e;
    }
    const flowOn = new Map<string, number>();
    result.flow.forEach((f, a) => {
      const l = arcLink[a];
      if (!l || !crossingCapacity.has(l.id)) return;
      const towardsKz = net.place(l.from)!.properties.country === 'RU' ? tail[a] === index.get(l.from) : tail[a] === index.get(l.to);
      flowOn.set(l.id, (flowOn.get(l.id) ?? 0) + (towardsKz ? f : -f));
    });
    const cutLinks = new Map<string, CutLink>();
    for (const a of result.minCut) {
      const l = arcLink[a];
      if (!l) continue;
      cutLinks.set(l.id, { link: l.id, name: l.checkpoint?.name ?? l.name ?? `${l.from} – ${l.to}`, kind: crossingCapacity.has(l.id) ? 'checkpoint' : 'domestic', capacity: capacity[a] });
    }
    return { cut: { sector, value: result.value, cut: [...cutLinks.values()] }, flowOn };
  };

  const totalSolve = solve(options.sector ?? 'all');
  for (const c of checkpoints) c.flow = totalSolve.flowOn.get(c.link) ?? 0;
  const sectors = options.sector ? [] : BORDER_SECTORS.map((sector) => solve(sector).cut);
  return {
    mode, unit, scenario: net.scenario?.name ?? 'current', from, to,
    total: totalSolve.cut, sectors, checkpoints, uncounted,
  };
}

/** Resolves a PlaceSet to place ids (default: every place of `country`); all must be Russian or Kazakh. */
function placeSet(net: Network, set: PlaceSet | undefined, country: string, argument: string, index: Map<string, number>): string[] {
  const ids =
    set === undefined ? net.placesWhere({ country }).map((f) => f.properties.id)
    : Array.isArray(set) ? (set as readonly string[]).map((q) => net.resolvePlace(q).properties.id)
    : net.placesWhere(set as PlaceFilter).map((f) => f.properties.id);
  if (ids.length === 0) throw new ResilienceArgumentError('borderCut', argument, 'selects no place');
  const outside = ids.filter((id) => !index.has(id));
  if (outside.length) throw new ResilienceArgumentError('borderCut', argument, `has places outside Russia and Kazakhstan: ${outside.join(', ')}`);
  return [...new Set(ids)];
}

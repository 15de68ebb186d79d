/**
 * How much freight can cross the Kazakhstan–Russia border per day: the
 * maximum flow from Russian places to Kazakh places over the links of one
 * mode, with the checkpoints' daily capacities, and the minimum cut (the
 * bottleneck).
 *
 * Units: road counts trucks per day, rail train pairs per day (trains each
 * way). A road checkpoint given in `vehicles` is converted by its
 * `truckShare`; a rail one given in `trains` (both directions together) counts
 * half as many pairs. Units are never added across modes.
 *
 * The flow network: a node per Russian or Kazakh place; each usable link of
 * the chosen mode is an arc in each direction it can be travelled.
 * - A link across the KZ–RU border carries its checkpoint's capacity when the
 *   checkpoint is passable (open, or under reconstruction with the capacity
 *   it keeps meanwhile) and open to the freight (`freight`, default
 *   `bilateral`: multilateral and bilateral crossings; `transit`: multilateral
 *   only; simplified crossings never carry freight); otherwise 0. A usable
 *   checkpoint without a capacity is `unknown`: it carries 0 in the figure,
 *   which is then a lower bound ("at least X"), and the flow is solved again
 *   with the unknown crossings unlimited to say whether, and up to what, they
 *   could add.
 * - A link inside one country carries its own `capacityPerDay` if it has one
 *   (read in the unit counted); otherwise, with `domestic: 'by-class'` (the
 *   default), a road link carries the daily truck capacity of its road class
 *   (ROAD_CLASS_TRUCKS_PER_DAY, sourced in the README) and a rail link the
 *   train pairs of its number of main tracks (RAIL_TRACKS_TRAIN_PAIRS_PER_DAY,
 *   an estimate stated below) where `tracks` is recorded, else it stays
 *   unlimited; with `domestic: 'unlimited'` every such link is unlimited.
 * - In the upper bound (`atMost`), an unknown or observed-only rail crossing
 *   whose link records `tracks` is bounded by that class capacity (a
 *   checkpoint cannot pass more trains than its line carries) instead of
 *   being unlimited — unless its observed traffic already exceeds that
 *   figure, which shows the estimate is too low there; with `domestic:
 *   'unlimited'` it is unlimited.
 * - The all-border rail cut also carries the published figure for all RU–KZ
 *   junctions together (RU_KZ_RAIL_EXCHANGE) beside the sum of the crossings
 *   with a figure: a check on the data, not a capacity of any crossing.
 * - Places in other countries, and links to them, are left out: flow via a
 *   third country does not cross the KZ–RU border.
 * A two-way link is an arc each way with the full capacity, which is the same
 * as one capacity shared by both directions (opposite flows cancel); the flow
 * may cross and re-cross the border, as the Privolzhskaya line does.
 * Source: every Russian place (or the `from` places), sink: every Kazakh place
 * (or the `to` places). With the default source and sink every border post is
 * itself a source or a sink, so the all-border cut is the sum of the counted
 * checkpoints' capacities; a cut between two regions (e.g. Omsk Oblast →
 * Pavlodar Region) also depends on the domestic links that lead to and from
 * the crossings.
 * - Between two given place sets, freight takes reasonable routes only: a
 *   link carries flow only if some route from the `from` set's reference
 *   places through it to the `to` set's is at most `maxStretch` (default 1.5,
 *   the project's reasonable-route stretch) times the shortest such route's
 *   km. A set's reference places are its region centres (`regionCentre`) if
 *   it holds any, else all its places: between Omsk Oblast and Pavlodar
 *   Region the yardstick is Omsk – Pavlodar, not the 6 km between two border
 *   posts of the two regions. Without the bound a maximum flow would send
 *   Omsk's goods to Pavlodar round by the Caspian. The all-border cut (either
 *   set left at its default) has no bound.
 */
import { maxFlow, UnboundedFlowError } from '../core/max-flow.js';
import { IndexedMinHeap } from '../core/min-heap.js';
import { checkpointRegime, FREIGHT_KINDS, regimeRefusal, type FreightKind } from '../model/checkpoint-regime.js';
import type { Network, PlaceFilter } from '../model/network.js';
import { resolveRegion, UnknownRegionError } from '../model/regions.js';
import type { Scenario } from '../model/scenario.js';
import { BORDER_SECTORS, type BorderSector, type Checkpoint, type CheckpointRegime, type LinkProperties } from '../model/types.js';
import { checkpointPassable, DEFAULT_USABLE_STATUSES } from '../routing/compile-network.js';
import type { RoadClass } from '../routing/cost-model.js';
import { ResilienceArgumentError } from './compiled-index.js';
import { withScenario } from '../model/scenario.js';

export type BorderCutMode = 'road' | 'rail';
/** What the cut counts: trucks per day (road), train pairs per day (rail). */
export type BorderCutUnit = 'trucks' | 'train-pairs';

/** Places: a list of names/ids, or a filter such as `{ region: 'Orenburg Oblast' }` (the region is resolved by name). */
export type PlaceSet = readonly string[] | PlaceFilter;

/**
 * Daily truck capacity of a domestic road link by road class, where the link
 * gives none: the upper design traffic of the matching Russian road category
 * (SP 34.13330.2012, table of categories by design traffic, passenger-car
 * units per day: II over 6,000 (up to the 14,000 where category I begins), III 2,000–6,000, IV 200–2,000, V up to 200;
 * I (motorways) over 14,000, with no upper figure, so 14,000 is a floor),
 * times the trucks that fit in one passenger-car unit at the border's traffic
 * mix: truck share s = 0.4 of vehicles (2.2 M trucks of 5.5 M vehicles
 * crossing the KZ–RU border in 2023, seanews 2024-07-04) and E = 2.7
 * passenger-car units per road train of 20–30 t (SP 34.13330 reduction
 * coefficients), trucks = PCU × s / (1 + s (E − 1)) = PCU × 0.238.
 * Class → category: motorway I, trunk II, primary III, secondary IV, local V.
 * A link without a class counts as primary, as in the cost model.
 */
export const ROAD_CLASS_PCU_PER_DAY: Record<RoadClass, number> = { motorway: 14000, trunk: 14000, primary: 6000, secondary: 2000, local: 200 };
export const BORDER_TRUCK_SHARE = 0.4;
export const ROAD_TRAIN_PCU = 2.7;
const trucksOf = (pcu: number) => Math.floor((pcu * BORDER_TRUCK_SHARE) / (1 + BORDER_TRUCK_SHARE * (ROAD_TRAIN_PCU - 1)));
export const ROAD_CLASS_TRUCKS_PER_DAY: Record<RoadClass, number> = {
  motorway: trucksOf(ROAD_CLASS_PCU_PER_DAY.motorway),
  trunk: trucksOf(ROAD_CLASS_PCU_PER_DAY.trunk),
  primary: trucksOf(ROAD_CLASS_PCU_PER_DAY.primary),
  secondary: trucksOf(ROAD_CLASS_PCU_PER_DAY.secondary),
  local: trucksOf(ROAD_CLASS_PCU_PER_DAY.local),
};

/** A rail link's number of main tracks. */
export type RailTracks = 1 | 2;

/**
 * Daily train pairs of a rail line by its number of main tracks, where a
 * domestic link gives no capacity of its own. An ESTIMATE: the one published
 * before/after pair for a line of the network's region, Dostyk – Moyynty
 * (836 km, KTZ), whose second track raises its capacity "from 12 to 60 pairs
 * of trains a day" (Karaganda region akimat, gov.kz press news 461738; KTZ
 * "fivefold", railways.kz), used as the norm for every line of that track
 * count. It is low for a single track with closer passing loops: the single
 * track Aksaraiskaya – Kigash carried 20 pairs of freight trains a day in 2012
 * (ru.wikipedia "Разъезд № 2 (Приволжская железная дорога)"). No textbook
 * norm by tracks and signalling was found in the stored sources.
 */
export const RAIL_TRACKS_TRAIN_PAIRS_PER_DAY: Record<RailTracks, number> = { 1: 12, 2: 60 };

/**
 * The published daily exchange of freight trains over all RU–KZ junctions
 * together (not per crossing): norm 75, record 77 on 28 July 2025 (RZD first
 * deputy director general S. Pavlov, 1520international.com, September 2025,
 * "На стыке Севера и Юга"); 70 now → 85 pairs planned under the RZD–KTZ
 * agreement of 12 November 2025 on developing the interstate junctions
 * (npktrans.ru "Россия и Казахстан согласовали границы").
 */
export const RU_KZ_RAIL_EXCHANGE = {
  normative: 75, record: 77, planned: 85, year: 2025,
  source: '1520international.com, Sept 2025 (norm 75, record 77 on 28 July 2025); RZD–KTZ agreement of 12 Nov 2025, npktrans.ru (70 → 85 pairs)',
} as const;

export interface BorderCutOptions {
  /** Only this sector's checkpoints carry capacity (default: all four sectors, plus a result per sector). */
  sector?: BorderSector;
  /** Default 'road'. */
  mode?: BorderCutMode;
  /** Which crossings carry the freight; default 'bilateral' (Kazakh and Russian carriers: multilateral and bilateral crossings). */
  freight?: FreightKind;
  /** Domestic links without their own capacity: 'by-class' (default; see the file comment) or 'unlimited'. */
  domestic?: 'by-class' | 'unlimited';
  /** Overrides of ROAD_CLASS_TRUCKS_PER_DAY. */
  roadClassTrucksPerDay?: Partial<Record<RoadClass, number>>;
  /** Overrides of RAIL_TRACKS_TRAIN_PAIRS_PER_DAY. */
  railTracksTrainPairsPerDay?: Partial<Record<RailTracks, number>>;
  /** With both `from` and `to` given: only links on a route at most this × the shortest route's km between the sets' reference places (region centres, else all) carry flow; default 1.5, >= 1; Infinity for none. */
  maxStretch?: number;
  /** Where the flow starts (default every Russian place); all must be in Russia or Kazakhstan. */
  from?: PlaceSet;
  /** Where the flow ends (default every Kazakh place). */
  to?: PlaceSet;
  scenario?: string | Scenario;
}

export interface CutLink {
  link: string;
  name: string;
  /** 'checkpoint' for a border crossing, 'domestic' for a link inside one country. */
  kind: 'checkpoint' | 'domestic';
  capacity: number;
  /** Where a domestic link's capacity comes from: its own figure, its road class, or its rail tracks. */
  capacityFrom?: 'link' | `class ${RoadClass}` | `tracks ${RailTracks}`;
}

export interface CheckpointCapacity {
  checkpoint: string;
  name: string;
  link: string;
  sector?: BorderSector;
  status: Checkpoint['status'];
  regime: CheckpointRegime;
  /** What the flow may use, in the result's unit: 0 when the crossing is not usable (see `why`), 'unknown' when no capacity is given. */
  capacity: number | 'unknown';
  /** The figure as given and how it was converted, e.g. "1190 vehicles × truck share 0.4". */
  given?: string;
  /** Flow across it in the total maximum flow (towards Kazakhstan minus back). */
  flow: number;
  /** Why it carries 0, or why its capacity is unknown. */
  why?: string;
  /** Rail, unknown or observed capacity: what its line carries by its recorded tracks, the bound used in `atMost`. */
  lineCapacity?: number;
  /** Between given place sets (see `stretch`): whether some reasonable route can use it; absent when no bound applies (the all-border cut). */
  onRoute?: boolean;
}

export interface SectorCut {
  sector: BorderSector | 'all';
  /** Maximum flow per day in the result's unit, counting unknown crossings as 0 and observed ones at their observed traffic: a lower bound unless `exact`. */
  value: number;
  /** True when no crossing of unknown or observed-only capacity could add to `value`. */
  exact: boolean;
  /** When not exact: the flow with the unknown and observed-only crossings unlimited, or null if nothing else bounds it. */
  atMost?: number | null;
  /** The usable crossings of unknown capacity in this cut's scope (checkpoint ids). */
  unknown: string[];
  /** The usable crossings in scope whose figure is observed traffic, a lower bound on their capacity (checkpoint ids). */
  observed: string[];
  /** A minimum cut: the bottleneck links; their capacities sum to `value`. */
  cut: CutLink[];
}

export interface BorderCutResult {
  mode: BorderCutMode;
  unit: BorderCutUnit;
  freight: FreightKind;
  scenario: string;
  from: string[];
  to: string[];
  /** How domestic links without a capacity were counted, in words. */
  domestic: string;
  /** Between given place sets: the reasonable-route bound applied (absent for the all-border cut or maxStretch Infinity). */
  /** `links`: how many links that can carry freight lie on a reasonable route. */
  stretch?: { max: number; shortestKm: number; links: number; between: [string[], string[]] };
  /** All sectors together (or the one asked for). */
  total: SectorCut;
  /** One per sector, when no single sector was asked for. */
  sectors: SectorCut[];
  /** Every KZ–RU checkpoint of the mode. */
  checkpoints: CheckpointCapacity[];
  /** Usable checkpoints of unknown capacity (ids). */
  unknown: string[];
  /**
   * Rail, all-border cut (`from` and `to` left at their defaults): the published exchange over all RU–KZ
   * junctions together beside the sum of the crossings with a figure — a check, not a capacity of any crossing.
   */
  system?: { normative: number; record: number; planned: number; year: number; source: string; knownSum: number; known: number; usable: number };
}

const UNIT: Record<BorderCutMode, BorderCutUnit> = { road: 'trucks', rail: 'train-pairs' };
const BORDER = ['KZ', 'RU'];

/**
 * A checkpoint's capacity in the unit of its mode's cut (trucks, or train
 * pairs), with how it was converted; undefined when unknown (with why).
 */
export function checkpointCapacity(cp: Checkpoint, mode: BorderCutMode): { value: number; given: string } | { why: string } {
  if (cp.capacityPerDay === undefined) return { why: 'no capacity given' };
  const figure = `${cp.capacityPerDay} ${cp.capacityUnit ?? '(no unit)'}`;
  if (mode === 'road' && cp.capacityUnit === 'trucks') return { value: cp.capacityPerDay, given: figure };
  if (mode === 'road' && cp.capacityUnit === 'vehicles') {
    if (cp.truckShare === undefined) return { why: `${figure} given without a truckShare` };
    return { value: cp.capacityPerDay * cp.truckShare, given: `${figure} × truck share ${cp.truckShare}` };
  }
  if (mode === 'rail' && cp.capacityUnit === 'train-pairs') return { value: cp.capacityPerDay, given: figure };
  if (mode === 'rail' && cp.capacityUnit === 'trains') return { value: cp.capacityPerDay / 2, given: `${figure} (both directions) ÷ 2` };
  return { why: `${figure} cannot be counted in ${UNIT[mode]}` };
}

/** The maximum daily flow across the KZ–RU border and its bottleneck; see the file comment. */
export function borderCut(network: Network, options: BorderCutOptions = {}): BorderCutResult {
  const fn = 'borderCut';
  const mode = options.mode ?? 'road';
  if (mode !== 'road' && mode !== 'rail') throw new ResilienceArgumentError(fn, 'mode', `is ${String(mode)}; it must be 'road' or 'rail'`);
  const unit = UNIT[mode];
  const freight = options.freight ?? 'bilateral';
  if (!FREIGHT_KINDS.includes(freight)) throw new ResilienceArgumentError(fn, 'freight', `is ${String(freight)}; it must be ${FREIGHT_KINDS.join(' or ')}`);
  const domestic = options.domestic ?? 'by-class';
  if (domestic !== 'by-class' && domestic !== 'unlimited') throw new ResilienceArgumentError(fn, 'domestic', `is ${String(domestic)}; it must be 'by-class' or 'unlimited'`);
  const classTrucks = { ...ROAD_CLASS_TRUCKS_PER_DAY, ...options.roadClassTrucksPerDay };
  for (const [k, v] of Object.entries(classTrucks)) {
    if (typeof v !== 'number' || !(v >= 0)) throw new ResilienceArgumentError(fn, `roadClassTrucksPerDay.${k}`, `is ${String(v)}; it must be a number >= 0`);
  }
  const trackPairs = { ...RAIL_TRACKS_TRAIN_PAIRS_PER_DAY, ...options.railTracksTrainPairsPerDay };
  for (const [k, v] of Object.entries(trackPairs)) {
    if (typeof v !== 'number' || !(v >= 0)) throw new ResilienceArgumentError(fn, `railTracksTrainPairsPerDay.${k}`, `is ${String(v)}; it must be a number >= 0`);
  }
  /** A rail link's capacity by its recorded tracks (by-class only), else undefined. */
  const byTracks = (l: LinkProperties): number | undefined => (mode === 'rail' && domestic === 'by-class' && l.tracks !== undefined ? trackPairs[l.tracks] : undefined);
  const maxStretch = options.maxStretch ?? 1.5;
  if (typeof maxStretch !== 'number' || !(maxStretch >= 1)) throw new ResilienceArgumentError(fn, 'maxStretch', `is ${String(maxStretch)}; it must be a number >= 1`);
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
  const unknown: string[] = [];
  /** Capacity of each crossing link: a number, or undefined when unknown. */
  const crossingCapacity = new Map<string, number | undefined>();
  /** Crossing links whose capacity figure is observed traffic: counted, but unlimited in the upper bound. */
  const observedCapacity = new Set<string>();
  /** Observed crossings whose traffic exceeds their line's class figure: unlimited in the upper bound, as without tracks. */
  const lineBelowObserved = new Set<string>();
  for (const l of links) {
    const cp = l.checkpoint;
    if (!cp || net.place(l.from)!.properties.country === net.place(l.to)!.properties.country) continue;
    const regime = checkpointRegime(cp);
    const closed = !checkpointPassable(cp) ? `checkpoint ${cp.status}` : regimeRefusal(regime, freight, true);
    const known = checkpointCapacity(cp, mode);
    const base = { checkpoint: cp.id, name: cp.name, link: l.id, ...(cp.sector ? { sector: cp.sector } : {}), status: cp.status, regime, flow: 0 };
    const given = 'given' in known ? { given: known.given } : {};
    if (closed) {
      crossingCapacity.set(l.id, 0);
      checkpoints.push({ ...base, capacity: 0, ...given, why: closed });
    } else if ('why' in known) {
      crossingCapacity.set(l.id, undefined);
      unknown.push(cp.id);
      const line = byTracks(l);
      checkpoints.push({ ...base, capacity: 'unknown', why: line === undefined ? known.why : `${known.why}; its ${trackWords(l.tracks!)} line carries at most ${line}`, ...(line === undefined ? {} : { lineCapacity: line }) });
    } else {
      crossingCapacity.set(l.id, known.value);
      if (cp.capacityObserved) observedCapacity.add(l.id);
      // An observed flow above its line's class figure shows that figure is too low there: it then bounds nothing.
      const line = cp.capacityObserved ? byTracks(l) : undefined;
      const bounds = line !== undefined && line > known.value;
      const why = !cp.capacityObserved ? undefined
        : line === undefined || bounds ? 'observed traffic: capacity at least this'
        : `observed traffic: capacity at least this (above the ${line} of its ${trackWords(l.tracks!)} line, so that figure bounds nothing here)`;
      if (cp.capacityObserved && line !== undefined && !bounds) lineBelowObserved.add(l.id);
      checkpoints.push({ ...base, capacity: known.value, ...given, ...(why ? { why } : {}), ...(bounds ? { lineCapacity: line } : {}) });
    }
  }

  // Reasonable routes between given place sets: keep an arc u → v of link l when
  // km(from → u) + l.km + km(v → to) <= maxStretch × km(from → to), over the arcs that can carry freight.
  const carries = (l: LinkProperties) => !crossingCapacity.has(l.id) || crossingCapacity.get(l.id) !== 0;
  let stretch: BorderCutResult['stretch'];
  let keepArc: (l: LinkProperties, forward: boolean) => boolean = () => true;
  if (options.from !== undefined && options.to !== undefined && Number.isFinite(maxStretch)) {
    const reference = (ids: string[]) => {
      const centres = ids.filter((id) => net.place(id)!.properties.regionCentre === true);
      return (centres.length ? centres : ids).map((id) => index.get(id)!);
    };
    const fromRef = reference(from);
    const toRef = reference(to);
    const arcs = links.filter(carries).flatMap((l) => {
      const [a, b] = [index.get(l.from)!, index.get(l.to)!];
      return l.oneway ? [{ u: a, v: b, km: l.km }] : [{ u: a, v: b, km: l.km }, { u: b, v: a, km: l.km }];
    });
    const dFrom = distances(places.length, arcs, fromRef, false);
    const dTo = distances(places.length, arcs, toRef, true);
    let shortest = Infinity; // a loop, not Math.min(...): any number of places
    for (const i of toRef) if (dFrom[i] < shortest) shortest = dFrom[i];
    const limit = maxStretch * shortest * (1 + 1e-12);
    keepArc = (l, forward) => {
      const [u, v] = forward ? [index.get(l.from)!, index.get(l.to)!] : [index.get(l.to)!, index.get(l.from)!];
      return dFrom[u] + l.km + dTo[v] <= limit;
    };
    stretch = {
      max: maxStretch, shortestKm: shortest, between: [fromRef.map((i) => places[i].properties.id), toRef.map((i) => places[i].properties.id)], links: links.filter((l) => carries(l) && (keepArc(l, true) || (!l.oneway && keepArc(l, false)))).length,
    };
  }

  const domesticCapacity = (l: LinkProperties): { capacity: number; from?: CutLink['capacityFrom'] } => {
    if (l.capacityPerDay !== undefined) return { capacity: l.capacityPerDay, from: 'link' };
    if (domestic === 'unlimited') return { capacity: Infinity };
    if (mode === 'rail') {
      const pairs = byTracks(l);
      return pairs === undefined ? { capacity: Infinity } : { capacity: pairs, from: `tracks ${l.tracks!}` };
    }
    const roadClass = l.roadClass ?? 'primary';
    return { capacity: classTrucks[roadClass], from: `class ${roadClass}` };
  };

  const solve = (sector: BorderSector | 'all'): { cut: SectorCut; flowOn: Map<string, number> } => {
    const inScope = (l: LinkProperties) => sector === 'all' || l.checkpoint!.sector === sector;
    const onRoute = (l: LinkProperties) => keepArc(l, true) || (!l.oneway && keepArc(l, false));
    const scopeUnknown = links.filter((l) => crossingCapacity.has(l.id) && crossingCapacity.get(l.id) === undefined && inScope(l) && onRoute(l)).map((l) => l.checkpoint!.id);
    const scopeObserved = links.filter((l) => observedCapacity.has(l.id) && inScope(l) && onRoute(l)).map((l) => l.checkpoint!.id);
    const run = (unknownAs: number) => {
      const tail: number[] = [], head: number[] = [], capacity: number[] = [], arcLink: (LinkProperties | undefined)[] = [];
      const arc = (u: number, v: number, c: number, link?: LinkProperties) => {
        tail.push(u);
        head.push(v);
        capacity.push(c);
        arcLink.push(link);
      };
      for (const l of links) {
        // unknownAs: 0 for the counted figure, Infinity for the upper bound (unknown and observed capacities
        // unlimited, or at most what the line carries by its recorded tracks).
        const given = crossingCapacity.get(l.id);
        const upper = unknownAs === 0 || lineBelowObserved.has(l.id) ? unknownAs : byTracks(l) ?? unknownAs;
        const c = !crossingCapacity.has(l.id) ? domesticCapacity(l).capacity
          : !inScope(l) ? 0
          : given === undefined ? upper
          : observedCapacity.has(l.id) ? Math.max(given, upper)
          : given;
        arc(index.get(l.from)!, index.get(l.to)!, keepArc(l, true) ? c : 0, l);
        if (!l.oneway) arc(index.get(l.to)!, index.get(l.from)!, keepArc(l, false) ? c : 0, l);
      }
      const source = places.length;
      const sink = places.length + 1;
      for (const id of from) arc(source, index.get(id)!, Infinity);
      for (const id of to) arc(index.get(id)!, sink, Infinity);
      return { result: maxFlow({ nodeCount: places.length + 2, from: tail, to: head, capacity }, source, sink), tail, capacity, arcLink };
    };
    let counted;
    try {
      counted = run(0);
    } catch (e) {
      if (e instanceof UnboundedFlowError) {
        throw new ResilienceArgumentError(fn, 'from/to', 'are joined by links without any capacity limit; no finite maximum exists');
      }
      throw e;
    }
    const { result, tail, capacity, arcLink } = counted;
    let exact = true;
    let atMost: number | null | undefined;
    if (scopeUnknown.length || scopeObserved.length) {
      try {
        const upper = run(Infinity).result.value;
        if (upper > result.value + 1e-9) {
          exact = false;
          atMost = upper;
        }
      } catch (e) {
        if (!(e instanceof UnboundedFlowError)) throw e;
        exact = false;
        atMost = null;
      }
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
      const isCrossing = crossingCapacity.has(l.id);
      const source = isCrossing ? undefined : domesticCapacity(l).from;
      cutLinks.set(l.id, {
        link: l.id, name: l.checkpoint?.name ?? l.name ?? `${net.place(l.from)!.properties.name} – ${net.place(l.to)!.properties.name}`, kind: isCrossing ? 'checkpoint' : 'domestic', capacity: capacity[a],
        ...(source ? { capacityFrom: source } : {}),
      });
    }
    const cut: SectorCut = { sector, value: result.value, exact, ...(exact ? {} : { atMost }), unknown: scopeUnknown, observed: scopeObserved, cut: [...cutLinks.values()] };
    return { cut, flowOn };
  };

  const totalSolve = solve(options.sector ?? 'all');
  const linkById = new Map(links.map((l) => [l.id, l]));
  for (const c of checkpoints) {
    c.flow = totalSolve.flowOn.get(c.link) ?? 0;
    const l = linkById.get(c.link)!;
    if (stretch) c.onRoute = keepArc(l, true) || (!l.oneway && keepArc(l, false));
  }
  const sectors = options.sector ? [] : BORDER_SECTORS.map((sector) => solve(sector).cut);
  const railLinks = links.filter((l) => !crossingCapacity.has(l.id));
  const withTracks = railLinks.filter((l) => l.tracks !== undefined).length;
  const domesticRule =
    domestic === 'unlimited' ? 'domestic links without a capacity of their own: unlimited'
    : mode === 'rail' ? `domestic rail links without a capacity of their own: train pairs/day by main tracks (single ${trackPairs[1]}, double ${trackPairs[2]}; an estimate from Dostyk – Moyynty, 12 → 60 with its second track); ${railLinks.length - withTracks} of ${railLinks.length} have no recorded track count: unlimited`
    : `domestic road links without a capacity of their own: trucks/day by road class (${Object.entries(classTrucks).map(([k, v]) => `${k} ${v}`).join(', ')})`;
  let system: BorderCutResult['system'];
  if (mode === 'rail' && options.from === undefined && options.to === undefined && options.sector === undefined) {
    const usable = checkpoints.filter((c) => c.capacity !== 0);
    const known = usable.filter((c) => typeof c.capacity === 'number');
    const { normative, record, planned, year, source } = RU_KZ_RAIL_EXCHANGE;
    system = { normative, record, planned, year, source, knownSum: known.reduce((sum, c) => sum + (c.capacity as number), 0), known: known.length, usable: usable.length };
  }
  return {
    mode, unit, freight, scenario: net.scenario?.name ?? 'current', from, to, domestic: domesticRule, ...(stretch ? { stretch } : {}),
    total: totalSolve.cut, sectors, checkpoints, unknown, ...(system ? { system } : {}),
  };
}

const trackWords = (tracks: RailTracks) => (tracks === 1 ? 'single-track' : 'double-track');

/**
 * Resolves a PlaceSet to place ids (default: every place of `country`); all
 * must be Russian or Kazakh. A region or filter leaves out the checkpoint
 * posts: freight crosses there but does not start or end there, and a post
 * inside both the source set and the crossing would let an unknown capacity
 * bypass every domestic road.
 */
function placeSet(net: Network, set: PlaceSet | undefined, country: string, argument: string, index: Map<string, number>): string[] {
  let ids: string[];
  const notPost = (f: { properties: { kind: string } }) => f.properties.kind !== 'checkpoint';
  if (set === undefined) ids = net.placesWhere({ country }).filter(notPost).map((f) => f.properties.id);
  else if (Array.isArray(set)) ids = (set as readonly string[]).map((q) => net.resolvePlace(q).properties.id);
  else {
    const filter = { ...(set as PlaceFilter) };
    if (filter.region !== undefined) {
      try {
        filter.region = resolveRegion(net, filter.region);
      } catch (e) {
        if (e instanceof UnknownRegionError) throw new ResilienceArgumentError('borderCut', argument, `names ${e.message}`);
        throw e;
      }
    }
    ids = net.placesWhere(filter).filter(notPost).map((f) => f.properties.id);
  }
  if (ids.length === 0) throw new ResilienceArgumentError('borderCut', argument, 'selects no place');
  const outside = ids.filter((id) => !index.has(id));
  if (outside.length) throw new ResilienceArgumentError('borderCut', argument, `has places outside Russia and Kazakhstan: ${outside.join(', ')}`);
  return [...new Set(ids)];
}

/** Shortest km from (or, `reverse`, to) a set of nodes over directed arcs: a plain Dijkstra. */
function distances(n: number, arcs: readonly { u: number; v: number; km: number }[], start: readonly number[], reverse: boolean): Float64Array {
  const out: number[][] = Array.from({ length: n }, () => []);
  arcs.forEach((a, i) => out[reverse ? a.v : a.u].push(i));
  const dist = new Float64Array(n).fill(Infinity);
  const heap = new IndexedMinHeap(n);
  for (const s of start) {
    dist[s] = 0;
    if (!heap.contains(s)) heap.push(s, 0);
  }
  while (!heap.isEmpty()) {
    const x = heap.pop();
    for (const i of out[x]) {
      const a = arcs[i];
      const y = reverse ? a.u : a.v;
      const d = dist[x] + a.km;
      if (d < dist[y]) {
        dist[y] = d;
        heap.pushOrDecrease(y, d);
      }
    }
  }
  return dist;
}

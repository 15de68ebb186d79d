/**
 * Regional exposure and losses (after Jenelius, Petersen & Mattsson 2006,
 * "Importance and exposure in road network vulnerability analysis",
 * Transportation Research Part A 40(7), 537–560): for the demand that starts
 * in each region (and each country), what single failures — each link alone,
 * or each region closed whole — cost it in extra hours, how much of it they
 * cut off, and what the worst of them loses per day of closure in tonne-hours
 * and USD, with a min–max range from the ranges of the assumptions.
 *
 * Definitions (README, "Measures"): for a failure k and an OD pair i with
 * demand x_i (tonnes a year) whose route survives, Δ_i(k) = hours after −
 * hours before; a pair with no route left is cut off. For a group g of pairs
 * (those whose origin lies in the region or country) with routable demand X_g:
 * - increase of g under k: E_g(k) = Σ_{i∈g, not cut} x_i Δ_i(k) / X_g (hours per tonne);
 * - worst increase: max_k E_g(k), and which failure; average increase: the mean of E_g(k) over all K failures scanned;
 * - tonnes cut off in the worst case: max_k Σ_{i∈g, cut} x_i, and which failure;
 * - loss of the worst failure, per day of closure: max_k Σ_{i∈g, not cut} (x_i / 365) Δ_i(k) tonne-hours, × value of time in USD.
 *
 * Incremental as linkCriticality and areaCriticality: for each failure only
 * the pairs whose baseline searches use one of its links are routed again.
 */
import type { Network } from '../model/network.js';
import { costParameters, type CostOverrides, type CostParameters, type RoadClass } from '../routing/cost-model.js';
import type { CompileOptions } from '../routing/compile-network.js';
import { InputError } from '../errors/steppenet-error.js';
import { linksByRegion } from './link-areas.js';
import { linkName } from './link-criticality.js';
import { OdRouter } from './od-router.js';
import { defaultOdPairs, OdPairError, type OdPair } from './od-pairs.js';

/** A range of an assumption: its low and high ends. */
export interface AssumptionRange {
  low: number;
  high: number;
}

/**
 * The ranges the losses' min–max come from. Each speed and wait range is a
 * factor on the query's own figure (1 = as the query has it); the value of
 * time is in USD per tonne-hour. Defaults: DEFAULT_EXPOSURE_RANGES.
 */
export interface ExposureRanges {
  /** Factor on every checkpoint wait (the network gives one figure per direction, no range). */
  waitScale?: AssumptionRange;
  /** Factors on the default (or overridden) speeds of each mode; a link's own `speedKmh` is data and is not scaled. */
  speed?: { rail?: AssumptionRange; road?: AssumptionRange; river?: AssumptionRange };
  /** Value of time, USD per tonne-hour; the query's own value (`cost.valueOfTimePerTonneHour`) is the central one. */
  valueOfTime?: AssumptionRange;
}

/**
 * The default ranges, each an assumption stated in README "Measures":
 * waits ×0.5–×1.5 (nearly every checkpoint wait in the bundled network is a
 * documented default, `waitAssumed`); rail speed 35.7–39.3 km/h around the
 * 38 km/h default (RZD's section speeds: 35.7 for 2024, 39.3 in January
 * 2026, the figures the cost model cites); road and river speeds ±20 %
 * (the defaults are themselves assumptions); value of time 0.04–3 USD per
 * tonne-hour (the 0.03–2 EUR/t·h spread of European freight studies reported
 * by Kreutzberger 2008, at about 1.4–1.5 USD/EUR).
 */
export const DEFAULT_EXPOSURE_RANGES: Required<ExposureRanges> & { speed: Required<NonNullable<ExposureRanges['speed']>> } = {
  waitScale: { low: 0.5, high: 1.5 },
  speed: { rail: { low: 35.7 / 38, high: 39.3 / 38 }, road: { low: 0.8, high: 1.2 }, river: { low: 0.8, high: 1.2 } },
  valueOfTime: { low: 0.04, high: 3 },
};

/** Options of regionalExposure: the objective and modes (CompileOptions), the OD pairs, which failures, the ranges. */
export interface ExposureOptions extends CompileOptions {
  /** OD pairs with demand in tonnes a year (and `demandMin`/`demandMax` for its range); default every ordered pair of region centres, demand 1. */
  ods?: readonly OdPair[];
  /** The failures: `'links'` (default; each link alone) or `'regions'` (each region closed whole: every link with an end in it). */
  areas?: 'links' | 'regions';
  /** The assumptions' ranges (defaults: DEFAULT_EXPOSURE_RANGES); `false`: one run at the query's assumptions and value of time (the demand's own range, from the OD pairs, still counts). */
  ranges?: ExposureRanges | false;
  /** Called after each failure of each run with (done, total, failure id). */
  onProgress?: (done: number, total: number, failure: string) => void;
}

/** A central figure and its range. */
export interface Ranged {
  central: number;
  min: number;
  max: number;
}

/** A failure as the exposure tables name it. */
export interface FailureRef {
  /** The link id, or the region name. */
  id: string;
  /** "Omsk – Cherlak (A-320)", or the region name. */
  name: string;
}

/** The exposure of one region's (or country's) demand: the demand whose origin lies in it. */
export interface GroupExposure {
  /** The region name, or the country's ISO code; "(no region)" for origins without a region. */
  group: string;
  /** The country of the origins with the most of its demand (the country itself, per country). */
  country: string;
  /** OD pairs that start here and have a route before any failure. */
  pairs: number;
  /** Their demand (tonnes a year), and its range. */
  demand: Ranged;
  /** The largest demand-weighted mean increase, hours per tonne (central assumptions), and its range over the runs. */
  worstIncreaseHours: Ranged;
  /** The failure that causes it (null when no failure touches this demand). */
  worstFailure: FailureRef | null;
  /** The mean over all failures scanned of the demand-weighted mean increase, hours per tonne (central). */
  averageIncreaseHours: number;
  /** The most tonnes a year cut off by one failure (with the demand's range), and which failure. */
  cutOff: Ranged;
  cutOffFailure: FailureRef | null;
  /** The worst failure's loss per day of closure: Σ (demand / 365) × extra hours over pairs that detour. */
  lossTonneHoursPerDay: Ranged;
  /** lossTonneHoursPerDay × the value of time (min with the low value, max with the high one). */
  lossUsdPerDay: Ranged;
}

/** One failure, network-wide: link (or area) importance and its losses. */
export interface FailureExposure extends FailureRef {
  /** Links closed by the failure (one for a link). */
  links: number;
  /** OD pairs re-routed (those whose baseline searches use one of the links). */
  pairsUsing: number;
  /** Importance: Σ demand × extra hours over pairs that detour (tonne-hours a year of closure; = linkCriticality's weightedExtra by time). */
  importance: number;
  /** Demand cut off (tonnes a year; unsatisfied demand), with its range. */
  cutOff: Ranged;
  /** Loss per day of closure, tonne-hours and USD. */
  lossTonneHoursPerDay: Ranged;
  lossUsdPerDay: Ranged;
}

/** What regionalExposure returns: the groups, the failures, and the assumptions that made the ranges. */
export interface ExposureResult {
  /** The objective routes were chosen by (the increases are always in hours). */
  by: string;
  scenario: string;
  /** The failures scanned: single links or whole regions. */
  areas: 'links' | 'regions';
  /** OD pairs in the set, and those with a route before any failure. */
  pairs: number;
  routablePairs: number;
  /** Failures scanned. */
  failures: number;
  /** Every region with demand, worst-increase first. */
  regions: GroupExposure[];
  /** Every country with demand, worst-increase first. */
  countries: GroupExposure[];
  /** Every failure, by loss (tonne-hours, central) then demand cut off. */
  ranking: FailureExposure[];
  /** The assumptions: central value of time, and each range used (null: no ranges). */
  assumptions: {
    valueOfTimeUsdPerTonneHour: Ranged;
    waitScale: AssumptionRange;
    speed: { rail: AssumptionRange; road: AssumptionRange; river: AssumptionRange };
    /** The runs the min–max is taken over: the central one, then waits low/high × speeds all low/all high. */
    runs: number;
  } | null;
}

/** Exposure options out of range. */
export class ExposureArgumentError extends InputError {}

const DAYS_PER_YEAR = 365;
const NO_REGION = '(no region)';

interface Failure extends FailureRef {
  linkIds: string[];
}

/** One run's effects: for each failure, each re-routed pair's extra hours, or null when it is cut off. */
interface Run {
  effects: { pair: number; extra: number | null }[][];
}

/**
 * Regional (and national) exposure of the OD demand to single failures, with
 * link importance, unsatisfied demand and losses in tonne-hours and USD per
 * day of closure, each with a min–max range: see the module comment and
 * README "Measures". The min and max of a figure are over five runs of the
 * scan (the query's assumptions, and waits low/high × speeds all low/all
 * high), each with the demand's low and high ends; money then with the low
 * and high value of time. An extra time is not monotone in a wait (it is the
 * difference of two routes' waits), so this is the range over those runs,
 * not a proven bound.
 */
export function regionalExposure(network: Network, options: ExposureOptions = {}): ExposureResult {
  const areas = options.areas ?? 'links';
  if (areas !== 'links' && areas !== 'regions') throw new ExposureArgumentError(`regionalExposure: areas must be 'links' or 'regions', got ${JSON.stringify(areas)}`);
  const input = options.ods ?? defaultOdPairs(network);
  const { ods: _ods, areas: _areas, ranges: _ranges, onProgress, ...compile } = options;
  const base = costParameters(compile.cost);
  const ranges = resolveRanges(options.ranges, base);
  const corners = ranges ? [
    { wait: ranges.waitScale.low, speed: 'low' as const }, { wait: ranges.waitScale.low, speed: 'high' as const },
    { wait: ranges.waitScale.high, speed: 'low' as const }, { wait: ranges.waitScale.high, speed: 'high' as const },
  ] : [];

  const central = new OdRouter(network, input, compile);
  const bounds = demandBounds(input, central.ods.map((od) => od.demand));
  const failures = failureList(network, central, areas);
  const total = failures.length * (1 + corners.length);
  let done = 0;
  const progress = (id: string) => onProgress?.(++done, total, id);
  const runs: Run[] = [scan(central, failures, progress)];
  for (const c of corners) {
    const cost = cornerCost(compile.cost, base, ranges!, c.wait, c.speed);
    runs.push(scan(new OdRouter(network, input, { ...compile, cost }), failures, progress));
  }

  const found = central.baseline.map((r) => r.found);
  const origin = central.ods.map((od) => network.place(od.from)!.properties);
  const groupsOf = (key: (i: number) => string) => {
    const names = [...new Set(central.ods.map((_, i) => key(i)))].sort();
    const index = new Map(names.map((n, g) => [n, g]));
    return { names, of: central.ods.map((_, i) => index.get(key(i))!) };
  };
  const regions = groupsOf((i) => origin[i].region ?? NO_REGION);
  const countries = groupsOf((i) => origin[i].country);
  const all = { names: ['*'], of: central.ods.map(() => 0) };
  const vot = ranges
    ? { central: base.valueOfTimePerTonneHour, min: Math.min(ranges.valueOfTime.low, base.valueOfTimePerTonneHour), max: Math.max(ranges.valueOfTime.high, base.valueOfTimePerTonneHour) }
    : { central: base.valueOfTimePerTonneHour, min: base.valueOfTimePerTonneHour, max: base.valueOfTimePerTonneHour };

  const originCountry = origin.map((p) => p.country);
  const groups = (g: ReturnType<typeof groupsOf>) => exposureOfGroups(g, originCountry, runs, failures, bounds, found, vot).sort(byWorst);
  const regionRows = groups(regions);
  const countryRows = groups(countries);
  const ranking = failureRanking(all, runs, failures, bounds, vot);

  return {
    by: central.compiled.by, scenario: network.scenario?.name ?? 'current', areas,
    pairs: central.ods.length, routablePairs: found.filter(Boolean).length, failures: failures.length,
    regions: regionRows, countries: countryRows, ranking,
    assumptions: ranges ? { valueOfTimeUsdPerTonneHour: vot, waitScale: ranges.waitScale, speed: ranges.speed, runs: runs.length } : null,
  };
}

/** Worst increase first, then tonnes cut off, then the name. */
const byWorst = (a: GroupExposure, b: GroupExposure) =>
  b.worstIncreaseHours.central - a.worstIncreaseHours.central || b.cutOff.central - a.cutOff.central || a.group.localeCompare(b.group);

/** The failures: every link that can carry traffic, or every region's routable links. */
function failureList(network: Network, router: OdRouter, areas: 'links' | 'regions'): Failure[] {
  const routable = (id: string) => router.compiled.edgesOfLink(id).length > 0;
  if (areas === 'links') {
    return network.links.map((l) => l.properties.id).filter(routable).map((id) => ({ id, name: linkName(network, id), linkIds: [id] }));
  }
  return [...linksByRegion(network)]
    .map(([region, ids]) => ({ id: region, name: region, linkIds: ids.filter(routable) }))
    .filter((f) => f.linkIds.length > 0);
}

/** Every failure on one router: the re-routed pairs and their extra hours (null: cut off). */
function scan(router: OdRouter, failures: readonly Failure[], progress: (id: string) => void): Run {
  const effects = failures.map((f) => {
    const users = router.pairsUsing(f.linkIds);
    const after = router.reroutesWithout(users, f.linkIds);
    progress(f.id);
    return users.map((pair, k) => ({ pair, extra: after[k] ? after[k]!.totals.hours - router.baseline[pair].totals.hours : null }));
  });
  return { effects };
}

/** Each pair's demand and its low and high ends, checked. */
function demandBounds(input: readonly OdPair[], demand: readonly number[]): { central: number[]; low: number[]; high: number[] } {
  const low: number[] = [];
  const high: number[] = [];
  input.forEach((od, i) => {
    const d = demand[i];
    const lo = od.demandMin ?? d;
    const hi = od.demandMax ?? d;
    for (const [name, v] of [['demandMin', lo], ['demandMax', hi]] as const) {
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new OdPairError(`regionalExposure: ods[${i}] (${od.from} → ${od.to}) has ${name} ${JSON.stringify(v)}; it must be a number >= 0`);
    }
    if (!(lo <= d && d <= hi)) throw new OdPairError(`regionalExposure: ods[${i}] (${od.from} → ${od.to}) needs demandMin <= demand <= demandMax, got ${lo}, ${d}, ${hi}`);
    low.push(lo);
    high.push(hi);
  });
  return { central: [...demand], low, high };
}

/** Per group and failure: Σ demand × extra over pairs that detour and Σ demand cut off, with the given demand (low: the low end where the extra is >= 0, the high end where a detour is quicker). */
function sums(groupOf: readonly number[], groupCount: number, run: Run, failureCount: number, bounds: ReturnType<typeof demandBounds>, which: 'central' | 'low' | 'high') {
  const extra = Array.from({ length: groupCount }, () => new Float64Array(failureCount));
  const cut = Array.from({ length: groupCount }, () => new Float64Array(failureCount));
  run.effects.forEach((effects, k) => {
    for (const { pair, extra: dx } of effects) {
      const g = groupOf[pair];
      if (dx === null) {
        cut[g][k] += which === 'central' ? bounds.central[pair] : which === 'low' ? bounds.low[pair] : bounds.high[pair];
      } else {
        const d = which === 'central' ? bounds.central[pair] : (which === 'low') === (dx >= 0) ? bounds.low[pair] : bounds.high[pair];
        extra[g][k] += d * dx;
      }
    }
  });
  return { extra, cut };
}

const argMax = (xs: Float64Array): number => {
  let best = -1;
  for (let k = 0; k < xs.length; k++) if (best < 0 || xs[k] > xs[best]) best = k;
  return best;
};
const maxOf = (xs: Float64Array): number => (xs.length ? xs[argMax(xs)] : 0);

function exposureOfGroups(
  groups: { names: string[]; of: number[] },
  originCountry: readonly string[],
  runs: readonly Run[],
  failures: readonly Failure[],
  bounds: ReturnType<typeof demandBounds>,
  found: readonly boolean[],
  vot: Ranged,
): GroupExposure[] {
  const G = groups.names.length;
  const K = failures.length;
  const demand = groups.names.map(() => ({ pairs: 0, central: 0, min: 0, max: 0, byCountry: new Map<string, number>() }));
  groups.of.forEach((g, i) => {
    if (!found[i]) return;
    demand[g].pairs++;
    demand[g].byCountry.set(originCountry[i], (demand[g].byCountry.get(originCountry[i]) ?? 0) + bounds.central[i]);
    demand[g].central += bounds.central[i];
    demand[g].min += bounds.low[i];
    demand[g].max += bounds.high[i];
  });
  const central = sums(groups.of, G, runs[0], K, bounds, 'central');
  const low = sums(groups.of, G, runs[0], K, bounds, 'low');
  const high = sums(groups.of, G, runs[0], K, bounds, 'high');
  const perRun = runs.map((run) => ({
    central: sums(groups.of, G, run, K, bounds, 'central').extra,
    low: sums(groups.of, G, run, K, bounds, 'low').extra,
    high: sums(groups.of, G, run, K, bounds, 'high').extra,
  }));
  const ref = (k: number): FailureRef | null => (k < 0 ? null : { id: failures[k].id, name: failures[k].name });
  return groups.names.flatMap((name, g): GroupExposure[] => {
    const d = demand[g];
    if (d.pairs === 0) return [];
    const per = (x: number) => (d.central > 0 ? x / d.central : 0);
    const worstK = maxOf(central.extra[g]) > 0 ? argMax(central.extra[g]) : -1;
    const cutK = maxOf(central.cut[g]) > 0 ? argMax(central.cut[g]) : -1;
    const worstByRun = perRun.map((r) => per(maxOf(r.central[g])));
    let sum = 0;
    for (let k = 0; k < K; k++) sum += per(central.extra[g][k]);
    const lossLow = Math.min(...perRun.map((r) => maxOf(r.low[g]))) / DAYS_PER_YEAR;
    const lossHigh = Math.max(...perRun.map((r) => maxOf(r.high[g]))) / DAYS_PER_YEAR;
    const lossCentral = maxOf(central.extra[g]) / DAYS_PER_YEAR;
    const loss = { central: lossCentral, min: Math.min(lossLow, lossCentral), max: Math.max(lossHigh, lossCentral) };
    return [{
      // The country of the origins with the most demand (a region's places may lie on both sides of the border).
      group: name, country: [...d.byCountry].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0][0], pairs: d.pairs,
      demand: { central: d.central, min: d.min, max: d.max },
      worstIncreaseHours: { central: worstByRun[0], min: Math.min(...worstByRun), max: Math.max(...worstByRun) },
      worstFailure: ref(worstK),
      averageIncreaseHours: K ? sum / K : 0,
      cutOff: { central: maxOf(central.cut[g]), min: maxOf(low.cut[g]), max: maxOf(high.cut[g]) },
      cutOffFailure: ref(cutK),
      lossTonneHoursPerDay: loss,
      lossUsdPerDay: { central: loss.central * vot.central, min: loss.min * vot.min, max: loss.max * vot.max },
    }];
  });
}

/** Each failure network-wide: importance, demand cut off, losses; by loss, then demand cut off, then id. */
function failureRanking(
  all: { names: string[]; of: number[] },
  runs: readonly Run[],
  failures: readonly Failure[],
  bounds: ReturnType<typeof demandBounds>,
  vot: Ranged,
): FailureExposure[] {
  const K = failures.length;
  const central = sums(all.of, 1, runs[0], K, bounds, 'central');
  const low = sums(all.of, 1, runs[0], K, bounds, 'low');
  const high = sums(all.of, 1, runs[0], K, bounds, 'high');
  const lows = runs.map((r) => sums(all.of, 1, r, K, bounds, 'low').extra[0]);
  const highs = runs.map((r) => sums(all.of, 1, r, K, bounds, 'high').extra[0]);
  return failures
    .map((f, k): FailureExposure => {
      const c = central.extra[0][k] / DAYS_PER_YEAR;
      const loss = {
        central: c,
        min: Math.min(c, ...lows.map((x) => x[k] / DAYS_PER_YEAR)),
        max: Math.max(c, ...highs.map((x) => x[k] / DAYS_PER_YEAR)),
      };
      return {
        id: f.id, name: f.name, links: f.linkIds.length, pairsUsing: runs[0].effects[k].length,
        importance: central.extra[0][k],
        cutOff: { central: central.cut[0][k], min: low.cut[0][k], max: high.cut[0][k] },
        lossTonneHoursPerDay: loss,
        lossUsdPerDay: { central: loss.central * vot.central, min: loss.min * vot.min, max: loss.max * vot.max },
      };
    })
    .sort((a, b) => b.lossTonneHoursPerDay.central - a.lossTonneHoursPerDay.central || b.cutOff.central - a.cutOff.central || a.id.localeCompare(b.id));
}

/** The ranges with defaults filled in and checked; undefined for `ranges: false`. */
function resolveRanges(ranges: ExposureRanges | false | undefined, base: CostParameters) {
  if (ranges === false) return undefined;
  if (ranges !== undefined && (typeof ranges !== 'object' || ranges === null)) throw new ExposureArgumentError(`regionalExposure: ranges must be an object or false, got ${JSON.stringify(ranges)}`);
  const d = DEFAULT_EXPOSURE_RANGES;
  const r = {
    waitScale: ranges?.waitScale ?? d.waitScale,
    speed: { rail: ranges?.speed?.rail ?? d.speed.rail, road: ranges?.speed?.road ?? d.speed.road, river: ranges?.speed?.river ?? d.speed.river },
    valueOfTime: ranges?.valueOfTime ?? d.valueOfTime,
  };
  const check = (name: string, x: AssumptionRange, positive: boolean) => {
    const ok = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && (positive ? v > 0 : v >= 0);
    if (typeof x !== 'object' || x === null || !ok(x.low) || !ok(x.high) || x.low > x.high) {
      throw new ExposureArgumentError(`regionalExposure: ranges.${name} must be { low, high } with ${positive ? '0 <' : '0 <='} low <= high, got ${JSON.stringify(x)}`);
    }
  };
  check('waitScale', r.waitScale, false);
  check('speed.rail', r.speed.rail, true);
  check('speed.road', r.speed.road, true);
  check('speed.river', r.speed.river, true);
  check('valueOfTime', r.valueOfTime, false);
  void base;
  return r;
}

/** The query's cost overrides with every wait scaled by `wait` and every default or overridden speed by the range's low or high factor. */
function cornerCost(cost: CostOverrides | undefined, base: CostParameters, ranges: NonNullable<ReturnType<typeof resolveRanges>>, wait: number, end: 'low' | 'high'): CostOverrides {
  const f = { rail: ranges.speed.rail[end], road: ranges.speed.road[end], river: ranges.speed.river[end] };
  const scaleRoad = (speeds: Partial<Record<RoadClass, number>> | undefined) =>
    Object.fromEntries(Object.entries(speeds ?? {}).map(([k, v]) => [k, (v as number) * f.road])) as Partial<Record<RoadClass, number>>;
  const o = base.speedOverride;
  return {
    ...cost,
    waitScale: base.waitScale * wait,
    speedKmh: { rail: base.speedKmh.rail * f.rail, river: base.speedKmh.river * f.river, road: scaleRoad(base.speedKmh.road) },
    speedOverride: {
      ...(o.rail !== undefined ? { rail: o.rail * f.rail } : {}),
      ...(o.river !== undefined ? { river: o.river * f.river } : {}),
      road: scaleRoad(o.road),
    },
  };
}

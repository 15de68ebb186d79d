import type { LinkProperties, Mode, RoadCondition } from '../model/types.js';
import { InputError } from '../errors/steppenet-error.js';

/** What a route minimises. */
export const OBJECTIVES = ['distance', 'time', 'cost', 'generalized'] as const;
export type Objective = (typeof OBJECTIVES)[number];

export type RoadClass = NonNullable<LinkProperties['roadClass']>;
export const ROAD_CLASS_NAMES: readonly RoadClass[] = ['motorway', 'trunk', 'primary', 'secondary', 'local'];

/**
 * The drivers' hours rules of the AETR (European Agreement concerning the Work
 * of Crews of Vehicles engaged in International Road Transport, UNECE, Geneva
 * 1970, consolidated text as amended up to 2010/2020), which Russia and
 * Kazakhstan are parties to and apply to international road haulage
 * (https://unece.org/transport/road-transport/aetr-agreement). Art. 6(1): daily
 * driving time at most 9 h (10 h twice a week: not used here, conservative);
 * Art. 7(1): after 4.5 h of driving an uninterrupted break of at least 45 min,
 * unless a rest period begins; Art. 7(3): time spent in a vehicle in motion
 * not driving can count as a break (so a two-driver crew swaps at the wheel
 * without stopping); Art. 8: a regular daily rest of at least 11 h within each
 * 24 h after the previous rest (reducible to 9 h three times a week: not used);
 * Art. 8, multi-manning clause (as Reg. (EC) 561/2006 Art. 8(5), which the
 * 2006–2010 AETR amendments aligned with): each driver of a crew takes a daily
 * rest of at least 9 h within 30 h of the end of the previous one.
 * Art. 8(6), the weekly rest (as Reg. (EC) 561/2006 Art. 8(6), second
 * subparagraph: "A weekly rest period shall start no later than at the end of
 * six 24-hour periods from the end of the previous weekly rest period"; first
 * subparagraph: in any two consecutive weeks two regular weekly rests (at least
 * 45 h), or one regular and one reduced (at least 24 h, compensated later)).
 * Not modelled: the 56 h weekly and 90 h fortnightly driving limits (Art. 6),
 * which depend on the calendar week the trip starts in.
 */
export interface DriverRules {
  /** Art. 7(1): longest driving period before a break, hours. */
  maxDrivingPeriodHours: number;
  /** Art. 7(1): the break, hours. */
  breakHours: number;
  /** Art. 6(1): daily driving time per driver, hours. */
  maxDailyDrivingHours: number;
  /** Art. 8: regular daily rest of a single driver, hours. */
  dailyRestHours: number;
  /** Art. 8, multi-manning: daily rest of a crew of two, hours. */
  crewDailyRestHours: number;
  /**
   * Art. 8(6): the weekly rest, hours — 45 (regular, the default), 24
   * (reduced: allowed every other week, with compensation later), or 0 for
   * none. It is taken instead of the daily rest that would otherwise let the
   * driving run past `weeklyRestDueHours`.
   */
  weeklyRestHours: number;
  /** Art. 8(6): a weekly rest starts at the latest six 24 h periods (144 h) after the end of the previous one. */
  weeklyRestDueHours: number;
}

/**
 * The parameters of the freight time and cost model, per tonne of freight.
 * README.md ("The freight time model") lists each default with its source or
 * says it is an assumption. Override any of them per query.
 */
export interface CostParameters {
  /**
   * Default running speeds, km/h, used where a link gives neither `hours` nor
   * `speedKmh`. Road speeds are for heavy goods vehicles (> 3.5 t), moving
   * average on a road in good condition, without breaks and rests.
   */
  speedKmh: { rail: number; river: number; road: Record<RoadClass, number> };
  /**
   * Measured truck speeds by country (ISO 3166-1 alpha-2 code → km/h): on a
   * road link in that country the default speed of a road class is at most
   * this (min(class default, cap)); then `conditionFactor` applies as usual.
   * A link in several countries (a border crossing: the two posts' countries,
   * or its `countries`) takes the lowest of their caps. Neither a link's own
   * `speedKmh` nor a `speedOverride` is capped. `Infinity` = no cap.
   */
  roadSpeedCapKmh: Record<string, number>;
  /**
   * Speeds that replace every link's own `speedKmh` of that mode (or road
   * class) in this query (a link's fixed `hours` still win). Empty by
   * default; the CLI's `--speed` fills it.
   */
  speedOverride: { rail?: number; river?: number; road?: Partial<Record<RoadClass, number>> };
  /** Factor on the default (or overridden) truck speed by the link's `condition`; no `condition` = good. */
  conditionFactor: Record<RoadCondition, number>;
  /** Multiplies every checkpoint wait (1 = the data's waits). */
  waitScale: number;
  /** Apply the AETR drivers' hours on road legs (breaks and daily rests). */
  drivingRules: boolean;
  /** Drivers per truck: 1, or 2 (multi-manning). */
  drivers: 1 | 2;
  /** The AETR limits used when `drivingRules` is on. */
  driverRules: DriverRules;
  /** Line-haul tariff, USD per tonne-km. */
  tariffPerTonneKm: Record<Mode, number>;
  /** Border formalities, USD per tonne per crossing (on top of the time waited). */
  borderFeePerTonne: number;
  /** USD per tonne per lock passed. */
  lockFeePerTonne: number;
  /** Value of time for the generalized cost, USD per tonne-hour. */
  valueOfTimePerTonneHour: number;
  /** Count checkpoint waits in time (true) or only running time (false). */
  includeBorderWaits: boolean;
}

export const DEFAULT_COST_PARAMETERS: CostParameters = {
  speedKmh: {
    // Rail: RZD's network-average "участковая скорость" of freight trains (running time plus stops at
    // intermediate stations between technical stations): 38.4 km/h in February 2026, 39.3 in January 2026,
    // 38.8 in Nov–Dec 2025 (RZD operational data via RZD-Partner / npktrans.ru, 11.03.2026); 35.7 km/h for the
    // whole of 2024 (RZD form 9д-5, quoted by F. Khusainov, HSE). 38 km/h is taken for both RZD and KTZ:
    // no comparable published KTZ figure was found (assumption that KTZ's is similar). The interchange wait at a
    // rail border point is not in this speed: it is the checkpoint's `waitHours` (data).
    rail: 38,
    // River: barge convoys on the Irtysh, ≈ 12 km/h averaged over up- and downstream (assumption; links may set their own).
    river: 12,
    // Road: heavy goods vehicles. Legal ceilings: Russia, ПДД РФ п. 10.3 — trucks > 3.5 t outside built-up areas
    // 90 km/h on motorways, 70 km/h on other roads (pdd-check.ru/punkt-10-3); п. 10.2 — 60 km/h in built-up areas.
    // Kazakhstan: from 23.11.2025 trucks 50 km/h in settlements (MVD RK, Kazinform 21.11.2025); the Kazakh limit
    // outside settlements was not verified here. The defaults are moving averages below those ceilings (towns,
    // grades, traffic): an ASSUMPTION, no published average HGV speed by road class was found.
    road: { motorway: 75, trunk: 62, primary: 55, secondary: 45, local: 35 },
  },
  // Kazakhstan: measured. ADB, CAREC Corridor Performance Measurement and Monitoring (CPMM) Annual Report 2022,
  // Kazakhstan chapter (https://cpmm.carecprogram.org/2022-report/kazakhstan), Table 3.7 "Trade Facilitation
  // Indicators for Kazakhstan, 2020–2022", road transport, row "SWOD | Speed without Delay (km/h)": 52.9 (2020),
  // 49.9 (2021), 51.1 (2022). SWOD is the average moving speed of trucks on the CAREC corridors through
  // Kazakhstan (the main republican roads), from shipment records of Kazakh forwarders, without the time stopped
  // (the same table's TFI4, speed with delay, is 29.2 / 28.6 / 31.2 km/h). The newest year, 2022, is used; the
  // 2023 report's Table 6.3 could not be read here.
  roadSpeedCapKmh: { KZ: 51.1 },
  speedOverride: {},
  // Slowdown by surface condition (assumption): fair −15 %, poor −35 %.
  conditionFactor: { good: 1, fair: 0.85, poor: 0.65 },
  waitScale: 1,
  drivingRules: true,
  drivers: 1,
  driverRules: { maxDrivingPeriodHours: 4.5, breakHours: 0.75, maxDailyDrivingHours: 9, dailyRestHours: 11, crewDailyRestHours: 9, weeklyRestHours: 45, weeklyRestDueHours: 144 },
  // Order-of-magnitude freight tariffs (assumption): river cheapest, road dearest.
  tariffPerTonneKm: { rail: 0.035, road: 0.07, river: 0.03 },
  borderFeePerTonne: 3,
  lockFeePerTonne: 0.5,
  valueOfTimePerTonneHour: 1,
  includeBorderWaits: true,
};

/** Overrides for a query: any subset, nested objects merged. */
export type CostOverrides = {
  speedKmh?: Partial<Omit<CostParameters['speedKmh'], 'road'>> & { road?: Partial<Record<RoadClass, number>> };
  speedOverride?: CostParameters['speedOverride'];
  roadSpeedCapKmh?: Record<string, number>;
  conditionFactor?: Partial<Record<RoadCondition, number>>;
  driverRules?: Partial<DriverRules>;
  tariffPerTonneKm?: Partial<Record<Mode, number>>;
} & Partial<Omit<CostParameters, 'speedKmh' | 'speedOverride' | 'roadSpeedCapKmh' | 'conditionFactor' | 'driverRules' | 'tariffPerTonneKm'>>;

export class InvalidCostParameterError extends InputError {
  constructor(readonly parameter: string, readonly value: unknown, expected = 'a finite number >= 0') {
    super(`costParameters: ${parameter} must be ${expected}, got ${JSON.stringify(value)}`);
  }
}

export function costParameters(overrides: CostOverrides = {}): CostParameters {
  if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) throw new InvalidCostParameterError('cost', overrides, 'an object of overrides');
  const d = DEFAULT_COST_PARAMETERS;
  const p: CostParameters = {
    ...d,
    ...overrides,
    speedKmh: {
      rail: overrides.speedKmh?.rail ?? d.speedKmh.rail,
      river: overrides.speedKmh?.river ?? d.speedKmh.river,
      road: { ...d.speedKmh.road, ...overrides.speedKmh?.road },
    },
    speedOverride: { ...overrides.speedOverride, road: { ...overrides.speedOverride?.road } },
    roadSpeedCapKmh: { ...d.roadSpeedCapKmh, ...overrides.roadSpeedCapKmh },
    conditionFactor: { ...d.conditionFactor, ...overrides.conditionFactor },
    driverRules: { ...d.driverRules, ...overrides.driverRules },
    tariffPerTonneKm: { ...d.tariffPerTonneKm, ...overrides.tariffPerTonneKm },
  };
  const check = (name: string, v: unknown, positive = false) => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || (positive && v === 0)) {
      throw new InvalidCostParameterError(name, v, positive ? 'a finite number > 0' : 'a finite number >= 0');
    }
  };
  check('speedKmh.rail', p.speedKmh.rail, true);
  check('speedKmh.river', p.speedKmh.river, true);
  for (const [k, v] of Object.entries(p.speedKmh.road)) check(`speedKmh.road.${k}`, v, true);
  for (const m of ['rail', 'river'] as const) if (p.speedOverride[m] !== undefined) check(`speedOverride.${m}`, p.speedOverride[m], true);
  for (const [k, v] of Object.entries(p.speedOverride.road ?? {})) check(`speedOverride.road.${k}`, v, true);
  const caps = overrides.roadSpeedCapKmh;
  if (caps !== undefined && (typeof caps !== 'object' || caps === null || Array.isArray(caps))) {
    throw new InvalidCostParameterError('roadSpeedCapKmh', overrides.roadSpeedCapKmh, 'an object of country code → km/h');
  }
  for (const [k, v] of Object.entries(p.roadSpeedCapKmh)) {
    if (!/^[A-Z]{2}$/.test(k)) throw new InvalidCostParameterError('roadSpeedCapKmh', k, 'keyed by ISO 3166-1 alpha-2 country codes (KZ, RU, …)');
    if (v !== Infinity) check(`roadSpeedCapKmh.${k}`, v, true);
  }
  for (const [k, v] of Object.entries(p.conditionFactor)) check(`conditionFactor.${k}`, v, true);
  for (const [k, v] of Object.entries(p.driverRules)) check(`driverRules.${k}`, v, k !== 'weeklyRestHours');
  for (const [k, v] of Object.entries(p.tariffPerTonneKm)) check(`tariffPerTonneKm.${k}`, v);
  check('waitScale', p.waitScale);
  check('borderFeePerTonne', p.borderFeePerTonne);
  check('lockFeePerTonne', p.lockFeePerTonne);
  check('valueOfTimePerTonneHour', p.valueOfTimePerTonneHour);
  const { weeklyRestHours: weekly, dailyRestHours, crewDailyRestHours } = p.driverRules;
  if (weekly !== 0 && weekly < Math.max(dailyRestHours, crewDailyRestHours)) {
    throw new InvalidCostParameterError('driverRules.weeklyRestHours', weekly, `0 (no weekly rest) or at least the daily rest (${Math.max(dailyRestHours, crewDailyRestHours)} h); AETR Art. 8(6): 45 h regular, 24 h reduced`);
  }
  if (p.drivers !== 1 && p.drivers !== 2) throw new InvalidCostParameterError('drivers', p.drivers, '1 or 2');
  if (typeof p.drivingRules !== 'boolean') throw new InvalidCostParameterError('drivingRules', p.drivingRules, 'true or false');
  return p;
}

/** The lowest `roadSpeedCapKmh` of the countries a road link is in (Infinity when none is capped). */
export function roadSpeedCap(countries: readonly string[], p: CostParameters): number {
  let cap = Infinity;
  for (const c of countries) cap = Math.min(cap, p.roadSpeedCapKmh[c] ?? Infinity);
  return cap;
}

/**
 * Running hours of a link: its own `hours`; else km / speed, where the speed is
 * the query's `speedOverride` for the mode/class, else the link's own
 * `speedKmh`, else the default for the mode/class — on a road, capped by the
 * `roadSpeedCapKmh` of the link's `countries` (the countries it runs
 * through). Default and overridden road speeds are scaled by the link's
 * `condition`; a link's own `speedKmh` is the truck speed as it is and is not
 * scaled again.
 */
export function runningHours(link: LinkProperties, p: CostParameters, countries: readonly string[] = link.countries ?? []): number {
  if (link.hours !== undefined) return link.hours;
  if (link.mode === 'road') {
    const cls = link.roadClass ?? 'primary';
    const forced = p.speedOverride.road?.[cls];
    if (forced === undefined && link.speedKmh !== undefined) return link.km / link.speedKmh;
    const speed = forced ?? Math.min(p.speedKmh.road[cls], roadSpeedCap(countries, p));
    return link.km / (speed * p.conditionFactor[link.condition ?? 'good']);
  }
  const speed = p.speedOverride[link.mode] ?? link.speedKmh ?? p.speedKmh[link.mode];
  return link.km / speed;
}

/**
 * Rest hours per driving hour over a full AETR cycle: the search weight that
 * spreads breaks and daily rests over the driving (see DriverClock for the
 * exact timeline). One driver: 9 h driving, one 45 min break, an 11 h rest:
 * (0.75 + 11) / 9 ≈ 1.31. A crew of two: 18 h driving (9 h each, swapping
 * every 4.5 h; the co-driver's time in the moving vehicle is the break,
 * Art. 7(3)), then a 9 h rest: 9 / 18 = 0.5. The weekly rest is left out:
 * it only comes after 144 h, and with it every route's weight would change
 * for the sake of trips over six days (see rest-aware.ts).
 */
export function amortisedRestPerDrivingHour(p: CostParameters): number {
  if (!p.drivingRules) return 0;
  const r = p.driverRules;
  const periods = Math.ceil(r.maxDailyDrivingHours / r.maxDrivingPeriodHours - 1e-9);
  if (p.drivers === 2) return r.crewDailyRestHours / (2 * r.maxDailyDrivingHours);
  return ((periods - 1) * r.breakHours + r.dailyRestHours) / r.maxDailyDrivingHours;
}

/** Days (weeks, with the weekly rest on) of driving beyond which DriverClock.drive skips them whole rather than stepping through them (no real route comes near). */
const MANY_DAYS = 100;
const MANY_WEEKS = 15;

/**
 * The exact AETR timeline of one truck along a route: call wait(h) for each
 * checkpoint wait and drive(h) for each road link in travel order; drive
 * returns the break and rest hours the truck must stop for before or while
 * driving it. A fresh (rested) crew starts every road trip, at the end of a
 * weekly rest; arriving needs no rest. Checkpoint waits are neither driving
 * nor a break or rest (conservative: at a border the driver moves up in the
 * queue and does the formalities, "other work"); they do not count towards
 * the 24 h / 30 h window either (not modelled), but they do count towards the
 * 144 h after which a weekly rest must start (Art. 8(6)): that is elapsed
 * time.
 *
 * The weekly rest (`weeklyRestHours` > 0): driving never runs past
 * `weeklyRestDueHours` after the end of the last weekly rest. When it would,
 * the last daily rest before it becomes the weekly rest (Art. 8(3): a daily
 * rest may be extended into a weekly one) — weekly − daily hours more, and
 * the next 144 h count from its end; a daily rest that would itself end past
 * the limit is taken as the weekly rest at once; with no daily rest since the
 * last weekly one (only very long waits do that) the weekly rest is taken
 * where the driving stops. A crew of two takes it together. Which daily rest
 * becomes the weekly one is decided when the driving would run past the
 * limit, so its extra hours count in the drive() that finds out (possibly a
 * later link than the one the rest was taken on); the total is exact.
 */
export class DriverClock {
  private readonly sinceBreak: number[];
  private readonly today: number[];
  private readonly passenger: number[];
  private current = 0;
  /** Hours since the end of the last weekly rest: driving, stops and waits. */
  private sinceWeekly = 0;
  /** The last daily rest since then: when it ended (in sinceWeekly hours); `mark`: driven and stopped hours at its end, in the current drive() call. */
  private lastDailyRest: { endedAt: number; mark?: { driven: number; stopped: number } } | undefined;

  constructor(private readonly p: CostParameters) {
    const n = p.drivers;
    this.sinceBreak = new Array(n).fill(0);
    this.today = new Array(n).fill(0);
    this.passenger = new Array(n).fill(0);
  }

  /** A checkpoint wait (or any time standing, neither driving nor rest): counts towards the 144 h before the weekly rest. */
  wait(hours: number): void {
    if (this.p.drivingRules && hours > 0) this.sinceWeekly += hours;
  }

  private startWeek(): void {
    this.sinceBreak.fill(0);
    this.today.fill(0);
    this.passenger.fill(0);
    this.sinceWeekly = 0;
    this.lastDailyRest = undefined;
  }

  drive(hours: number): number {
    if (!this.p.drivingRules) return 0;
    const r = this.p.driverRules;
    const eps = 1e-9;
    const n = this.sinceBreak.length;
    const weekly = r.weeklyRestHours > 0;
    const dailyRest = n === 2 ? r.crewDailyRestHours : r.dailyRestHours;
    const canDrive = (i: number) => this.sinceBreak[i] < r.maxDrivingPeriodHours - eps && this.today[i] < r.maxDailyDrivingHours - eps;
    if (hours === Infinity) return Infinity;
    let stopped = 0;
    let left = hours;
    // The timeline repeats after each daily rest (all counters zero) — with
    // the weekly rest on, after each weekly rest — so a drive of many days (a
    // huge km or a tiny speed) skips its whole days (weeks) at once instead of
    // looping for each one (1e248 h never ended).
    let driven = 0;
    let dayStart: { driven: number; stopped: number } | undefined;
    // Marks of an earlier call are in its own driven/stopped hours.
    if (this.lastDailyRest) this.lastDailyRest = { endedAt: this.lastDailyRest.endedAt };
    let weekStart: { driven: number; stopped: number } | undefined;
    let skipped = false;
    // `at`: driven and stopped hours (this call) at the end of a weekly rest; the state now recurs one week of driving later.
    const weekBegins = (at: { driven: number; stopped: number }) => {
      if (skipped) return;
      if (weekStart) {
        const week = at.driven - weekStart.driven;
        const weeks = week > 0 ? Math.ceil(left / week) - 1 : 0;
        if (weeks > MANY_WEEKS) {
          left -= weeks * week;
          stopped += weeks * (at.stopped - weekStart.stopped);
          skipped = true;
        }
      }
      weekStart = at;
    };
    while (left > eps) {
      if (!weekly && this.today.every((t) => t === 0) && this.sinceBreak.every((t) => t === 0) && this.passenger.every((t) => t === 0)) {
        const day = dayStart ? driven - dayStart.driven : 0;
        const days = day > 0 ? Math.ceil(left / day) - 1 : 0;
        if (days > MANY_DAYS) {
          left -= days * day;
          stopped += days * (stopped - dayStart!.stopped);
        }
        dayStart = { driven, stopped };
      }
      if (!canDrive(this.current)) {
        const other = [...Array(n).keys()].find((i) => i !== this.current && canDrive(i));
        if (other !== undefined) {
          this.current = other;
          this.passenger[other] = 0;
          continue;
        }
        const anyDailyLeft = this.today.some((t) => t < r.maxDailyDrivingHours - eps);
        if (anyDailyLeft) {
          stopped += r.breakHours;
          this.sinceWeekly += r.breakHours;
          this.sinceBreak.fill(0);
        } else if (weekly && this.sinceWeekly + dailyRest >= r.weeklyRestDueHours - eps) {
          // The driving after a daily rest would start past the limit: the weekly rest now.
          stopped += r.weeklyRestHours;
          this.startWeek();
          weekBegins({ driven, stopped });
        } else {
          stopped += dailyRest;
          this.sinceWeekly += dailyRest;
          this.sinceBreak.fill(0);
          this.today.fill(0);
          this.lastDailyRest = { endedAt: this.sinceWeekly, mark: { driven, stopped } };
        }
        this.passenger.fill(0);
        continue;
      }
      if (weekly && this.sinceWeekly >= r.weeklyRestDueHours - eps) {
        // Driving would run past the limit (Art. 8(6)).
        const last = this.lastDailyRest;
        const extra = r.weeklyRestHours - dailyRest;
        if (last) {
          // The last daily rest becomes the weekly rest; the 144 h count from its end.
          stopped += extra;
          this.sinceWeekly -= last.endedAt;
          this.lastDailyRest = undefined;
          if (last.mark) weekBegins({ driven: last.mark.driven, stopped: last.mark.stopped + extra });
        } else {
          stopped += r.weeklyRestHours;
          this.startWeek();
          weekBegins({ driven, stopped });
        }
        continue;
      }
      const c = this.current;
      const untilWeekly = weekly ? r.weeklyRestDueHours - this.sinceWeekly : Infinity;
      const chunk = Math.min(left, r.maxDrivingPeriodHours - this.sinceBreak[c], r.maxDailyDrivingHours - this.today[c], untilWeekly);
      this.sinceBreak[c] += chunk;
      this.today[c] += chunk;
      this.sinceWeekly += chunk;
      left -= chunk;
      driven += chunk;
      for (let i = 0; i < n; i++) {
        if (i === c) continue;
        this.passenger[i] += chunk;
        // Art. 7(3): time in a vehicle in motion, not driving, counts as a break once it lasts the break's length.
        if (this.passenger[i] >= r.breakHours - eps) this.sinceBreak[i] = 0;
      }
    }
    return stopped;
  }
}

/** The measures of one step; `weight` combines them for an objective. */
export interface StepMeasures {
  km: number;
  /** Running, waiting, lock and transfer hours (no rest). */
  hours: number;
  cost: number;
  /** The AETR rest spread over this step's driving (search weight only; results use DriverClock). */
  restHours?: number;
}

export function weightOf(m: StepMeasures, objective: Objective, p: CostParameters): number {
  switch (objective) {
    case 'distance':
      return m.km;
    case 'time':
      return m.hours + (m.restHours ?? 0);
    case 'cost':
      return m.cost;
    case 'generalized':
      return m.cost + p.valueOfTimePerTonneHour * (m.hours + (m.restHours ?? 0));
  }
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function monthName(month: number): string {
  return MONTH_NAMES[month - 1] ?? String(month);
}

/** December, January, February: the months a checkpoint's `waitHoursWinter` applies. */
export function isWinterMonth(month: number | undefined): boolean {
  return month === 12 || month === 1 || month === 2;
}

/**
 * Whether a navigation season `{ from: "MM-DD", to: "MM-DD" }` (inclusive,
 * may wrap the new year) has the reach open in a month: the rule is that the
 * season covers the 15th of that month.
 */
export function seasonOpenIn(season: { from: string; to: string }, month: number): boolean {
  const mid = `${String(month).padStart(2, '0')}-15`;
  return season.from <= season.to ? season.from <= mid && mid <= season.to : mid >= season.from || mid <= season.to;
}

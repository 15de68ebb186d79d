import type { FreightKind } from '../model/checkpoint-regime.js';
import type { CheckpointRegime, Mode } from '../model/types.js';
import type { Objective } from './cost-model.js';

export interface PlaceRef {
  id: string;
  name: string;
  country: string;
}

/**
 * Where a route's hours go: road `driving`; AETR breaks, daily and weekly `rest`;
 * `waiting` at checkpoints and locks; `transfer` between modes; rail and river
 * `running`. They add up to the hours they split.
 */
export interface HoursBreakdown {
  driving: number;
  rest: number;
  waiting: number;
  transfer: number;
  running: number;
}

export interface RouteLeg {
  from: PlaceRef;
  to: PlaceRef;
  mode: Mode;
  km: number;
  hours: number;
  cost: number;
  /** Roads or lines along the leg, e.g. "R-254, A-320" or "Trans-Siberian". */
  name: string;
  /** Link ids in travel order. */
  links: string[];
  /** The leg's hours split (rest: the AETR stops made during this leg). */
  hoursBreakdown: HoursBreakdown;
  /** River legs: the navigation season common to its reaches ("MM-DD", the latest opening and the earliest closing). */
  season?: { from: string; to: string };
}

export interface RouteTransfer {
  place: PlaceRef;
  fromMode: Mode;
  toMode: Mode;
  hours: number;
  cost: number;
}

export interface RouteCrossing {
  checkpoint: string;
  name: string;
  link: string;
  mode: Mode;
  /** Countries left and entered. */
  from: string;
  to: string;
  waitHours: number;
  /** Who may cross there: multilateral, bilateral or simplified. */
  regime: CheckpointRegime;
}

export interface RouteTotals {
  km: number;
  hours: number;
  cost: number;
  /**
   * The objective's value as the search weighed it (km, hours, USD/t or
   * generalized USD/t). With drivers' rules on, time and generalized weights
   * count the amortised AETR rest per driving hour, so `weight` for `time`
   * differs from `hours`, which follows the exact AETR timeline.
   */
  weight: number;
  /** `hours` split into driving, rest, waiting, transfer and running. */
  hoursBreakdown: HoursBreakdown;
}

/** A place given as coordinates and the place it snapped to. */
export interface SnappedPlace {
  query: string;
  place: PlaceRef;
  km: number;
}

/** The answer to a route query: found, or not found with the reason why. */
export interface RouteResult {
  found: boolean;
  reason?: string;
  from: PlaceRef;
  to: PlaceRef;
  via: PlaceRef[];
  by: Objective;
  scenario: string;
  /** The freight regime the route was found for (which crossings it could use). */
  freight?: FreightKind;
  totals: RouteTotals;
  legs: RouteLeg[];
  transfers: RouteTransfer[];
  crossings: RouteCrossing[];
  /** Countries whose territory the route passes, in order of first entry. */
  countries: string[];
  /** Every link id in travel order. */
  links: string[];
  /** The month the query named (1–12), if any. */
  month?: number;
  /** Drivers per truck and whether the AETR drivers' hours were applied. */
  drivers?: { count: 1 | 2; rules: boolean };
  /** The stops given as coordinates: the query as written, the place it snapped to and how far that is (great-circle km). */
  snapped?: SnappedPlace[];
  /** Compiled edge ids, for analyses that block them; not part of the JSON contract. */
  edges?: number[];
}

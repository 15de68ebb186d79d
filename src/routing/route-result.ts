import type { FreightKind } from '../model/checkpoint-regime.js';
import type { CheckpointRegime, Mode } from '../model/types.js';
import type { Objective } from './cost-model.js';

export interface PlaceRef {
  id: string;
  name: string;
  country: string;
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
  /** The objective's value (km, hours, USD/t or generalized USD/t). */
  weight: number;
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
  /** Compiled edge ids, for analyses that block them; not part of the JSON contract. */
  edges?: number[];
}

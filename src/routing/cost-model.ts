import type { LinkProperties, Mode } from '../model/types.js';

/** What a route minimises. */
export const OBJECTIVES = ['distance', 'time', 'cost', 'generalized'] as const;
export type Objective = (typeof OBJECTIVES)[number];

type RoadClass = NonNullable<LinkProperties['roadClass']>;

/**
 * The parameters of the cost models, per tonne of freight. Every default is
 * an ASSUMPTION of this project unless a source is named; networks/README.md
 * lists them with their reasons. Override any of them per query.
 */
export interface CostParameters {
  /** Freight running speeds, km/h, used where a link gives neither `hours` nor `speedKmh`. */
  speedKmh: { rail: number; river: number; road: Record<RoadClass, number> };
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
  // Rail: average freight-train route speed including stops, ≈ 40 km/h on the 1520 mm network (assumption).
  // Road: heavy-goods vehicles, by road class, including rests on long hauls (assumption).
  // River: barge convoys on the Irtysh, ≈ 12 km/h averaged over up- and downstream (assumption).
  speedKmh: { rail: 40, river: 12, road: { motorway: 75, trunk: 65, primary: 55, secondary: 45, local: 35 } },
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
  tariffPerTonneKm?: Partial<Record<Mode, number>>;
} & Partial<Omit<CostParameters, 'speedKmh' | 'tariffPerTonneKm'>>;

export class InvalidCostParameterError extends Error {
  constructor(readonly parameter: string, readonly value: unknown) {
    super(`cost model: ${parameter} must be a finite number >= 0${parameter.startsWith('speedKmh') ? ' and > 0' : ''}, got ${JSON.stringify(value)}`);
    this.name = 'InvalidCostParameterError';
  }
}

export function costParameters(overrides: CostOverrides = {}): CostParameters {
  const d = DEFAULT_COST_PARAMETERS;
  const p: CostParameters = {
    ...d,
    ...overrides,
    speedKmh: {
      rail: overrides.speedKmh?.rail ?? d.speedKmh.rail,
      river: overrides.speedKmh?.river ?? d.speedKmh.river,
      road: { ...d.speedKmh.road, ...overrides.speedKmh?.road },
    },
    tariffPerTonneKm: { ...d.tariffPerTonneKm, ...overrides.tariffPerTonneKm },
  };
  const check = (name: string, v: unknown, positive = false) => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || (positive && v === 0)) throw new InvalidCostParameterError(name, v);
  };
  check('speedKmh.rail', p.speedKmh.rail, true);
  check('speedKmh.river', p.speedKmh.river, true);
  for (const [k, v] of Object.entries(p.speedKmh.road)) check(`speedKmh.road.${k}`, v, true);
  for (const [k, v] of Object.entries(p.tariffPerTonneKm)) check(`tariffPerTonneKm.${k}`, v);
  check('borderFeePerTonne', p.borderFeePerTonne);
  check('lockFeePerTonne', p.lockFeePerTonne);
  check('valueOfTimePerTonneHour', p.valueOfTimePerTonneHour);
  return p;
}

/** Running hours of a link: its own `hours`, else km / its `speedKmh`, else km / the mode's default speed. */
export function runningHours(link: LinkProperties, p: CostParameters): number {
  if (link.hours !== undefined) return link.hours;
  const speed = link.speedKmh ?? (link.mode === 'road' ? p.speedKmh.road[link.roadClass ?? 'primary'] : p.speedKmh[link.mode]);
  return link.km / speed;
}

/** The three measures of one step; `weight` combines them for an objective. */
export interface StepMeasures {
  km: number;
  hours: number;
  cost: number;
}

export function weightOf(m: StepMeasures, objective: Objective, p: CostParameters): number {
  switch (objective) {
    case 'distance':
      return m.km;
    case 'time':
      return m.hours;
    case 'cost':
      return m.cost;
    case 'generalized':
      return m.cost + p.valueOfTimePerTonneHour * m.hours;
  }
}

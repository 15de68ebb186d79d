import { checkpointRegime } from '../model/checkpoint-regime.js';
import type { Network } from '../model/network.js';
import type { CompiledNetwork } from './compile-network.js';
import { DriverClock, weightOf } from './cost-model.js';
import type { HoursBreakdown, PlaceRef, RouteCrossing, RouteLeg, RouteResult, RouteTransfer } from './route-result.js';

export const zeroBreakdown = (): HoursBreakdown => ({ driving: 0, rest: 0, waiting: 0, transfer: 0, running: 0 });

/** The totals of a route not found: infinite figures, an all-zero breakdown. */
export const unreachableTotals = () => ({ km: Infinity, hours: Infinity, cost: Infinity, weight: Infinity, hoursBreakdown: zeroBreakdown() });

function addBreakdown(into: HoursBreakdown, b: Partial<HoursBreakdown>): void {
  for (const k of Object.keys(b) as (keyof HoursBreakdown)[]) into[k] += b[k] ?? 0;
}

export function placeRef(network: Network, id: string): PlaceRef {
  const p = network.place(id)!.properties;
  return { id: p.id, name: p.name, country: p.country };
}

/**
 * Turns compiled edges into legs (runs of links in one mode), transfers and
 * border crossings, with totals summed from the same steps the search weighed.
 * Hours follow the exact AETR timeline of the trucks (DriverClock): a fresh
 * crew at the start and after every transfer, each at the end of a weekly
 * rest; `weight` stays the search's sum.
 */
export function describePath(
  compiled: CompiledNetwork,
  edges: readonly number[],
  base: Pick<RouteResult, 'from' | 'to' | 'via' | 'by' | 'scenario'>,
  /** Positions in `edges` where a via stop was reached: a leg always ends there. */
  stopsAt: readonly number[] = [],
): RouteResult {
  const net = compiled.network;
  const legs: RouteLeg[] = [];
  const transfers: RouteTransfer[] = [];
  const crossings: RouteCrossing[] = [];
  const countries: string[] = [];
  const links: string[] = [];
  const totals = { km: 0, hours: 0, cost: 0, weight: 0, hoursBreakdown: zeroBreakdown() };
  let clock = new DriverClock(compiled.params);
  const visit = (country: string) => {
    if (countries[countries.length - 1] !== country) countries.push(country);
  };
  visit(base.from.country);
  let leg: RouteLeg | undefined;
  let names: string[] = [];
  const closeLeg = () => {
    if (leg) {
      leg.name = names.join(', ');
      legs.push(leg);
    }
    leg = undefined;
    names = [];
  };
  const stops = new Set(stopsAt);
  for (let i = 0; i < edges.length; i++) {
    if (stops.has(i)) closeLeg();
    const step = compiled.stepOf(edges[i]);
    totals.km += step.km;
    totals.cost += step.cost;
    totals.weight += weightOf(step, compiled.by, compiled.params);
    if (step.kind === 'access') continue;
    if (step.kind === 'transfer') {
      closeLeg();
      clock = new DriverClock(compiled.params);
      totals.hours += step.hours;
      addBreakdown(totals.hoursBreakdown, { transfer: step.hours });
      transfers.push({ place: placeRef(net, step.place), fromMode: step.fromMode, toMode: step.toMode, hours: step.hours, cost: step.cost });
      continue;
    }
    if (!leg || leg.mode !== step.mode) {
      closeLeg();
      leg = { from: placeRef(net, step.from), to: placeRef(net, step.to), mode: step.mode, km: 0, hours: 0, cost: 0, name: '', links: [], hoursBreakdown: zeroBreakdown() };
    }
    // The AETR stops come before or during the driving of this link; waits are not driving and not rest,
    // but they pass the time towards the weekly rest (the queue first, then the link's driving).
    if (step.mode === 'road') clock.wait(step.waitHours + step.lockHours);
    const rest = step.mode === 'road' ? clock.drive(step.runningHours) : 0;
    const part = {
      [step.mode === 'road' ? 'driving' : 'running']: step.runningHours,
      rest,
      waiting: step.waitHours + step.lockHours,
    } as Partial<HoursBreakdown>;
    leg.to = placeRef(net, step.to);
    leg.km += step.km;
    leg.hours += step.hours + rest;
    leg.cost += step.cost;
    addBreakdown(leg.hoursBreakdown, part);
    totals.hours += step.hours + rest;
    addBreakdown(totals.hoursBreakdown, part);
    if (step.link.season) {
      const s = step.link.season;
      leg.season = leg.season ? { from: s.from > leg.season.from ? s.from : leg.season.from, to: s.to < leg.season.to ? s.to : leg.season.to } : { from: s.from, to: s.to };
    }
    leg.links.push(step.link.id);
    links.push(step.link.id);
    const label = step.link.road ?? step.link.line ?? step.link.name;
    if (label && names[names.length - 1] !== label) names.push(label);
    const through = step.direction === 'forward' ? step.link.countries : [...(step.link.countries ?? [])].reverse();
    for (const c of through ?? []) visit(c);
    if (step.link.checkpoint) {
      const cp = step.link.checkpoint;
      crossings.push({
        checkpoint: cp.id, name: cp.name, link: step.link.id, mode: step.mode,
        from: net.place(step.from)!.properties.country, to: net.place(step.to)!.properties.country, waitHours: step.waitHours,
        regime: checkpointRegime(cp),
      });
    }
    visit(net.place(step.to)!.properties.country);
  }
  closeLeg();
  const month = compiled.options.month;
  return {
    found: true, ...base, freight: compiled.freight, totals, legs, transfers, crossings, countries, links,
    ...(month !== undefined ? { month } : {}),
    drivers: { count: compiled.params.drivers, rules: compiled.params.drivingRules },
    edges: [...edges],
  };
}

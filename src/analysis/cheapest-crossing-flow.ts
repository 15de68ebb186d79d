import { minCostMaxFlow } from '../core/min-cost-flow.js';
import type { Network } from '../model/network.js';
import { BORDER_SECTORS, type BorderSector } from '../model/types.js';
import { compileNetwork, type CompileOptions } from '../routing/compile-network.js';
import { checkpointCapacity, type BorderCutMode } from './border-cut.js';
import { ResilienceArgumentError } from './compiled-index.js';

export interface CheapestCrossingOptions extends Omit<CompileOptions, 'modes'> {
  /** Default 'road' (capacities in trucks a day); 'rail' counts train pairs a day. */
  mode?: BorderCutMode;
  /** Only this sector's crossings carry flow (default: every crossing with a known capacity). */
  sector?: BorderSector;
  /** The flow to carry (trucks or train pairs a day); default as much as the crossings take. */
  amount?: number;
}

export interface CrossingFlow {
  checkpoint: string;
  name: string;
  link: string;
  /** Daily capacity counted (whole units; a vehicles figure times its truck share, rounded down). */
  capacity: number;
  /** Units a day the cheapest flow sends across it (either way). */
  flow: number;
}

export interface CheapestCrossingResult {
  from: string;
  to: string;
  mode: BorderCutMode;
  by: string;
  /** The flow asked for (absent: as much as the crossings take). */
  amount?: number;
  /** Units a day carried: `amount`, or less when the crossings cannot take it (then the most they can). */
  value: number;
  /** Total of the objective over the units (e.g. truck-hours a day when by time). */
  cost: number;
  /** cost / value: what the average unit pays. */
  averageCost: number;
  /** The crossings in scope, most used first. */
  crossings: CrossingFlow[];
  /** Crossings in scope with no capacity figure: they carry nothing here. */
  unknown: string[];
}

/** Capacity of a link that is no border crossing: more than any day's flow. */
const UNLIMITED = 2 ** 30;

/**
 * The cheapest way to carry a daily flow from one place to another across
 * the border (NetworkX max_flow_min_cost on the compiled network of one mode):
 * every crossing carries at most its checkpoint's daily capacity, other links
 * are unlimited, and each unit pays the objective of the links it takes
 * (waits included). Units split over crossings as capacity forces them.
 */
export function cheapestCrossingFlow(network: Network, from: string, to: string, options: CheapestCrossingOptions = {}): CheapestCrossingResult {
  const fn = 'cheapestCrossingFlow';
  const mode = options.mode ?? 'road';
  if (mode !== 'road' && mode !== 'rail') throw new ResilienceArgumentError(fn, 'mode', `is ${String(mode)}; it must be 'road' or 'rail'`);
  if (options.sector !== undefined && !BORDER_SECTORS.includes(options.sector)) {
    throw new ResilienceArgumentError(fn, 'sector', `is ${String(options.sector)}; it must be one of ${BORDER_SECTORS.join(', ')}`);
  }
  const amount = options.amount ?? Infinity;
  if (typeof amount !== 'number' || !(amount >= 0)) throw new ResilienceArgumentError(fn, 'amount', `is ${String(amount)}; it must be a number >= 0`);
  const source = network.resolvePlace(from).properties.id;
  const sink = network.resolvePlace(to).properties.id;
  if (source === sink) throw new ResilienceArgumentError(fn, 'to', `is the origin itself ("${source}")`);
  const compiled = compileNetwork(network, { ...options, modes: [mode] });
  const { graph } = compiled;
  const capacity = new Int32Array(graph.edgeCount).fill(UNLIMITED);
  const crossings: CrossingFlow[] = [];
  const unknown: string[] = [];
  const crossingEdges: number[][] = [];
  for (const l of network.links) {
    const p = l.properties;
    const cp = p.checkpoint;
    const edges = compiled.edgesOfLink(p.id);
    if (!cp || edges.length === 0) continue;
    const inScope = options.sector === undefined || cp.sector === options.sector;
    const known = checkpointCapacity(cp, mode);
    const cap = inScope && 'value' in known ? Math.floor(known.value) : 0;
    for (const e of edges) capacity[e] = cap;
    if (!inScope) continue;
    if (!('value' in known)) unknown.push(cp.id);
    crossings.push({ checkpoint: cp.id, name: cp.name, link: p.id, capacity: cap, flow: 0 });
    crossingEdges.push([...edges]);
  }
  const result = minCostMaxFlow(
    { nodeCount: graph.nodeCount, from: graph.tail, to: graph.head, capacity, cost: graph.weight },
    compiled.departNode(source),
    compiled.arriveNode(sink),
    Number.isFinite(amount) ? { limit: Math.floor(amount) } : {},
  );
  crossings.forEach((c, i) => {
    c.flow = crossingEdges[i].reduce((sum, e) => sum + result.flow[e], 0);
  });
  crossings.sort((a, b) => b.flow - a.flow || a.checkpoint.localeCompare(b.checkpoint));
  return {
    from: source, to: sink, mode, by: compiled.by, ...(Number.isFinite(amount) ? { amount } : {}),
    value: result.value, cost: result.cost, averageCost: result.value > 0 ? result.cost / result.value : 0,
    crossings, unknown,
  };
}

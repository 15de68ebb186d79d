/**
 * Indexes over a CompiledNetwork that the resilience analyses share: which
 * place every compiled node belongs to, which link every compiled edge
 * belongs to, and how a list of compiled edges becomes a RouteResult.
 */
import type { Network } from '../model/network.js';
import { MODES } from '../model/types.js';
import type { CompiledNetwork } from '../routing/compile-network.js';
import { describePath, placeRef, unreachableTotals } from '../routing/describe-path.js';
import type { RouteResult } from '../routing/route-result.js';
import { InputError } from '../errors/steppenet-error.js';

/** An argument of a resilience analysis that is out of range; names the function and the argument. */
export class ResilienceArgumentError extends InputError {
  constructor(
    readonly functionName: string,
    readonly argument: string,
    detail: string,
  ) {
    super(`${functionName}: ${argument} ${detail}`);
  }
}

/**
 * Index (in `network.places` order) of the place every compiled node belongs
 * to: its depart and arrive nodes and each of its mode nodes.
 */
export function placeOfNode(compiled: CompiledNetwork): Int32Array {
  const out = new Int32Array(compiled.graph.nodeCount).fill(-1);
  compiled.network.places.forEach((f, i) => {
    const id = f.properties.id;
    out[2 * i] = i;
    out[2 * i + 1] = i;
    for (const mode of MODES) {
      const node = compiled.modeNode(id, mode);
      if (node >= 0) out[node] = i;
    }
  });
  return out;
}

/**
 * Index (in `network.links` order) of the link every compiled edge carries;
 * -1 for access and transfer edges. The two directions of a two-way link get
 * the same index, so this is the `groupBy` the core algorithms take.
 */
export function linkOfEdge(compiled: CompiledNetwork): Int32Array {
  const out = new Int32Array(compiled.graph.edgeCount).fill(-1);
  compiled.network.links.forEach((f, i) => {
    for (const e of compiled.edgesOfLink(f.properties.id)) out[e] = i;
  });
  return out;
}

/** The route through these compiled edges (depart node of `from` to arrive node of `to`), described leg by leg. */
export function routeResultOf(compiled: CompiledNetwork, edges: readonly number[], from: string, to: string): RouteResult {
  return describePath(compiled, edges, routeBase(compiled, from, to));
}

/** A not-found RouteResult between two places, with the reason. */
export function noRouteResult(compiled: CompiledNetwork, from: string, to: string, reason: string): RouteResult {
  return {
    found: false, reason, ...routeBase(compiled, from, to), freight: compiled.freight,
    totals: unreachableTotals(),
    legs: [], transfers: [], crossings: [], countries: [], links: [],
  };
}

function routeBase(compiled: CompiledNetwork, from: string, to: string): Pick<RouteResult, 'from' | 'to' | 'via' | 'by' | 'scenario'> {
  const net = compiled.network;
  return { from: placeRef(net, from), to: placeRef(net, to), via: [], by: compiled.by, scenario: net.scenario?.name ?? 'current' };
}

/**
 * True when the route never comes back to a place it has left: consecutive
 * nodes of one place (depart → mode node, a transfer) are one visit, so only
 * a return by another link counts as a loop.
 */
export function isPlaceSimple(nodes: readonly number[], placeOf: Int32Array, seen: Uint32Array, stamp: number): boolean {
  let previous = -1;
  for (const node of nodes) {
    const place = placeOf[node];
    if (place === previous) continue;
    if (seen[place] === stamp) return false;
    seen[place] = stamp;
    previous = place;
  }
  return true;
}

/** Each leg with the places it passes: "rail Omsk–Isilkul–Petropavl; road Petropavl–Kostanay". */
export function legSummary(network: Network, route: RouteResult): string {
  return route.legs
    .map((leg) => {
      const names = [leg.from.name];
      let at = leg.from.id;
      for (const id of leg.links) {
        const link = network.link(id)!.properties;
        at = link.from === at ? link.to : link.from;
        names.push(network.place(at)!.properties.name);
      }
      return `${leg.mode} ${names.join('–')}`;
    })
    .join('; ');
}

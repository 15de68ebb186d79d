/**
 * Disjoint routes between two places: k routes that share no link (either
 * direction, any mode node) or no intermediate place, of minimum total cost,
 * plus how many such routes exist at most and the minimum set of links or
 * places whose loss leaves no route (Menger).
 *
 * Both run the core `disjointPaths` (min-cost flow) on an "endpoint graph"
 * derived from the compiled network:
 * - all mode nodes of the origin become one source node S, all mode nodes
 *   of the destination one target node T (a route may start and end in any
 *   mode; a transfer at either end is never needed, starting in the other mode
 *   uses the same links for less);
 * - every other place keeps its mode nodes and transfer edges; links keep
 *   both directions, grouped by link so both count as one.
 *
 * Links: `disjoint: 'edges'` with the link groups. Transfers are not links,
 * so several routes may change mode at the same place: each transfer edge is
 * given ⌊deg/2⌋ + 1 parallel copies (deg = links at the place), one more than
 * the routes that can pass the place without sharing a link. That is exact:
 * no copy is ever a bottleneck, and the minimum cut consists of links only.
 *
 * Places: `disjoint: 'nodes'` makes the routes share no MODE node. A place
 * with several mode nodes could still be passed by a rail route and a road
 * route, so the result is checked, and where some place is visited twice
 * (by two routes, or by one route in two modes) the search branches on the
 * mode in which links may enter that place (one child per mode: links into
 * the place's other mode nodes are blocked). Since every route through a
 * place enters it by a link, the children cover every place-disjoint
 * solution, and in each child that place has a single entry node of
 * capacity one. Branch and bound on (most routes, then least total cost) is
 * exact; it stops after `maxSearches` flow computations and then says the
 * answer may not be optimal (`exact: false`). The count is bounded above by
 * the relaxation and by a place cut of the physical graph (smallestPlaceCut),
 * so the search for the largest count usually ends at its first feasible
 * answer.
 */
import { MAX_K } from '../model/limits.js';
import { disjointPaths, type DisjointPathsResult } from '../core/disjoint-paths.js';
import type { PathResult } from '../core/path.js';
import { maxFlow } from '../core/max-flow.js';
import { buildRoutingGraph, type RoutingGraph } from '../core/routing-graph.js';
import type { Network } from '../model/network.js';
import type { Scenario } from '../model/scenario.js';
import { compileNetwork, type CompiledNetwork, type CompileOptions } from '../routing/compile-network.js';
import { explainNoRoute } from '../routing/explain-no-route.js';
import type { RouteResult } from '../routing/route-result.js';
import { linkOfEdge, placeOfNode, ResilienceArgumentError, routeResultOf } from './compiled-index.js';
import { withScenario } from '../model/scenario.js';
import { InternalError } from '../errors/steppenet-error.js';

export type Disjointness = 'links' | 'places';

export interface DisjointRoutesOptions extends CompileOptions {
  /** How many routes; default 2 (an integer >= 1). */
  k?: number;
  /** 'links' (default): no shared link; 'places': no shared intermediate place. */
  disjoint?: Disjointness;
  scenario?: string | Scenario;
  /** 'places' only: flow computations the branch and bound may run; default 5000. */
  maxSearches?: number;
}

export interface DisjointRoutesResult {
  disjoint: Disjointness;
  k: number;
  /** min(k, maxDisjoint) routes, pairwise disjoint, of minimum total cost; cheapest first. */
  routes: RouteResult[];
  /** Sum of the routes' objective values (0 without routes). */
  totalCost: number;
  /** The largest number of disjoint routes between the two places (may exceed k). */
  maxDisjoint: number;
  /** Set when fewer than k routes exist: why, naming the cut. */
  fewerBecause?: string;
  /**
   * A set whose loss leaves no route: link ids ('links'; a smallest one, its
   * size is maxDisjoint), or place ids plus the links that join the two
   * places directly, which no place removal stops ('places'; the smaller of
   * two flow cuts, see smallestPlaceCut; larger than maxDisjoint only with a
   * `note`, where routes would have to share a place in modes it cannot join).
   */
  minCut: { links?: string[]; places?: string[] };
  /** False only when the 'places' search stopped at maxSearches: the routes are disjoint but may not be the best. */
  exact: boolean;
  note?: string;
}

/**
 * k disjoint routes of least total cost between two places (names, aliases
 * or ids), the most that exist, and the cut that limits them. See the file
 * comment for how links and places are made disjoint.
 */
export function disjointRoutes(network: Network, from: string, to: string, options: DisjointRoutesOptions = {}): DisjointRoutesResult {
  const fn = 'disjointRoutes';
  const k = options.k ?? 2;
  if (!Number.isInteger(k) || k < 1 || k > MAX_K) throw new ResilienceArgumentError(fn, 'k', `is ${k}; it must be a whole number from 1 to ${MAX_K} (the limit MAX_K: each route costs a search)`);
  const disjoint = options.disjoint ?? 'links';
  if (disjoint !== 'links' && disjoint !== 'places') {
    throw new ResilienceArgumentError(fn, 'disjoint', `is ${String(disjoint)}; it must be 'links' or 'places'`);
  }
  const maxSearches = options.maxSearches ?? 5000;
  if (!Number.isInteger(maxSearches) || maxSearches < 1) {
    throw new ResilienceArgumentError(fn, 'maxSearches', `is ${maxSearches}; it must be an integer >= 1`);
  }
  const net = withScenario(network, options.scenario);
  const s = net.resolvePlace(from).properties.id;
  const t = net.resolvePlace(to).properties.id;
  if (s === t) throw new ResilienceArgumentError(fn, 'to', `is the same place as from (${s}); disjoint routes need two places`);
  return new DisjointRouteFinder(compileNetwork(net, options)).between(s, t, k, disjoint, maxSearches);
}

/** The compiled network with the two places as single source and target nodes (see the file comment). */
interface EndpointGraph {
  graph: RoutingGraph;
  /** Place index of each node; -1 for S (node 0) and T (node 1). */
  placeOf: Int32Array;
  /** Link index of each edge, -1 for transfers: the groupBy of disjointPaths. */
  linkOf: Int32Array;
}

const S = 0;
const T = 1;

/** Disjoint routes on one compiled network (reusable: the node and link indexes are built once). */
export class DisjointRouteFinder {
  private readonly placeOfCompiled: Int32Array;
  private readonly linkOfCompiled: Int32Array;
  /** Links usable here that touch each place (by place index). */
  private readonly linksAtPlace: Int32Array;

  constructor(readonly compiled: CompiledNetwork) {
    this.placeOfCompiled = placeOfNode(compiled);
    this.linkOfCompiled = linkOfEdge(compiled);
    const net = compiled.network;
    const index = new Map(net.places.map((f, i) => [f.properties.id, i]));
    this.linksAtPlace = new Int32Array(net.places.length);
    for (const { properties: l } of net.links) {
      if (compiled.edgesOfLink(l.id).length === 0) continue;
      this.linksAtPlace[index.get(l.from)!]++;
      this.linksAtPlace[index.get(l.to)!]++;
    }
  }

  /** See disjointRoutes(); `from` and `to` are place ids. */
  between(from: string, to: string, k: number, disjoint: Disjointness, maxSearches = 5000): DisjointRoutesResult {
    const { compiled } = this;
    const g = this.endpointGraph(from, to, disjoint);
    const flowMode = disjoint === 'links' ? 'edges' : 'nodes';
    const root = disjointPaths(g.graph, S, T, { k, disjoint: flowMode, groupBy: g.linkOf });

    let paths = root.paths;
    let maxDisjoint = root.maxDisjoint;
    let exact = true;
    let placeCut: { places: string[]; links: string[] } | undefined;
    if (disjoint === 'places') {
      placeCut = this.smallestPlaceCut(g, root, from, to);
      const bound = Math.min(root.maxDisjoint, placeCut.places.length + placeCut.links.length);
      const search = new PlaceDisjointSearch(g, maxSearches);
      const best = search.best(Math.min(k, bound), root.paths.length <= bound ? root : undefined);
      paths = best;
      if (best.length < k) maxDisjoint = best.length;
      else if (bound > k) maxDisjoint = search.mostRoutes(bound);
      else maxDisjoint = bound;
      exact = !search.stopped;
    }

    const routes = paths.map((p) => routeResultOf(compiled, this.compiledEdges(g, p, from, to), from, to));
    const totalCost = routes.reduce((sum, r) => sum + r.totals.weight, 0);
    const net = compiled.network;
    const linkId = (derivedEdge: number) => {
      const link = this.linkOfCompiled[g.graph.edgeRef[derivedEdge]];
      if (link < 0) throw new InternalError(`disjointRoutes: cut edge ${derivedEdge} is not a link`);
      return net.links[link].properties.id;
    };
    const minCut: DisjointRoutesResult['minCut'] = {};
    let cutSize: number;
    if (disjoint === 'links') {
      minCut.links = [...new Set(root.minCut.map(linkId))];
      cutSize = minCut.links.length;
    } else {
      minCut.places = placeCut!.places;
      if (placeCut!.links.length) minCut.links = placeCut!.links;
      cutSize = placeCut!.places.length + placeCut!.links.length;
    }

    const result: DisjointRoutesResult = { disjoint, k, routes, totalCost, maxDisjoint, minCut, exact };
    const name = (id: string) => net.place(id)!.properties.name;
    const pair = `${name(from)} and ${name(to)}`;
    if (routes.length < k) {
      if (maxDisjoint === 0) {
        result.fewerBecause = `no route joins ${pair}: ${explainNoRoute(compiled, from, to)}`;
      } else {
        const what = disjoint === 'links' ? 'link-disjoint' : 'place-disjoint';
        const cut = [
          ...(minCut.places ?? []).map((id) => `place ${id}`),
          ...(minCut.links ?? []).map((id) => `link ${id}`),
        ];
        result.fewerBecause =
          `only ${maxDisjoint} ${what} route${maxDisjoint === 1 ? '' : 's'} join${maxDisjoint === 1 ? 's' : ''} ${pair}: ` +
          `losing ${cut.join(', ')} leaves no route`;
      }
    }
    if (disjoint === 'places' && cutSize > maxDisjoint) {
      result.note =
        `no set of ${maxDisjoint} places and direct links separates ${pair} was found; the cut given has ${cutSize} ` +
        '(routes may not share a place even in different modes, and where a place cannot change between those modes ' +
        'this is stricter than any cut)';
    }
    if (!exact) {
      result.note = `${result.note ? result.note + '; ' : ''}the search stopped after ${maxSearches} flow computations: the routes are place-disjoint but maxDisjoint and total cost may not be optimal`;
    }
    return result;
  }

  /**
   * The smaller of two place cuts, both valid: the places of the mode-node
   * cut of the relaxation, and the minimum cut of the physical graph (one
   * node of capacity 1 per place, every mode joined there, direct links of
   * capacity 1), which ignores where routes cannot change mode and so can
   * only be as large as or larger than the true number of place-disjoint routes.
   */
  private smallestPlaceCut(g: EndpointGraph, root: DisjointPathsResult, from: string, to: string): { places: string[]; links: string[] } {
    const net = this.compiled.network;
    const linkId = (derivedEdge: number) => net.links[this.linkOfCompiled[g.graph.edgeRef[derivedEdge]]].properties.id;
    const relaxed = {
      places: [...new Set(root.minCut.map((v) => net.places[g.placeOf[v]].properties.id))].sort(),
      links: [...new Set(root.minCutDirectEdges.map(linkId))].sort(),
    };
    // Physical graph: place i is nodes 2i (in) and 2i+1 (out).
    const cg = this.compiled.graph;
    const sIndex = net.places.findIndex((f) => f.properties.id === from);
    const tIndex = net.places.findIndex((f) => f.properties.id === to);
    const tail: number[] = [], head: number[] = [], capacity: number[] = [], label: string[] = [];
    net.places.forEach((f, i) => {
      if (i === sIndex || i === tIndex) return;
      tail.push(2 * i);
      head.push(2 * i + 1);
      capacity.push(1);
      label.push(`place:${f.properties.id}`);
    });
    for (let e = 0; e < cg.edgeCount; e++) {
      const link = this.linkOfCompiled[e];
      if (link < 0) continue;
      const a = this.placeOfCompiled[cg.tail[e]];
      const b = this.placeOfCompiled[cg.head[e]];
      if (b === sIndex || a === tIndex) continue;
      const direct = a === sIndex && b === tIndex;
      tail.push(2 * a + 1);
      head.push(2 * b);
      capacity.push(direct ? 1 : Infinity);
      label.push(direct ? `link:${net.links[link].properties.id}` : '');
    }
    const flow = maxFlow({ nodeCount: 2 * net.places.length, from: tail, to: head, capacity }, 2 * sIndex + 1, 2 * tIndex);
    const physical = { places: [] as string[], links: [] as string[] };
    for (const a of flow.minCut) {
      const [kind, id] = label[a].split(':');
      (kind === 'place' ? physical.places : physical.links).push(id);
    }
    physical.places.sort();
    physical.links.sort();
    const size = (c: { places: string[]; links: string[] }) => c.places.length + c.links.length;
    return size(physical) < size(relaxed) ? physical : relaxed;
  }

  /** Builds the endpoint graph; transfer edges get parallel copies for 'links' (see the file comment). */
  private endpointGraph(from: string, to: string, disjoint: Disjointness): EndpointGraph {
    const { compiled } = this;
    const cg = compiled.graph;
    const places = compiled.network.places;
    const sIndex = places.findIndex((f) => f.properties.id === from);
    const tIndex = places.findIndex((f) => f.properties.id === to);
    const derived = new Int32Array(cg.nodeCount).fill(-1);
    const nodePlace: number[] = [-1, -1];
    for (let v = 2 * places.length; v < cg.nodeCount; v++) {
      const p = this.placeOfCompiled[v];
      if (p === sIndex) derived[v] = S;
      else if (p === tIndex) derived[v] = T;
      else {
        derived[v] = nodePlace.length;
        nodePlace.push(p);
      }
    }
    const fromList: number[] = [], toList: number[] = [], weight: number[] = [], ref: number[] = [];
    const add = (u: number, v: number, e: number) => {
      fromList.push(u);
      toList.push(v);
      weight.push(cg.weight[e]);
      ref.push(e);
    };
    for (let e = 0; e < cg.edgeCount; e++) {
      const u = derived[cg.tail[e]];
      const v = derived[cg.head[e]];
      if (u < 0 || v < 0 || v === S || u === T || u === v) continue; // access edges, ends' transfers, into S, out of T
      if (this.linkOfCompiled[e] >= 0) {
        add(u, v, e);
        continue;
      }
      const copies = disjoint === 'links' ? Math.floor(this.linksAtPlace[nodePlace[u]] / 2) + 1 : 1;
      for (let c = 0; c < copies; c++) add(u, v, e);
    }
    const graph = buildRoutingGraph({ nodeCount: nodePlace.length, from: fromList, to: toList, weight, ref });
    // buildRoutingGraph reorders edges: read the groups back through edgeRef.
    const linkOf = new Int32Array(graph.edgeCount);
    for (let e = 0; e < graph.edgeCount; e++) linkOf[e] = this.linkOfCompiled[graph.edgeRef[e]];
    return { graph, placeOf: Int32Array.from(nodePlace), linkOf };
  }

  /** A route of the endpoint graph as compiled edges, with the access edges at both ends. */
  private compiledEdges(g: EndpointGraph, path: PathResult, from: string, to: string): number[] {
    const cg = this.compiled.graph;
    const inner = path.edges.map((e) => g.graph.edgeRef[e]);
    const first = cg.tail[inner[0]];
    const last = cg.head[inner[inner.length - 1]];
    const depart = this.compiled.departNode(from);
    const arrive = this.compiled.arriveNode(to);
    let start = -1;
    for (let e = cg.firstOut[depart]; e < cg.firstOut[depart + 1]; e++) if (cg.head[e] === first) start = e;
    let end = -1;
    for (let i = cg.firstIn[arrive]; i < cg.firstIn[arrive + 1]; i++) if (cg.tail[cg.inEdge[i]] === last) end = cg.inEdge[i];
    if (start < 0 || end < 0) throw new InternalError('disjointRoutes: a route end has no access edge');
    return [start, ...inner, end];
  }
}

/**
 * Branch and bound for place-disjoint routes (see the file comment): each
 * search node is a set of blocked link edges of the endpoint graph.
 */
class PlaceDisjointSearch {
  stopped = false;
  private searches = 0;
  /** Blocked edges of the search node being solved: set from its list, cleared after (all-zero between nodes). */
  private readonly mask: Uint8Array;
  /** Visits per place in the routes being checked; valid where visitStamp equals stamp. */
  private readonly visits: Int32Array;
  private readonly visitStamp: Uint32Array;
  private stamp = 0;
  private readonly nodesOfPlace = new Map<number, number[]>();

  constructor(
    private readonly g: EndpointGraph,
    private readonly maxSearches: number,
  ) {
    let places = 0;
    for (const p of g.placeOf) if (p + 1 > places) places = p + 1;
    this.visits = new Int32Array(places);
    this.visitStamp = new Uint32Array(places);
    this.mask = new Uint8Array(g.graph.edgeCount);
    g.placeOf.forEach((p, v) => {
      if (p < 0) return;
      const list = this.nodesOfPlace.get(p) ?? [];
      list.push(v);
      this.nodesOfPlace.set(p, list);
    });
  }

  /** The largest number of place-disjoint routes, knowing it is at most `bound` (cost plays no part). */
  mostRoutes(bound: number): number {
    return this.best(bound, undefined, true).length;
  }

  /**
   * The most (up to k) place-disjoint routes, least total cost among those
   * (with `countOnly`, any set of the most routes). `root` may pass the
   * unblocked relaxation for this k, already computed. A search node is the
   * list of link edges it blocks.
   */
  best(k: number, root?: DisjointPathsResult, countOnly = false): PathResult[] {
    let best: { paths: PathResult[]; cost: number } | undefined;
    const stack: number[][] = [[]];
    let first = root;
    while (stack.length > 0) {
      const blocked = stack.pop()!;
      if (!first && this.searches >= this.maxSearches) {
        this.stopped = true;
        break;
      }
      for (const e of blocked) this.mask[e] = 1;
      const relaxed = first ?? disjointPaths(this.g.graph, S, T, { k, disjoint: 'nodes', groupBy: this.g.linkOf, blockedEdges: this.mask });
      if (!first) this.searches++;
      first = undefined;
      const children = this.childrenOf(relaxed, blocked, best, countOnly);
      for (const e of blocked) this.mask[e] = 0;
      if (children === 'feasible') {
        best = { paths: relaxed.paths, cost: relaxed.totalCost };
        if (countOnly && relaxed.paths.length === k) break; // k is an upper bound: nothing can do better
        continue;
      }
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]); // the first child is searched first
    }
    if (!best) {
      // Stopped before any feasible leaf: fall back to a single cheapest route, which is disjoint if it is place-simple.
      const one = disjointPaths(this.g.graph, S, T, { k: 1, disjoint: 'nodes', groupBy: this.g.linkOf });
      return one.paths.filter((p) => this.placeVisitedTwice([p]) < 0);
    }
    return best.paths;
  }

  /**
   * 'feasible' when the relaxed routes visit no place twice; otherwise one
   * child per mode node links may still enter the first such place by (links
   * into its other mode nodes blocked); none when the branch cannot beat `best`.
   * Reads the current blocks from `mask`.
   */
  private childrenOf(relaxed: DisjointPathsResult, blocked: number[], best: { paths: PathResult[]; cost: number } | undefined, countOnly: boolean): number[][] | 'feasible' {
    const count = relaxed.paths.length;
    if (best && (count < best.paths.length || (count === best.paths.length && (countOnly || relaxed.totalCost >= best.cost - 1e-9 * Math.max(1, Math.abs(best.cost)))))) {
      return []; // nothing in this branch beats the best found
    }
    const place = this.placeVisitedTwice(relaxed.paths);
    if (place < 0) return 'feasible';
    const { graph, linkOf } = this.g;
    const nodes = this.nodesOfPlace.get(place)!;
    const entriesOf = (node: number) => {
      const out: number[] = [];
      for (let i = graph.firstIn[node]; i < graph.firstIn[node + 1]; i++) {
        const e = graph.inEdge[i];
        if (linkOf[e] >= 0 && this.mask[e] === 0) out.push(e);
      }
      return out;
    };
    const children: number[][] = [];
    for (const entry of nodes) {
      if (entriesOf(entry).length === 0) continue;
      const child = blocked.slice();
      for (const other of nodes) if (other !== entry) for (const e of entriesOf(other)) child.push(e);
      children.push(child);
    }
    return children;
  }

  /** The first place (lowest index) that the routes visit more than once in all, or -1. */
  private placeVisitedTwice(paths: readonly PathResult[]): number {
    const { placeOf } = this.g;
    if (this.stamp === 0xffffffff) {
      this.visitStamp.fill(0);
      this.stamp = 0;
    }
    const stamp = ++this.stamp;
    let found = -1;
    for (const p of paths) {
      let previous = -1;
      for (const v of p.nodes) {
        const place = placeOf[v];
        if (place < 0 || place === previous) {
          previous = place;
          continue;
        }
        previous = place;
        if (this.visitStamp[place] !== stamp) {
          this.visitStamp[place] = stamp;
          this.visits[place] = 0;
        }
        if (++this.visits[place] === 2 && (found < 0 || place < found)) found = place;
      }
    }
    return found;
  }
}

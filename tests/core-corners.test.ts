/**
 * The float and overflow corners of the core (issue 17, item 6):
 * - ALT's landmark distances never overflow into a false "unreachable";
 * - every finder's cost is its own path's weights summed in path order, and
 *   maxCost equal to that cost finds it;
 * - one overflow rule everywhere: a path whose summed cost is not finite is
 *   no route (found: false, cost Infinity);
 * - no argument spreading of unbounded arrays: routes of 200,000 edges.
 */
import { describe, expect, it } from 'vitest';
import { ALTQuery } from '../src/core/alt-query.js';
import { AStarQuery } from '../src/core/astar.js';
import { BidirectionalAStarQuery } from '../src/core/bidirectional-astar.js';
import { BidirectionalDijkstraQuery } from '../src/core/bidirectional-dijkstra.js';
import { bridgesAndArticulationPoints } from '../src/core/bridges.js';
import { foldChains, FoldedQuery } from '../src/core/chain-folding.js';
import { ContractionHierarchyQuery } from '../src/core/ch-query.js';
import { contractGraph } from '../src/core/contraction-hierarchy.js';
import { DijkstraQuery } from '../src/core/dijkstra.js';
import { DisjointPathsQuery } from '../src/core/disjoint-paths.js';
import { DistancesToTarget, GuidedSearch } from '../src/core/guided-search.js';
import { KShortestPathsQuery } from '../src/core/k-shortest-paths.js';
import { buildLandmarks } from '../src/core/landmarks.js';
import { ThroughEdgeSetQuery } from '../src/analysis/through-edge-set-query.js';
import type { PathResult, QueryOptions } from '../src/core/path.js';
import { buildRoutingGraph, type RoutingGraph } from '../src/core/routing-graph.js';
import { loadNetwork } from '../src/model/load-network.js';
import { compileNetwork } from '../src/routing/compile-network.js';
import { routeToGeoJSON } from '../src/present/route-geojson.js';
import { routeCompiled } from '../src/routing/route.js';
import { parseDrawnNetwork } from './fixtures/parse-drawn-network.js';
import { mulberry32 } from './fixtures/prng.js';

type Finder = { name: string; route(s: number, t: number, o?: QueryOptions): PathResult };

/** Every point-to-point finder of the core on `graph`, behind one `route(s, t, opts)`. */
function finders(graph: RoutingGraph, landmarkCount = 4): Finder[] {
  const dijkstra = new DijkstraQuery(graph);
  const bidirectional = new BidirectionalDijkstraQuery(graph);
  const astar = new AStarQuery(graph);
  const alt = new ALTQuery(graph, buildLandmarks(graph, { count: landmarkCount }));
  const biAstar = new BidirectionalAStarQuery(graph);
  const folded = new FoldedQuery(foldChains(graph));
  const toTarget = new DistancesToTarget(graph);
  const guided = new GuidedSearch(graph);
  const yen = new KShortestPathsQuery(graph);
  const ch = new ContractionHierarchyQuery(graph, contractGraph(graph));
  return [
    { name: 'contraction hierarchy', route: (s, t, o) => ch.route(s, t, o) },
    { name: 'Dijkstra', route: (s, t, o) => dijkstra.route(s, t, o) },
    { name: 'Dijkstra tree', route: (s, t, o) => dijkstra.tree(s, o).pathTo(t) },
    { name: 'Dijkstra oneToMany', route: (s, t, o) => dijkstra.oneToMany(s, [t], o)[0] },
    { name: 'bidirectional Dijkstra', route: (s, t, o) => bidirectional.route(s, t, o) },
    { name: 'A*', route: (s, t, o) => astar.route(s, t, o) },
    { name: 'ALT', route: (s, t, o) => alt.route(s, t, o) },
    { name: 'bidirectional A*', route: (s, t, o) => biAstar.route(s, t, o) },
    { name: 'FoldedQuery', route: (s, t, o) => folded.route(s, t, o) },
    {
      name: 'GuidedSearch',
      route: (s, t, o) => {
        toTarget.compute(t, o);
        return guided.route(s, toTarget, o);
      },
    },
    {
      name: 'kShortestPaths (first)',
      route: (s, t, o) => yen.paths(s, t, 1, o)[0] ?? { found: false, cost: Infinity, edges: [], nodes: [], settled: 0 },
    },
  ];
}

/** The path's weights added one by one from the source on: what every finder's cost must be. */
function sumInPathOrder(graph: RoutingGraph, edges: readonly number[]): number {
  let cost = 0;
  for (const e of edges) cost += graph.weight[e];
  return cost;
}

/** Node ids follow the edges and the path runs from source to target. */
function expectConsistentPath(graph: RoutingGraph, s: number, t: number, r: PathResult): void {
  expect(r.nodes[0]).toBe(s);
  expect(r.nodes[r.nodes.length - 1]).toBe(t);
  expect(r.nodes.length).toBe(r.edges.length + 1);
  for (let i = 0; i < r.edges.length; i++) {
    expect(graph.tail[r.edges[i]]).toBe(r.nodes[i]);
    expect(graph.head[r.edges[i]]).toBe(r.nodes[i + 1]);
  }
}

/** A one-way or two-way path 0 – 1 – … – (n-1) with the given weight on every edge. */
function pathGraph(n: number, weight: (i: number) => number, twoWay: boolean): RoutingGraph {
  const from: number[] = [], to: number[] = [], w: number[] = [];
  for (let i = 0; i + 1 < n; i++) {
    from.push(i); to.push(i + 1); w.push(weight(i));
    if (twoWay) { from.push(i + 1); to.push(i); w.push(weight(i)); }
  }
  return buildRoutingGraph({ nodeCount: n, from, to, weight: w });
}

describe('ALT: landmark distances never overflow into a false "unreachable"', () => {
  it('finds the path when its landmark distances exceed the float32 range (~3.4e38)', () => {
    //   0 ══2e38══ 1 ══2e38══ 2 ══2e38══ 3     (both ways) — d(0, 3) = 6e38
    const graph = pathGraph(4, () => 2e38, true);
    const alt = new ALTQuery(graph, buildLandmarks(graph, { count: 2, method: 'farthest' }));
    const dijkstra = new DijkstraQuery(graph);
    for (let s = 0; s < 4; s++) {
      for (let t = 0; t < 4; t++) {
        const expected = dijkstra.route(s, t);
        const r = alt.route(s, t);
        expect(r.found, `${s} → ${t}`).toBe(true);
        expect(r.cost).toBe(expected.cost);
      }
    }
    expect(alt.route(0, 3).cost).toBe(6e38);
  });

  it('finds every finite path when a landmark distance itself would overflow Number.MAX_VALUE', () => {
    //   0 ══w══ 1 ══w══ 2 ══w══ 3 ══w══ 4     w = 0.3 · MAX_VALUE, both ways
    // d(0, 4) = 1.2 · MAX overflows (no route), but d(0, 2) = 0.6 · MAX is a route: the landmark at 4 must not
    // read d(0, 4) = Infinity as "0 cannot reach 4, so it cannot reach 2 either".
    const w = 0.3 * Number.MAX_VALUE;
    const graph = pathGraph(5, () => w, true);
    // Every node a landmark, every landmark active: the ones at the ends are among them.
    const alt = new ALTQuery(graph, buildLandmarks(graph, { count: 5 }), { activeLandmarks: 5 });
    const dijkstra = new DijkstraQuery(graph);
    for (let s = 0; s < 5; s++) {
      for (let t = 0; t < 5; t++) {
        const expected = dijkstra.route(s, t);
        const r = alt.route(s, t);
        expect(r.found, `${s} → ${t}`).toBe(Math.abs(s - t) <= 3);
        expect(r.found).toBe(expected.found);
        expect(r.cost).toBe(expected.cost);
      }
    }
    expect(alt.route(0, 3).cost).toBe(w + w + w);
  });
});

/**
 * A random road-like graph: points in a 1000 × 1000 square, each joined both
 * ways to a few near ones, weights = length × (1 + random) + 0.1 (never a
 * round number, so sums round), and some links split by a shape node (so
 * chain folding has chains to fold). The euclidean bound is admissible.
 */
function randomRoadGraph(seed: number, places: number): RoutingGraph {
  const random = mulberry32(seed);
  const xs: number[] = [], ys: number[] = [];
  for (let i = 0; i < places; i++) { xs.push(random() * 1000); ys.push(random() * 1000); }
  const from: number[] = [], to: number[] = [], weight: number[] = [];
  const joined = new Set<string>();
  const join = (a: number, b: number) => {
    const length = Math.hypot(xs[a] - xs[b], ys[a] - ys[b]);
    const w = length * (1 + random()) + 0.1 + random() * 1e3 * 0.01;
    from.push(a, b); to.push(b, a); weight.push(w, w);
  };
  for (let a = 0; a < places; a++) {
    const near = Array.from({ length: places }, (_, b) => b).filter((b) => b !== a)
      .sort((p, q) => Math.hypot(xs[a] - xs[p], ys[a] - ys[p]) - Math.hypot(xs[a] - xs[q], ys[a] - ys[q]))
      .slice(0, 3);
    for (const b of near) {
      const key = a < b ? `${a},${b}` : `${b},${a}`;
      if (joined.has(key)) continue;
      joined.add(key);
      if (random() < 0.3) {
        // A shape node in the middle of the link: a chain a – m – b.
        const m = xs.length;
        const f = 0.2 + 0.6 * random();
        xs.push(xs[a] + f * (xs[b] - xs[a]));
        ys.push(ys[a] + f * (ys[b] - ys[a]));
        join(a, m);
        join(m, b);
      } else {
        join(a, b);
      }
    }
  }
  return buildRoutingGraph({ nodeCount: xs.length, from, to, weight, x: xs, y: ys, bound: 'euclidean', boundScale: 1 });
}

describe("every finder's cost is the sum of its own path's edges, in path order", () => {
  const QUERIES = 10_000;
  const graph = randomRoadGraph(17, 220);
  const all = finders(graph, 6);
  const random = mulberry32(4242);
  const pairs: [number, number][] = Array.from({ length: QUERIES }, () => [
    Math.floor(random() * graph.nodeCount),
    Math.floor(random() * graph.nodeCount),
  ]);
  const reference = new DijkstraQuery(graph);

  for (const finder of all) {
    it(`${finder.name}: cost === Σ edges in order, and maxCost = cost finds it, on ${QUERIES} random queries`, () => {
      let mismatched = 0;
      let lostAtMaxCost = 0;
      let reachable = 0;
      for (const [s, t] of pairs) {
        const r = finder.route(s, t);
        const best = reference.route(s, t);
        expect(r.found).toBe(best.found);
        if (!r.found) continue;
        reachable++;
        // Optimal up to rounding: equal-cost paths may be summed in other orders.
        expect(Math.abs(r.cost - best.cost)).toBeLessThanOrEqual(best.cost * 1e-12);
        if (r.cost !== sumInPathOrder(graph, r.edges)) mismatched++;
        const again = finder.route(s, t, { maxCost: r.cost });
        if (!again.found || again.cost !== r.cost) lostAtMaxCost++;
      }
      expect(reachable).toBeGreaterThan(QUERIES * 0.9);
      expect({ mismatched, lostAtMaxCost }).toEqual({ mismatched: 0, lostAtMaxCost: 0 });
    }, 120_000);
  }

  it(`kShortestPaths (k = 3) and disjointPaths (k = 2): every route's cost is its own sum, on ${QUERIES / 5} queries`, () => {
    const yen = new KShortestPathsQuery(graph);
    const disjoint = new DisjointPathsQuery(graph);
    let mismatched = 0;
    let lostAtMaxCost = 0;
    for (const [s, t] of pairs.slice(0, QUERIES / 5)) {
      const routes = yen.paths(s, t, 3);
      for (const r of routes) if (r.cost !== sumInPathOrder(graph, r.edges)) mismatched++;
      if (routes.length > 0) {
        const last = routes[routes.length - 1].cost;
        const again = yen.paths(s, t, 3, { maxCost: last });
        if (again.length !== routes.length || again.some((r, i) => r.cost !== routes[i].cost)) lostAtMaxCost++;
      }
      if (s === t) continue;
      const d = disjoint.paths(s, t, { k: 2 });
      for (const r of d.paths) {
        expectConsistentPath(graph, s, t, r);
        if (r.cost !== sumInPathOrder(graph, r.edges)) mismatched++;
      }
    }
    expect({ mismatched, lostAtMaxCost }).toEqual({ mismatched: 0, lostAtMaxCost: 0 });
  }, 120_000);
});

describe('overflow: a path whose summed cost is not finite is no route, in every finder', () => {
  const big = 0.6 * Number.MAX_VALUE;

  it('only an overflowing path: not found (cost Infinity) everywhere, never found with cost Infinity', () => {
    //   0 ──0.6·MAX──> 1 ──0.6·MAX──> 2 ──0.6·MAX──> 3     (one way; 1.2·MAX overflows)
    const graph = pathGraph(4, () => big, false);
    for (const finder of finders(graph, 2)) {
      const r = finder.route(0, 2);
      expect({ finder: finder.name, found: r.found, cost: r.cost }).toEqual({ finder: finder.name, found: false, cost: Infinity });
      // One edge does not overflow: that is a route.
      const one = finder.route(0, 1);
      expect({ finder: finder.name, found: one.found, cost: one.cost }).toEqual({ finder: finder.name, found: true, cost: big });
    }
    const tree = new DijkstraQuery(graph).tree(0);
    expect(tree.distance(2)).toBe(Infinity);
    expect(tree.reached()).toEqual([0, 1]);
    expect(new KShortestPathsQuery(graph).paths(0, 3, 2)).toEqual([]);
    const d = new DisjointPathsQuery(graph).paths(0, 2, { k: 1 });
    expect(d.paths).toEqual([]);
    expect(d.maxDisjoint).toBe(1); // the graph still connects them: only the cost overflows
    const through = new ThroughEdgeSetQuery(graph, Uint8Array.from([1, 1, 1]));
    expect(through.route(0, 2)).toMatchObject({ found: false, cost: Infinity });
    expect(through.route(0, 1)).toMatchObject({ found: true, cost: big });
  });

  it('an overflowing path next to a finite one: every finder returns the finite one', () => {
    //   0 ──0.6·MAX──> 1 ──0.6·MAX──> 3        overflows
    //   0 ──0.45·MAX─> 2 ──0.45·MAX─> 3        0.9·MAX: the route
    const graph = buildRoutingGraph({
      nodeCount: 4,
      from: [0, 1, 0, 2],
      to: [1, 3, 2, 3],
      weight: [big, big, 0.45 * Number.MAX_VALUE, 0.45 * Number.MAX_VALUE],
    });
    for (const finder of finders(graph, 2)) {
      const r = finder.route(0, 3);
      expect({ finder: finder.name, found: r.found, nodes: r.nodes, cost: r.cost }).toEqual({
        finder: finder.name, found: true, nodes: [0, 2, 3], cost: 0.9 * Number.MAX_VALUE,
      });
    }
    const d = new DisjointPathsQuery(graph).paths(0, 3, { k: 2 });
    expect(d.paths.map((p) => p.nodes)).toEqual([[0, 2, 3]]);
    expect(d.maxDisjoint).toBe(2);
  });

  it('folds a chain whose sum overflows instead of throwing, and finds nothing along it', () => {
    const graph = pathGraph(6, () => big, true);
    const q = new FoldedQuery(foldChains(graph));
    expect(q.route(0, 5).found).toBe(false);
    expect(q.route(1, 2)).toMatchObject({ found: true, cost: big });
  });
});

describe('routes of 200,000 edges: no argument spreading of unbounded arrays', () => {
  const EDGES = 200_000;
  //   0 ──> 1 ──> 2 ──> … ──> 200000, weights 1 + (i mod 7) / 10 (one way: every inner node is a chain node)
  const graph = pathGraph(EDGES + 1, (i) => 1 + (i % 7) / 10, false);

  it('every core finder returns the whole path', () => {
    for (const finder of finders(graph, 1)) {
      const r = finder.route(0, EDGES);
      expect({ finder: finder.name, edges: r.edges.length }).toEqual({ finder: finder.name, edges: EDGES });
      expect(r.cost).toBe(sumInPathOrder(graph, r.edges));
      // Ending inside the folded chain: the chain part travelled is a leg of 199,999 edges.
      const inside = finder.route(0, EDGES - 1);
      expect({ finder: finder.name, edges: inside.edges.length }).toEqual({ finder: finder.name, edges: EDGES - 1 });
    }
    const d = new DisjointPathsQuery(graph).paths(0, EDGES, { k: 1 });
    expect(d.paths[0].edges.length).toBe(EDGES);
  }, 120_000);

  it('bridges: cutOff() of an articulation point joining three arms of 150,000 nodes', () => {
    //   arm 1 ── 0 ── arm 2, and arm 3 on 0 too: cutting 0 leaves three pieces; two are cut off.
    const arm = 150_000;
    const from: number[] = [], to: number[] = [];
    for (let a = 0; a < 3; a++) {
      const first = 1 + a * arm;
      from.push(0); to.push(first);
      for (let i = first; i + 1 < first + arm; i++) { from.push(i); to.push(i + 1); }
    }
    const analysis = bridgesAndArticulationPoints(1 + 3 * arm, from, to);
    const at = analysis.articulationPoints.indexOf(0);
    expect(at).toBeGreaterThanOrEqual(0);
    expect(analysis.split(analysis.bridges.length + at).cutOff().length).toBe(2 * arm);
  }, 60_000);

  it("routeCompiled and routeToGeoJSON describe a route of 200,001 compiled edges", () => {
    // A route that drives A → B → A → … → B, 200,000 times along the link.
    const net = loadNetwork(parseDrawnNetwork`
      a-----b
      | link | mode | km |
      | ab   | road | 10 |
    `, { checkCountries: false });
    const compiled = compileNetwork(net, { by: 'distance' });
    const dijkstra = new DijkstraQuery(compiled.graph);
    const there = dijkstra.route(compiled.departNode('a'), compiled.arriveNode('b'));
    const back = dijkstra.route(compiled.departNode('b'), compiled.arriveNode('a'));
    // there = [leave A, A → B, arrive at B]; back's middle edge drives B → A.
    const [leave, ab, arrive] = there.edges;
    const ba = back.edges[1];
    const walk = [leave];
    for (let i = 0; i < EDGES - 1; i++) walk.push(i % 2 === 0 ? ab : ba); // 199,999 drives, ending at B
    walk.push(arrive);
    const longWalk: PathResult = { found: true, cost: sumInPathOrder(compiled.graph, walk), edges: walk, nodes: [], settled: 0 };
    const result = routeCompiled(compiled, ['a', 'b'], 'dijkstra', { route: () => longWalk });
    expect(result.found).toBe(true);
    expect(result.edges!.length).toBe(walk.length);
    expect(result.links.length).toBe(walk.length - 2);
    expect(result.totals.km).toBeCloseTo(10 * (walk.length - 2), 3);
    const geo = routeToGeoJSON(net, result);
    expect(geo.features.length).toBeGreaterThan(0);
  }, 60_000);
});

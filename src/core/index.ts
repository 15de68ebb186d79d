// The routing core as its own entry point, `steppenet/core`: for developers who
// bring their own graph. Plain arrays in, reusable query objects out; nothing
// here knows about places, modes or borders. Named exports only; the surface is
// recorded in etc/steppenet-core.api.md and checked by `npm test`.

// The graph: built from arrays, from a graphology graph, or read from a road graph file.
export { buildRoutingGraph, type RoutingGraph, type EdgeList } from './routing-graph.js';
export {
  fromGraphology,
  GraphologyRouter,
  type FromGraphologyOptions,
  type GraphologyEdgeWeight,
  type GraphologyAlgorithm,
  type GraphologyRouteOptions,
  type GraphologyRoute,
} from './from-graphology.js';
export { loadRoadGraphBinary, parseRoadGraphBinary, type RoadGraphFileNames } from '../io/road-graph-binary.js';
export { parseDimacs, type DimacsOptions } from '../io/dimacs.js';
export { renumberAlongHilbertCurve, type RenumberedGraph } from './spatial-order.js';

// Shortest paths: one reusable query object per graph, `route(s, t, options)` → PathResult.
export type { PathResult, QueryOptions } from './path.js';
export { DijkstraQuery, type ShortestPathTree } from './dijkstra.js';
export { BidirectionalDijkstraQuery } from './bidirectional-dijkstra.js';
export { AStarQuery } from './astar.js';
export { BidirectionalAStarQuery, type Seeds, type BoundPoint, type SeededPath } from './bidirectional-astar.js';
export { foldChains, FoldedQuery, type FoldedGraph } from './chain-folding.js';
export { buildLandmarks, type Landmarks, type LandmarkOptions } from './landmarks.js';
export { ALTQuery, type ALTQueryOptions } from './alt-query.js';
export { contractGraph, type ContractionHierarchy, type ContractionOptions } from './contraction-hierarchy.js';
export { ContractionHierarchyQuery, type TablePaths } from './ch-query.js';
export { saveContractionHierarchy, loadContractionHierarchy } from './ch-file.js';
export { GuidedSearch, DistancesToTarget } from './guided-search.js';
export type { LowerBound } from './lower-bound.js';
export {
  drivingDistance,
  DrivingDistanceQuery,
  reachedEdges,
  type DrivingDistance,
  type DrivingDistanceOptions,
  type ReachedEdges,
} from './driving-distance.js';

// Resilience engines on a graph.
export { kShortestPaths, KShortestPathsQuery, filterReasonable, type ReasonableOptions } from './k-shortest-paths.js';
export {
  disjointPaths,
  DisjointPathsQuery,
  type DisjointPathsOptions,
  type DisjointRouteOptions,
  type DisjointPathsResult,
} from './disjoint-paths.js';
export { maxFlow, type FlowNetwork, type MaxFlowResult } from './max-flow.js';
export { minCostMaxFlow, type CostFlowNetwork, type MinCostFlowResult } from './min-cost-flow.js';
export {
  connectedComponents,
  stronglyConnectedComponents,
  biconnectedComponents,
  type Components,
  type BiconnectedComponents,
} from './components.js';
export {
  bridgesAndArticulationPoints,
  type BridgeAnalysis,
  type BridgeOptions,
  type Split,
  type SplitPiece,
} from './bridges.js';
export { failurePenalties, RouteFailureQuery, type FailureOptions, type FailurePenalty } from './route-failure.js';

// The errors, each naming the function and the argument at fault.
// The error categories every error below belongs to (also on the main entry).
export { SteppenetError, InputError, DataError, SystemError, InternalError, ERROR_CODES, type ErrorCode } from '../errors/index.js';
export { InvalidWeightError } from './routing-graph.js';
export {
  InvalidEdgeWeightError,
  UnknownNodeError,
  InvalidCoordinatesError,
  InvalidGraphologyOptionError,
} from './from-graphology.js';
export { RoadGraphFormatError } from '../io/road-graph-binary.js';
export { DimacsFormatError } from '../io/dimacs.js';
export { MissingCoordinatesError } from './spatial-order.js';
export { InvalidNodeError, InvalidQueryOptionError } from './path.js';
export { StaleTreeError } from './dijkstra.js';
export { InvalidBoundError } from './astar.js';
export { InvalidLandmarkOptionError } from './landmarks.js';
export { InvalidALTQueryError } from './alt-query.js';
export { InvalidContractionOptionError } from './contraction-hierarchy.js';
export { HierarchyGraphMismatchError } from './ch-query.js';
export { HierarchyFileError } from './ch-file.js';
export { UnusableDistancesError } from './guided-search.js';
export { InvalidAlternativesArgumentError } from './k-shortest-paths.js';
export { InvalidDisjointPathsArgumentError, UnsupportedGroupError } from './disjoint-paths.js';
export { InvalidFlowNetworkError, UnboundedFlowError } from './max-flow.js';
export { InvalidUndirectedGraphError } from './bridges.js';
export { InvalidComponentsGraphError } from './components.js';
export { InvalidRouteError } from './route-failure.js';

// The public API of steppenet: the network, places, routing and the analyses.
// Named exports only, so an internal rename never changes what users import;
// etc/steppenet.api.md records this surface and `npm test` fails when it changes
// without the report. The routing core on its own is `steppenet/core` (src/core/index.ts).

// The network: its file format, loading, validation, scenarios, summary, limits.
// The value lists of the file format's fields (each type below is one of its list).
export {
  MODES,
  PLACE_KINDS,
  LINK_STATUSES,
  CHECKPOINT_KINDS,
  CHECKPOINT_REGIMES,
  CHECKPOINT_STATUSES,
  CAPACITY_UNITS,
  ROAD_CONDITIONS,
  BORDER_SECTORS,
  type Mode,
  type PlaceKind,
  type LinkStatus,
  type CheckpointKind,
  type CheckpointRegime,
  type CheckpointStatus,
  type CapacityUnit,
  type RoadCondition,
  type BorderSector,
  type Source,
  type Tranship,
  type LockInfo,
  type PlaceProperties,
  type Checkpoint,
  type LinkProperties,
  type Position,
  type PlaceFeature,
  type LinkFeature,
  type NetworkFeature,
  type NetworkFile,
} from './model/types.js';
export {
  Network,
  DEFAULT_SNAP_KM,
  type PlaceNode,
  type LinkEdge,
  type LinkFilter,
  type CheckpointFilter,
  type PlaceFilter,
  type ResolvePlaceOptions,
  type ResolvedPlace,
  type NearbyPlace,
} from './model/network.js';
export { loadNetwork, type LoadOptions, type NetworkInput } from './model/load-network.js';
export { validateNetwork, type ValidateOptions } from './model/validate-network.js';
export type { ValidationProblem } from './model/network-validation-error.js';
export {
  applyScenario,
  loadScenario,
  bundledScenarioNames,
  type Scenario,
  type ScenarioSelect,
  type ScenarioOverride,
} from './model/scenario.js';
export type { ScenarioSummary, ScenarioChange } from './model/scenario-summary.js';
export { summarizeNetwork, type NetworkSummary, type Counts } from './model/network-summary.js';
export { checkpointRegime, FREIGHT_KINDS, type FreightKind } from './model/checkpoint-regime.js';
export { regionNames } from './model/regions.js';
export { MAX_K, MAX_NAME_LENGTH, MAX_NETWORK_FEATURES, MAX_NETWORK_FILE_BYTES } from './model/limits.js';

// Places: the forgiving name lookup on its own.
export { PlaceIndex, type PlaceEntry, type PlaceMatch } from './places/place-index.js';
export { normalizeName } from './places/normalize-name.js';
export { transliterate } from './places/transliterate.js';
export { parseCoordinateQuery, splitPlaceList, type CoordinateQuery } from './places/coordinate-query.js';

// Routing on the network.
export { route, ALGORITHMS, type Algorithm, type RouteOptions } from './routing/route.js';
export type { RouterOptions } from './routing/router.js';
export { placeTable, type PlaceTableResult, type TablePlace, type TableCell } from './routing/place-table.js';
export { compileNetwork, CompiledNetwork, type CompileOptions, type Avoid, type Step } from './routing/compile-network.js';
// The compiled graph's type: run steppenet/core's queries on `compiled.graph`.
export type { RoutingGraph } from './core/routing-graph.js';
export {
  OBJECTIVES,
  DEFAULT_COST_PARAMETERS,
  costParameters,
  type Objective,
  type RoadClass,
  type CostParameters,
  type CostOverrides,
  type DriverRules,
  type StepMeasures,
} from './routing/cost-model.js';
export type {
  RouteResult,
  RouteTotals,
  HoursBreakdown,
  RouteLeg,
  RouteTransfer,
  RouteCrossing,
  PlaceRef,
  SnappedPlace,
} from './routing/route-result.js';
export { routeToGeoJSON } from './present/route-geojson.js';

// Analyses: each function with its options and result.
export { defaultOdPairs, type OdPair } from './analysis/od-pairs.js';
export {
  parseFreightDemand,
  readFreightDemand,
  FreightDemandError,
  FreightDemandPathError,
  type FreightDemandRow,
  type FreightDemandProblem,
  type FreightDemandBasis,
} from './io/freight-demand.js';
export { freightDemandOdPairs } from './analysis/freight-demand-pairs.js';
export type { LinkSelection } from './analysis/link-selection.js';
export type { Around, GridCell } from './analysis/link-areas.js';
export type { PolygonInput } from './io/polygon-file.js';
export {
  removeLinks,
  type RemovalOptions,
  type RemovalResult,
  type RemovalRow,
  type RemovalEffect,
} from './analysis/remove-links.js';
export {
  linkCriticality,
  linkCriticalityAsync,
  mergeCriticality,
  type CriticalityAsyncOptions,
  type CriticalityOptions,
  type CriticalityResult,
  type LinkCriticality,
} from './analysis/link-criticality.js';
export {
  cheapestCrossingFlow,
  type CheapestCrossingOptions,
  type CheapestCrossingResult,
  type CrossingFlow,
} from './analysis/cheapest-crossing-flow.js';
export {
  areaCriticality,
  areaCriticalityAsync,
  mergeAreaCriticality,
  type AreaCriticalityAsyncOptions,
  type AreaCriticalityOptions,
  type AreaCriticalityResult,
  type AreaCriticality,
  type ClosureArea,
} from './analysis/area-criticality.js';
export {
  regionalExposure,
  DEFAULT_EXPOSURE_RANGES,
  type ExposureOptions,
  type ExposureResult,
  type ExposureRanges,
  type AssumptionRange,
  type GroupExposure,
  type FailureExposure,
  type FailureRef,
  type Ranged,
} from './analysis/exposure.js';
export { odRedundancy, type RedundancyOptions, type RedundancyResult, type OdRedundancy } from './analysis/od-redundancy.js';
export {
  alternatives,
  type AlternativesOptions,
  type AlternativesResult,
  type ReasonableAlternatives,
} from './analysis/alternatives.js';
export {
  disjointRoutes,
  type DisjointRoutesOptions,
  type DisjointRoutesResult,
  type Disjointness,
} from './analysis/disjoint-routes.js';
export {
  resilientRoute,
  type ResilientRouteOptions,
  type ResilientRouteResult,
  type ResilientCandidate,
  type LinkBackup,
  type Reroute,
} from './analysis/resilient-route.js';
export {
  singlePointsOfFailure,
  type SinglePointsOfFailureOptions,
  type SinglePointsOfFailureResult,
  type FailureView,
  type BridgeLink,
  type ArticulationPlace,
  type CutOff,
} from './analysis/single-points-of-failure.js';
export {
  borderCut,
  checkpointCapacity,
  ROAD_CLASS_TRUCKS_PER_DAY,
  RAIL_TRACKS_TRAIN_PAIRS_PER_DAY,
  RU_KZ_RAIL_EXCHANGE,
  type RailTracks,
  type BorderCutOptions,
  type BorderCutResult,
  type BorderCutMode,
  type BorderCutUnit,
  type PlaceSet,
  type SectorCut,
  type CutLink,
  type CheckpointCapacity,
} from './analysis/border-cut.js';
export {
  compareCorridors,
  type CorridorOptions,
  type CorridorComparison,
  type CorridorRoute,
  type CorridorResilience,
  type LinkFailure,
} from './analysis/compare-corridors.js';
export type { DisjointRouteCount } from './analysis/link-disjoint-routes.js';
export {
  compareScenarios,
  type ScenarioComparisonOptions,
  type ScenarioComparison,
  type ScenarioPairRow,
  type PairStatus,
  type ComparisonSummary,
  type RegionPairSummary,
} from './analysis/compare-scenarios.js';
export {
  accessibility,
  type AccessibilityOptions,
  type AccessibilityMatrix,
  type AccessibilityLayer,
  type AccessibilityLayerName,
} from './analysis/accessibility.js';
export { kmByCountry, type CountryKm } from './analysis/km-by-country.js';
export { MAX_WORKERS, type WorkersOption } from './analysis/scan-pool.js';
export {
  routeBatch,
  routeBatchAsync,
  type BatchAsyncOptions,
  type BatchQuery,
  type BatchAnswer,
  type BatchResult,
  type BatchOptions,
  type BatchError,
} from './analysis/batch-routes.js';
export {
  reach,
  MAX_REACH_BANDS,
  type ReachOptions,
  type ReachResult,
  type ReachedPlace,
  type ReachedLinkPiece,
  type ReachArea,
} from './analysis/reach.js';
export { reachToGeoJSON } from './present/reach-geojson.js';

// The errors a user of the functions above can catch: every one is a
// SteppenetError of one category (InputError: the caller's argument; DataError:
// a file or graph; SystemError: the machine; InternalError: a bug) with a
// stable `code`; httpError maps one to its HTTP status.
export {
  SteppenetError,
  InputError,
  DataError,
  SystemError,
  InternalError,
  ERROR_CODES,
  httpError,
  type ErrorCode,
  type HttpError,
} from './errors/index.js';
// A network or scenario file that is not valid:
export { NetworkValidationError } from './model/network-validation-error.js';
export { ScenarioError, UnknownScenarioError } from './model/scenario.js';
// A name that names nothing (each carries `suggestions`):
export { UnknownPlaceError } from './places/unknown-place-error.js';
export { PlaceIndexError } from './places/place-index.js';
// A place given as coordinates out of range, or with no place near enough:
export { CoordinateError } from './places/coordinate-query.js';
export { NoPlaceNearbyError } from './model/no-place-nearby-error.js';
export { UnknownRegionError } from './model/regions.js';
export { AvoidError } from './routing/resolve-avoid.js';
export { LinkSelectionError } from './analysis/link-selection.js';
export { InvalidPolygonError } from './io/polygon-file.js';
export { OdPairError } from './analysis/od-pairs.js';
export { BatchRowError } from './analysis/batch-routes.js';
// An argument or option outside its values or limits:
export { InputLimitError } from './model/limits.js';
export { RouteOptionError } from './routing/route.js';
export { CompileOptionError } from './routing/compile-network.js';
export { InvalidCostParameterError } from './routing/cost-model.js';
export { ResilienceArgumentError } from './analysis/compiled-index.js';
export { CorridorArgumentError } from './analysis/compare-corridors.js';
export { AccessibilityArgumentError } from './analysis/accessibility.js';
export { ReachArgumentError } from './analysis/reach.js';
export { ShardError } from './analysis/link-criticality.js';
export { ExposureArgumentError } from './analysis/exposure.js';
export { RouteLinksError } from './analysis/km-by-country.js';

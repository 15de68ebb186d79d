// The public API of steppenet. This file only re-exports; each idea lives in its own file.

// The error model: categories, codes, the HTTP mapping.
export * from './errors/index.js';

// The network model: format, loading, validation, scenarios.
export * from './model/types.js';
export * from './model/network.js';
export * from './model/load-network.js';
export * from './model/validate-network.js';
export * from './model/network-validation-error.js';
export * from './model/scenario.js';
export * from './model/scenario-summary.js';
export * from './model/network-summary.js';
export * from './model/checkpoint-regime.js';
export * from './model/regions.js';
export { bundledPath, BUNDLED_NETWORK } from './io/bundled-files.js';

// Place names.
export * from './places/place-index.js';
export * from './places/unknown-place-error.js';
export * from './places/normalize-name.js';
export * from './places/transliterate.js';

// Routing on the network.
export * from './routing/cost-model.js';
export * from './routing/compile-network.js';
export * from './routing/route.js';
export * from './routing/resolve-avoid.js';
export * from './model/limits.js';
export * from './routing/route-result.js';
export * from './present/route-geojson.js';

// Analyses.
export * from './analysis/od-pairs.js';
export * from './analysis/link-selection.js';
export * from './analysis/remove-links.js';
export * from './analysis/link-criticality.js';
export * from './analysis/compare-corridors.js';
export * from './analysis/compare-scenarios.js';
export * from './analysis/accessibility.js';
export * from './analysis/km-by-country.js';
export * from './analysis/link-disjoint-routes.js';
export * from './analysis/through-edge-set-query.js';
export { ResilienceArgumentError } from './analysis/compiled-index.js';
export * from './analysis/alternatives.js';
export * from './analysis/disjoint-routes.js';
export * from './analysis/resilient-route.js';
export * from './analysis/single-points-of-failure.js';
export * from './analysis/border-cut.js';

// The routing core: compiled graphs and reusable queries, usable on any graph.
export * from './core/routing-graph.js';
export * from './core/path.js';
export * from './core/min-heap.js';
export * from './core/dijkstra.js';
export * from './core/bidirectional-dijkstra.js';
export * from './core/astar.js';
export * from './core/bidirectional-astar.js';
export * from './core/chain-folding.js';
export * from './core/geodesic.js';
export * from './core/from-graphology.js';
export * from './core/spatial-order.js';
export * from './core/seeded-random.js';
export * from './core/landmarks.js';
export * from './core/alt-query.js';
export * from './core/contraction-hierarchy.js';
export * from './core/ch-query.js';
export * from './core/ch-file.js';
export * from './core/k-shortest-paths.js';
export * from './core/disjoint-paths.js';
export * from './core/max-flow.js';
export * from './core/bridges.js';
export * from './core/route-failure.js';
export * from './core/guided-search.js';

// Loaders for external road graphs (the ngraph.path demo binaries, DIMACS text).
export * from './io/road-graph-binary.js';
export * from './io/dimacs.js';

export * from "./model/types.js"; export * from "./core/routing-graph.js";

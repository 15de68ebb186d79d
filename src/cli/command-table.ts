import type { Command } from './command.js';

/**
 * Every command's name and one-line summary, and how to load it: the CLI
 * imports a command's module (and what it needs: Fastify for serve, Vega for
 * report, the analyses) only when that command runs, so that `steppenet route`
 * does not pay for compiling the others (start-up, issue 16). The usage text
 * is built from this table alone. The summary must equal the command's own
 * (tests/cli-startup.test.ts checks it, and that every file in commands/ is
 * listed here).
 */
export interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<Command>;
}

export const COMMAND_TABLE: readonly CommandEntry[] = [
  { name: 'report', summary: 'the headline report: key routes, corridors, critical links, border capacity, scenarios (npm start)', load: async () => (await import('./commands/report.js')).reportCommand },
  { name: 'route', summary: 'the best route between two places, leg by leg', load: async () => (await import('./commands/route.js')).routeCommand },
  { name: 'reach', summary: 'what can be reached from a place within some hours: the places, and every link cut where the time runs out', load: async () => (await import('./commands/reach.js')).reachCommand },
  { name: 'table', summary: 'a many-to-many table of hours, km and USD/t between places (null and why where no route)', load: async () => (await import('./commands/table.js')).tableCommand },
  { name: 'batch', summary: 'route every row of a CSV file of origins and destinations (one output row per input row)', load: async () => (await import('./commands/batch.js')).batchCommand },
  { name: 'alternatives', summary: 'the k cheapest routes that never pass a place twice (parallel rail and road count apart)', load: async () => (await import('./commands/alternatives.js')).alternativesCommand },
  { name: 'disjoint', summary: 'k routes sharing no link (or, with --places, no place) at least total cost, and the cut that limits them', load: async () => (await import('./commands/disjoint.js')).disjointCommand },
  { name: 'resilient', summary: 'the most resilient of the k cheapest routes: cost + λ × what its worst single link failure adds', load: async () => (await import('./commands/resilient.js')).resilientCommand },
  { name: 'remove', summary: 'what-if: take links out of service and see who detours and who is cut off', load: async () => (await import('./commands/remove.js')).removeCommand },
  { name: 'critical', summary: 'rank links (or regions, or grid cells) by the demand their failure disconnects and the detours it forces', load: async () => (await import('./commands/critical.js')).criticalCommand },
  { name: 'merge', summary: 'merge the shards of a criticality scan (critical [--by-region | --grid] --shard I/N --format json) into one ranking, or of a batch (batch FILE --shard I/N --format json)', load: async () => (await import('./commands/merge.js')).mergeCommand },
  { name: 'exposure', summary: "each region's (or country's) exposure to single failures: the worst and average extra hours for its demand, tonnes cut off, losses in tonne-hours and USD with a range", load: async () => (await import('./commands/exposure.js')).exposureCommand },
  { name: 'redundancy', summary: 'per OD pair: the number of link-disjoint routes, and the best route sharing no link with the best one (its cost and ratio)', load: async () => (await import('./commands/redundancy.js')).redundancyCommand },
  { name: 'spof', summary: 'single points of failure: links and places whose loss alone splits the network, per mode and for all modes', load: async () => (await import('./commands/spof.js')).spofCommand },
  { name: 'border-cut', summary: 'maximum daily freight flow across the Kazakhstan–Russia border (trucks or train pairs), and its bottleneck', load: async () => (await import('./commands/border-cut.js')).borderCutCommand },
  { name: 'flow', summary: 'the cheapest way to carry a daily flow across the border, within the checkpoints\' capacities (min-cost max-flow)', load: async () => (await import('./commands/flow.js')).flowCommand },
  { name: 'corridors', summary: 'European Russia to western China: the bypass of Kazakhstan against the corridors through it', load: async () => (await import('./commands/corridors.js')).corridorsCommand },
  { name: 'compare', summary: 'scenario A against scenario B: which OD pairs change cost or route, gain or lose their connection', load: async () => (await import('./commands/compare.js')).compareCommand },
  { name: 'accessibility', summary: 'best time (or km, cost) between the border regions\' main cities, by each mode and multimodal', load: async () => (await import('./commands/accessibility.js')).accessibilityCommand },
  { name: 'places', summary: 'find places by name, alias or id (any script, typos tolerated)', load: async () => (await import('./commands/places.js')).placesCommand },
  { name: 'info', summary: 'counts of places, links and checkpoints; what the scenario changed', load: async () => (await import('./commands/info.js')).infoCommand },
  { name: 'serve', summary: 'an HTTP API (OSRM-compatible route, table, nearest; /v1/route; /openapi.json) until Ctrl-C', load: async () => (await import('./commands/serve.js')).serveCommand },
];

import type { Network } from '../model/network.js';
import { compileNetwork, type CompiledNetwork, type CompileOptions } from './compile-network.js';

// RoutingKit's build-once/query-many for the library's one-shot route():
// the compiled graph for a (network, compile options) pair is kept and
// reused, so a loop of route() calls pays the compile once. A Network is
// immutable (scenarios and removals make new ones), which keeps this safe.
const MAX_PER_NETWORK = 16;
const cache = new WeakMap<Network, Map<string, CompiledNetwork>>();

/** The compile options that change the compiled graph, as a stable key (Infinity and NaN kept apart: JSON spells both null; keys in code-unit order: localeCompare would load ICU's collator, ~20 ms of every CLI call). */
function keyOf(options: CompileOptions): string {
  return JSON.stringify(options, (_key, value) =>
    typeof value === 'number' && !Number.isFinite(value)
      ? `number:${value}`
      : value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  );
}

/** compileNetwork(network, options), compiled once per distinct options and reused (least recently used out after 16). */
export function compiledFor(network: Network, options: CompileOptions = {}): CompiledNetwork {
  let byKey = cache.get(network);
  if (!byKey) cache.set(network, (byKey = new Map()));
  const { scenario: _s, via: _v, algorithm: _a, snapKm: _k, ...compileOptions } = options as CompileOptions & Record<string, unknown>;
  const key = keyOf(compileOptions);
  let compiled = byKey.get(key);
  if (compiled) {
    byKey.delete(key); // re-insert: most recently used last
  } else {
    compiled = compileNetwork(network, compileOptions);
    if (byKey.size >= MAX_PER_NETWORK) byKey.delete(byKey.keys().next().value!);
  }
  byKey.set(key, compiled);
  return compiled;
}

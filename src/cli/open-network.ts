import { loadNetwork } from '../model/load-network.js';
import type { Network } from '../model/network.js';
import type { ParsedArgs } from './command.js';

/** The network a command works on: --network FILE (default: the bundled one) under --scenario. */
export function openNetwork(args: ParsedArgs): Network {
  const path = typeof args.values.network === 'string' ? args.values.network : undefined;
  const scenario = typeof args.values.scenario === 'string' ? args.values.scenario : undefined;
  return loadNetwork(path, { scenario });
}

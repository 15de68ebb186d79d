import type { Network } from '../model/network.js';
import type { Objective } from '../routing/cost-model.js';

/** What was asked of a route analysis between two places: the queries as given and the objective. */
export interface PairQuery {
  from: string;
  to: string;
  by: Objective;
}

/** "Omsk → Pavlodar": the places' names, whatever name, alias or id the query gave. */
export function pairText(network: Network, q: PairQuery): string {
  return `${network.resolvePlace(q.from).properties.name} → ${network.resolvePlace(q.to).properties.name}`;
}

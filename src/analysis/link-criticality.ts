import type { Network } from '../model/network.js';
import type { CompileOptions } from '../routing/compile-network.js';
import { selectLinks, type LinkSelection } from './link-selection.js';
import { OdRouter } from './od-router.js';
import type { OdPair } from './od-pairs.js';

export interface CriticalityOptions extends CompileOptions {
  ods?: readonly OdPair[];
  /** Links to score; default every link that can carry traffic. */
  links?: LinkSelection | readonly string[];
  /** Called after each link with (done, total, linkId). */
  onProgress?: (done: number, total: number, link: string) => void;
}

export interface LinkCriticality {
  link: string;
  name: string;
  mode: string;
  /** OD pairs whose best route uses the link. */
  pairsUsing: number;
  /** Demand-weighted extra objective (hours, km or USD/t) over pairs that can detour. */
  weightedExtra: number;
  /** The largest single-pair extra among pairs that can detour. */
  worstExtra: number;
  /** Demand of pairs left with no route when the link alone fails. */
  disconnectedDemand: number;
  disconnectedPairs: number;
}

export interface CriticalityResult {
  by: string;
  scenario: string;
  pairs: number;
  /** Most critical first: disconnected demand, then weighted extra. */
  ranking: LinkCriticality[];
}

/**
 * Ranks links by what their failure alone costs the OD set: the demand it
 * disconnects and the demand-weighted extra cost of the detours. Incremental:
 * for each link only the pairs whose baseline route uses it are re-routed.
 */
export function linkCriticality(network: Network, options: CriticalityOptions = {}): CriticalityResult {
  const router = new OdRouter(network, options.ods, options);
  const candidates = options.links
    ? selectLinks(network, options.links)
    : network.links.map((l) => l.properties.id).filter((id) => router.compiled.edgesOfLink(id).length > 0);
  const ranking = candidates.map((id, n): LinkCriticality => {
    const link = network.link(id)!.properties;
    const score: LinkCriticality = {
      link: id, name: linkName(network, id), mode: link.mode,
      pairsUsing: 0, weightedExtra: 0, worstExtra: 0, disconnectedDemand: 0, disconnectedPairs: 0,
    };
    for (const i of router.pairsUsing([id])) {
      score.pairsUsing++;
      const before = router.baseline[i].totals.weight;
      const after = router.rerouteWithout(i, [id]);
      if (!after.found) {
        score.disconnectedPairs++;
        score.disconnectedDemand += router.ods[i].demand;
      } else {
        const extra = after.totals.weight - before;
        score.weightedExtra += router.ods[i].demand * extra;
        score.worstExtra = Math.max(score.worstExtra, extra);
      }
    }
    options.onProgress?.(n + 1, candidates.length, id);
    return score;
  });
  ranking.sort((a, b) => b.disconnectedDemand - a.disconnectedDemand || b.weightedExtra - a.weightedExtra || a.link.localeCompare(b.link));
  return { by: router.compiled.by, scenario: network.scenario?.name ?? 'current', pairs: router.ods.length, ranking };
}

/** "Omsk – Cherlak (A-320)": a link as people name it. */
export function linkName(network: Network, id: string): string {
  const l = network.link(id)!.properties;
  const name = (p: string) => network.place(p)!.properties.name;
  const label = l.checkpoint?.name ?? l.road ?? l.line ?? l.name;
  return `${name(l.from)} – ${name(l.to)}${label ? ` (${label})` : ''}`;
}

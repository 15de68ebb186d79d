import { compareScenarios, type ScenarioComparison } from '../analysis/compare-scenarios.js';
import type { OdPair } from '../analysis/od-pairs.js';
import type { Network } from '../model/network.js';
import type { Mode } from '../model/types.js';
import { loadScenario, type Scenario } from '../model/scenario.js';
import type { Objective } from '../routing/cost-model.js';
import { DijkstraQuery } from '../core/dijkstra.js';
import { compileNetwork } from '../routing/compile-network.js';

/** The places of some regions that serve a mode, as ids. */
function placesOf(network: Network, regions: readonly string[], mode: Mode): string[] {
  return network.places
    .filter((p) => p.properties.region !== undefined && regions.includes(p.properties.region) && p.properties.modes.includes(mode))
    .filter((p) => p.properties.kind !== 'lock')
    .map((p) => p.properties.id);
}

const pairs = (from: readonly string[], to: readonly string[]): OdPair[] =>
  from.flatMap((a) => to.filter((b) => b !== a).map((b) => ({ from: a, to: b })));

export const ALTAI_REGIONS = ['Altai Krai'];
export const EAST_KZ_REGIONS = ['Pavlodar Region', 'East Kazakhstan Region', 'Abai Region'];

/**
 * What abolishing Kulunda – Malinovo Ozero – Lokot did: rail routes between
 * every rail place of the Altai Krai and of Pavlodar, Abai and East
 * Kazakhstan regions, around 1999 against today.
 */
export function kulundaLokotAnswer(network: Network): ScenarioComparison {
  const ods = pairs(placesOf(network, ALTAI_REGIONS, 'rail'), placesOf(network, EAST_KZ_REGIONS, 'rail'));
  return compareScenarios(network, 'historical', 'current', { by: 'time', modes: ['rail'], ods });
}

/**
 * One programme of the `planned` scenario on its own: only the overrides
 * that touch the features it selects, so its effect is not mixed with the
 * other announced projects.
 */
export function plannedProgramme(network: Network, name: string, touches: (feature: string) => boolean): Scenario {
  const planned = loadScenario('planned');
  const overrides = (planned.overrides ?? []).filter((o) =>
    (o.select.ids ?? []).some(touches) ||
    (o.select.tags ?? []).some((tag) => [...network.places, ...network.links].some((f) => (f.properties.tags ?? []).includes(tag) && touches(f.properties.id))),
  );
  return { ...planned, name, overrides, add: [] };
}

const IRTYSH_CITIES = ['pavlodar', 'semey', 'ust-kamenogorsk'];

/**
 * What the Omsk – Pavlodar hub and repaired locks alone change for freight
 * between the Irtysh cities and Omsk — and, through the hub's rail–river
 * transfer, the rail cities beyond it (`origins`).
 */
export function hubAndLocksAnswer(
  network: Network,
  options: { modes?: readonly Mode[]; by?: Objective; origins?: readonly string[] } = {},
): ScenarioComparison {
  const hubAndLocks = (id: string) => {
    const f = network.place(id) ?? network.link(id);
    const tags = f?.properties.tags ?? [];
    return tags.includes('omsk-pavlodar-hub') || tags.includes('irtysh-lock') || tags.includes('irtysh') || f?.properties.type === 'place' && f.properties.kind === 'lock';
  };
  const origins = options.origins ?? ['omsk'];
  const ods = [...pairs(origins, IRTYSH_CITIES), ...pairs(IRTYSH_CITIES, origins)];
  return compareScenarios(network, 'current', plannedProgramme(network, 'hub + locks', hubAndLocks), { by: options.by ?? 'time', modes: options.modes, ods });
}

/** What the checkpoint modernisation alone does to road journeys between the border regions' centres. */
export function modernisationAnswer(network: Network): ScenarioComparison {
  const checkpoint = (id: string) => network.link(id)?.properties.checkpoint !== undefined;
  return compareScenarios(network, 'current', plannedProgramme(network, 'checkpoints modernised', checkpoint), { by: 'time', modes: ['road'] });
}

export interface RailShare {
  settlements: number;
  withRail: number;
  /** Share of the settlements with no rail route into Russia. */
  shareWithout: number;
  without: string[];
}

/**
 * How much of the East Kazakhstan border area has no rail link to Russia, as
 * far as a network of points can say: of the settlements the network holds
 * in the East Kazakhstan and Abai regions (towns, stations and road
 * junctions, one per name; border posts and locks left out), the share from
 * which no rail route reaches a Russian rail place. The literature's "about
 * 70% of the eastern border area" [MK22] measures territory, not places.
 */
export function eastKazakhstanRailShare(network: Network): RailShare {
  const rail = compileNetwork(network, { modes: ['rail'] });
  const query = new DijkstraQuery(rail.graph);
  const russian = network.placesWhere({ country: 'RU', mode: 'rail' }).map((p) => rail.arriveNode(p.properties.id));
  const reachesRussiaByRail = (id: string) => {
    if (rail.modeNode(id, 'rail') < 0) return false;
    const tree = query.tree(rail.departNode(id));
    return russian.some((node) => tree.distance(node) < Infinity);
  };
  const byName = new Map<string, boolean>();
  for (const p of network.placesWhere({ kind: ['city', 'station', 'junction'] })) {
    if (!['East Kazakhstan Region', 'Abai Region'].includes(p.properties.region ?? '')) continue;
    byName.set(p.properties.name, (byName.get(p.properties.name) ?? false) || reachesRussiaByRail(p.properties.id));
  }
  const without = [...byName].filter(([, rail]) => !rail).map(([name]) => name);
  return { settlements: byName.size, withRail: byName.size - without.length, shareWithout: without.length / Math.max(1, byName.size), without };
}

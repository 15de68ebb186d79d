/**
 * Single points of failure of the PHYSICAL network: the links (bridges) and
 * places (articulation points) whose loss alone splits it, with what each
 * would cut off — per mode, and for all modes together.
 *
 * The graph: places as nodes, every usable link as one undirected edge (a
 * one-way link still joins its two places physically). A link is usable when
 * routing could use it: its status is usable, its mode is allowed, its
 * checkpoint (if any) is passable (the same rules as compileNetwork).
 * Parallel links between the same two places are never bridges; a rail and
 * a road link between the same two places are parallel only in the
 * all-modes view. In the all-modes view a place joins all its modes whether
 * or not goods can change mode there: it is about what stays physically
 * connected, not about what a single route can use.
 */
import { bridgesAndArticulationPoints, type Split } from '../core/bridges.js';
import type { Network } from '../model/network.js';
import type { Scenario } from '../model/scenario.js';
import { MODES, type LinkStatus, type Mode } from '../model/types.js';
import { compileNetwork, type CompileOptions } from '../routing/compile-network.js';
import { linkName } from './link-criticality.js';
import { ResilienceArgumentError } from './compiled-index.js';
import { withScenario } from '../model/scenario.js';

export interface SinglePointsOfFailureOptions {
  /** The per-mode views to compute; default every mode. The all-modes view uses all of them. */
  modes?: readonly Mode[];
  scenario?: string | Scenario;
  /** Link statuses that count as usable; default open and restricted. */
  usableStatuses?: readonly LinkStatus[];
  /** Count the simplified local border crossings as usable (default false, as for freight routing). */
  localCrossings?: boolean;
  /** The freight regime: which crossings count (default transit: multilateral only). */
  freight?: CompileOptions['freight'];
}

export interface CutOff {
  /** Places cut off from the largest remaining piece. */
  cutsOff: number;
  /** The pieces other than the largest, smallest first: place ids, ascending. */
  pieces: string[][];
}

export interface BridgeLink extends CutOff {
  link: string;
  name: string;
  mode: Mode;
}

export interface ArticulationPlace extends CutOff {
  place: string;
  name: string;
}

export interface FailureView {
  /** A mode, or 'all' for every mode together. */
  view: Mode | 'all';
  /** Places in the view (serving the mode; every place for 'all'). */
  places: number;
  /** Usable links in the view. */
  links: number;
  /** Connected pieces of the intact view (isolated places count). */
  components: number;
  /** Bridges, most places cut off first. */
  bridges: BridgeLink[];
  /** Articulation points, most places cut off first. */
  articulationPoints: ArticulationPlace[];
}

export interface SinglePointsOfFailureResult {
  scenario: string;
  views: FailureView[];
}

/** Bridges and articulation points for each requested mode and for all of them together. */
export function singlePointsOfFailure(network: Network, options: SinglePointsOfFailureOptions = {}): SinglePointsOfFailureResult {
  const modes = options.modes ?? MODES;
  if (!Array.isArray(modes)) throw new ResilienceArgumentError('singlePointsOfFailure', 'modes', `must be an array of modes (${MODES.join(', ')}), got ${JSON.stringify(modes)}`);
  const bad = modes.filter((m) => !(MODES as readonly string[]).includes(m));
  if (bad.length) throw new ResilienceArgumentError('singlePointsOfFailure', 'modes', `has unknown mode ${bad.join(', ')} (modes: ${MODES.join(', ')})`);
  const net = withScenario(network, options.scenario);
  const compileOptions: CompileOptions = { usableStatuses: options.usableStatuses, localCrossings: options.localCrossings, freight: options.freight };
  const views: FailureView[] = [];
  for (const mode of MODES.filter((m) => modes.includes(m))) views.push(failureView(net, mode, [mode], compileOptions));
  views.push(failureView(net, 'all', MODES.filter((m) => modes.includes(m)), compileOptions));
  return { scenario: net.scenario?.name ?? 'current', views };
}

function failureView(net: Network, view: Mode | 'all', modes: readonly Mode[], options: CompileOptions): FailureView {
  const compiled = compileNetwork(net, { ...options, modes });
  const places = net.places.filter((f) => view === 'all' || f.properties.modes.includes(view));
  const index = new Map(places.map((f, i) => [f.properties.id, i]));
  const links = net.links.filter((f) => compiled.edgesOfLink(f.properties.id).length > 0 && index.has(f.properties.from) && index.has(f.properties.to));
  const analysis = bridgesAndArticulationPoints(
    places.length,
    links.map((f) => index.get(f.properties.from)!),
    links.map((f) => index.get(f.properties.to)!),
  );
  const placeId = (i: number) => places[i].properties.id;
  const cutOff = (split: Split): CutOff => {
    const pieces = split.pieces.slice(1).map((p) => p.nodes().map(placeId).sort());
    pieces.sort((a, b) => a.length - b.length || (a[0] < b[0] ? -1 : 1));
    return { cutsOff: pieces.reduce((n, p) => n + p.length, 0), pieces };
  };
  const bridges = analysis.bridges.map((edge, i): BridgeLink => {
    const link = links[edge].properties;
    return { link: link.id, name: linkName(net, link.id), mode: link.mode, ...cutOff(analysis.split(i)) };
  });
  const articulationPoints = analysis.articulationPoints.map((node, j): ArticulationPlace => ({
    place: placeId(node),
    name: places[node].properties.name,
    ...cutOff(analysis.split(analysis.bridges.length + j)),
  }));
  bridges.sort((a, b) => b.cutsOff - a.cutsOff || a.link.localeCompare(b.link));
  articulationPoints.sort((a, b) => b.cutsOff - a.cutsOff || a.place.localeCompare(b.place));
  return { view, places: places.length, links: links.length, components: analysis.componentCount, bridges, articulationPoints };
}

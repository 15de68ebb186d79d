import { DijkstraQuery } from '../core/dijkstra.js';
import type { QueryOptions } from '../core/path.js';
import { LINK_STATUSES, MODES } from '../model/types.js';
import { CompiledNetwork, type Avoid, type CompileOptions } from './compile-network.js';
import { monthName } from './cost-model.js';

/**
 * Says why no route joins two places under the given options: an avoided
 * end, a place isolated in the allowed modes, the avoid constraint or mode
 * restriction that disconnects them, links that are not usable in this
 * scenario, or plain disconnection. Each explanation is checked by routing
 * again with that one constraint relaxed.
 */
export function explainNoRoute(compiled: CompiledNetwork, from: string, to: string, queryOptions?: QueryOptions): string {
  const net = compiled.network;
  const name = (id: string) => net.place(id)!.properties.name;
  const options = compiled.options;
  const connected = (opts: CompileOptions) => {
    const c = new CompiledNetwork(net, opts);
    return new DijkstraQuery(c.graph).route(c.departNode(from), c.arriveNode(to)).found;
  };

  // The crossing regime: freight may use only the crossings open to it.
  const blockedOn = (relaxedOptions: CompileOptions): string[] => {
    const relaxed = new CompiledNetwork(net, relaxedOptions);
    const path = new DijkstraQuery(relaxed.graph).route(relaxed.departNode(from), relaxed.arriveNode(to));
    if (!path.found) return [];
    const names = path.edges
      .map((e) => relaxed.stepOf(e))
      .flatMap((s) => (s.kind === 'link' && s.link.checkpoint && compiled.excludedLinks.has(s.link.id) ? [s.link.checkpoint.name] : []));
    return [...new Set(names)];
  };
  const regimeExplanation = (): string | undefined => {
    if (options.localCrossings) return undefined;
    if (compiled.freight === 'transit') {
      const bilateral = blockedOn({ ...options, freight: 'bilateral' });
      if (bilateral.length) {
        return `only bilateral crossings connect ${name(from)} and ${name(to)} (${bilateral.join(', ')}; Kazakh and Russian carriers only): use freight bilateral`;
      }
    }
    const simplified = blockedOn({ ...options, localCrossings: true });
    if (simplified.length) {
      return `only simplified crossings connect ${name(from)} and ${name(to)} (${simplified.join(', ')}): they serve border residents, never freight`;
    }
    return undefined;
  };

  for (const end of [from, to]) {
    const why = compiled.excludedPlaces.get(end);
    if (why) return `${name(end)} is itself excluded: ${why}`;
    const p = net.place(end)!.properties;
    const modes = compiled.modes.filter((m) => p.modes.includes(m));
    if (modes.length === 0) return `${name(end)} serves ${p.modes.join(', ')} only; allowed modes: ${compiled.modes.join(', ') || 'none'}`;
    const usable = modes.some((m) => {
      const node = compiled.modeNode(end, m);
      return node >= 0 && net.graph.edges(end).some((key) => {
        const link = net.graph.getEdgeAttribute(key, 'link');
        return compiled.edgesOfLink(link).length > 0 && net.link(link)!.properties.mode === m;
      });
    });
    if (!usable) {
      const ids = net.graph.edges(end)
        .map((key) => net.graph.getEdgeAttribute(key, 'link'))
        .filter((id, i, all) => all.indexOf(id) === i && modes.includes(net.link(id)!.properties.mode));
      // Isolated by the crossing regime alone: say so, and what would open it.
      const regimeWhy = ids.length > 0 && ids.every((id) => compiled.regimeExcludedLinks.has(id)) ? regimeExplanation() : undefined;
      if (regimeWhy) return regimeWhy;
      const unusable = ids
        .map((id) => `${id} (${compiled.excludedLinks.get(id) ?? 'unusable'})`);
      return `${name(end)} is isolated in ${modes.join('/')}: ${unusable.length ? `its links are unusable: ${unusable.slice(0, 6).join(', ')}` : 'it has no such link'}`;
    }
  }

  if (queryOptions?.blockedEdges || queryOptions?.blockedNodes) {
    if (connected(options)) return 'the links removed in this analysis disconnect them';
  }
  const avoid = options.avoid ?? {};
  const avoidKinds = (Object.keys(avoid) as (keyof Avoid)[]).filter((k) => (avoid[k]?.length ?? 0) > 0);
  if (avoidKinds.length && connected({ ...options, avoid: {} })) {
    const culprits = avoidKinds.filter((k) => connected({ ...options, avoid: { ...avoid, [k]: [] } }));
    const list = (culprits.length ? culprits : avoidKinds).map((k) => `${k} ${avoid[k]!.join(', ')}`).join('; ');
    return `avoiding ${list} disconnects ${name(from)} from ${name(to)}`;
  }
  if (options.month !== undefined && connected({ ...options, month: undefined })) {
    const open = new CompiledNetwork(net, { ...options, month: undefined });
    const path = new DijkstraQuery(open.graph).route(open.departNode(from), open.arriveNode(to));
    const closed = [...new Set(path.edges
      .map((e) => open.stepOf(e))
      .flatMap((s) => (s.kind === 'link' && compiled.excludedLinks.get(s.link.id)?.startsWith('closed in') ? [`${s.link.id} (${compiled.excludedLinks.get(s.link.id)})`] : [])))];
    return `${name(from)} and ${name(to)} are joined only through river reaches closed in ${monthName(options.month)}: ${closed.slice(0, 6).join(', ')}${closed.length > 6 ? ', …' : ''}`;
  }
  // Links this scenario does not allow (closed, restricted, under repair) that would join them.
  const unusableOnTheWay = (): string | undefined => {
    const relaxed = new CompiledNetwork(net, { ...options, usableStatuses: LINK_STATUSES, localCrossings: true });
    const path = new DijkstraQuery(relaxed.graph).route(relaxed.departNode(from), relaxed.arriveNode(to));
    if (!path.found) return undefined;
    const blocking = path.edges
      .map((e) => relaxed.stepOf(e))
      .flatMap((s) => (s.kind === 'link' && compiled.excludedLinks.has(s.link.id) ? [`${s.link.id} (${compiled.excludedLinks.get(s.link.id)})`] : []));
    const unique = [...new Set(blocking)];
    return `${unique.slice(0, 6).join(', ')}${unique.length > 6 ? ', …' : ''}`;
  };
  const scenario = net.scenario?.name ?? 'current';
  if (compiled.modes.length < MODES.length && connected({ ...options, modes: MODES, avoid: { ...avoid, modes: [] } })) {
    // Say first what closes the way in these modes (the upper Irtysh's locks, say), then that other modes connect.
    const blocking = unusableOnTheWay();
    if (blocking) return `by ${compiled.modes.join('/')}, ${name(from)} and ${name(to)} are joined only through links not usable in scenario ${scenario}: ${blocking}; a route exists with other modes`;
    return `no route using only ${compiled.modes.join('/')}; one exists with other modes`;
  }
  const regime = regimeExplanation();
  if (regime) return regime;
  const blocking = unusableOnTheWay();
  if (blocking) return `${name(from)} and ${name(to)} are joined only through links not usable in scenario ${scenario}: ${blocking}`;
  return `${name(from)} and ${name(to)} are not connected in this network${compiled.modes.length < MODES.length ? ` by ${compiled.modes.join('/')}` : ''}`;
}

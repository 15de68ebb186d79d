import { describe, expect, it } from 'vitest';
import { greatCircleKm } from '../src/core/geodesic.js';
import { loadNetwork } from '../src/model/load-network.js';
import type { Network } from '../src/model/network.js';
import { applyScenario, bundledScenarioNames } from '../src/model/scenario.js';

// A link can never be shorter than the straight line between its ends: where
// it is, a place sits in the wrong spot or a length is wrong (and the A*
// bound, scaled to the worst such link, degrades towards Dijkstra). A link
// much longer than the straight line is possible (a river's bends, a road
// round a lake) but must say why in its note.
const MIN_RATIO = 0.98;
const EXPLAIN_ABOVE = 1.6;
const EXPLAINS = /straight line|detour|bend|winding|meander|round|around|loop/i;

const current = loadNetwork();
const networks: [string, Network][] = bundledScenarioNames().map((name) => [name, name === 'current' ? current : applyScenario(current, name)]);

function ratios(net: Network) {
  return net.links.map(({ properties: l }) => {
    const [a, b] = [net.place(l.from)!, net.place(l.to)!].map((p) => p.geometry.coordinates);
    const gc = greatCircleKm(a[0], a[1], b[0], b[1]);
    return { id: l.id, km: l.km, gc: Math.round(gc * 10) / 10, ratio: l.km / gc, note: l.note ?? '' };
  });
}

describe.each(networks)('link lengths against the straight line (scenario %s)', (_name, net) => {
  it(`no link is shorter than ${MIN_RATIO} × the great-circle distance between its ends`, () => {
    const short = ratios(net).filter((r) => r.ratio < MIN_RATIO).map(({ id, km, gc }) => ({ id, km, gc }));
    expect(short).toEqual([]);
  });

  it(`a link longer than ${EXPLAIN_ABOVE} × the straight line says why in its note`, () => {
    const unexplained = ratios(net).filter((r) => r.ratio > EXPLAIN_ABOVE && !EXPLAINS.test(r.note)).map(({ id, km, gc }) => ({ id, km, gc }));
    expect(unexplained).toEqual([]);
  });
});

describe('the A* bound on the bundled network', () => {
  it('is close to the straight line again once no link is shorter than it', async () => {
    const { compileNetwork } = await import('../src/routing/compile-network.js');
    const compiled = compileNetwork(current, { by: 'distance' });
    // The bound scale is the smallest km / great-circle ratio over all edges.
    expect(compiled.graph.boundScale).toBeGreaterThanOrEqual(MIN_RATIO * 0.999);
  });
});

import { describe, expect, it } from 'vitest';
import { loadNetwork } from '../src/model/load-network.js';
import { withScenario } from '../src/model/scenario.js';
import { compiledFor } from '../src/routing/compiled-cache.js';
import { route } from '../src/routing/route.js';

const network = loadNetwork();

describe('compiledFor: build once, query many', () => {
  it('returns the same compiled graph for the same options, whatever their key order', () => {
    const a = compiledFor(network, { by: 'time', modes: ['rail'], cost: { speedKmh: { rail: 50 }, borderFeePerTonne: 2 } });
    const b = compiledFor(network, { modes: ['rail'], cost: { borderFeePerTonne: 2, speedKmh: { rail: 50 } }, by: 'time' });
    expect(b).toBe(a);
  });

  it('compiles anew for options that change the graph, and per network', () => {
    const time = compiledFor(network, { by: 'time' });
    expect(compiledFor(network, { by: 'distance' })).not.toBe(time);
    expect(compiledFor(network, { by: 'time', modes: ['road'] })).not.toBe(time);
    expect(compiledFor(loadNetwork(), { by: 'time' })).not.toBe(time);
  });

  it('ignores the options that do not touch the graph (scenario is applied before, via and algorithm after)', () => {
    const a = compiledFor(network, { by: 'cost' });
    expect(compiledFor(network, { by: 'cost', via: ['semey'], algorithm: 'dijkstra' } as never)).toBe(a);
  });

  it('gives route() the same answers as a fresh compile', () => {
    const first = route(network, 'Omsk', 'Pavlodar', { by: 'distance' });
    const again = route(network, 'Omsk', 'Pavlodar', { by: 'distance' });
    const fresh = route(loadNetwork(), 'Omsk', 'Pavlodar', { by: 'distance' });
    expect(again).toEqual(first);
    expect(fresh).toEqual(first);
  });
});

describe('withScenario', () => {
  it('applies a bundled scenario once per network, and files or objects every time', () => {
    expect(withScenario(network, 'planned')).toBe(withScenario(network, 'planned'));
    const object = { name: 'x', description: 'nothing changes', sources: [{ ref: 'test' }], overrides: [] };
    expect(withScenario(network, object)).not.toBe(withScenario(network, object));
  });
});

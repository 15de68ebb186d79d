// The cheapest way to carry a daily flow across the border (issue 15, item 5's
// use of min-cost max-flow), checked on a drawn network against route().
import { describe, expect, it } from 'vitest';
import * as ccf from '../src/analysis/cheapest-crossing-flow.js';
import { ResilienceArgumentError } from '../src/analysis/compiled-index.js';
import { loadNetwork } from '../src/model/load-network.js';
import { asDrawn, removeLinks, route } from './fixtures/as-drawn.js';
import { parseDrawnNetwork } from './fixtures/parse-drawn-network.js';

const cheapestCrossingFlow: typeof ccf.cheapestCrossingFlow = (net, from, to, o) => ccf.cheapestCrossingFlow(net, from, to, asDrawn(o));

// Two crossings from A (Russia) to B (Kazakhstan): Q–R takes 3 trucks a day
// (1 h wait), S–U 5 a day (2 h wait) on a longer road.
const net = loadNetwork(parseDrawnNetwork`
  a---q---r---b
  |           |
  +-s-------u-+

  | place | kind       | country |
  | q     | checkpoint |         |
  | r     | checkpoint | KZ      |
  | s     | checkpoint |         |
  | u     | checkpoint | KZ      |
  | b     |            | KZ      |

  | link | mode | hours | wait | capacity |
  | aq   | road | 1     |      |          |
  | qr   | road | 1     | 1    | 3 trucks |
  | rb   | road | 1     |      |          |
  | as   | road | 2     |      |          |
  | su   | road | 1     | 2    | 5 trucks |
  | ub   | road | 2     |      |          |
`, { checkCountries: false });

describe('cheapestCrossingFlow', () => {
  const viaQ = route(net, 'a', 'b', { modes: ['road'] }).totals.weight;
  const viaS = removeLinks(net, ['q-r'], { ods: [{ from: 'a', to: 'b' }], modes: ['road'] }).rows[0].after;

  it('fills the cheap crossing first, then the dear one', () => {
    expect([viaQ, viaS]).toEqual([4, 7]);
    const r = cheapestCrossingFlow(net, 'a', 'b', { amount: 5 });
    expect(r.value).toBe(5);
    expect(r.crossings.map((c) => [c.link, c.capacity, c.flow])).toEqual([['q-r', 3, 3], ['s-u', 5, 2]]);
    expect(r.cost).toBe(3 * viaQ + 2 * viaS);
    expect(r.averageCost).toBeCloseTo((3 * 4 + 2 * 7) / 5, 12);
  });

  it('carries at most what the crossings take, and nothing more than asked', () => {
    expect(cheapestCrossingFlow(net, 'a', 'b')).toMatchObject({ value: 8, cost: 3 * 4 + 5 * 7 });
    expect(cheapestCrossingFlow(net, 'a', 'b', { amount: 2 })).toMatchObject({ value: 2, cost: 8 });
  });

  it('refuses what it cannot answer', () => {
    expect(() => cheapestCrossingFlow(net, 'a', 'a')).toThrow(ResilienceArgumentError);
    expect(() => cheapestCrossingFlow(net, 'a', 'b', { amount: -1 })).toThrow(/amount is -1; it must be a number >= 0/);
  });
});

describe('steppenet flow', () => {
  it('answers what the library does on the bundled network, and says when it carries less than asked', async () => {
    const { loadNetwork: load } = await import('../src/model/load-network.js');
    const { runSteppenet } = await import('./fixtures/run-command.js');
    const bundled = load();
    const expected = ccf.cheapestCrossingFlow(bundled, 'Omsk', 'Pavlodar', { sector: 'west-siberia', amount: 100000 });
    const json = await runSteppenet(['flow', 'Omsk', 'Pavlodar', '--sector', 'west-siberia', '--amount', '100000', '--format', 'json']);
    expect(json.code).toBe(0);
    const r = JSON.parse(json.out);
    expect([r.value, r.crossings]).toEqual([expected.value, expected.crossings]);
    expect(r.cost).toBeCloseTo(expected.cost, 6);
    // Every crossing in the sector carries at most its capacity, and the flows add up to the value.
    expect(expected.crossings.every((c) => c.flow <= c.capacity)).toBe(true);
    expect(expected.crossings.reduce((s, c) => s + c.flow, 0)).toBe(expected.value);
    const table = await runSteppenet(['flow', 'Omsk', 'Pavlodar', '--sector', 'west-siberia', '--amount', '100000']);
    expect(table.out).toContain(`Cheapest flow Omsk → Pavlodar by road (by time): ${expected.value.toLocaleString('en-US')} of the 100,000 asked trucks/day`);
    expect((await runSteppenet(['flow', 'Omsk', 'Pavlodar', '--amount', '-3'])).code).toBe(2);
  });
});

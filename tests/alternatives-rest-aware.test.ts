// alternatives() with the drivers' hours on ranks by route()'s exact figure, not the search weight
// (which counts the AETR rest amortised over every road hour and so overstates short road trips).
import { describe, expect, it } from 'vitest';
import { alternatives } from '../src/analysis/alternatives.js';
import { loadNetwork } from '../src/model/load-network.js';
import { route } from '../src/routing/route.js';
import { parseDrawnNetwork } from './fixtures/parse-drawn-network.js';
import { prng, randomNetwork } from './fixtures/random-network.js';
import { runSteppenet } from './fixtures/run-command.js';

const hours = (rs: { totals: { hours: number } }[]) => rs.map((r) => r.totals.hours);
const nonDecreasing = (xs: number[]) => xs.every((x, i) => i === 0 || xs[i - 1]! <= x + 1e-9);

describe('alternatives rank by the exact hours, as route() does', () => {
  // A 5 h road trip needs no rest (about 5.75 h exact with its break) but weighs 11.5 h in the search; the train takes 8 h.
  const net = loadNetwork(parseDrawnNetwork`
    a-----b

    | place | country |
    | a     | KZ      |
    | b     | KZ      |

    | link | id       | mode | hours |
    | ab   | a-b-rail | rail | 8     |
    | ab   | a-b-road | road | 5     |
  `);

  it('a short road trip comes before a slower train', () => {
    const r = route(net, 'a', 'b');
    expect(r.links).toEqual(['a-b-road']);
    const alt = alternatives(net, 'a', 'b', { k: 2 });
    expect(alt.routes.map((x) => x.links)).toEqual([['a-b-road'], ['a-b-rail']]);
    expect(alt.routes[0]!.totals.hours).toBeLessThan(8);
    // The search weight ranks them the other way round.
    expect(alt.routes[0]!.totals.weight).toBeGreaterThan(alt.routes[1]!.totals.weight);
    // Without the drivers' hours, weight and hours agree: road 5 h, rail 8 h, in that order.
    expect(hours(alternatives(net, 'a', 'b', { k: 2, cost: { drivingRules: false } }).routes)).toEqual([5, 8]);
  });

  it('on the bundled network: Omsk → Pavlodar lists route()\'s road trip first, then the trains, by exact hours', async () => {
    const bundled = loadNetwork();
    const r = route(bundled, 'omsk', 'pavlodar');
    const alt = alternatives(bundled, 'omsk', 'pavlodar', { k: 3 });
    expect(alt.routes[0]!.links).toEqual(r.links);
    expect(alt.routes[0]!.legs.every((l) => l.mode === 'road')).toBe(true);
    expect(nonDecreasing(hours(alt.routes))).toBe(true);
    const reasonable = alternatives(bundled, 'omsk', 'pavlodar', { k: 3, reasonable: true });
    expect(reasonable.routes[0]!.links).toEqual(r.links);
    const cli = await runSteppenet(['alternatives', 'Omsk', 'Pavlodar']);
    expect(cli.out).toMatch(/\n1 +[\d.]+ +423 +17\.4 .*road Omsk–Cherlak/);
    expect(cli.out).toContain('Ranked by the exact hours, as route() answers');
  });

  it('by distance the search weight is exact: the order is the weight\'s', () => {
    const alt = alternatives(loadNetwork(), 'omsk', 'pavlodar', { k: 3, by: 'distance' });
    expect(nonDecreasing(alt.routes.map((r) => r.totals.weight))).toBe(true);
  });

  it('on random networks: the first is never worse than route(), and the exact hours never fall down the list', () => {
    const random = prng(2024);
    for (let round = 0; round < 10; round++) {
      const network = loadNetwork(randomNetwork(random, 10, 20), { checkCountries: false });
      const [from, to] = [network.places[0]!.properties.id, network.places[5]!.properties.id];
      const r = route(network, from, to);
      const alt = alternatives(network, from, to, { k: 4 });
      expect(alt.found).toBe(r.found);
      if (!r.found) continue;
      expect(alt.routes[0]!.totals.hours).toBeLessThanOrEqual(r.totals.hours + 1e-9);
      expect(nonDecreasing(hours(alt.routes))).toBe(true);
      expect(new Set(alt.routes.map((x) => x.links.join(' '))).size).toBe(alt.routes.length);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { accessibility } from '../src/analysis/accessibility.js';
import { linkCriticality } from '../src/analysis/link-criticality.js';
import { removeLinks } from '../src/analysis/remove-links.js';
import { loadNetwork } from '../src/model/load-network.js';
import { route } from '../src/routing/route.js';
import { parseDrawnNetwork } from './fixtures/parse-drawn-network.js';

// With the AETR drivers' hours on (the default), the search weighs a road hour
// with its amortised rest, so the 4 h drive A–B weighs more than the 5 h train:
// the multimodal search alone would take the train. On the exact figure the
// drive is better (4 h is under the 4.5 h before a break), and every analysis
// must answer as route() does.
describe('rest-aware routing: a short drive beats a train only on the exact figure', () => {
  const net = loadNetwork(parseDrawnNetwork`
    a-----b

    | link | id     | mode | hours |
    | ab   | a-b-rl | rail | 5     |
    | ab   | a-b-rd | road | 4     |
  `, { checkCountries: false });
  const ods = [{ from: 'a', to: 'b', demand: 1 }];

  it('route() drives, though the search weighs the drive above the train', () => {
    const r = route(net, 'a', 'b');
    const rail = route(net, 'a', 'b', { modes: ['rail'] });
    const road = route(net, 'a', 'b', { modes: ['road'] });
    expect(road.totals.weight).toBeGreaterThan(rail.totals.weight);
    expect(road.totals.hours).toBeLessThan(rail.totals.hours);
    expect(r.links).toEqual(['a-b-rd']);
    expect(r.totals.hours).toBe(road.totals.hours);
  });

  it('accessibility: multimodal is route()\'s hours, never worse than road alone', () => {
    const m = accessibility(net, { places: ['a', 'b'], modes: ['multimodal', 'road'] });
    const [multimodal, road] = m.layers;
    expect(multimodal.values[0][1]).toBe(route(net, 'a', 'b').totals.hours);
    expect(multimodal.values[0][1]!).toBeLessThanOrEqual(road.values[0][1]!);
  });

  it('removeLinks: the baseline is route()\'s, and removing its road link affects the pair', () => {
    const r = route(net, 'a', 'b');
    const kept = removeLinks(net, ['a-b-rl'], { ods });
    expect(kept.rows[0]).toMatchObject({ effect: 'unchanged', before: r.totals.hours });
    const cut = removeLinks(net, ['a-b-rd'], { ods });
    expect(cut.summary.affected).toBe(1);
    expect(cut.rows[0]).toMatchObject({ effect: 'detour', before: r.totals.hours, after: route(net, 'a', 'b', { modes: ['rail'] }).totals.hours });
    expect(cut.rows[0].extra).toBeGreaterThan(0);
  });

  it('linkCriticality: the road link is the one the pair depends on', () => {
    const { ranking } = linkCriticality(net, { ods });
    const road = ranking.find((s) => s.link === 'a-b-rd')!;
    const rail = ranking.find((s) => s.link === 'a-b-rl')!;
    expect(road).toMatchObject({ pairsUsing: 1, worstExtra: route(net, 'a', 'b', { modes: ['rail'] }).totals.hours - route(net, 'a', 'b').totals.hours });
    expect(road.worstExtra).toBeGreaterThan(0);
    expect(rail).toMatchObject({ pairsUsing: 0, weightedExtra: 0 });
    expect(ranking[0].link).toBe('a-b-rd');
  });
});

describe('rest-aware routing on the bundled network', () => {
  it('accessibility: multimodal Omsk → Pavlodar is route()\'s hours, no worse than road alone', () => {
    const net = loadNetwork();
    const m = accessibility(net, { places: ['omsk', 'pavlodar'], modes: ['multimodal', 'road'] });
    const [multimodal, road] = m.layers;
    expect(multimodal.values[0][1]).toBeCloseTo(route(net, 'omsk', 'pavlodar').totals.hours, 9);
    expect(multimodal.values[0][1]!).toBeLessThanOrEqual(road.values[0][1]!);
  });
});

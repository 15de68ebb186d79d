import { describe, expect, it } from 'vitest';
import { linkCriticality } from './fixtures/as-drawn.js';
import { LinkSelectionError } from '../src/analysis/link-selection.js';
import { removeLinks } from './fixtures/as-drawn.js';
import { loadNetwork } from '../src/model/load-network.js';
import type { NetworkFile } from '../src/model/types.js';
import { route } from './fixtures/as-drawn.js';
import { parseDrawnNetwork } from './fixtures/parse-drawn-network.js';
import { prng, randomNetwork } from './fixtures/random-network.js';

const load = (file: NetworkFile) => loadNetwork(file, { checkCountries: false });

// Q–R is a border checkpoint: wait 3 h into KZ, 7 h out; S–U another, 1 h either way. V hangs off U: U–V is a bridge.
const net = load(parseDrawnNetwork`
  p---q---r---s---u-----v
  |               |
  +---------------+

  | place | kind       | country |
  | q     | checkpoint |         |
  | r     | checkpoint | KZ      |
  | s     |            | KZ      |

  | link | mode | hours | wait |
  | pq   | road | 1     |      |
  | qr   | road | 0.5   | 3/7  |
  | rs   | road | 1     |      |
  | su   | road | 1     | 1/1  |
  | pu   | road | 20    |      |
  | uv   | road | 2     |      |
`);
const ods = [{ from: 'p', to: 's', demand: 10 }, { from: 'p', to: 'u', demand: 1 }, { from: 'p', to: 'v', demand: 2 }];

describe('removeLinks', () => {
  it('closing checkpoint Q–R sends P–S round by U (22 h instead of 5.5 h)', () => {
    const result = removeLinks(net, { checkpoints: ['cp-q-r'] }, { ods });
    expect(result.removed).toEqual(['q-r']);
    const ps = result.rows[0];
    expect([ps.effect, ps.before, ps.after, ps.extra]).toEqual(['detour', 5.5, 22, 16.5]);
    expect(ps.newRoute!.links).toEqual(['p-u', 's-u']);
    expect(result.rows[1].extra).toBe(20 - 7.5);
    expect(result.summary).toMatchObject({ pairs: 3, affected: 3, disconnected: 0, weightedExtra: 10 * 16.5 + 1 * 12.5 + 2 * 12.5 });
  });

  it('removing the bridge U–V disconnects P–V and says why', () => {
    const result = removeLinks(net, ['u-v'], { ods });
    expect(result.rows.map((r) => r.effect)).toEqual(['unchanged', 'unchanged', 'disconnected']);
    expect(result.summary.disconnectedDemand).toBe(2);
    expect(result.rows[2].reason).toMatch(/V is isolated|removed in this analysis disconnect/);
  });

  it('selects by place: every link touching R', () => {
    expect(removeLinks(net, { places: ['r'] }, { ods }).removed.sort()).toEqual(['q-r', 'r-s']);
  });

  it('rejects a selector that matches nothing, with a suggestion', () => {
    expect(() => removeLinks(net, { links: ['u-w'] }, { ods })).toThrow(LinkSelectionError);
    expect(() => removeLinks(net, { links: ['u-w'] }, { ods })).toThrow(/did you mean u-v/);
  });

  it('equals a fresh route on the network without the links (random networks)', () => {
    const random = prng(7);
    for (let trial = 0; trial < 40; trial++) {
      const file = randomNetwork(random, 12, 26);
      const full = load(file);
      const links = full.links.map((l) => l.properties.id);
      const gone = links.filter(() => random() < 0.15);
      if (gone.length === 0) continue;
      const pairs = Array.from({ length: 8 }, () => ({ from: `p${Math.floor(random() * 12)}`, to: `p${Math.floor(random() * 12)}` })).filter((od) => od.from !== od.to);
      const result = removeLinks(full, gone, { ods: pairs });
      const without = load({ ...file, features: file.features.filter((f) => !gone.includes(f.properties.id)) });
      result.rows.forEach((row) => {
        if (row.effect === 'unreachable-before') return;
        const fresh = route(without, row.from, row.to);
        expect(row.after).toBeCloseTo(fresh.totals.weight, 9);
      });
    }
  });
});

describe('linkCriticality', () => {
  it('ranks the bridge first (it disconnects demand), then the links whose loss costs most', () => {
    const result = linkCriticality(net, { ods });
    expect(result.ranking[0]).toMatchObject({ link: 'u-v', disconnectedDemand: 2, disconnectedPairs: 1 });
    // Every link on the P–S route, if lost, costs P–S 16.5 h × 10 and P–U, P–V 12.5 h each.
    const qr = result.ranking.find((r) => r.link === 'q-r')!;
    expect(qr.weightedExtra).toBe(10 * 16.5 + 12.5 + 2 * 12.5);
    // p-u is used by no best route: losing it costs nothing.
    expect(result.ranking.find((r) => r.link === 'p-u')).toMatchObject({ pairsUsing: 0, weightedExtra: 0 });
  });

  it('reports progress once per link', () => {
    const seen: number[] = [];
    linkCriticality(net, { ods, onProgress: (done) => seen.push(done) });
    expect(seen).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('agrees with re-routing every pair without each link (random networks)', () => {
    const random = prng(11);
    for (let trial = 0; trial < 15; trial++) {
      const file = randomNetwork(random, 10, 20);
      const full = load(file);
      const pairs = Array.from({ length: 6 }, () => ({ from: `p${Math.floor(random() * 10)}`, to: `p${Math.floor(random() * 10)}`, demand: 1 + Math.floor(random() * 3) })).filter((od) => od.from !== od.to);
      const result = linkCriticality(full, { ods: pairs });
      for (const score of result.ranking) {
        const without = load({ ...file, features: file.features.filter((f) => f.properties.id !== score.link) });
        let extra = 0, lost = 0;
        for (const od of pairs) {
          const before = route(full, od.from, od.to);
          if (!before.found) continue;
          const after = route(without, od.from, od.to);
          if (!after.found) lost += od.demand;
          else extra += od.demand * (after.totals.weight - before.totals.weight);
        }
        expect(score.disconnectedDemand).toBe(lost);
        expect(score.weightedExtra).toBeCloseTo(extra, 9);
      }
    }
  });
});

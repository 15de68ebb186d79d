/**
 * Rail capacity in the border cut (issue 11, item 3): a rail link's `tracks`
 * (validated), domestic rail links at the train pairs of their track count,
 * unknown crossings bounded by their line in the upper bound, and the
 * published all-junction exchange beside the all-border figure. First on a
 * drawn network whose answers can be worked out by eye, then on the bundled
 * network.
 */
import { describe, expect, it } from 'vitest';
import { borderCut, RAIL_TRACKS_TRAIN_PAIRS_PER_DAY, RU_KZ_RAIL_EXCHANGE } from '../src/analysis/border-cut.js';
import { ResilienceArgumentError } from '../src/analysis/compiled-index.js';
import { loadNetwork } from '../src/model/load-network.js';
import type { LinkFeature } from '../src/model/types.js';
import { validateNetwork } from '../src/model/validate-network.js';
import { renderBorderCut } from '../src/present/border-cut-table.js';
import { parseDrawnNetwork } from './fixtures/parse-drawn-network.js';
import { tinyNetwork } from './fixtures/tiny-network.js';

describe('a rail link’s tracks in the network file', () => {
  const withTracks = (id: string, tracks: unknown) => {
    const file = tinyNetwork();
    (file.features.find((f) => f.properties.id === id)!.properties as unknown as Record<string, unknown>).tracks = tracks;
    return validateNetwork(file).map((p) => `${p.feature} ${p.field}: ${p.message}`);
  };

  it('accepts 1 or 2 on a rail link', () => {
    expect(withTracks('omsk-pavlodar-rail', 1)).toEqual([]);
    expect(withTracks('omsk-pavlodar-rail', 2)).toEqual([]);
  });

  it('rejects another count, a count given as text, and tracks on a road', () => {
    expect(withTracks('omsk-pavlodar-rail', 3)).toEqual(['omsk-pavlodar-rail tracks: must be 1 (single track) or 2 (double track), got 3']);
    expect(withTracks('omsk-pavlodar-rail', '2')).toEqual(['omsk-pavlodar-rail tracks: must be 1 (single track) or 2 (double track), got "2"']);
    expect(withTracks('omsk-pavlodar-rail', 0)).toEqual(['omsk-pavlodar-rail tracks: must be 1 (single track) or 2 (double track), got 0']);
    expect(withTracks('omsk-olkhovka', 2)).toEqual(['omsk-olkhovka tracks: is for rail links only']);
  });
});

describe('borderCut, rail: domestic links by their tracks', () => {
  //  Omsk Oblast (o, x) → Pavlodar Region (p, y), rail only:
  //  cp1 o–p: no capacity given, its line double track (at most 60 in the upper bound);
  //  o–x domestic, single track: 12; cp2 x–y: 30 train pairs; y–p domestic, double track: 60.
  //  Counted: cp1 0; o → x → y → p: min(12, 30, 60) = 12, so at least 12, the bottleneck o–x (single track).
  //  Upper: cp1 up to 60 more, so at most 72. Whole border (every post a source or a sink): cp2 30, plus cp1's
  //  unknown up to its line's 60: at least 30, at most 90. Shortest o → p is 100 km; o–x–y–p is 110, within 1.5 ×.
  const drawn = (ox: string) => parseDrawnNetwork`
    o-----x       # Russia
    |     |
    p-----y       # Kazakhstan

    | place | country | region                  |
    | o     |         | Omsk Oblast             |
    | x     |         | Omsk Oblast             |
    | p     | KZ      | Pavlodar Region         |
    | y     | KZ      | Pavlodar Region         |

    | link | id  | mode | km  | tracks | wait | checkpoint | capacity       |
    | ox   | o-x | rail | 20  | ${ox}  |      |            |                |
    | yp   | y-p | rail | 80  | 2      |      |            |                |
    | op   | cp1 | rail | 100 | 2      | 4    | rail       |                |
    | xy   | cp2 | rail | 10  |        | 4    | rail       | 30 train-pairs |
  `;
  const net = loadNetwork(drawn('1'), { checkCountries: false });
  const regions = { mode: 'rail' as const, from: ['o'], to: ['p'] };

  it('uses the sourced estimate: single track 12 train pairs a day, double track 60', () => {
    expect(RAIL_TRACKS_TRAIN_PAIRS_PER_DAY).toEqual({ 1: 12, 2: 60 });
  });

  it('o → p: at least 12 over the single-track o–x, at most 72 with cp1 at its double-track line’s 60', () => {
    const cut = borderCut(net, regions);
    expect(cut.total).toMatchObject({ value: 12, exact: false, atMost: 72, unknown: ['cp-cp1'] });
    expect(cut.total.cut.map((c) => [c.link, c.kind, c.capacity, c.capacityFrom ?? ''])).toEqual([['o-x', 'domestic', 12, 'tracks 1']]);
    expect(cut.checkpoints.find((c) => c.link === 'cp1')).toMatchObject({ capacity: 'unknown', lineCapacity: 60, why: 'no capacity given; its double-track line carries at most 60' });
    expect(cut.domestic).toBe('domestic rail links without a capacity of their own: train pairs/day by main tracks (single 12, double 60; an estimate from Dostyk – Moyynty, 12 → 60 with its second track); 0 of 2 have no recorded track count: unlimited');
    expect(cut.system).toBeUndefined(); // a region cut is not compared with the all-junction figure
  });

  it('the same two regions with o–x of unknown track count: o–x is unlimited, so cp2 (30) is the bottleneck', () => {
    const cut = borderCut(loadNetwork(drawn(''), { checkCountries: false }), regions);
    expect(cut.total).toMatchObject({ value: 30, exact: false, atMost: 90 });
    expect(cut.total.cut.map((c) => c.link)).toEqual(['cp2']);
    expect(cut.domestic).toMatch(/; 1 of 2 have no recorded track count: unlimited$/);
  });

  it('with domestic unlimited neither the tracks nor the line bound apply', () => {
    const cut = borderCut(net, { ...regions, domestic: 'unlimited' });
    expect(cut.total).toMatchObject({ value: 30, exact: false, atMost: null });
    expect(cut.checkpoints.find((c) => c.link === 'cp1')!.lineCapacity).toBeUndefined();
  });

  it('an observed crossing is bounded by its line only where the line’s figure exceeds what was observed', () => {
    const withObserved = (tracks?: 1 | 2) => {
      const file = drawn('1');
      const cp2 = file.features.find((f) => f.properties.id === 'cp2') as LinkFeature;
      cp2.properties.checkpoint!.capacityObserved = true;
      if (tracks) cp2.properties.tracks = tracks;
      return borderCut(loadNetwork(file, { checkCountries: false }), { mode: 'rail' });
    };
    // cp2's 30 is traffic seen: with no track count nothing bounds it (cp1 still at most 60, but cp2 is unlimited).
    expect(withObserved().total).toMatchObject({ value: 30, exact: false, atMost: null, observed: ['cp-cp2'] });
    // On a double-track line (60 > 30): at most 60 through cp2, 60 through cp1.
    const double = withObserved(2);
    expect(double.total).toMatchObject({ value: 30, atMost: 120 });
    expect(double.checkpoints.find((c) => c.link === 'cp2')).toMatchObject({ lineCapacity: 60, why: 'observed traffic: capacity at least this' });
    // On a single-track line the estimate (12) is below the 30 observed: too low there, so it bounds nothing.
    const single = withObserved(1);
    expect(single.total).toMatchObject({ value: 30, atMost: null });
    expect(single.checkpoints.find((c) => c.link === 'cp2')).toMatchObject({ why: 'observed traffic: capacity at least this (above the 12 of its single-track line, so that figure bounds nothing here)' });
    expect(single.checkpoints.find((c) => c.link === 'cp2')!.lineCapacity).toBeUndefined();
  });

  it('the track figures can be overridden, and a bad override is refused', () => {
    expect(borderCut(net, { ...regions, railTracksTrainPairsPerDay: { 1: 25 } }).total.value).toBe(25);
    expect(borderCut(net, { ...regions, railTracksTrainPairsPerDay: { 2: 100 } }).total.atMost).toBe(112);
    expect(() => borderCut(net, { ...regions, railTracksTrainPairsPerDay: { 1: -1 } })).toThrow(ResilienceArgumentError);
    expect(() => borderCut(net, { ...regions, railTracksTrainPairsPerDay: { 1: -1 } })).toThrow('borderCut: railTracksTrainPairsPerDay.1 is -1; it must be a number >= 0');
  });

  it('the whole border: cp2’s 30, at most 90, beside the published all-junction exchange as a check', () => {
    const cut = borderCut(net, { mode: 'rail' });
    expect(cut.total).toMatchObject({ value: 30, exact: false, atMost: 90, unknown: ['cp-cp1'] });
    expect(cut.system).toEqual({ ...RU_KZ_RAIL_EXCHANGE, knownSum: 30, known: 1, usable: 2 });
    const text = renderBorderCut(cut, (ids) => ids.join(', '));
    expect(text).toContain('all            at least 30 (1 crossing unknown; at most 90)');
    expect(text).toContain('Check (all RU–KZ junctions together, not any one crossing): published exchange 75 train pairs/day normative, record 77, 85 planned');
    expect(text).toContain('the 1 of 2 usable crossings with a figure sum to 30.');
    expect(borderCut(net).system).toBeUndefined(); // road: no rail figure
  });
});

describe('the bundled network: rail capacity facts checkable by eye', () => {
  const network = loadNetwork();

  it('the whole border counts Kigash (20 pairs observed in 2012) and Orsk – Kirgilda (7 pairs), 27 against the published 75', () => {
    const cut = borderCut(network, { mode: 'rail' });
    const known = cut.checkpoints.filter((c) => typeof c.capacity === 'number' && c.capacity > 0).map((c) => [c.checkpoint, c.capacity]);
    expect(known).toEqual([['kigash-dina-nurpeisova', 20], ['orsk-novy-gorod-kirgilda', 7]]);
    expect(cut.total.value).toBe(27);
    expect(cut.total.observed).toEqual(['kigash-dina-nurpeisova']);
    // Kigash's 20 observed exceed the single-track estimate of 12: the estimate bounds nothing there.
    expect(cut.checkpoints.find((c) => c.checkpoint === 'kigash-dina-nurpeisova')!.why).toMatch(/above the 12 of its single-track line/);
    expect(borderCut(network, { mode: 'rail', from: { region: 'Astrakhan Oblast' }, to: { region: 'Atyrau Region' } }).total).toMatchObject({ value: 20, exact: false, atMost: null });
    expect(cut.system).toMatchObject({ normative: 75, record: 77, planned: 85, knownSum: 27, known: 2 });
  });

  it('Omsk Oblast → Pavlodar Region: nothing counted, but at most 180 — three double-track lines of 60', () => {
    // The three crossings of the region pair lie on the Midsib (double track since 1974) and on the Kulunda route,
    // which reaches Kulunda over the double-track Osolodino – Karasuk: Irtyshskoye – Valikhanovo 60,
    // Osolodino → Mynkul 60, Osolodino → Karasuk → Kulunda → Kurkamys 60.
    const cut = borderCut(network, { mode: 'rail', from: { region: 'Omsk Oblast' }, to: { region: 'Pavlodar Region' } });
    expect(cut.total).toMatchObject({ value: 0, exact: false, atMost: 180 });
    expect([...cut.total.unknown].sort()).toEqual(['irtyshskoye-valikhanovo', 'kulunda-kurkamys', 'mynkul-osolodino']);
    expect(cut.checkpoints.find((c) => c.checkpoint === 'irtyshskoye-valikhanovo')!.lineCapacity).toBe(60);
    expect(cut.system).toBeUndefined();
    // Not the whole-border figure: that one counts 27 and has no upper bound.
    const whole = borderCut(network, { mode: 'rail' });
    expect([whole.total.value, whole.total.atMost]).toEqual([27, null]);
  });

  it('in the planned scenario Orsk – Kirgilda takes 15 pairs (KTZ: reception from Russia 7 → 15)', () => {
    const planned = borderCut(network, { mode: 'rail', scenario: 'planned' });
    expect(planned.checkpoints.find((c) => c.checkpoint === 'orsk-novy-gorod-kirgilda')!.capacity).toBe(15);
  });
});

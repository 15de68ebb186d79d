/**
 * The AETR weekly rest (Art. 8(6); as Reg. (EC) 561/2006 Art. 8(6)): a weekly
 * rest starts at the latest six 24 h periods (144 h) after the end of the
 * previous one. A trip starts at the end of a weekly rest; the daily rest that
 * would let the driving run past 144 h becomes a weekly rest of 45 h (so the
 * trip gains 45 − 11 = 34 h with one driver, 45 − 9 = 36 h with a crew).
 * Checkpoint waits are elapsed time and count towards the 144 h.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accessibility } from '../src/analysis/accessibility.js';
import { alternatives } from '../src/analysis/alternatives.js';
import { loadNetwork } from '../src/model/load-network.js';
import { costParameters, DriverClock, InvalidCostParameterError, type CostOverrides } from '../src/routing/cost-model.js';
import { route } from '../src/routing/route.js';
import { Router } from '../src/routing/router.js';
import { parseDrawnNetwork } from './fixtures/parse-drawn-network.js';
import { fuzzParameters } from './fuzz/fuzz-parameters.js';
import { runSteppenet, writeNetworkFile } from './fixtures/run-command.js';

// A drawn chain a – b – c – d – e of road links, `h` hours of driving each
// (hours are fixed, so no speed applies); `wait` hours at the checkpoint
// on a – b (then a is in Russia, the rest in Kazakhstan).
const chain = (h: number, wait = 0) => loadNetwork(parseDrawnNetwork`
  a-----b-----c-----d-----e

  | place | country |
  | a     | ${wait ? 'RU' : 'KZ'} |
  | b     | KZ      |
  | c     | KZ      |
  | d     | KZ      |
  | e     | KZ      |

  | link | id | mode | hours | wait           |
  | ab   | ab | road | ${h}  | ${wait || ''}  |
  | bc   | bc | road | ${h}  |                |
  | cd   | cd | road | ${h}  |                |
  | de   | de | road | ${h}  |                |
`, { checkCountries: false });

const trip = (h: number, cost: CostOverrides = {}, wait = 0) => route(chain(h, wait), 'a', 'e', { modes: ['road'], cost });

describe('the weekly rest on a drawn chain (one driver: days of 4.5 + ¾ + 4.5 h, then 11 h)', () => {
  it('70 h of driving (4 × 17.5 h): 70 + 8 breaks × ¾ + 7 daily rests × 11 = 153 h; the weekly rest adds exactly 45 − 11 = 34 h', () => {
    // The 7th daily rest starts at 7 × 9.75 + 6 × 11 = 134.25 h and would end at 145.25 h, past 144 h: it is the weekly rest.
    const off = trip(17.5, { driverRules: { weeklyRestHours: 0 } });
    const on = trip(17.5);
    expect(off.totals.hours).toBe(153);
    expect(on.totals.hours).toBe(153 + 34);
    expect(on.totals.hoursBreakdown).toEqual({ driving: 70, rest: 6 + 6 * 11 + 45, waiting: 0, transfer: 0, running: 0 });
    // A reduced weekly rest (24 h) instead: 13 h more than the daily rest.
    expect(trip(17.5, { driverRules: { weeklyRestHours: 24 } }).totals.hours).toBe(153 + 13);
  });

  it('63 h of driving (7 full days, 134.25 h) never reaches 144 h: no weekly rest, the same hours as without', () => {
    expect(trip(15.75).totals.hours).toBe(63 + 7 * 0.75 + 6 * 11);
    expect(trip(15.75).totals.hours).toBe(trip(15.75, { driverRules: { weeklyRestHours: 0 } }).totals.hours);
  });

  it('counts a border wait towards the 144 h: 60 h of driving take no weekly rest, but after a 20 h wait they do', () => {
    // Without the wait: the 6th daily rest ends at 124.5 h and the last 6 h end at 131.25 h.
    expect(trip(15).totals.hours).toBe(60 + 7 * 0.75 + 6 * 11);
    // With it: the 6th daily rest starts at 20 + 113.5 = 133.5 h and would end at 144.5 h: the weekly rest instead.
    const r = trip(15, {}, 20);
    expect(r.totals.hoursBreakdown).toEqual({ driving: 60, rest: 5.25 + 5 * 11 + 45, waiting: 20, transfer: 0, running: 0 });
    expect(r.totals.hours).toBe(151.25 + 34);
  });

  it('a crew of two (18 h driving, 9 h rest): 100 h of driving take 145 h; the 5th daily rest (126–135 h) becomes the weekly rest, 36 h more', () => {
    // The driving after that rest would reach 144 h after 9 h of it: the rest taken before is extended to 45 h.
    expect(trip(25, { drivers: 2, driverRules: { weeklyRestHours: 0 } }).totals.hours).toBe(145);
    expect(trip(25, { drivers: 2 }).totals.hours).toBe(145 + 36);
  });

  it('the hours a route reports are its legs\' hours, leg by leg, with a via stop between the daily rest and the driving that makes it weekly', () => {
    // Via c: legs a → c (35 h of driving) and c → e. The weekly rest is decided in the second leg.
    const r = route(chain(17.5), 'a', 'e', { modes: ['road'], via: ['c'] });
    expect(r.legs).toHaveLength(2);
    expect(r.legs[0].hours + r.legs[1].hours).toBe(r.totals.hours);
    expect(r.totals.hours).toBe(187);
    const b = r.totals.hoursBreakdown;
    expect(b.driving + b.rest + b.waiting).toBe(r.totals.hours);
  });

  it('the table, the accessibility matrix and route() agree on every pair of the chain', () => {
    const net = chain(17.5, 20);
    const ids = ['a', 'b', 'c', 'd', 'e'];
    const table = new Router(net, { modes: ['road'] }).table(ids, ids);
    const matrix = accessibility(net, { places: ids, modes: ['road'] }).layers[0].values;
    for (const [i, s] of ids.entries()) {
      for (const [j, t] of ids.entries()) {
        if (i === j) continue;
        const hours = route(net, s, t, { modes: ['road'] }).totals.hours;
        expect(table[i][j]!.hours).toBe(hours);
        expect(matrix[i][j]).toBe(hours);
      }
    }
    // a → e: 70 h of driving after a 20 h wait: 8 breaks, and of the 7 daily rests the 6th (from 20 + 113.5 = 133.5 h) is the weekly one.
    expect(table[0][4]!.hours).toBe(70 + 20 + 8 * 0.75 + 6 * 11 + 45);
  });

  it('takes weeklyRestHours 0 (none), 24 or more; anything between is an error naming it', () => {
    expect(costParameters({ driverRules: { weeklyRestHours: 0 } }).driverRules.weeklyRestHours).toBe(0);
    expect(() => costParameters({ driverRules: { weeklyRestHours: 5 } })).toThrow(InvalidCostParameterError);
    expect(() => costParameters({ driverRules: { weeklyRestHours: 5 } })).toThrow(/driverRules.weeklyRestHours must be 0 \(no weekly rest\) or at least the daily rest/);
    expect(() => costParameters({ driverRules: { weeklyRestDueHours: 0 } })).toThrow(/weeklyRestDueHours must be a finite number > 0/);
  });
});

describe('all modes never answer worse than one alone, though the search weight leaves the weekly rest out', () => {
  // A crew of two: the search weighs the 100 h road at 100 × 1.5 = 150 h and prefers it to the 170 h train; its
  // exact time is 145 h without the weekly rest, 181 h with it (the chain's crew case above).
  const net = loadNetwork(parseDrawnNetwork`
    a-----b
    | link | id   | mode | hours |
    | ab   | road | road | 100   |
    | ab   | rail | rail | 170   |
  `, { checkCountries: false });
  const crew = { drivers: 2 as const };

  it('route() takes the 170 h train, not the 181 h drive the search weighs at 150 h; without the weekly rest the 145 h drive', () => {
    const road = route(net, 'a', 'b', { modes: ['road'], cost: crew });
    expect([road.totals.weight, road.totals.hours]).toEqual([150, 181]);
    const r = route(net, 'a', 'b', { cost: crew });
    expect(r.links).toEqual(['rail']);
    expect(r.totals.hours).toBe(170);
    expect(route(net, 'a', 'b', { cost: { ...crew, driverRules: { weeklyRestHours: 0 } } }).links).toEqual(['road']);
  });

  it('the table, the accessibility matrix and alternatives() answer as route() does', () => {
    expect(new Router(net, { cost: crew }).table(['a'], ['b'])[0][0]!.hours).toBe(170);
    expect(accessibility(net, { places: ['a', 'b'], modes: ['multimodal'], cost: crew }).layers[0].values[0][1]).toBe(170);
    expect(alternatives(net, 'a', 'b', { k: 2, cost: crew }).routes.map((x) => x.links)).toEqual([['rail'], ['road']]);
  });
});

describe('steppenet route --weekly-rest', () => {
  const file = writeNetworkFile(parseDrawnNetwork`
    a-----b-----c
    | link | id | mode | hours |
    | ab   | ab | road | 35    |
    | bc   | bc | road | 35    |
  `);
  const run = (...extra: string[]) => runSteppenet(['route', 'a', 'c', '--network', file, ...extra]);

  it('prints 187.0 h by default, 166.0 h with --weekly-rest 24, 153.0 h with --weekly-rest 0', async () => {
    expect((await run()).out).toContain('187.0 h');
    expect((await run('--weekly-rest', '24')).out).toContain('166.0 h');
    expect((await run('--weekly-rest', '0')).out).toContain('153.0 h');
  });

  it('exits 2 on a weekly rest shorter than 24 h, naming the option', async () => {
    const { code, err } = await run('--weekly-rest', '11');
    expect(code).toBe(2);
    expect(err).toContain('--weekly-rest must be 0 (none) or at least 24 hours');
  });
});

/**
 * A reference timeline for one driver, written independently of DriverClock:
 * first the days without the weekly rest (drive, break, daily rest, wait
 * events), then one pass that makes the daily rest before the driving that
 * would run past 144 h a weekly rest. Waits are at most 12 h before links of
 * at least 1 h, so a day never holds 144 h and a daily rest always precedes
 * the point where the limit hits.
 */
function referenceStops(pieces: readonly { wait: number; drive: number }[], weekly: number, daily = 11): number {
  type Event = { kind: 'drive' | 'break' | 'daily' | 'wait'; h: number };
  const events: Event[] = [];
  let sinceBreak = 0;
  let today = 0;
  for (const { wait, drive } of pieces) {
    if (wait > 0) events.push({ kind: 'wait', h: wait });
    let left = drive;
    while (left > 1e-9) {
      if (today >= 9 - 1e-9) {
        events.push({ kind: 'daily', h: daily });
        today = 0;
        sinceBreak = 0;
      } else if (sinceBreak >= 4.5 - 1e-9) {
        events.push({ kind: 'break', h: 0.75 });
        sinceBreak = 0;
      }
      const h = Math.min(left, 4.5 - sinceBreak, 9 - today);
      events.push({ kind: 'drive', h });
      sinceBreak += h;
      today += h;
      left -= h;
    }
  }
  if (weekly === 0) return events.filter((e) => e.kind === 'break' || e.kind === 'daily').reduce((s, e) => s + e.h, 0);
  let stops = 0;
  let clock = 0; // hours since the end of the last weekly rest
  let lastDailyEnd: number | undefined;
  for (const e of events) {
    if (e.kind === 'daily') {
      if (clock + daily >= 144 - 1e-9) {
        stops += weekly;
        clock = 0;
        lastDailyEnd = undefined;
      } else {
        stops += daily;
        clock += daily;
        lastDailyEnd = clock;
      }
    } else if (e.kind === 'drive' && clock + e.h > 144 + 1e-9) {
      // Drive up to 144 h, then the last daily rest becomes the weekly one and the rest of the piece follows.
      if (lastDailyEnd === undefined) throw new Error('reference: no daily rest before the limit');
      stops += weekly - daily;
      clock = clock + e.h - lastDailyEnd;
      lastDailyEnd = undefined;
    } else {
      if (e.kind === 'break') stops += e.h;
      clock += e.h;
    }
  }
  return stops;
}

describe('randomized: DriverClock against the reference timeline, link by link and in one piece', () => {
  const RUNS = 300;
  const pieces = fc.array(fc.record({ wait: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 48 }).map((q) => q / 4)), drive: fc.integer({ min: 4, max: 80 }).map((q) => q / 4) }), { minLength: 1, maxLength: 40 });

  it(`one driver, with waits: the stops the clock returns add up to the reference's, weekly rest 45 and off (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(pieces, (ps) => {
        for (const weeklyRestHours of [45, 0]) {
          const clock = new DriverClock(costParameters({ driverRules: { weeklyRestHours } }));
          let stops = 0;
          for (const { wait, drive } of ps) {
            clock.wait(wait);
            stops += clock.drive(drive);
          }
          expect(stops).toBeCloseTo(referenceStops(ps, weeklyRestHours), 9);
        }
      }),
      fuzzParameters(RUNS),
    );
  });

  it(`one driver or a crew, no waits: driving link by link stops as long as driving it in one piece (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(pieces, fc.constantFrom(1, 2) as fc.Arbitrary<1 | 2>, (ps, drivers) => {
        const p = costParameters({ drivers });
        const clock = new DriverClock(p);
        const byLink = ps.reduce((s, { drive }) => s + clock.drive(drive), 0);
        const whole = new DriverClock(p).drive(ps.reduce((s, { drive }) => s + drive, 0));
        expect(byLink).toBeCloseTo(whole, 9);
      }),
      fuzzParameters(RUNS),
    );
  });
});

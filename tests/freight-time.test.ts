/**
 * The freight time model on small drawn networks whose answers can be checked
 * by hand: truck speeds by road class and condition, the AETR drivers' hours
 * (one driver and a crew of two), checkpoint waits scaled and in winter, river
 * seasons by month, and the cost options on the command line.
 */
import { describe, expect, it } from 'vitest';
import { accessibility } from '../src/analysis/accessibility.js';
import { routeCommand } from '../src/cli/commands/route.js';
import { loadNetwork } from '../src/model/load-network.js';
import type { NetworkFile } from '../src/model/types.js';
import { validateNetwork } from '../src/model/validate-network.js';
import { CompileOptionError } from '../src/routing/compile-network.js';
import {
  amortisedRestPerDrivingHour,
  costParameters,
  DEFAULT_COST_PARAMETERS,
  DriverClock,
  InvalidCostParameterError,
  seasonOpenIn,
} from '../src/routing/cost-model.js';
import { route } from '../src/routing/route.js';
import { routeToGeoJSON } from '../src/present/route-geojson.js';
import { parseDrawnNetwork } from './fixtures/parse-drawn-network.js';
import { runCommand, writeNetworkFile } from './fixtures/run-command.js';
import { tinyNetwork } from './fixtures/tiny-network.js';

const load = (file: NetworkFile) => loadNetwork(file, { checkCountries: false });

describe('truck speeds: heavy goods vehicles by road class and condition', () => {
  const net = load(parseDrawnNetwork`
    a-----b-----c-----d-----e

    | link | id | mode | km   | class    | condition | speed |
    | ab   | ab | road | 150  | motorway |           |       |
    | bc   | bc | road | 124  | trunk    |           |       |
    | cd   | cd | road | 71.5 | primary  | poor      |       |
    | de   | de | road | 100  |          | poor      | 50    |
  `);
  const legHours = (r: ReturnType<typeof route>) => r.legs.map((l) => l.hours);
  const hoursOf = (from: string, to: string, cost = {}) => route(net, from, to, { cost: { drivingRules: false, ...cost } }).totals.hours;

  it('drives a motorway at 75 km/h and a trunk road at 62 km/h (2 h each)', () => {
    expect(hoursOf('a', 'b')).toBeCloseTo(2);
    expect(hoursOf('b', 'c')).toBeCloseTo(2);
  });

  it('slows a poor primary road to 55 × 0.65 = 35.75 km/h, but never rescales a link\'s own truck speed', () => {
    expect(hoursOf('c', 'd')).toBeCloseTo(2);
    expect(hoursOf('d', 'e')).toBeCloseTo(2); // 100 km at its own 50 km/h
  });

  it('takes --speed road=60 for every road link, even one with its own speed (then scaled by its condition); motorway=100 for motorways only', () => {
    const at60 = route(net, 'a', 'e', { cost: { drivingRules: false, speedOverride: { road: { motorway: 60, trunk: 60, primary: 60, secondary: 60, local: 60 } } } });
    // 150/60 + 124/60 + 71.5/(60 × 0.65) + 100/(60 × 0.65): D–E's own 50 km/h gives way to the query's 60, on a poor road
    expect(at60.totals.hours).toBeCloseTo(2.5 + 124 / 60 + 71.5 / 39 + 100 / 39);
    expect(hoursOf('a', 'b', { speedOverride: { road: { motorway: 100 } } })).toBeCloseTo(1.5);
    expect(hoursOf('b', 'c', { speedOverride: { road: { motorway: 100 } } })).toBeCloseTo(2);
    expect(legHours(route(net, 'a', 'b', { cost: { drivingRules: false } }))).toEqual([2]);
  });

  it('runs freight trains at 38 km/h (RZD route speed) unless a query says otherwise', () => {
    const rail = load(parseDrawnNetwork`
      p-----q
      | link | id | mode | km |
      | pq   | pq | rail | 76 |
    `);
    expect(route(rail, 'p', 'q').totals.hours).toBeCloseTo(2);
    expect(route(rail, 'p', 'q', { cost: { speedOverride: { rail: 19 } } }).totals.hours).toBeCloseTo(4);
    expect(route(rail, 'p', 'q').totals.hoursBreakdown).toEqual({ driving: 0, rest: 0, waiting: 0, transfer: 0, running: 2 });
  });
});

describe("drivers' hours (AETR): breaks and daily rests along the exact timeline", () => {
  // A straight road A – B of `h` hours of driving.
  const straight = (h: number) => load(parseDrawnNetwork`
    a-----b
    | link | id | mode | hours |
    | ab   | ab | road | ${h}  |
  `);
  const b = (h: number, drivers: 1 | 2 = 1) => route(straight(h), 'a', 'b', { cost: { drivers } }).totals.hoursBreakdown;

  it('one driver: no stop for 4.5 h; a 45 min break after 4.5 h; no rest on arrival after 9 h', () => {
    expect(b(4.5)).toEqual({ driving: 4.5, rest: 0, waiting: 0, transfer: 0, running: 0 });
    expect(b(6).rest).toBe(0.75);
    expect(b(9).rest).toBe(0.75);
  });

  it('one driver, 20 h of driving: 4.5 + ¾ + 4.5 + 11 + 4.5 + ¾ + 4.5 + 11 + 2 = 43.5 h', () => {
    const r = route(straight(20), 'a', 'b');
    expect(r.totals.hoursBreakdown.rest).toBe(23.5);
    expect(r.totals.hours).toBe(43.5);
    expect(r.legs[0].hours).toBe(43.5);
    expect(r.drivers).toEqual({ count: 1, rules: true });
  });

  it('a crew of two, 20 h: they swap every 4.5 h without stopping (Art. 7(3)), 18 h, a 9 h rest, 2 h = 29 h', () => {
    expect(b(18, 2).rest).toBe(0);
    expect(b(20, 2).rest).toBe(9);
    expect(route(straight(20), 'a', 'b', { cost: { drivers: 2 } }).totals.hours).toBe(29);
  });

  it('switches off with drivingRules: false', () => {
    expect(route(straight(20), 'a', 'b', { cost: { drivingRules: false } }).totals.hours).toBe(20);
  });

  it('does not count a checkpoint wait as a break: 4 h, a 2 h wait (0.5 h across), 1 h → still a 45 min break', () => {
    const net = load(parseDrawnNetwork`
      p---q---r---s

      | place | country |
      | r     | KZ      |
      | s     | KZ      |

      | link | id | mode | hours | wait |
      | pq   | pq | road | 4     |      |
      | qr   | qr | road | 0.5   | 2    |
      | rs   | rs | road | 1     |      |
    `);
    const r = route(net, 'p', 's');
    expect(r.totals.hoursBreakdown).toEqual({ driving: 5.5, rest: 0.75, waiting: 2, transfer: 0, running: 0 });
    expect(r.totals.hours).toBe(8.25);
  });

  it('starts a fresh truck after a transfer: road 4 h, rail 2 h, road 4 h has no break (8 h of driving in two trucks)', () => {
    const net = load(parseDrawnNetwork`
      a-----b-----c-----d

      | place | tranship |
      | b     | 1        |
      | c     | 1        |

      | link | id | mode | hours |
      | ab   | ab | road | 4     |
      | bc   | bc | rail | 2     |
      | cd   | cd | road | 4     |
    `);
    const r = route(net, 'a', 'd');
    expect(r.totals.hoursBreakdown).toEqual({ driving: 8, rest: 0, waiting: 0, transfer: 2, running: 2 });
    expect(r.totals.hours).toBe(12);
  });

  it('weighs road in the search with the amortised rest: (0.75 + 11) / 9 per driving hour, 9 / 18 for a crew', () => {
    expect(amortisedRestPerDrivingHour(costParameters())).toBeCloseTo(11.75 / 9);
    expect(amortisedRestPerDrivingHour(costParameters({ drivers: 2 }))).toBe(0.5);
    expect(amortisedRestPerDrivingHour(costParameters({ drivingRules: false }))).toBe(0);
    const net = load(parseDrawnNetwork`
      a-----b
      | link | id   | mode | hours |
      | ab   | road | road | 10    |
      | ab   | rail | rail | 16    |
    `);
    // One driver: the road takes 10 + ¾ + 11 = 21.75 h, the train 16 h.
    const one = route(net, 'a', 'b');
    expect(one.links).toEqual(['rail']);
    expect(route(net, 'a', 'b', { modes: ['road'] }).totals.hours).toBe(21.75);
    // A crew drives 10 h without stopping: road wins (search weight 10 × 1.5 = 15 < 16).
    const crew = route(net, 'a', 'b', { cost: { drivers: 2 } });
    expect(crew.links).toEqual(['road']);
    expect(crew.totals.hours).toBe(10);
    expect(crew.totals.weight).toBe(15);
    // Without the rules the road's 10 h wins.
    expect(route(net, 'a', 'b', { cost: { drivingRules: false } }).links).toEqual(['road']);
  });

  it('never lets the amortised rest make all modes slower than one: a 5 h road (5.75 h exact) beats an 8 h train', () => {
    const net = load(parseDrawnNetwork`
      a-----b
      | link | id   | mode | hours |
      | ab   | road | road | 5     |
      | ab   | rail | rail | 8     |
    `);
    // The search weighs the road at 5 + 1.31 × 5 = 11.6 h and alone would take the train; route() also
    // finds each mode's best and returns the least exact time.
    expect(route(net, 'a', 'b').links).toEqual(['road']);
    expect(route(net, 'a', 'b').totals.hours).toBe(5.75);
    expect(route(net, 'a', 'b', { modes: ['rail'] }).totals.hours).toBe(8);
  });

  it('gives exact hours in the accessibility matrix too (43.5 h for 20 h of driving), not the search weight', () => {
    const m = accessibility(straight(20), { places: ['a', 'b'], modes: ['road'] });
    expect(m.layers[0].values).toEqual([[0, 43.5], [43.5, 0]]);
  });

  it('DriverClock: the stops before each piece of driving, piece by piece', () => {
    const clock = new DriverClock(costParameters());
    expect([3, 3, 3, 3].map((h) => clock.drive(h))).toEqual([0, 0.75, 0, 11]);
  });
});

describe('checkpoint waits: scaled, and the winter peak by month', () => {
  const net = load(parseDrawnNetwork`
    p---q---r

    | place | country |
    | r     | KZ      |

    | link | id | mode | hours | wait | winter wait |
    | pq   | pq | road | 1     |      |             |
    | qr   | qr | road | 0.5   | 4/6  | 10/12       |
  `);

  it('multiplies every wait by waitScale', () => {
    expect(route(net, 'p', 'r', { cost: { waitScale: 1.5 } }).totals.hoursBreakdown.waiting).toBe(6);
    expect(route(net, 'r', 'p', { cost: { waitScale: 1.5 } }).crossings[0].waitHours).toBe(9);
  });

  it('uses waitHoursWinter in December, January and February only; without a month the all-year waits', () => {
    expect([undefined, 1, 2, 3, 6, 11, 12].map((month) => route(net, 'p', 'r', { month }).crossings[0].waitHours)).toEqual([4, 10, 10, 4, 4, 4, 10]);
    expect(route(net, 'r', 'p', { month: 12 }).crossings[0].waitHours).toBe(12);
  });

  it('rejects a month that is not 1–12', () => {
    expect(() => route(net, 'p', 'r', { month: 13 })).toThrow(CompileOptionError);
    expect(() => route(net, 'p', 'r', { month: 1.5 })).toThrow(/month must be a whole number 1–12/);
  });
});

describe('river seasons by month', () => {
  const net = load(parseDrawnNetwork`
    o-----p
    | link | id     | mode  | hours | season       |
    | op   | irtysh | river | 10    | 04-20..10-28 |
    | op   | road   | road  | 30    |              |
  `);
  const riverOnly = load(parseDrawnNetwork`
    o-----p
    | place | modes      |
    | o     | river road |
    | p     | river road |
    | link | id     | mode  | hours | season       |
    | op   | irtysh | river | 10    | 04-20..10-28 |
  `);

  it('opens a reach in a month when its season covers the 15th: May–October, not April or November', () => {
    const open = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].filter((m) => seasonOpenIn({ from: '04-20', to: '10-28' }, m));
    expect(open).toEqual([5, 6, 7, 8, 9, 10]);
    // A season across the new year.
    expect([1, 3, 4, 11, 12].map((m) => seasonOpenIn({ from: '11-01', to: '03-31' }, m))).toEqual([true, true, false, true, true]);
  });

  it('takes the river in July, the road in April; without a month the river, which says its season', () => {
    expect(route(net, 'o', 'p', { month: 7 }).links).toEqual(['irtysh']);
    expect(route(net, 'o', 'p', { month: 4 }).links).toEqual(['road']);
    const any = route(net, 'o', 'p');
    expect(any.links).toEqual(['irtysh']);
    expect(any.legs[0].season).toEqual({ from: '04-20', to: '10-28' });
    expect(any.month).toBeUndefined();
  });

  it('says the reach is closed that month when the river is the only way', () => {
    const r = route(riverOnly, 'o', 'p', { month: 11 });
    expect(r.found).toBe(false);
    expect(r.reason).toBe('O is isolated in road/river: its links are unusable: irtysh (closed in November (navigation season 04-20 – 10-28))');
    // Roads that lead elsewhere; the river is still the only way from O to P.
    const withRoad = load(parseDrawnNetwork`
      q     r
      |     |
      o-----p
      | link | id     | mode  | hours | season       |
      | op   | irtysh | river | 10    | 04-20..10-28 |
      | oq   | oq     | road  | 1     |              |
      | pr   | pr     | road  | 1     |              |
    `);
    expect(route(withRoad, 'o', 'p', { month: 11 }).reason)
      .toBe('O and P are joined only through river reaches closed in November: irtysh (closed in November (navigation season 04-20 – 10-28))');
  });
});

describe('cost parameters', () => {
  it('names a bad value', () => {
    expect(() => costParameters({ waitScale: -1 })).toThrow(InvalidCostParameterError);
    expect(() => costParameters({ drivers: 3 as 2 })).toThrow(/drivers must be 1 or 2/);
    expect(() => costParameters({ speedOverride: { road: { motorway: 0 } } })).toThrow(/speedOverride.road.motorway must be a finite number > 0/);
    expect(() => costParameters({ conditionFactor: { poor: 0 } })).toThrow(/conditionFactor.poor/);
  });

  it('keeps every default in one place: trucks 75/62/55/45/35 km/h, rail 38, the AETR 4.5 h / 45 min / 9 h / 11 h / 9 h, weekly 45 h within 144 h', () => {
    expect(DEFAULT_COST_PARAMETERS.speedKmh).toEqual({ rail: 38, river: 12, road: { motorway: 75, trunk: 62, primary: 55, secondary: 45, local: 35 } });
    expect(DEFAULT_COST_PARAMETERS.driverRules).toEqual({ maxDrivingPeriodHours: 4.5, breakHours: 0.75, maxDailyDrivingHours: 9, dailyRestHours: 11, crewDailyRestHours: 9, weeklyRestHours: 45, weeklyRestDueHours: 144 });
    expect([DEFAULT_COST_PARAMETERS.drivingRules, DEFAULT_COST_PARAMETERS.drivers, DEFAULT_COST_PARAMETERS.waitScale]).toEqual([true, 1, 1]);
  });
});

describe('network format: condition and waitHoursWinter', () => {
  const edit = (id: string, f: (p: Record<string, unknown>) => void) => {
    const file = tinyNetwork();
    f(file.features.find((x) => x.properties.id === id)!.properties as unknown as Record<string, unknown>);
    return validateNetwork(file).map((p) => `${p.feature} ${p.field}`);
  };
  it('accepts good/fair/poor and a winter wait; rejects anything else', () => {
    expect(edit('omsk-olkhovka', (p) => { p.condition = 'fair'; })).toEqual([]);
    expect(edit('omsk-olkhovka', (p) => { p.condition = 'bad'; })).toEqual(['omsk-olkhovka condition']);
    expect(edit('olkhovka-urlyutobe', (p) => { (p.checkpoint as Record<string, unknown>).waitHoursWinter = { forward: 12, backward: 6 }; })).toEqual([]);
    expect(edit('olkhovka-urlyutobe', (p) => { (p.checkpoint as Record<string, unknown>).waitHoursWinter = { forward: -1, backward: 6 }; }))
      .toEqual(['olkhovka-urlyutobe checkpoint.waitHoursWinter.forward']);
    expect(edit('omsk-pavlodar-rail', (p) => { p.season = { from: 'April', to: '10-28' }; })).toEqual(['omsk-pavlodar-rail season']);
  });
});

describe('steppenet route: the freight options', () => {
  const file = writeNetworkFile(parseDrawnNetwork`
    a-----b
    | link | id | mode | hours |
    | ab   | ab | road | 20    |
  `);
  const run = (...argv: string[]) => runCommand(routeCommand, ['a', 'b', '--network', file, ...argv]);

  it('prints the hours split, the crew and the rest per leg', async () => {
    const { code, out } = await run();
    expect(code).toBe(0);
    expect(out).toContain('Total: 200 km, 43.5 h');
    expect(out).toContain("Hours: driving 20.0, rest 23.5, waiting 0.0, transfer 0.0, rail/river running 0.0 (AETR drivers' hours, 1 driver)");
    expect(out).toMatch(/of which rest/);
  });

  it('takes --drivers 2 and --no-rest', async () => {
    expect((await run('--drivers', '2')).out).toContain('Total: 200 km, 29.0 h');
    expect((await run('--no-rest')).out).toContain('Total: 200 km, 20.0 h');
    expect((await run('--no-rest')).out).toContain("(drivers' hours off)");
  });

  it('gives the breakdown in JSON and GeoJSON', async () => {
    const json = JSON.parse((await run('--format', 'json')).out);
    expect(json.totals.hoursBreakdown).toEqual({ driving: 20, rest: 23.5, waiting: 0, transfer: 0, running: 0 });
    expect(json.legs[0].hoursBreakdown.rest).toBe(23.5);
    const geo = JSON.parse((await run('--format', 'geojson')).out);
    expect(geo.totals.hoursBreakdown).toEqual({ driving: 20, rest: 23.5, waiting: 0, transfer: 0, running: 0 });
    expect(geo.features[0].properties.hoursBreakdown.driving).toBe(20);
  });

  it.each([
    [['--speed', 'road=fast'], '--speed must be a positive number, got "fast"'],
    [['--speed', 'air=500'], '--speed: unknown key "air"'],
    [['--speed', 'road'], '--speed takes key=value pairs'],
    [['--wait-scale=-1'], '--wait-scale must be a non-negative number'],
    [['--drivers', '3'], '--drivers must be 1 or 2, got "3"'],
    [['--month', '13'], '--month must be a month number 1–12, got "13"'],
    [['--month', '0'], '--month must be a month number 1–12'],
    [['--tariff', 'air=1'], '--tariff: unknown mode "air"'],
  ])('exits 2 with a usage line naming the option: %j', async (argv, message) => {
    const { code, err } = await run(...argv);
    expect(code).toBe(2);
    expect(err).toContain(message);
    expect(err).toContain('usage: steppenet route');
  });

  it('takes --speed, --wait-scale and --month', async () => {
    // road=10 for all classes: the 20 h link keeps its fixed hours (fixed hours always win).
    expect((await run('--speed', 'road=10', '--no-rest')).out).toContain('20.0 h');
    expect((await run('--month', '7', '--wait-scale', '2', '--no-rest')).out).toContain('in July');
  });
});

describe('the bundled network', () => {
  it('splits every hour of Moscow → Almaty by road: driving + rest + waiting = total', () => {
    const net = loadNetwork();
    const r = route(net, 'Moscow', 'Almaty', { modes: ['road'] });
    expect(r.found).toBe(true);
    const b = r.totals.hoursBreakdown;
    expect(b.driving + b.rest + b.waiting + b.transfer + b.running).toBeCloseTo(r.totals.hours, 9);
    expect(b.rest).toBeGreaterThan(0);
    const geo = routeToGeoJSON(net, r);
    expect(geo.totals?.hoursBreakdown).toBeDefined();
  });

  // Published road transit times the model is held against (README, "Moscow → Almaty by road").
  const days = (from: string, to: string) =>
    route(loadNetwork(), from, to, { modes: ['road'] }).totals.hours / 24;

  // atkr.ru, "Автотарифы из Москвы с терморежимом" (https://www.atkr.ru/tariff/auto/moscowt/):
  // Novosibirsk, "Срок меж терминальной перевозки дней" 4 | 5 — terminal to terminal, 4 to 5 days.
  it('Moscow → Novosibirsk by road (one driver) lies within the 4–5 days a forwarder publishes', () => {
    const d = days('Moscow', 'Novosibirsk');
    expect(d).toBeGreaterThanOrEqual(4);
    expect(d).toBeLessThanOrEqual(5);
  });

  // STU Supply Chain (Shenzhen forwarder, NVOCC MOC-NV09192), "Severe Congestion at
  // Kazakhstan-Russia Border", 15 Oct 2025
  // (https://stusupplychain.com/Severe-Congestion-at-Kazakhstan-Russia-Border-id45001485.html):
  // "The original Almaty-Moscow route, which used to take 7 to 9 days, now has its overall
  // transportation cycle doubled". With one driver the model gives 189.0 h = 7.87 days: driving
  // 63.7 h, rest 116.3 h (7 breaks 5.25 h, 6 daily rests 66 h and the weekly rest 45 h), waits 9 h.
  // The 7th daily rest would start at about 143 h and end past the 144 h by which AETR Art. 8(6)
  // has a weekly rest start, so it is the 45 h weekly rest (34 h more). Without the weekly rest
  // (weeklyRestHours 0) it was 155.0 h = 6.46 days, below the range (the KNOWN GAP this test was
  // an `it.fails` for); with a reduced 24 h weekly rest 168.0 h = 7.0 days. With a crew of two
  // the trip stays under 144 h (96.3 h, 4.0 days). The model still has no loading, unloading,
  // paperwork or 24 h window, and Russia's truck speeds are assumed.
  it('Moscow → Almaty by road (one driver) lies within the 7–9 days a forwarder publishes', () => {
    const d = days('Moscow', 'Almaty');
    expect(d).toBeGreaterThanOrEqual(7);
    expect(d).toBeLessThanOrEqual(9);
  });

  it('Moscow → Almaty by road: the weekly rest is 45 − 11 = 34 h of the rest, the driving and waits are as without it', () => {
    const net = loadNetwork();
    const on = route(net, 'Moscow', 'Almaty', { modes: ['road'] }).totals;
    const off = route(net, 'Moscow', 'Almaty', { modes: ['road'], cost: { driverRules: { weeklyRestHours: 0 } } }).totals;
    expect(on.hoursBreakdown.driving).toBe(off.hoursBreakdown.driving);
    expect(on.hoursBreakdown.waiting).toBe(off.hoursBreakdown.waiting);
    expect(on.hoursBreakdown.rest - off.hoursBreakdown.rest).toBeCloseTo(34, 9);
    expect(off.hours).toBeLessThan(7 * 24);
  });
});

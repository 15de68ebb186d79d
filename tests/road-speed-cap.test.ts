/**
 * Kazakhstan's measured truck speed: in a country with a `roadSpeedCapKmh`
 * (by default KZ 51.1 km/h, CAREC CPMM 2022 SWOD) the default truck speed of
 * a road class is min(class default, cap). A link's own `speedKmh` and the
 * query's `--speed` are not capped. Every figure below is km / speed, by hand.
 */
import { describe, expect, it } from 'vitest';
import { routeCommand } from '../src/cli/commands/route.js';
import { loadNetwork } from '../src/model/load-network.js';
import type { NetworkFile } from '../src/model/types.js';
import { costParameters, DEFAULT_COST_PARAMETERS, InvalidCostParameterError } from '../src/routing/cost-model.js';
import { route } from '../src/routing/route.js';
import { parseDrawnNetwork } from './fixtures/parse-drawn-network.js';
import { runCommand, writeNetworkFile } from './fixtures/run-command.js';

const load = (file: NetworkFile) => loadNetwork(file, { checkCountries: false });

describe('the per-country truck speed cap (roadSpeedCapKmh)', () => {
  // r, s in Russia; k … q in Kazakhstan; rk crosses the border.
  const net = load(parseDrawnNetwork`
    r-----s-----k-----m-----n-----o-----p-----q

    | place | country |
    | r     | RU      |
    | s     | RU      |
    | k     | KZ      |
    | m     | KZ      |
    | n     | KZ      |
    | o     | KZ      |
    | p     | KZ      |
    | q     | KZ      |

    | link | id | mode | km    | class     | condition | speed | wait |
    | rs   | rs | road | 150   | motorway  |           |       |      |
    | sk   | sk | road | 10.22 | primary   |           |       | 0    |
    | km   | km | road | 153.3 | motorway  |           |       |      |
    | mn   | mn | road | 102.2 | trunk     |           |       |      |
    | no   | no | road | 90    | secondary |           |       |      |
    | op   | op | road | 70    | local     |           |       |      |
    | pq   | pq | road | 120   | primary   |           | 60    |      |
  `);
  const hours = (from: string, to: string, cost = {}) => route(net, from, to, { cost: { drivingRules: false, ...cost } }).totals.hours;

  it('is 51.1 km/h for Kazakhstan by default, and nothing else', () => {
    expect(DEFAULT_COST_PARAMETERS.roadSpeedCapKmh).toEqual({ KZ: 51.1 });
  });

  it('drives a Russian motorway at 75 km/h but a Kazakh motorway and trunk road at 51.1 km/h (3 h, 2 h)', () => {
    expect(hours('r', 's')).toBeCloseTo(2);
    expect(hours('k', 'm')).toBeCloseTo(3);
    expect(hours('m', 'n')).toBeCloseTo(2);
  });

  it('leaves the Kazakh secondary (45) and local (35) roads at their class speed: the cap only lowers', () => {
    expect(hours('n', 'o')).toBeCloseTo(2);
    expect(hours('o', 'p')).toBeCloseTo(2);
  });

  it('caps a border crossing by the lower cap of its two countries: 10.22 km at 51.1 km/h = 0.2 h', () => {
    expect(hours('s', 'k')).toBeCloseTo(0.2);
  });

  it("never caps a link's own speedKmh (120 km at 60 km/h = 2 h) nor --speed road=…", () => {
    expect(hours('p', 'q')).toBeCloseTo(2);
    expect(hours('k', 'm', { speedOverride: { road: { motorway: 76.65 } } })).toBeCloseTo(2);
  });

  it('scales a capped speed by the road condition: a poor Kazakh primary road runs at 51.1 × 0.65', () => {
    const poor = load(parseDrawnNetwork`
      a-----b
      | place | country |
      | a     | KZ      |
      | b     | KZ      |
      | link | id | mode | km     | class   | condition |
      | ab   | ab | road | 66.43  | primary | poor      |
    `);
    expect(route(poor, 'a', 'b', { cost: { drivingRules: false } }).totals.hours).toBeCloseTo(2);
  });

  it('follows the countries a link runs through when it names them', () => {
    const transit = load(parseDrawnNetwork`
      a-----b
      | link | id | mode | km  | class    | countries |
      | ab   | ab | road | 153.3 | motorway | RU KZ RU  |
    `);
    expect(route(transit, 'a', 'b', { cost: { drivingRules: false } }).totals.hours).toBeCloseTo(3);
  });

  it('is a parameter: another figure, another country, or Infinity to lift it', () => {
    expect(hours('k', 'm', { roadSpeedCapKmh: { KZ: 30.66 } })).toBeCloseTo(5);
    expect(hours('k', 'm', { roadSpeedCapKmh: { KZ: Infinity } })).toBeCloseTo(153.3 / 75);
    expect(hours('r', 's', { roadSpeedCapKmh: { RU: 50 } })).toBeCloseTo(3);
    expect(hours('k', 'm', { roadSpeedCapKmh: { RU: 50 } })).toBeCloseTo(3); // merged: KZ keeps 51.1
  });

  it('names a bad cap', () => {
    expect(() => costParameters({ roadSpeedCapKmh: { KZ: 0 } })).toThrow(/roadSpeedCapKmh.KZ must be a finite number > 0/);
    expect(() => costParameters({ roadSpeedCapKmh: { KZ: Number.NaN } })).toThrow(InvalidCostParameterError);
    expect(() => costParameters({ roadSpeedCapKmh: { Kazakhstan: 50 } })).toThrow(/ISO 3166-1 alpha-2/);
    expect(() => costParameters({ roadSpeedCapKmh: 50 as unknown as Record<string, number> })).toThrow(/roadSpeedCapKmh must be an object/);
  });

  it('does not answer a NaN cap from the compiled graph of an Infinity one (JSON spells both null)', () => {
    expect(hours('k', 'm', { roadSpeedCapKmh: { KZ: Infinity } })).toBeCloseTo(153.3 / 75);
    expect(() => hours('k', 'm', { roadSpeedCapKmh: { KZ: Number.NaN } })).toThrow(InvalidCostParameterError);
  });
});

describe('steppenet route --speed-cap', () => {
  // writeNetworkFile puts every place in Kazakhstan.
  const file = writeNetworkFile(parseDrawnNetwork`
    a-----b
    | link | id | mode | km    | class    |
    | ab   | ab | road | 153.3 | motorway |
  `);
  const run = (...argv: string[]) => runCommand(routeCommand, ['a', 'b', '--network', file, '--no-rest', ...argv]);

  it('drives the Kazakh motorway at 51.1 km/h by default, at the given cap, or at 75 with none', async () => {
    expect((await run()).out).toContain('Total: 153 km, 3.0 h');
    expect((await run('--speed-cap', 'KZ=30.66')).out).toContain('Total: 153 km, 5.0 h');
    expect((await run('--speed-cap', 'kz=none')).out).toContain('Total: 153 km, 2.0 h');
  });

  it.each([
    [['--speed-cap', 'KZ=fast'], '--speed-cap must be a positive number, got "fast"'],
    [['--speed-cap', 'KZ=0'], '--speed-cap must be a positive number, got "0"'],
    [['--speed-cap', 'KAZ=50'], '--speed-cap: "KAZ" is not a two-letter country code'],
    [['--speed-cap', 'KZ'], '--speed-cap takes key=value pairs'],
  ])('exits 2 with a usage line naming the option: %j', async (argv, message) => {
    const { code, err } = await run(...argv);
    expect(code).toBe(2);
    expect(err).toContain(message);
    expect(err).toContain('usage: steppenet route');
  });
});

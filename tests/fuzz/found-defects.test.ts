// Defects the fuzz suite found, each kept as a plain regression test with the
// input that showed it (red before its fix, green after).
import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';
import { resolveRegion } from '../../src/model/regions.js';
import { runCli } from '../../src/cli/run-cli.js';
import { loadNetwork } from '../../src/model/load-network.js';
import { costParameters, DriverClock } from '../../src/routing/cost-model.js';
import { route } from '../../src/routing/route.js';
import { tinyNetwork } from '../fixtures/tiny-network.js';
import { isTypedError } from './typed-error.js';

async function cli(...argv: string[]) {
  let out = '', err = '';
  const code = await runCli(argv, { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n') });
  return { code, out, err };
}

describe('a drive of absurdly many hours ends (DriverClock stepped through every 4.5 h; 1e248 h never ended)', () => {
  it('network fuzz, seed 17: a road link of 1.786e248 km routes at once', () => {
    const file = tinyNetwork();
    const crossing = file.features.find((f) => f.properties.id === 'olkhovka-urlyutobe')!;
    if (crossing.properties.type === 'link') crossing.properties.km = 1.7861820358378307e248;
    const result = route(loadNetwork(file), 'omsk', 'pavlodar', { modes: ['road'] });
    expect(result.found).toBe(true);
    expect(result.totals.hours).toBeGreaterThan(1e246);
  });

  it('steppenet route Omsk Pavlodar --speed road=1e-300 ends with exit 0', async () => {
    const r = await cli('route', 'Omsk', 'Pavlodar', '--mode', 'road', '--speed', 'road=1e-300');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Omsk → Pavlodar');
  });

  it.each([1, 2] as const)('skipping whole days gives the rests of stepping through them (%i driver(s), no weekly rest)', (drivers) => {
    const p = costParameters({ drivers, driverRules: { weeklyRestHours: 0 } });
    const day = p.driverRules.maxDailyDrivingHours * drivers;
    const restOfOneDay = new DriverClock(p).drive(day + 3);
    // 50 days are stepped through, 500 skipped: both are whole days of the same rest.
    expect(new DriverClock(p).drive(50 * day + 3)).toBe(50 * restOfOneDay);
    expect(new DriverClock(p).drive(500 * day + 3)).toBe(500 * restOfOneDay);
  });

  // One driver: 7 days of 9 h, and the 7th daily rest (from 134.25 h) is the weekly one; 3 h more need no stop.
  // A crew: 5 days of 18 h; the 5th daily rest ends at 135 h, and 9 h of driving later (144 h) it becomes the weekly one;
  // 12 h more (9 + 3) need no stop.
  it.each([[1, 63, 3, 7 * 0.75 + 6 * 11 + 45], [2, 90, 12, 4 * 9 + 45]] as const)(
    'with the weekly rest, skipping whole weeks gives the rests of stepping through them (%i driver(s): %i h of driving a week)',
    (drivers, week, more, stopsOfOneWeek) => {
      const p = costParameters({ drivers });
      expect(new DriverClock(p).drive(week + more)).toBe(stopsOfOneWeek);
      // 10 weeks are stepped through, 500 skipped: both are whole weeks of the same stops.
      expect(new DriverClock(p).drive(10 * week + more)).toBe(10 * stopsOfOneWeek);
      expect(new DriverClock(p).drive(500 * week + more)).toBe(500 * stopsOfOneWeek);
    },
  );
});

describe('options of the wrong type are typed errors naming the option, not TypeErrors (library fuzz, seeds 17 and 1–10)', () => {
  const network = loadNetwork();
  const thrown = (f: () => unknown): Error => {
    try {
      f();
    } catch (e) {
      return e as Error;
    }
    throw new Error('did not throw');
  };
  it.each([
    ['removeLinks(["ILETSK"], { ods: " " })', () => api.removeLinks(network, ['ILETSK'], { ods: ' ' as never }), api.OdPairError, 'resolveOdPairs: ods must be an array'],
    ['removeLinks(["ILETSK"], { ods: [null] })', () => api.removeLinks(network, ['ILETSK'], { ods: [null] as never }), api.OdPairError, 'resolveOdPairs: ods[0] must be an object'],
    ['removeLinks(null)', () => api.removeLinks(network, null as never), api.LinkSelectionError, 'must be an array of ids and names'],
    ['removeLinks({ links: 5 })', () => api.removeLinks(network, { links: 5 } as never), api.LinkSelectionError, 'links must be an array'],
    ['route(…, { modes: -1.14e-101 })', () => api.route(network, 'Omsk', 'Pavlodar', { modes: -1.143353670809586e-101 as never }), api.CompileOptionError, 'modes must be an array'],
    ['route(…, { usableStatuses: { prototype: … } })', () => api.route(network, 'Omsk', 'Pavlodar', { usableStatuses: JSON.parse('{"prototype": {"polluted": true}}') }), api.CompileOptionError, 'usableStatuses must be an array'],
    ['resilientRoute(…, { avoid: null })', () => api.resilientRoute(network, 'Omsk', 'Pavlodar', { avoid: null as never }), api.CompileOptionError, 'avoid must be an object'],
    ['route(…, { avoid: { modes: "road" } })', () => api.route(network, 'Omsk', 'Pavlodar', { avoid: { modes: 'road' as never } }), api.CompileOptionError, 'avoid.modes must be an array'],
    ['removeLinks(…, { cost: null })', () => api.removeLinks(network, ['ILETSK'], { cost: null as never }), api.InvalidCostParameterError, 'cost must be an object'],
    ['accessibility({ modes: -1.4e144 })', () => api.accessibility(network, { modes: -1.4175682701432588e144 as never }), api.AccessibilityArgumentError, 'modes must be an array'],
    ['accessibility({ places: " " })', () => api.accessibility(network, { places: ' ' as never }), api.AccessibilityArgumentError, 'places must be an array'],
    ['singlePointsOfFailure({ modes: "꜐ᖖ𓌬" })', () => api.singlePointsOfFailure(network, { modes: '꜐ᖖ𓌬' as never }), api.ResilienceArgumentError, 'modes must be an array'],
    ['singlePointsOfFailure({ usableStatuses: 1509517895 })', () => api.singlePointsOfFailure(network, { usableStatuses: 1509517895 as never }), api.CompileOptionError, 'usableStatuses must be an array'],
    ['resilientRoute(…, { failureProbability: null })', () => api.resilientRoute(network, 'Granichnaya', 'Pavlodar', { failureProbability: null as never }), api.ResilienceArgumentError, 'failureProbability'],
    ['resolveRegion(3.26e73)', () => resolveRegion(network, 3.256642702584834e73 as never), api.UnknownRegionError, 'no region "3.256642702584834e+73"'],
    ['singlePointsOfFailure({ scenario: ":0p)8f%O(\\" })', () => api.singlePointsOfFailure(network, { scenario: ':0p)8f%O(\\' }), api.UnknownScenarioError, 'no bundled scenario of that name'],
  ] as const)('%s', (_, call, type, message) => {
    const error = thrown(call);
    expect(error).toBeInstanceOf(type);
    expect(isTypedError(error)).toBe(true);
    expect(error.message).toContain(message);
  });

  it("steppenet info --scenario '%zz' is a usage error (exit 2), not an internal URIError", async () => {
    const r = await cli('info', '--scenario', '%zz');
    expect(r.code).toBe(2);
    expect(r.err).toContain('no bundled scenario of that name');
    expect(r.err).not.toContain('internal error');
  });
});

describe('every exit 2 shows the usage line (CLI fuzz)', () => {
  it.each([[''], ['/dev/null']])('steppenet report --out %j', async (out) => {
    const r = await cli('report', '--out', out);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^usage: steppenet report /m);
  });
});

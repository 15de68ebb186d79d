// Defects the fuzz suite found, each kept as a plain regression test with the
// input that showed it (red before its fix, green after).
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { loadNetwork } from '../../src/model/load-network.js';
import { costParameters, DriverClock } from '../../src/routing/cost-model.js';
import { route } from '../../src/routing/route.js';
import { tinyNetwork } from '../fixtures/tiny-network.js';

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

  it.each([1, 2] as const)('skipping whole days gives the rests of stepping through them (%i driver(s))', (drivers) => {
    const p = costParameters({ drivers });
    const day = p.driverRules.maxDailyDrivingHours * drivers;
    const restOfOneDay = new DriverClock(p).drive(day + 3);
    // 50 days are stepped through, 500 skipped: both are whole days of the same rest.
    expect(new DriverClock(p).drive(50 * day + 3)).toBe(50 * restOfOneDay);
    expect(new DriverClock(p).drive(500 * day + 3)).toBe(500 * restOfOneDay);
  });
});

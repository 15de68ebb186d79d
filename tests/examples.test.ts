import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';

// Every program in examples/ runs here, exactly as a user would run it, and
// every example quoted in the README is the file itself, so the docs cannot drift.
const examples = readdirSync(new URL('../examples/', import.meta.url)).filter((f) => f.endsWith('.ts'));

async function run(file: string): Promise<string> {
  const lines: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')));
  try {
    await import(/* @vite-ignore */ `../examples/${file}`);
  } finally {
    log.mockRestore();
  }
  return lines.join('\n');
}

describe('examples', () => {
  afterEach(() => vi.restoreAllMocks());

  it('are all quoted verbatim in the README', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    for (const file of examples) {
      const code = readFileSync(new URL(`../examples/${file}`, import.meta.url), 'utf8').trim();
      expect(readme, `README quotes examples/${file}`).toContain(code);
    }
  });

  it('route-on-bundled-network: Omsk → Pavlodar crosses the border once, names resolve, typos get suggestions', async () => {
    const out = await run('route-on-bundled-network.ts');
    expect(out).toMatch(/^Omsk → Pavlodar: [\d.]+ h, \d+ km/);
    expect(out).toMatch(/border: .*RU → KZ, wait [\d.]+ h/);
    expect(out).toContain('Ust-Kamenogorsk');
    expect(out).toMatch(/Unknown place "Petropavlosk"\. Did you mean: Petropavlovsk/);
  });

  it('what-if-closure: closing Kulunda reroutes Barnaul → Pavlodar by rail and leaves Semey untouched', async () => {
    const out = await run('what-if-closure.ts');
    expect(out).toContain('removed: rail-kulunda-kurkamys');
    expect(out).toMatch(/Barnaul → Pavlodar: \+[\d.]+ h, crossing at /);
    expect(out).not.toMatch(/Barnaul → Pavlodar: .*crossing at Kulunda – Kurkamys/);
    expect(out).toMatch(/Rubtsovsk → Ust-Kamenogorsk: unchanged/);
  });

  it('own-graphology-graph: the cheaper of two parallel links is returned by its key', async () => {
    expect(await run('own-graphology-graph.ts')).toBe('depot → hub → mine: 60 km via depot-hub, hub-mine-road');
  });

  it('resilience: three alternatives, at least two link-disjoint routes, a resilient route, and a capacity per border sector', async () => {
    const out = await run('resilience.ts');
    expect(out.match(/^alternative \d: /gm)).toHaveLength(3);
    expect(out).toMatch(/^([2-9]|\d\d) link-disjoint routes, \d+ at most$/m);
    expect(out).toMatch(/^most resilient: [\d.]+ h: .*; worst single-link failure adds [\d.]+ h$/m);
    for (const sector of ['caspian-volga', 'urals', 'west-siberia', 'altai']) expect(out).toMatch(new RegExp(`^${sector}: \\d+ trucks/day$`, 'm'));
  });

  it('corridors-and-scenarios: the bypass avoids Kazakhstan, and Kulunda – Semey by rail got slower when the Lokot line closed', async () => {
    const out = await run('corridors-and-scenarios.ts');
    expect(out).toMatch(/^bypass: \d+ km, \d+ h, RU → MN → CN/m);
    expect(out).toMatch(/^through KZ: \d+ km, \d+ h, RU → KZ → CN/m);
    expect(out).toMatch(/^Kulunda → Semey by rail: changed/m);
    expect(out).toMatch(/^rail hours Omsk → Barnaul: [\d.]+$/m);
  });
});


/**
 * The crossing regimes: which checkpoints a query may use, depending on what
 * it carries (`freight: transit | bilateral`), how a route names the regime of
 * every crossing, and how an unreachable answer names the regime as the cause.
 */
import { describe, expect, it } from 'vitest';
import { accessibilityCommand } from '../src/cli/commands/accessibility.js';
import { alternativesCommand } from '../src/cli/commands/alternatives.js';
import { compareCommand } from '../src/cli/commands/compare.js';
import { corridorsCommand } from '../src/cli/commands/corridors.js';
import { criticalCommand } from '../src/cli/commands/critical.js';
import { disjointCommand } from '../src/cli/commands/disjoint.js';
import { removeCommand } from '../src/cli/commands/remove.js';
import { resilientCommand } from '../src/cli/commands/resilient.js';
import { routeCommand } from '../src/cli/commands/route.js';
import { spofCommand } from '../src/cli/commands/spof.js';
import { checkpointRegime, regimeAllows } from '../src/model/checkpoint-regime.js';
import { loadNetwork } from '../src/model/load-network.js';
import type { NetworkFile } from '../src/model/types.js';
import { CompileOptionError } from '../src/routing/compile-network.js';
import { route } from './fixtures/as-drawn.js';
import { routeToGeoJSON } from '../src/present/route-geojson.js';
import { parseDrawnNetwork } from './fixtures/parse-drawn-network.js';
import { runCommand } from './fixtures/run-command.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const load = (file: NetworkFile) => loadNetwork(file, { checkCountries: false });

describe('checkpointRegime', () => {
  it('takes the regime where given, else derives it from the kind', () => {
    const of = (kind: Parameters<typeof checkpointRegime>[0]['kind'], regime?: Parameters<typeof checkpointRegime>[0]['regime']) => checkpointRegime({ kind, regime });
    expect([of('local'), of('bilateral'), of('multilateral'), of('rail'), of('river'), of('transit')])
      .toEqual(['simplified', 'bilateral', 'multilateral', 'multilateral', 'multilateral', 'multilateral']);
    expect(of('rail', 'bilateral')).toBe('bilateral');
    expect(of('multilateral', 'simplified')).toBe('simplified');
  });

  it('opens multilateral to all freight, bilateral to KZ–RU bilateral freight only, simplified to nobody but residents', () => {
    //                          transit KZ-RU   bilateral KZ-RU   bilateral other border   residents
    expect(['multilateral', 'bilateral', 'simplified'].map((r) => [
      regimeAllows(r as 'bilateral', 'transit', true), regimeAllows(r as 'bilateral', 'bilateral', true),
      regimeAllows(r as 'bilateral', 'bilateral', false), regimeAllows(r as 'bilateral', 'transit', true, true),
    ])).toEqual([
      [true, true, true, true],
      [false, true, false, true],
      [false, false, false, true],
    ]);
  });
});

describe('route: freight regime', () => {
  // Three checkpoints from P (RU) to K (KZ): multilateral, bilateral and simplified (kind local); and a
  // bilateral crossing of another border into C (CN). Waits are 0 so the hours are the link hours.
  const net = load(parseDrawnNetwork`
    p
    |\
    | c
    |/
    k

    | place | country |
    | k     | KZ      |
    | c     | CN      |

    | link | id    | mode | hours | wait | checkpoint | regime    |
    | pk   | multi | road | 5     | 0    |            |           |
    | pk   | bi    | road | 2     | 0    | bilateral  |           |
    | pk   | res   | road | 1     | 0    | local      |           |
    | pc   | cn-bi | road | 0.5   | 0    |            | bilateral |
    | ck   | c-k   | road | 0.5   | 0    |            |           |
  `);

  it('transit freight (the default) crosses only at the multilateral checkpoint: 5 h', () => {
    const r = route(net, 'p', 'k');
    expect([r.freight, r.links, r.totals.hours]).toEqual(['transit', ['multi'], 5]);
    expect(r.crossings.map((c) => [c.link, c.regime])).toEqual([['multi', 'multilateral']]);
  });

  it('bilateral freight also uses the KZ–RU bilateral checkpoint (2 h), never the bilateral one of another border (1 h)', () => {
    const r = route(net, 'p', 'k', { freight: 'bilateral' });
    expect([r.freight, r.links, r.totals.hours]).toEqual(['bilateral', ['bi'], 2]);
    expect(r.crossings.map((c) => [c.checkpoint, c.regime])).toEqual([['cp-bi', 'bilateral']]);
  });

  it('border residents (localCrossings) use every regime: the simplified crossing, 1 h', () => {
    const r = route(net, 'p', 'k', { localCrossings: true });
    expect([r.links, r.totals.hours]).toEqual([['res'], 1]);
    expect(r.crossings[0].regime).toBe('simplified');
  });

  it('names the regime when it is what keeps two places apart', () => {
    const bilateralOnly = load(parseDrawnNetwork`
      p-----k
      | place | country |
      | k     | KZ      |
      | link | id | mode | hours | wait | checkpoint |
      | pk   | bi | road | 2     | 0    | bilateral  |
    `);
    const r = route(bilateralOnly, 'p', 'k');
    expect(r.found).toBe(false);
    expect(r.reason).toBe('only bilateral crossings connect P and K (Checkpoint bi; Kazakh and Russian carriers only): use freight bilateral');
    expect(route(bilateralOnly, 'p', 'k', { freight: 'bilateral' }).links).toEqual(['bi']);

    const residentsOnly = load(parseDrawnNetwork`
      p-----k
      | place | country |
      | k     | KZ      |
      | link | id  | mode | hours | wait | regime     |
      | pk   | res | road | 1     | 0    | simplified |
    `);
    expect(route(residentsOnly, 'p', 'k', { freight: 'bilateral' }).reason)
      .toBe('only simplified crossings connect P and K (Checkpoint res): they serve border residents, never freight');
  });

  it('rejects an unknown freight kind', () => {
    expect(() => route(net, 'p', 'k', { freight: 'cabotage' as 'transit' })).toThrow(CompileOptionError);
    expect(() => route(net, 'p', 'k', { freight: 'cabotage' as 'transit' })).toThrow('compileNetwork: options.freight is "cabotage"; it must be transit or bilateral');
  });

  it('puts the regime on the crossing points of the GeoJSON and the freight on the legs', () => {
    const geo = routeToGeoJSON(net, route(net, 'p', 'k', { freight: 'bilateral' }));
    const crossing = geo.features.find((f) => f.properties?.kind === 'crossing')!;
    expect(crossing.properties).toMatchObject({ checkpoint: 'Checkpoint bi', regime: 'bilateral' });
    expect(geo.features.find((f) => f.properties?.kind === 'leg')!.properties).toMatchObject({ freight: 'bilateral' });
  });
});

describe('steppenet route --freight', () => {
  // The same drawn network on real coordinates (RU near Omsk, KZ near Petropavl), so the loader's country check passes.
  const file = parseDrawnNetwork`
    p-----k
    | place | country |
    | k     | KZ      |
    | link | id    | mode | hours | wait | checkpoint |
    | pk   | multi | road | 5     | 0    |            |
    | pk   | bi    | road | 2     | 0    | bilateral  |
  `;
  const at: Record<string, [number, number]> = { p: [73.37, 54.99], k: [69.15, 54.87] };
  for (const f of file.features) {
    if (f.geometry.type === 'Point') f.geometry.coordinates = at[f.properties.id];
    else f.geometry.coordinates = [at[(f.properties as { from: string }).from], at[(f.properties as { to: string }).to]];
  }
  const path = join(mkdtempSync(join(tmpdir(), 'steppenet-freight-')), 'net.geojson');
  writeFileSync(path, JSON.stringify(file));

  it('prints the freight in the title and the regime of each crossing', async () => {
    const transit = await runCommand(routeCommand, ['p', 'k', '--network', path]);
    expect(transit.out).toContain('P → K by time (scenario current, freight transit)');
    expect(transit.out).toMatch(/Checkpoint multi\s+road\s+multilateral\s+RU → KZ/);
    const bilateral = await runCommand(routeCommand, ['p', 'k', '--freight', 'bilateral', '--network', path]);
    expect(bilateral.out).toMatch(/Checkpoint bi\s+road\s+bilateral\s+RU → KZ/);
    const json = JSON.parse((await runCommand(routeCommand, ['p', 'k', '--freight', 'bilateral', '--format', 'json', '--network', path])).out);
    expect([json.freight, json.crossings[0].regime]).toEqual(['bilateral', 'bilateral']);
  });

  it('exits 2 with the usage for an unknown --freight', async () => {
    const { code, err } = await runCommand(routeCommand, ['p', 'k', '--freight', 'cabotage', '--network', path]);
    expect(code).toBe(2);
    expect(err).toContain('--freight must be one of transit, bilateral');
    expect(err).toContain('[--freight transit|bilateral]');
  });

  it('alternatives with --freight bilateral find the bilateral crossing too; transit only the multilateral one', async () => {
    const routes = async (freight: string) => JSON.parse((await runCommand(alternativesCommand, ['p', 'k', '--freight', freight, '--format', 'json', '--network', path])).out)
      .routes.map((r: { links: string[] }) => r.links.join(' '));
    expect(await routes('transit')).toEqual(['multi']);
    expect(await routes('bilateral')).toEqual(['bi', 'multi']);
  });

  it.each([
    [alternativesCommand, ['p', 'k']], [disjointCommand, ['p', 'k']], [resilientCommand, ['p', 'k']],
    [removeCommand, ['multi', '--ods', 'p>k']], [criticalCommand, ['--ods', 'p>k']], [compareCommand, ['current', 'current', '--ods', 'p>k']],
    [spofCommand, []], [accessibilityCommand, []], [corridorsCommand, ['--from', 'p', '--to', 'k']],
  ])('every command that routes takes --freight: %#', async (command, argv) => {
    expect(command.usage).toContain('[--freight transit|bilateral]');
    const { code, err } = await runCommand(command, [...argv, '--freight', 'cabotage', '--network', path]);
    expect(code).toBe(2);
    expect(err).toContain('--freight must be one of transit, bilateral');
  });
});

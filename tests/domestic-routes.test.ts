import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { bundledPath } from '../src/io/bundled-files.js';
import { loadNetwork } from '../src/model/load-network.js';
import type { Network } from '../src/model/network.js';
import { applyScenario } from '../src/model/scenario.js';
import type { Mode } from '../src/model/types.js';
import { compileNetwork } from '../src/routing/compile-network.js';
import type { Objective } from '../src/routing/cost-model.js';
import { route, routeCompiled } from '../src/routing/route.js';

// A trip between two region centres of one country stays in that country,
// unless the shortest way truly runs through the neighbour (R-254 and the
// Trans-Siberian between Kurgan and Omsk cross North Kazakhstan; Ust-
// Kamenogorsk's only railway runs through Lokot in Russia). Those pairs are
// listed, with the reason, in networks/validation/cross-border-routes.csv
// (and networks/README.md). A pair that leaves its country without being
// listed points at a missing domestic road or line; a listed pair that never
// crosses is stale and must go.
const current = loadNetwork();
const listed: { from: string; to: string; mode: string; reason: string }[] = parse(
  readFileSync(bundledPath('networks/validation/cross-border-routes.csv'), 'utf8'),
  { bom: true, columns: true, skip_empty_lines: true, trim: true },
);
const key = (mode: string, a: string, b: string) => `${mode}:${[a, b].sort().join('|')}`;
const exceptions = new Set(listed.map((r) => key(r.mode, r.from, r.to)));
const neighbour = (country: string) => (country === 'RU' ? 'KZ' : 'RU');

const crossedSomewhere = new Set<string>();
const scenarios: [string, Network][] = [['current', current], ['historical', applyScenario(current, 'historical')], ['planned', applyScenario(current, 'planned')]];
const cases = scenarios.flatMap(([name, net]) => (['road', 'rail'] as Mode[]).flatMap((mode) => (['time', 'distance'] as Objective[]).map((by) => [name, mode, by, net] as const)));

describe.each(cases)('scenario %s: %s routes by %s between the region centres of one country', (_name, mode, by, net) => {
  const compiled = compileNetwork(net, { modes: [mode], by });
  const centres = net.regionCentres().map((f) => f.properties).filter((p) => p.modes.includes(mode));
  it.each(['KZ', 'RU'])('stay inside %s, except the listed pairs', (country) => {
    const here = centres.filter((p) => p.country === country);
    const leaving: string[] = [];
    for (const a of here) {
      for (const b of here) {
        if (a.id === b.id) continue;
        const r = routeCompiled(compiled, [a.id, b.id]);
        expect(r.found, `${a.id} → ${b.id} by ${mode}: ${r.reason}`).toBe(true);
        if (!r.countries.some((c) => c !== country)) continue;
        const k = key(mode, a.id, b.id);
        crossedSomewhere.add(k);
        if (!exceptions.has(k)) leaving.push(`${a.id} → ${b.id} via ${r.countries.join('→')}`);
        else if (by === 'distance') {
          // A listed pair crosses because that is shorter: the domestic way exists and is longer.
          const domestic = route(net, a.id, b.id, { modes: [mode], by: 'distance', avoid: { countries: [neighbour(country)] } });
          if (domestic.found) expect(domestic.totals.km, `${a.id} → ${b.id} inside ${country}`).toBeGreaterThan(r.totals.km);
        }
      }
    }
    expect(leaving).toEqual([]);
  });
});

describe('the list of pairs that truly cross', () => {
  it('names region centres of one country, a mode, and a reason for each', () => {
    for (const r of listed) {
      const [a, b] = [current.place(r.from)?.properties, current.place(r.to)?.properties];
      expect(a?.regionCentre && b?.regionCentre && a.country === b.country, `${r.from}–${r.to}`).toBe(true);
      expect(['rail', 'road']).toContain(r.mode);
      expect(r.reason.length).toBeGreaterThan(40);
    }
  });

  it('has no stale entry: every listed pair crosses in some scenario, by time or by distance', () => {
    expect(listed.map((r) => key(r.mode, r.from, r.to)).filter((k) => !crossedSomewhere.has(k))).toEqual([]);
  });
});

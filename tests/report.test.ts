import { describe, expect, it } from 'vitest';
import { loadNetwork } from '../src/model/load-network.js';
import { buildReport } from '../src/report/build-report.js';
import { eastKazakhstanRailShare, kulundaLokotAnswer, modernisationAnswer, plannedProgramme } from '../src/report/scenario-answers.js';

const network = loadNetwork();

describe('the headline report on the bundled network', () => {
  const report = buildReport(network);

  it('has every section and GeoJSON layers that hold features', () => {
    for (const heading of [
      '## Best routes by mode', '## The ten most critical links', '## Shortest and most resilient routes', '## Border capacity', '## The M-12 bypass against the corridor through Kazakhstan',
      '### What abolishing Kulunda – Malinovo Ozero – Lokot cost', '### The Omsk – Pavlodar hub and repaired Irtysh locks',
      '### The checkpoint modernisation programme', '### East Kazakhstan without a rail link to Russia', '## What this rests on',
    ]) expect(report.markdown).toContain(heading);
    for (const name of ['headline-routes', 'critical-links', 'corridors']) expect(report.layers[name].features.length, name).toBeGreaterThan(0);
  });

  it('draws the bypass without Kazakhstan and the through route with it', () => {
    const corridor = report.layers.corridors.features;
    const countriesOf = (kind: string) => new Set(corridor.filter((f) => f.properties!.corridor === kind && f.properties!.kind === 'crossing').flatMap((f) => [f.properties!.from, f.properties!.to]));
    expect(countriesOf('bypass').has('KZ')).toBe(false);
    expect(countriesOf('through-kz').has('KZ')).toBe(true);
  });

  it('compares the bypass by road and by rail alone, each with a real route on both sides, under current and planned', () => {
    for (const heading of ['### road only, scenario current', '### rail only, scenario current', '### road only, scenario planned', '### rail only, scenario planned']) {
      expect(report.markdown).toContain(heading);
    }
    const summary = report.markdown.split('\n').filter((l) => /^\| (current|planned) \| (road|rail|all) \|/.test(l));
    expect(summary).toHaveLength(6);
    for (const row of summary) expect(row, row).not.toContain('no route');
    // The rail bypass leaves Russia through Mongolia (Naushki) or at Zabaikalsk, never through Kazakhstan.
    expect(summary.find((l) => l.startsWith('| current | rail |'))).toMatch(/Naushki|Zabaikalsk/);
  });
});

describe('the scenario answers', () => {
  it('abolishing Kulunda – Malinovo Ozero – Lokot cuts Malinovoe Ozero off by rail and lengthens Altai – Kazakhstan rail trips', () => {
    const answer = kulundaLokotAnswer(network);
    const cutOff = answer.rows.filter((r) => r.status === 'disconnected').map((r) => r.from);
    expect(new Set(cutOff)).toEqual(new Set(['st-malinovo-ozero']));
    expect(answer.rows.filter((r) => r.status === 'changed').every((r) => r.change > 0)).toBe(true);
  });

  it('a programme of the planned scenario keeps only its own overrides', () => {
    const checkpoints = plannedProgramme(network, 'checkpoints', (id) => network.link(id)?.properties.checkpoint !== undefined);
    expect(checkpoints.overrides!.length).toBeGreaterThan(0);
    expect(checkpoints.overrides!.every((o) => 'checkpoint' in o.set || (o.select.ids ?? []).every((id) => network.link(id)?.properties.checkpoint))).toBe(true);
    // Shorter waits can only make road trips faster.
    expect(modernisationAnswer(network).rows.every((r) => !(r.change > 1e-9))).toBe(true);
  });

  it('counts the East Kazakhstan settlements without a rail route into Russia', () => {
    const share = eastKazakhstanRailShare(network);
    expect(share.settlements).toBeGreaterThan(0);
    expect(share.without).not.toContain('Semey'); // Semey – Aul – Lokot – Rubtsovsk
    expect(share.shareWithout).toBeCloseTo(share.without.length / share.settlements, 12);
  });
});

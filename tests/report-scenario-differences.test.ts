// The report's scenario differences map (today → planned) and its GeoJSON layer.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LinkProperties } from '../src/model/types.js';
import { classifyLinkChange } from '../src/report/sections/scenario-differences.js';
import { geojsonProblems } from './fixtures/geojson-problems.js';
import { writeReportHtml } from './fixtures/report-html-once.js';

type Props = Record<string, unknown>;

describe('the scenario differences map in report.html', async () => {
  const { dir, html } = await writeReportHtml();
  const text = readFileSync(join(dir, 'scenario-differences.geojson'), 'utf8');
  const layer = JSON.parse(text) as { features: { geometry: { type: string; coordinates: unknown }; properties: Props }[] };
  const of = (kind: string) => layer.features.filter((f) => f.properties.kind === kind).map((f) => f.properties);

  it('is an inline SVG map with its legend, naming its GeoJSON file', () => {
    const figure = html.match(/<figure class="map" id="[^"]*today--planned[^"]*">([\s\S]*?)<\/figure>/);
    expect(figure, 'a map figure titled Today → planned').not.toBeNull();
    const [, inner] = figure!;
    expect(inner).toMatch(/^<svg [^>]*class="map"/);
    expect(inner).toContain('<title id="map-');
    // The country outlines, the changed links (opening links in green) and the pairs' lines.
    expect(inner).toContain('class="countries"');
    expect(inner).toContain('stroke="#1a9850"');
    for (const label of ['link opens (11)', 'checkpoint: waits, capacity, status', 'place changed (3, e.g. a lock)', 'pair faster by over 5 h']) expect(inner).toContain(label);
    expect(inner).toContain('<code>scenario-differences.geojson</code>');
    // The repaired locks are circles.
    expect((inner.match(/<circle [^>]*fill="#fff"/g) ?? []).length).toBeGreaterThanOrEqual(3 + 1);
  });

  it('comes with a chart of the pairs\' changes and a finding in the summary', () => {
    expect(html).toMatch(/<figure class="chart"[^>]*><figcaption><strong>Today → planned: change of the best time of the 15 pairs/);
    const summary = html.slice(html.indexOf('id="summary-of-findings"'), html.indexOf('</ul>', html.indexOf('id="summary-of-findings"')));
    expect(summary).toMatch(/Everything planned at once: 11 links open, .*<a href="#everything-planned-at-once[^"]*">Details<\/a>/);
  });

  it('writes a valid RFC 7946 layer listed in manifest.json', () => {
    expect(geojsonProblems(text)).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { files: { name: string; bytes: number; sha256: string }[] };
    const entry = manifest.files.find((f) => f.name === 'scenario-differences.geojson');
    expect(entry).toBeDefined();
    expect(entry!.sha256).toBe(createHash('sha256').update(readFileSync(join(dir, 'scenario-differences.geojson'))).digest('hex'));
    // The report names it in its list of layers.
    expect(html).toContain('<code>scenario-differences.geojson</code>: today against the planned scenario');
  });

  it('holds what planned.json changes: the hub opens, Kzyl-Tu stays closed, the locks, the checkpoints', () => {
    const links = new Map(of('link').map((p) => [p.id, p]));
    // planned.json: the hub's access links planned → open; Kzyl-Tu abolished → planned (still closed); Mashtakovo – Syrym modernised.
    expect(links.get('road-hub-omsk-pavlodar-omsk')).toMatchObject({ change: 'opens', current_status: 'planned', planned_status: 'open' });
    expect(links.get('rail-granichnaya-kzyl-tu')).toMatchObject({ change: 'changes, still closed', planned_status: 'planned' });
    expect(links.get('border-mashtakovo-syrym')?.change).toBe('checkpoint changes');
    expect(String(links.get('border-mashtakovo-syrym')?.changes)).toContain('checkpoint.waitHours.forward: 12 → 3');
    expect(links.get('river-pavlodar-semey')?.change).toBe('restriction lifted');
    expect(of('place').map((p) => p.id).sort()).toEqual(['lock-bukhtarma', 'lock-shulba', 'lock-ust-kamenogorsk']);
  });

  it('draws each pair whose time changes as a straight line with its hours in both scenarios', () => {
    const pairs = of('od-pair');
    expect(pairs.length).toBeGreaterThan(0);
    for (const p of pairs) {
      expect(p.change_hours).toBeCloseTo(Number(p.planned_hours) - Number(p.current_hours), 9);
      expect(Math.abs(Number(p.change_hours))).toBeGreaterThanOrEqual(0.01);
    }
    const omskPavlodar = pairs.find((p) => p.from_id === 'omsk' && p.to_id === 'pavlodar');
    expect(Number(omskPavlodar?.planned_hours)).toBeLessThan(Number(omskPavlodar?.current_hours));
    const line = layer.features.find((f) => f.properties === omskPavlodar)!.geometry;
    expect(line.type).toBe('LineString');
    expect((line.coordinates as unknown[]).length).toBe(2);
  });
});

describe('classifyLinkChange', () => {
  const link = (status: LinkProperties['status'], checkpoint?: { status: string }) => ({ status, ...(checkpoint ? { checkpoint } : {}) }) as LinkProperties;
  it.each([
    [link('planned'), link('open'), ['status'], 'opens'],
    [undefined, link('open'), ['added'], 'opens'],
    [link('open'), link('abolished'), ['status'], 'closes'],
    [link('open', { status: 'open' }), link('open', { status: 'abolished' }), ['checkpoint.status'], 'closes'],
    [link('abolished'), link('planned'), ['status'], 'changes, still closed'],
    [link('open', { status: 'reconstruction' }), link('open', { status: 'open' }), ['checkpoint.waitHours.forward'], 'checkpoint changes'],
    [link('restricted'), link('open'), ['status'], 'restriction lifted'],
    [link('open'), link('restricted'), ['status'], 'restricted'],
    [link('open'), link('open'), ['speedKmh'], 'other change'],
  ] as const)('%j → %j (%j): %s', (before, after, fields, expected) => {
    expect(classifyLinkChange(before, after, fields)).toBe(expected);
  });
});

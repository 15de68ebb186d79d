import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { linkCriticality, mergeCriticality, ShardError } from '../src/analysis/link-criticality.js';
import { areaCriticality, mergeAreaCriticality } from '../src/analysis/area-criticality.js';
import { criticalCommand } from '../src/cli/commands/critical.js';
import { mergeCommand } from '../src/cli/commands/merge.js';
import { loadNetwork } from '../src/model/load-network.js';
import { csvRecords } from './fixtures/csv-records.js';
import { runCommand } from './fixtures/run-command.js';

// A criticality scan split into shards (run in other processes or on other
// machines) and merged must equal the scan run whole: same links, same
// figures, same order. The bundled network by road, its default OD set.
const network = loadNetwork();
const options = { modes: ['road' as const], by: 'time' as const };
const whole = linkCriticality(network, options);

describe('criticality shards', () => {
  it.each([1, 2, 3, 7])('%i shards merge to the whole scan', (count) => {
    const parts = Array.from({ length: count }, (_, index) => linkCriticality(network, { ...options, shard: { index, count } }));
    // Every link is scored in exactly one shard.
    expect(parts.reduce((n, p) => n + p.ranking.length, 0)).toBe(whole.ranking.length);
    expect(mergeCriticality(parts)).toEqual(whole);
    // Shards in any order.
    expect(mergeCriticality([...parts].reverse())).toEqual(whole);
  });

  it('refuses a missing shard, a shard twice, shards of another scan and a bad shard option', () => {
    const a = linkCriticality(network, { ...options, shard: { index: 0, count: 2 } });
    const b = linkCriticality(network, { ...options, shard: { index: 1, count: 2 } });
    expect(() => mergeCriticality([a])).toThrow(/missing shard\(s\) 2\/2/);
    expect(() => mergeCriticality([a, a, b])).toThrow(/shard 1\/2 given twice/);
    const other = linkCriticality(network, { ...options, by: 'distance', shard: { index: 1, count: 2 } });
    expect(() => mergeCriticality([a, other])).toThrow(/shards of different scans/);
    expect(() => mergeCriticality([{ ...a, ranking: a.ranking.slice(0, 3) }, b])).toThrow(/cut short/);
    expect(() => linkCriticality(network, { ...options, shard: { index: 2, count: 2 } })).toThrow(ShardError);
  });

  it('runs through the command line: critical --shard I/N --format json, then merge', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'steppenet-shards-'));
    const files: string[] = [];
    for (const shard of ['1/3', '2/3', '3/3']) {
      const { code, out } = await runCommand(criticalCommand, ['--mode', 'road', '--shard', shard, '--format', 'json']);
      expect(code).toBe(0);
      const file = join(dir, `part-${shard.replace('/', 'of')}.json`);
      writeFileSync(file, out);
      files.push(file);
    }
    const merged = await runCommand(mergeCommand, [...files, '--format', 'json']);
    expect(merged.code).toBe(0);
    expect(JSON.parse(merged.out)).toEqual(JSON.parse((await runCommand(criticalCommand, ['--mode', 'road', '--format', 'json'])).out));
    // The merged CSV carries the whole scan's figures unrounded, one record per link.
    const csv = csvRecords((await runCommand(mergeCommand, [...files, '--format', 'csv'])).out);
    expect(csv.header).toEqual(['rank', 'link_id', 'name', 'mode', 'pairs_using', 'disconnected_pairs', 'disconnected_demand', 'weighted_extra_time_hours', 'worst_extra_time_hours']);
    expect(csv.records.map((r) => [r.link_id, Number(r.weighted_extra_time_hours), Number(r.worst_extra_time_hours)]))
      .toEqual(whole.ranking.map((r) => [r.link, r.weightedExtra, r.worstExtra]));
    const missing = await runCommand(mergeCommand, files.slice(0, 2));
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/missing shard\(s\) 3\/3/);
    const bad = await runCommand(criticalCommand, ['--shard', '4/3']);
    expect([bad.code, bad.err]).toEqual([2, expect.stringMatching(/--shard must be I\/N with 1 <= I <= N/)]);
  });

  // The area scans split the same way: shards of the regions or grid cells.
  const regions = areaCriticality(network, { ...options, areas: 'regions' });
  const grid = areaCriticality(network, { ...options, areas: { grid: 2 } });

  it.each([1, 2, 5])('%i shards of the area scans (regions, 2° cells) merge to the whole scan', (count) => {
    for (const [areas, whole] of [['regions', regions], [{ grid: 2 }, grid]] as const) {
      const parts = Array.from({ length: count }, (_, index) => areaCriticality(network, { ...options, areas, shard: { index, count } }));
      expect(parts.reduce((n, p) => n + p.ranking.length, 0)).toBe(whole.ranking.length);
      expect(mergeAreaCriticality([...parts].reverse())).toEqual(whole);
    }
    expect(regions.ranking.length).toBeGreaterThan(40);
    expect(grid.ranking.length).toBeGreaterThan(40);
  });

  it('refuses area shards of different scans, a missing one, and links mixed with areas', async () => {
    const a = areaCriticality(network, { ...options, areas: 'regions', shard: { index: 0, count: 2 } });
    const b = areaCriticality(network, { ...options, areas: 'regions', shard: { index: 1, count: 2 } });
    const cells = areaCriticality(network, { ...options, areas: { grid: 2 }, shard: { index: 1, count: 2 } });
    expect(() => mergeAreaCriticality([a])).toThrow(/missing shard\(s\) 2\/2/);
    expect(() => mergeAreaCriticality([a, cells])).toThrow(/shards of different scans/);
    expect(() => areaCriticality(network, { ...options, shard: { index: 0, count: 0 } })).toThrow(ShardError);
    const dir = mkdtempSync(join(tmpdir(), 'steppenet-shards-'));
    writeFileSync(join(dir, 'a.json'), JSON.stringify(a));
    writeFileSync(join(dir, 'links.json'), JSON.stringify(linkCriticality(network, { ...options, shard: { index: 1, count: 2 } })));
    const mixed = await runCommand(mergeCommand, [join(dir, 'a.json'), join(dir, 'links.json')]);
    expect([mixed.code, mixed.err]).toEqual([2, expect.stringMatching(/shards of a scan of links and of a scan of areas/)]);
    expect(b.ranking.length).toBeGreaterThan(0);
  });

  it('runs through the command line for areas: critical --grid 2deg --shard I/N --format json, then merge', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'steppenet-shards-'));
    const files: string[] = [];
    for (const shard of ['1/2', '2/2']) {
      const { code, out } = await runCommand(criticalCommand, ['--mode', 'road', '--grid', '2deg', '--shard', shard, '--format', 'json', '--workers', '1']);
      expect(code).toBe(0);
      const file = join(dir, `cells-${shard.replace('/', 'of')}.json`);
      writeFileSync(file, out);
      files.push(file);
    }
    const merged = await runCommand(mergeCommand, [...files, '--format', 'csv']);
    expect(merged.code).toBe(0);
    expect(merged.out).toBe((await runCommand(criticalCommand, ['--mode', 'road', '--grid', '2deg', '--format', 'csv', '--workers', '1'])).out);
    expect(csvRecords(merged.out).records.map((r) => r.area_id)).toEqual(grid.ranking.map((r) => r.area));
  });
});

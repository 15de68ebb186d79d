// `steppenet remove` run through the CLI on the bundled network, checked
// against the library's removeLinks on the same network and pairs.
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeLinks } from '../src/analysis/remove-links.js';
import { loadNetwork } from '../src/model/load-network.js';
import { runSteppenet } from './fixtures/run-command.js';

const network = loadNetwork();
const crossing = 'border-olkhovka-urlyutobe';
// By road, Omsk–Pavlodar takes the Olkhovka – Urlyutobe crossing both ways; Orenburg–Aktobe does not.
const ods = [{ from: 'omsk', to: 'pavlodar', demand: 3 }, { from: 'pavlodar', to: 'omsk', demand: 1 }, { from: 'orenburg', to: 'aktobe', demand: 2 }];
const odFile = join(mkdtempSync(join(tmpdir(), 'steppenet-remove-')), 'ods.csv');
writeFileSync(odFile, ['from,to,demand', ...ods.map((od) => `${od.from},${od.to},${od.demand}`)].join('\n') + '\n');
const expected = removeLinks(network, [crossing], { ods, modes: ['road'] });
const remove = (...argv: string[]) => runSteppenet(['remove', ...argv, '--mode', 'road', '--ods', odFile]);

describe('steppenet remove', () => {
  it('the library sees two detours and one unchanged pair (the premise of the tests below)', () => {
    expect(expected.rows.map((r) => r.effect)).toEqual(['detour', 'detour', 'unchanged']);
  });

  it('prints what was removed, the summary and a row per changed pair', async () => {
    const { code, out, err } = await remove(crossing);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(out).toContain(`Removed 1 link(s): ${crossing} (scenario current, by time)`);
    expect(out).toContain(`3 OD pairs: ${expected.summary.affected} used the removed links, 0 lose their connection`);
    // Two detours, and the unchanged pair left out unless --all.
    expect(out).toMatch(/Omsk\s+Pavlodar\s+3\s+detour/);
    expect(out).toMatch(/Pavlodar\s+Omsk\s+1\s+detour/);
    expect(out).not.toMatch(/Orenburg\s+Aktobe/);
    expect((await remove(crossing, '--all')).out).toMatch(/Orenburg\s+Aktobe\s+2\s+unchanged/);
  });

  it('answers json with the same rows, detours and summary as the library', async () => {
    const { code, out } = await remove(crossing, '--format', 'json');
    expect(code).toBe(0);
    const json = JSON.parse(out) as typeof expected;
    expect(json.removed).toEqual([crossing]);
    expect(json.summary).toMatchObject({ pairs: 3, affected: expected.summary.affected, disconnected: 0 });
    expect(json.summary.weightedExtra).toBeCloseTo(expected.summary.weightedExtra, 2);
    expect(json.rows.map((r) => [r.from, r.to, r.effect, r.newRoute?.links])).toEqual(
      expected.rows.map((r) => [r.from, r.to, r.effect, r.newRoute?.links]),
    );
    json.rows.forEach((r, i) => expect(r.extra).toBeCloseTo(expected.rows[i].extra, 2));
  });

  it('answers csv: a header and a row per changed pair', async () => {
    const { code, out } = await remove(crossing, '--format', 'csv');
    expect(code).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(1 + 2);
    expect(lines[1]).toMatch(/(^|,)Omsk,Pavlodar,3,detour,/);
    expect(lines[2]).toMatch(/(^|,)Pavlodar,Omsk,1,detour,/);
  });

  it.each([
    ['an empty selection', [','], 'the selection is empty'],
    ['a link that does not exist', ['border-nowhere'], 'border-nowhere'],
  ])('exits 2 on %s, with a message and no stack trace', async (_, argv, message) => {
    const { code, out, err } = await remove(...argv);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(message);
    expect(err).not.toMatch(/\n\s+at /);
  });
});

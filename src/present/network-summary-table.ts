import type { DistanceValidation } from '../analysis/tariff-validation.js';
import type { Counts, NetworkSummary } from '../model/network-summary.js';
import { formatNumber } from './number-format.js';
import { formatTable } from './table.js';

/** Long values (notes) are clipped in the table; --format json has them whole. */
const clip = (s: string) => (s.length > 48 ? `${s.slice(0, 45)}…` : s);

const inline = (c: Counts) => Object.entries(c).map(([k, v]) => `${k} ${v}`).join(', ');

const share = (c: Counts | undefined, key: string) => {
  const total = Object.values(c ?? {}).reduce((a, b) => a + b, 0);
  return total ? `${Math.round((100 * (c?.[key] ?? 0)) / total)}%` : '–';
};

/** The network summary for people; the rail validation line when the bundled network's table was checked. */
export function renderSummary(s: NetworkSummary, railValidation?: DistanceValidation & { file: string }): string {
  const lines = [
    `Network ${s.name} — scenario ${s.scenario.name}${'year' in s.scenario && s.scenario.year ? ` (${s.scenario.year})` : ''}: ${s.scenario.description}`,
    '',
    `Places: ${s.places.total}  (${inline(s.places.byKind)})`,
    `  by country: ${inline(s.places.byCountry)}`,
    `Links: ${s.links.total}, ${formatNumber(s.links.km)} km  (${inline(s.links.byMode)})`,
    `  by status: ${inline(s.links.byStatus)}`,
    `  by country: ${inline(s.links.byCountry)}`,
    `  km published: ${Object.keys(s.links.kmBySource).map((m) => `${m} ${share(s.links.kmBySource[m], 'published')}`).join(', ')}; km by source: ${Object.entries(s.links.kmBySource).map(([m, c]) => `${m} (${inline(c)})`).join('; ')}`,
    '',
    formatTable(
      ['mode', ...Object.keys(s.links.byStatus)],
      Object.entries(s.links.byModeAndStatus).map(([mode, c]) => [mode, ...Object.keys(s.links.byStatus).map((k) => c[k] ?? 0)]),
    ),
    '',
    `Border crossings: ${s.checkpoints.total}  (${inline(s.checkpoints.byMode)}); waits assumed for ${s.checkpoints.waitAssumed}`,
    `  by sector: ${inline(s.checkpoints.bySector)}`,
    `  by kind: ${inline(s.checkpoints.byKind)}`,
    `  by regime: ${inline(s.checkpoints.byRegime)}`,
    `  capacity known / unknown: ${Object.entries(s.checkpoints.capacity).map(([mode, c]) => `${mode} ${c.known} / ${c.unknown}`).join(', ')}`,
    `  by status: ${inline(s.checkpoints.byStatus)}`,
    `Sources: ${s.sources.withSource} of ${s.sources.features} features cite a source`,
  ];
  if (railValidation) {
    const v = railValidation;
    const misses = v.rows.filter((r) => !r.holds).map((r) => `${r.from}–${r.to}`);
    lines.push(
      `Rail validation (${v.file}, scenario current): ${v.holding} of ${v.rows.length} published tariff distances within ${Math.round(v.tolerance * 100)}%${misses.length ? `; misses: ${misses.join(', ')}` : ''}`,
    );
  }
  const changes = s.scenario.changes;
  if (changes.length || s.scenario.added.length) {
    lines.push('', `Scenario ${s.scenario.name} changes ${changes.length} field(s) and adds ${s.scenario.added.length} feature(s):`);
    lines.push(
      formatTable(
        ['feature', 'field', 'before', 'after'],
        changes.map((c) => [c.feature, c.field, clip(JSON.stringify(c.before) ?? '–'), clip(JSON.stringify(c.after))]),
        { indent: '  ' },
      ),
    );
    if (s.scenario.added.length) lines.push(`  added: ${s.scenario.added.join(', ')}`);
  }
  return lines.join('\n');
}

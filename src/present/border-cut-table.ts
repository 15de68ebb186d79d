import type { BorderCutResult, SectorCut } from '../analysis/border-cut.js';
import { formatNumber, round } from './number-format.js';
import { formatTable } from './table.js';

const UNIT_WORDS = { trucks: 'trucks', 'train-pairs': 'train pairs' } as const;

/** "at least 1,000 (2 crossings unknown; at most 1,400)" or "1,000". */
function cutValue(s: SectorCut): string {
  if (s.exact) return formatNumber(round(s.value));
  const bound = s.atMost === null || s.atMost === undefined ? 'no upper bound' : `at most ${formatNumber(round(s.atMost))}`;
  const why = [
    ...(s.unknown.length ? [`${s.unknown.length} crossing${s.unknown.length === 1 ? '' : 's'} unknown`] : []),
    ...(s.observed.length ? [`${s.observed.length} observed flow${s.observed.length === 1 ? '' : 's'}`] : []),
  ];
  return `at least ${formatNumber(round(s.value))} (${[...why, bound].join('; ')})`;
}

/** ", class primary" or ", double track" after a domestic link's capacity; nothing for its own figure. */
function capacityFrom(from: string | undefined): string {
  if (from?.startsWith('class')) return `, ${from}`;
  if (from === 'tracks 1') return ', single track';
  if (from === 'tracks 2') return ', double track';
  return '';
}

/** The published all-junction exchange beside the crossings with a figure: a check, not a capacity. */
function systemLine(s: NonNullable<BorderCutResult['system']>): string {
  return `Check (all RU–KZ junctions together, not any one crossing): published exchange ${s.normative} train pairs/day normative, record ${s.record}, ${s.planned} planned (${s.year}; ${s.source}); `
    + `the ${s.known} of ${s.usable} usable crossings with a figure sum to ${formatNumber(round(s.knownSum))}.`;
}

/** The flow per sector with its bottleneck, then every checkpoint; `places` names a set of place ids. */
export function renderBorderCut(result: BorderCutResult, places: (ids: string[]) => string): string {
  const unit = UNIT_WORDS[result.unit];
  const sectors = [result.total, ...result.sectors];
  const freight = result.freight === 'bilateral'
    ? 'freight bilateral (Kazakh and Russian carriers): multilateral and bilateral crossings'
    : 'freight transit (any carrier): multilateral crossings only';
  return [
    `Maximum ${result.mode} flow across the Kazakhstan–Russia border, ${unit} per day (scenario ${result.scenario})`,
    `from ${places(result.from)} to ${places(result.to)}; ${freight}`,
    `${result.domestic[0].toUpperCase()}${result.domestic.slice(1)}.`,
    ...(result.stretch
      ? [`Reasonable routes only: links on a route within ${result.stretch.max} × the ${formatNumber(Math.round(result.stretch.shortestKm))} km from ${places(result.stretch.between[0])} to ${places(result.stretch.between[1])} (${result.stretch.links} links).`]
      : []),
    '',
    formatTable(['sector', `${unit}/day`, 'bottleneck'], sectors.map((s) => [
      s.sector, cutValue(s),
      s.cut.map((c) => `${c.name} (${formatNumber(round(c.capacity))}${capacityFrom(c.capacityFrom)})`).join(', '),
    ])),
    '',
    'Checkpoints:',
    formatTable(
      ['checkpoint', 'sector', 'regime', 'status', `${unit}/day`, 'as given', 'flow', 'note'],
      result.checkpoints.map((c) => [
        c.name, c.sector ?? '', c.regime, c.status, typeof c.capacity === 'number' ? round(c.capacity) : 'unknown', c.given ?? '', round(c.flow), c.why ?? '',
      ]),
      { indent: '  ' },
    ),
    ...(result.total.unknown.length ? ['', `Capacity unknown (counted as 0, so the figures are lower bounds): ${result.total.unknown.join(', ')}.`] : []),
    ...(result.system ? ['', systemLine(result.system)] : []),
  ].join('\n');
}

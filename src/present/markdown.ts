import { formatNumber } from './number-format.js';

export type MdCell = string | number | null | undefined;

/** A GitHub-flavoured markdown table. */
export function mdTable(headers: string[], rows: MdCell[][]): string {
  const cell = (c: MdCell) => (c === null || c === undefined ? '–' : typeof c === 'number' ? formatNumber(c) : c.replace(/\|/g, '\\|'));
  return [
    `| ${headers.join(' | ')} |`,
    `|${headers.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
}

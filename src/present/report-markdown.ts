import { mapFiles, type Block } from './report-blocks.js';
import { mdTable } from './markdown.js';

/**
 * The report's blocks as markdown: one line per block element, blocks
 * separated by a blank line. A map is named with its GeoJSON files (the
 * drawing is in report.html); a chart's figures are in the tables beside it,
 * so markdown leaves charts out.
 */
export function renderReportMarkdown(blocks: readonly Block[]): string {
  const parts: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'heading': parts.push(`${'#'.repeat(b.level)} ${b.text}`); break;
      case 'paragraph': parts.push(b.text); break;
      case 'list': parts.push(b.items.map((i) => `- ${i}`).join('\n')); break;
      case 'table': parts.push(mdTable(b.headers, b.rows)); break;
      case 'pre': parts.push(['```text', b.text, '```'].join('\n')); break;
      case 'map': parts.push(`_Map: ${b.title}${mapFiles(b).length ? ` — GeoJSON ${mapFiles(b).map((f) => `\`${f}\``).join(', ')}` : ''} (drawn in report.html)._`); break;
      case 'chart': break;
    }
  }
  return parts.join('\n\n') + '\n';
}

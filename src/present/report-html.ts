/**
 * The report's blocks as one self-contained HTML page: its styles inline,
 * maps and charts as inline SVG, no script and no external reference.
 * Every text is escaped; the only markup from text is the two inline marks
 * of report-blocks.ts (`code` and [links](#anchor) to the report's headings).
 */
import { escapeHtml } from './html-escape.js';
import { formatNumber } from './number-format.js';
import type { MdCell } from './markdown.js';
import { headingAnchors, mapFiles, slug, type Block } from './report-blocks.js';
import { renderSvgMap } from './svg-map.js';
import { renderVegaLiteSvg } from './vega-chart.js';

/** Inline text: `code` as <code>, [text](#anchor) as a link within the page; all else escaped. */
export function inlineHtml(text: string): string {
  return text.split(/(`[^`]*`)/).map((part) => {
    if (part.startsWith('`') && part.endsWith('`') && part.length >= 2) return `<code>${escapeHtml(part.slice(1, -1))}</code>`;
    let html = '', at = 0;
    for (const m of part.matchAll(/\[([^\]]+)\]\(#([\p{L}\p{N}_-]+)\)/gu)) {
      html += escapeHtml(part.slice(at, m.index)) + `<a href="#${escapeHtml(m[2]!)}">${escapeHtml(m[1]!)}</a>`;
      at = m.index! + m[0].length;
    }
    return html + escapeHtml(part.slice(at));
  }).join('');
}

const cell = (c: MdCell) => (c === null || c === undefined ? '–' : typeof c === 'number' ? formatNumber(c) : c);

const STYLE = `
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d1d1d;margin:0;background:#fafafa}
main{max-width:960px;margin:0 auto;padding:16px 24px 48px;background:#fff}
h1{font-size:1.6em;margin:.4em 0 .2em}h2{font-size:1.3em;margin-top:1.8em;border-bottom:1px solid #ddd;padding-bottom:.2em}h3{font-size:1.08em;margin-top:1.4em}
table{border-collapse:collapse;font-size:13px;margin:.6em 0;display:block;overflow-x:auto}th,td{border:1px solid #ddd;padding:3px 7px;text-align:left;vertical-align:top}th{background:#f2f2f2}
td.n{text-align:right;font-variant-numeric:tabular-nums}
pre{background:#f6f6f6;padding:8px;overflow-x:auto;font-size:12px;line-height:1.35}code{font-size:.92em;background:#f2f2f2;padding:0 3px}
figure{margin:1em 0}figcaption{font-size:13px;color:#555}svg{max-width:100%;height:auto}
.map-title{font:600 15px system-ui,sans-serif}.map-label{font:12px system-ui,sans-serif;paint-order:stroke;stroke:#fff;stroke-width:3px}.legend text{font:12px system-ui,sans-serif}
#summary-of-findings+ul li{margin:.35em 0}
nav.toc{font-size:13px;column-count:2;background:#f6f6f6;padding:6px 12px}nav.toc a{display:block}
`;

/** The page: a title, a table of contents, then the blocks. Charts are rendered here (async: vega). */
export async function renderReportHtml(title: string, blocks: readonly Block[], options: { footer?: string } = {}): Promise<string> {
  const anchors = headingAnchors(blocks);
  const body: string[] = [];
  let figure = 0;
  for (const b of blocks) {
    switch (b.kind) {
      case 'heading': body.push(`<h${b.level} id="${escapeHtml(anchors.get(b)!)}">${inlineHtml(b.text)}</h${b.level}>`); break;
      case 'paragraph': body.push(`<p>${inlineHtml(b.text)}</p>`); break;
      case 'list': body.push(`<ul>${b.items.map((i) => `<li>${inlineHtml(i)}</li>`).join('')}</ul>`); break;
      case 'table': body.push(`<table><thead><tr>${b.headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${b.rows.map((r) => `<tr>${r.map((c) => `<td${typeof c === 'number' ? ' class="n"' : ''}>${escapeHtml(String(cell(c)))}</td>`).join('')}</tr>`).join('')}</tbody></table>`); break;
      case 'pre': body.push(`<pre>${escapeHtml(b.text)}</pre>`); break;
      case 'map': {
        const id = `map-${++figure}-${slug(b.title).slice(0, 40)}`;
        const files = mapFiles(b);
        body.push(`<figure class="map" id="${escapeHtml(id)}">${renderSvgMap(b, id)}<figcaption>${b.caption ? inlineHtml(b.caption) + ' ' : ''}${files.length ? `GeoJSON: ${files.map((f) => `<code>${escapeHtml(f)}</code>`).join(', ')}.` : ''}</figcaption></figure>`);
        break;
      }
      case 'chart': {
        const id = `chart-${++figure}`;
        body.push(`<figure class="chart" id="${id}"><figcaption><strong>${escapeHtml(b.title)}</strong></figcaption>${await renderVegaLiteSvg(b.spec)}${b.caption ? `<figcaption>${inlineHtml(b.caption)}</figcaption>` : ''}</figure>`);
        break;
      }
    }
  }
  const toc = blocks.filter((b) => b.kind === 'heading' && b.level === 2).map((b) => `<a href="#${escapeHtml(anchors.get(b)!)}">${inlineHtml((b as { text: string }).text)}</a>`).join('');
  // The table of contents goes after the first heading and its paragraph.
  const firstH2 = body.findIndex((h) => h.startsWith('<h2'));
  if (firstH2 > 0) body.splice(firstH2, 0, `<nav class="toc">${toc}</nav>`);
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>`,
    `<body><main>`,
    ...body,
    options.footer ? `<footer><p><em>${inlineHtml(options.footer)}</em></p></footer>` : '',
    '</main></body></html>',
    '',
  ].join('\n');
}

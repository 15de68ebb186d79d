// report.html as written by `steppenet report --out DIR`: one page with its maps
// and charts as inline SVG, nothing loaded from elsewhere, every link within it resolving.
import { describe, expect, it } from 'vitest';
import { inlineHtml } from '../src/present/report-html.js';
import { writeReportHtml } from './fixtures/report-html-once.js';

describe('report.html', async () => {
  const { html } = await writeReportHtml();
  const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));

  it('is one HTML page with the report\'s title and sections, the summary first', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    const h2 = [...html.matchAll(/<h2 id="[^"]*">(.*?)<\/h2>/g)].map((m) => m[1]);
    expect(h2[0]).toBe('Summary of findings');
    expect(h2).toContain('What this rests on');
    expect(h2).toContain('The M-12 bypass against the corridor through Kazakhstan');
  });

  it('has its five maps and its charts as inline SVG', () => {
    const maps = [...html.matchAll(/<figure class="map"[^>]*><svg [^>]*class="map"/g)];
    expect(maps).toHaveLength(5);
    // A vega chart: an <svg class="marks"> with bars (paths of role-mark bar).
    const charts = [...html.matchAll(/<figure class="chart"[^>]*><figcaption>.*?<\/figcaption><svg [^>]*class="marks"/g)];
    expect(charts.length).toBe(6);
    expect(html).toMatch(/role-mark[^"]*bar|mark-rect role-mark/);
    // Each map names its GeoJSON file.
    for (const file of ['headline-routes.geojson', 'critical-links.geojson', 'resilient-routes.geojson', 'corridors.geojson', 'scenario-differences.geojson']) expect(html).toContain(`<code>${file}</code>`);
  });

  it('loads nothing from elsewhere: no http(s) src or href, no script, no external url()', () => {
    expect(html).not.toMatch(/\s(src|href|xlink:href)="(https?:)?\/\//i);
    expect(html).not.toMatch(/<script|<link |<img |<iframe/i);
    expect(html).not.toMatch(/url\((?!#)/);
  });

  it('every internal #anchor resolves to an id of the page', () => {
    const refs = [...html.matchAll(/(?:href="#|url\(#)([^")]+)/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(10);
    expect(refs.filter((r) => !ids.has(r))).toEqual([]);
    // Each finding of the summary links to a section.
    const summary = html.slice(html.indexOf('id="summary-of-findings"'), html.indexOf('</ul>', html.indexOf('id="summary-of-findings"')));
    expect([...summary.matchAll(/<li>/g)].length).toBeGreaterThanOrEqual(4);
    expect([...summary.matchAll(/<li>.*?<a href="#[^"]+">Details<\/a><\/li>/g)].length).toBe([...summary.matchAll(/<li>/g)].length);
  });

  it('names the network, its fingerprint, the scenario and the date', () => {
    expect(html).toMatch(/Network <code>kz-ru\.geojson<\/code> \(content fingerprint <code>[0-9a-f]{12}<\/code>[^)]*\), scenario current; .*report made \d{4}-\d\d-\d\d/);
  });
});

describe('inline text in HTML', () => {
  it('escapes everything but code and links to anchors', () => {
    expect(inlineHtml('a <b> & "c" `x<y` [here](#sec-1) [no](http://evil)')).toBe(
      'a &lt;b&gt; &amp; &quot;c&quot; <code>x&lt;y</code> <a href="#sec-1">here</a> [no](http://evil)',
    );
  });
});

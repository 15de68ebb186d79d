// report.html opened in Debian's chromium, headless, through playwright-core
// (which never downloads a browser): it renders its maps and charts, every
// image-like element has a size, nothing is requested from outside the page,
// and its first screen is saved to tests/output/report-first-screen.png, each map to
// tests/output/report-map-N.png.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { writeReportHtml } from './fixtures/report-html-once.js';

/** Debian's chromium: the test fails, with the command that installs it, when it is missing. */
function chromiumPath(): string {
  for (const name of [process.env.CHROMIUM_PATH, 'chromium', 'chromium-browser'].filter((n): n is string => !!n)) {
    try {
      return execFileSync('sh', ['-c', `command -v "${name}"`], { encoding: 'utf8' }).trim();
    } catch {
      // not this one
    }
  }
  throw new Error('chromium is not installed: apt-get update && apt-get install -y chromium (or set CHROMIUM_PATH); .ci/run installs it');
}

const SCREENSHOT = new URL('output/report-first-screen.png', import.meta.url).pathname;

describe('report.html in chromium', () => {
  it('renders its maps and charts with nothing fetched from outside, and its first screen is saved', async () => {
    const executablePath = chromiumPath();
    const { dir } = await writeReportHtml();
    const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      const failed: string[] = [];
      page.on('requestfailed', (r) => failed.push(r.url()));
      const url = pathToFileURL(join(dir, 'report.html')).href;
      await page.goto(url, { waitUntil: 'load' });
      expect(requests.filter((r) => r !== url), 'requests besides the page itself').toEqual([]);
      expect(failed).toEqual([]);
      // Evaluated in the page (a string: the tests compile without the DOM types).
      const seen = (await page.evaluate(`(() => {
        const box = (el) => el.getBoundingClientRect();
        const maps = [...document.querySelectorAll('figure.map svg')].map((s) => ({ w: box(s).width, h: box(s).height, paths: s.querySelectorAll('path').length }));
        const charts = [...document.querySelectorAll('figure.chart svg')].map((s) => ({ w: box(s).width, h: box(s).height, marks: s.querySelectorAll('.role-mark path, .role-mark rect').length }));
        const links = [...document.querySelectorAll('a[href^="#"]')].map((a) => a.getAttribute('href').slice(1));
        return { maps, charts, missing: links.filter((id) => !document.getElementById(id)), title: document.title };
      })()`)) as { maps: { w: number; h: number; paths: number }[]; charts: { w: number; h: number; marks: number }[]; missing: string[]; title: string };
      expect(seen.title).toContain('Kazakhstan–Russia');
      expect(seen.maps).toHaveLength(5);
      for (const m of seen.maps) expect(m.w > 300 && m.h > 200 && m.paths > 50, JSON.stringify(m)).toBe(true);
      expect(seen.charts).toHaveLength(6);
      for (const c of seen.charts) expect(c.w > 200 && c.h > 50 && c.marks > 0, JSON.stringify(c)).toBe(true);
      expect(seen.missing).toEqual([]);
      mkdirSync(new URL('output/', import.meta.url), { recursive: true });
      await page.screenshot({ path: SCREENSHOT });
      // Each map on its own, to look at: tests/output/report-map-1.png …
      const maps = await page.$$('figure.map');
      for (const [i, map] of maps.entries()) await map.screenshot({ path: new URL(`output/report-map-${i + 1}.png`, import.meta.url).pathname });
    } finally {
      await browser.close();
    }
  }, 120_000);
});

/**
 * The web page of `steppenet serve` in a real browser: Debian's chromium driven
 * by playwright-core (never `npx playwright install`; .ci/run installs chromium
 * with apt). The test builds the page's bundle itself (web/build.mjs, under a
 * second), serves it on a free port, searches Omsk and Pavlodar, checks the
 * route is drawn and listed, removes a link and checks the answer changes.
 * Screenshot: tests/output/web-page.png.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadNetwork } from '../src/model/load-network.js';
import { buildServer } from '../src/server/app.js';

const CHROMIUM = process.env.STEPPENET_CHROMIUM ?? '/usr/bin/chromium';
const OUTPUT = new URL('./output/', import.meta.url);
const SCREENSHOT = new URL('web-page.png', OUTPUT);

let app: FastifyInstance;
let browser: Browser;
let page: Page;
let base: string;
const consoleErrors: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`The browser test needs Debian's chromium at ${CHROMIUM} (or STEPPENET_CHROMIUM): install it with apt-get install -y chromium, as .ci/run does. Never npx playwright install.`);
  }
  execFileSync(process.execPath, [new URL('../web/build.mjs', import.meta.url).pathname, '--quiet'], { stdio: 'inherit' });
  app = await buildServer({ network: loadNetwork(), logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    // WebGL without a GPU: SwiftShader. --no-sandbox: CI runs as root.
    args: ['--no-sandbox', '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist'],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(`page error: ${e.message}`));
  // The page works with no internet: any request off this server fails the test.
  await page.route('**/*', (route) => (route.request().url().startsWith(base) || route.request().url().startsWith('blob:') || route.request().url().startsWith('data:')
    ? route.continue()
    : (consoleErrors.push(`request off the server: ${route.request().url()}`), route.abort())));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** Types a name in a place field and picks the suggestion with that place id. */
async function pick(field: 'from' | 'to', typed: string, placeId: string): Promise<void> {
  await page.fill(`#${field}`, typed);
  await page.click(`#${field}-suggestions button[data-place="${placeId}"]`);
  await page.waitForSelector(`#${field}.chosen`);
}

const routeSourceFeatures = () => page.evaluate(async () => {
  const { map } = (globalThis as unknown as { steppenet: { map: { getSource(id: string): { getData(): Promise<{ features: { geometry: { type: string }; properties: Record<string, unknown> }[] }> } } } }).steppenet;
  const data = await map.getSource('route').getData();
  return data.features.map((f) => ({ type: f.geometry.type, kind: f.properties.kind, links: f.properties.links as string[] | undefined }));
});

describe('the web page at /', () => {
  it('loads the map, the basemap and the network with no console errors', async () => {
    await page.goto(`${base}/`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    expect(await page.textContent('#status')).toMatch(/\d+ places, \d+ links \(current scenario\)/);
    const options = await page.$$eval('#scenario option', (o) => o.map((x) => (x as unknown as { value: string }).value));
    expect(options).toEqual(['current', 'historical', 'planned']);
    expect(consoleErrors).toEqual([]);
  });

  it('finds Omsk in Cyrillic and Pavlodar with a typo, then draws and lists the route', async () => {
    await pick('from', 'Омск', 'omsk');
    await pick('to', 'Pavlodr', 'pavlodar');
    await page.waitForSelector('#legs li.leg');
    expect(await page.textContent('#route-title')).toBe('Omsk → Pavlodar');
    const legs = await page.$$eval('#legs li.leg', (items) => items.map((i) => i.textContent ?? ''));
    expect(legs.length).toBeGreaterThan(0);
    // Omsk (RU) to Pavlodar (KZ) crosses the border once, listed with its wait.
    expect(legs.join('\n')).toMatch(/crossing .*RU → KZ, wait \d/);
    const features = await routeSourceFeatures();
    expect(features.filter((f) => f.type === 'LineString').length).toBe(legs.length);
    expect(features.some((f) => f.kind === 'crossing')).toBe(true);
    expect(consoleErrors).toEqual([]);
  });

  it('removes a link of the route and shows the changed answer', async () => {
    const totalsBefore = await page.textContent('#totals');
    const removed = await page.getAttribute('#legs .remove-link', 'data-link');
    expect(removed).toBeTruthy();
    await page.click(`#legs .remove-link[data-link="${removed}"]`);
    await page.waitForSelector('#change:not([hidden])');
    expect(await page.textContent('#removed-list')).toContain(removed!);
    expect(await page.textContent('#change')).toContain(`Without ${removed}`);
    expect(await page.textContent('#totals')).not.toBe(totalsBefore);
    const linksNow = (await routeSourceFeatures()).flatMap((f) => f.links ?? []);
    expect(linksNow.length).toBeGreaterThan(0);
    expect(linksNow).not.toContain(removed);
    // The map has drawn what it holds (the route fitted with no animation), then the screenshot.
    await page.waitForFunction(() => {
      const { map } = (globalThis as unknown as { steppenet: { map: { loaded(): boolean; isMoving(): boolean } } }).steppenet;
      return map.loaded() && !map.isMoving();
    }, undefined, { timeout: 20_000 });
    mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: SCREENSHOT.pathname });
    expect(consoleErrors).toEqual([]);
  });

  it('offers alternatives and the most resilient route exactly when the server has those services', async () => {
    const paths = Object.keys(((await (await fetch(`${base}/openapi.json`)).json()) as { paths: Record<string, unknown> }).paths);
    const has = paths.includes('/v1/alternatives') && paths.includes('/v1/resilient');
    expect(await page.isVisible('#show-alternatives')).toBe(has);
    expect(await page.isVisible('#show-resilient')).toBe(has);
    if (!has) return;
    await page.click('#show-alternatives');
    await page.waitForSelector('#more-list li.more-route');
    expect(await page.textContent('#more-list')).toMatch(/^Alternative 1: /);
    await page.click('#show-resilient');
    await page.waitForFunction(() => (globalThis as unknown as { document: { querySelector(s: string): { textContent: string } | null } }).document.querySelector('#more-list')?.textContent.startsWith('Most resilient route'));
    expect(await page.textContent('#more-list')).toMatch(/Backup if \S+ fails/);
    expect(consoleErrors).toEqual([]);
  });

  it('shows criticality and the corridor comparison exactly when the server has those services', async () => {
    const paths = Object.keys(((await (await fetch(`${base}/openapi.json`)).json()) as { paths: Record<string, unknown> }).paths);
    const has = paths.includes('/v1/critical') && paths.includes('/v1/corridors');
    expect(await page.isVisible('#show-critical')).toBe(has);
    expect(await page.isVisible('#show-corridors')).toBe(has);
    if (!has) return;
    await page.click('#show-critical');
    await page.waitForSelector('#analysis-list li', { timeout: 60_000 });
    expect((await page.$$('#analysis-list li')).length).toBe(10);
    await page.click('#show-corridors');
    await page.waitForSelector('#corridor-table');
    const rows = await page.$$eval('#corridor-table tr', (trs) => trs.map((tr) => tr.textContent ?? ''));
    expect(rows).toHaveLength(3);
    expect(rows[1]).toMatch(/^around KZ\d/);
    expect(rows[2]).toMatch(/^through KZ\d/);
    await page.waitForFunction(() => {
      const { map } = (globalThis as unknown as { steppenet: { map: { loaded(): boolean; isMoving(): boolean } } }).steppenet;
      return map.loaded() && !map.isMoving();
    }, undefined, { timeout: 20_000 });
    await page.screenshot({ path: new URL('web-page-analyses.png', OUTPUT).pathname });
    expect(consoleErrors).toEqual([]);
  }, 120_000);
});

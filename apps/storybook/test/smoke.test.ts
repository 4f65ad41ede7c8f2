import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { COMMANDS } from '@nianbao/cli';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StaticServer, serveStatic } from './static-server.js';

/*
 * Smoke test of the built site (`storybook build` → storybook-static): it loads in Debian's Chromium and a few
 * stories and docs pages render without a page error. turbo builds the site before this test runs.
 */

const CHROMIUM = '/usr/bin/chromium';
const STATIC = fileURLToPath(new URL('../storybook-static', import.meta.url));
// Never skipped: without the built site or Chromium every test fails with what to run (`pnpm test` builds the
// site through turbo and installs Chromium through scripts/setup-test-tools.mjs).
function requireSiteAndBrowser(): void {
  if (!existsSync(`${STATIC}/index.json`)) {
    throw new Error(`${STATIC} is not built: run \`pnpm build-storybook\` (or the whole \`pnpm test\`)`);
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: run \`node scripts/setup-test-tools.mjs\` from the repository root ` +
        "(as root it installs Debian's chromium; otherwise it prints the command to run)",
    );
  }
}

interface IndexEntry {
  id: string;
  type: 'story' | 'docs';
  title: string;
  name: string;
}

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;

async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`${server.url}/${path}`, { waitUntil: 'load' });
  return { page, errors };
}

describe('built storybook (storybook-static)', () => {
  beforeAll(async () => {
    requireSiteAndBrowser();
    server = await serveStatic(STATIC);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
    });
    // One context for every page: they share the HTTP cache (fonts, bundles) like tabs of one browser.
    context = await browser.newContext();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('indexes every story family and docs page', () => {
    const index = JSON.parse(readFileSync(`${STATIC}/index.json`, 'utf8')) as {
      entries: Record<string, IndexEntry>;
    };
    const entries = Object.values(index.entries);
    const titles = new Set(entries.map((e) => e.title));
    for (const family of [
      'Grid',
      '表二',
      '表三',
      '表四',
      'Cross-check footer',
      'Findings list',
      'Whole report',
      'PDF',
    ]) {
      expect(
        [...titles].some((t) => t.startsWith(family)),
        family,
      ).toBe(true);
    }
    expect(entries.filter((e) => e.type === 'story').length).toBeGreaterThanOrEqual(60);
    expect([...titles].some((t) => t.startsWith('Docs/'))).toBe(true);
  });

  it('opens the manager UI with the sidebar', async () => {
    const { page, errors } = await open('index.html');
    await page.waitForSelector('#storybook-explorer-tree', { timeout: 30_000 });
    expect(await page.locator('#storybook-explorer-tree').textContent()).toContain('表三');
    await page.close();
    expect(errors).toEqual([]);
  });

  it.each([
    ['表三-applicationstable--busy', 'table.nb-table--t3 td[data-cell]'],
    ['表二-proactivedisclosuretable--fails-cell-type', 'table.nb-table--t2 td.nb-data--fail'],
    ['grid-statutorytable--uneven-tree', 'table.nb-table thead th[rowspan="3"]'],
    ['whole-report-annualreport--fails-balance', 'article.nb-document li.nb-finding'],
  ])('renders story %s', async (id, selector) => {
    const { page, errors } = await open(`iframe.html?id=${encodeURIComponent(id)}&viewMode=story`);
    await page.waitForSelector(`#storybook-root ${selector}`, { timeout: 30_000 });
    expect(await page.locator('.sb-errordisplay').isVisible()).toBe(false);
    await page.close();
    expect(errors).toEqual([]);
  });

  it('shows a props table built from the components’ JSDoc', async () => {
    const { page, errors } = await open(
      `iframe.html?id=${encodeURIComponent('表三-applicationstable--docs')}&viewMode=docs`,
    );
    const table = page.locator('.docblock-argstable').first();
    await table.waitFor({ timeout: 30_000 });
    const text = (await table.textContent()) ?? '';
    expect(text).toContain("The report's t3.");
    expect(text).toContain('Data entry: every data cell becomes an input.');
    await page.close();
    expect(errors).toEqual([]);
  });

  it.each([
    ['docs-getting-started-快速开始--docs', 'table.nb-table--t3 td[data-cell]'],
    ['docs-theming-主题--docs', '[data-testid="token-table"] tbody tr:nth-child(20)'],
    ['docs-data-contract-数据约定--docs', 'table caption'],
    ['docs-data-entry-数据录入--docs', 'table.nb-table--editable input'],
    ['docs-accessibility-无障碍--docs', 'h1'],
  ])('renders the docs page %s', async (id, selector) => {
    const { page, errors } = await open(`iframe.html?id=${encodeURIComponent(id)}&viewMode=docs`);
    await page.waitForSelector(`#storybook-docs ${selector}`, { timeout: 60_000 });
    await page.close();
    expect(errors).toEqual([]);
  });

  it('lists every CLI command on the CLI page, from the CLI itself', async () => {
    const { page, errors } = await open(
      `iframe.html?id=${encodeURIComponent('docs-cli-命令行--docs')}&viewMode=docs`,
    );
    const rows = page.locator('#storybook-docs table tbody tr');
    await rows.first().waitFor({ timeout: 60_000 });
    const usages = await page.locator('#storybook-docs table tbody th code').allTextContents();
    expect(usages).toEqual(COMMANDS.map((command) => command.usage));
    await page.close();
    expect(errors).toEqual([]);
  });

  it('renders the seed report as a PDF in the page, page by page', async () => {
    const { page, errors } = await open(`iframe.html?id=${encodeURIComponent('pdf--seed')}&viewMode=story`);
    // Settled either way, so a failed render fails here with its message rather than as a bare timeout.
    await page.waitForSelector('.sb-pdf:not([data-phase="rendering"])', { timeout: 120_000 });
    const status = (await page.locator('.sb-pdf p').textContent()) ?? '';
    expect(await page.locator('.sb-pdf').getAttribute('data-phase'), status).toBe('done');
    expect(await page.locator('canvas[data-page]').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('a[download]').getAttribute('download')).toBe('seed-report.pdf');
    await page.close();
    expect(errors).toEqual([]);
  });
});

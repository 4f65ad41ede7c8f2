import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCell } from '@nianbao/model';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { largeAudit, sampleAudit } from '../../test/audit/sample-audit.js';
import { axeViolations, launchChromium } from '../../test/browser/chromium.js';
import { renderAuditHtml } from '../server.js';

const audit = sampleAudit(true);
const file = join(tmpdir(), `nianbao-dashboard-${process.pid}.html`);
writeFileSync(file, renderAuditHtml(audit));
const url = `file://${file}`;

/** Requests the page made other than loading its own file. */
let requests: string[] = [];

async function visibleRows(page: Page): Promise<{ status: string; v: string[] }[]> {
  return page.$$eval('#nb-dash-table tbody tr:not([hidden])', (trs) =>
    trs.map((tr) => ({
      status: tr.getAttribute('data-status') ?? '',
      v: [...tr.children].map((c) => c.getAttribute('data-v') ?? ''),
    })),
  );
}

describe('the audit dashboard in Chromium', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('request', (request) => {
      if (request.url() !== url) requests.push(request.url());
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('loads from a file and makes no network request, even when a drill-down opens', async () => {
    requests = [];
    await page.goto(url);
    await page.screenshot({ path: '/tmp/dashboard-overview.png' });
    await page.click('#nb-dash-table tbody tr:first-child a');
    await page.waitForSelector('#nb-dash-d0[open] td[data-cell]');
    await page.locator('#nb-dash-agencies').scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/dashboard-table.png' });
    expect(requests).toEqual([]);
  });

  it('sorts by a column, both ways, and says so with aria-sort', async () => {
    await page.goto(url);
    const errorsHeader = '#nb-dash-table thead th:nth-child(4)';
    await page.click(`${errorsHeader} button`);
    expect(await page.getAttribute(errorsHeader, 'aria-sort')).toBe('ascending');
    let errors = (await visibleRows(page)).map((row) => Number(row.v[3]));
    expect(errors).toEqual([...errors].sort((a, b) => a - b));
    await page.click(`${errorsHeader} button`);
    expect(await page.getAttribute(errorsHeader, 'aria-sort')).toBe('descending');
    errors = (await visibleRows(page)).map((row) => Number(row.v[3]));
    expect(errors).toEqual([...errors].sort((a, b) => b - a));
    expect(errors[0]).toBeGreaterThan(0);
    const agencyHeader = '#nb-dash-table thead th:nth-child(1)';
    await page.click(`${agencyHeader} button`);
    expect(await page.getAttribute(errorsHeader, 'aria-sort')).toBe('none');
    const names = (await visibleRows(page)).map((row) => row.v[0] ?? '');
    expect(names).toEqual([...names].sort(new Intl.Collator('zh-CN', { numeric: true }).compare));
  });

  it('filters by status, by rule and by text, and counts what it shows', async () => {
    await page.goto(url);
    await page.selectOption('#nb-dash-status', 'error');
    const errorRows = await visibleRows(page);
    expect(errorRows.length).toBe(audit.summary.withErrors);
    expect(errorRows.every((row) => row.status === 'error')).toBe(true);
    expect(await page.textContent('#nb-dash-count')).toContain(
      `显示 ${audit.summary.withErrors} / ${audit.reports.length}`,
    );
    await page.selectOption('#nb-dash-status', '');
    const rule = audit.summary.byRule[0];
    await page.selectOption('#nb-dash-rule', rule?.rule ?? '');
    expect((await visibleRows(page)).length).toBe(rule?.reports);
    await page.selectOption('#nb-dash-rule', '');
    await page.fill('#nb-dash-text', '某县');
    await page.waitForFunction((query) => {
      const shown = document.querySelectorAll('#nb-dash-table tbody tr:not([hidden])');
      return shown.length === 1 && shown[0]?.getAttribute('data-text')?.includes(query);
    }, '某县');
    expect((await visibleRows(page))[0]?.v[0]).toBe('某县人民政府');
    await page.fill('#nb-dash-text', 'scan.pdf');
    await page.waitForFunction((query) => {
      const shown = document.querySelectorAll('#nb-dash-table tbody tr:not([hidden])');
      return shown.length === 1 && shown[0]?.getAttribute('data-text')?.includes(query);
    }, 'scan.pdf');
    expect((await visibleRows(page))[0]?.status).toBe('unreadable');
  });

  it('a drill-down shows the report’s three tables with its values and its failing cells marked', async () => {
    await page.goto(url);
    const index = audit.reports.findIndex((report) => report.findings.some((f) => f.rule === 't3-balance'));
    const report = audit.reports[index];
    if (!report?.report) throw new Error('the sample has no t3-balance failure');
    await page.click(`#nb-dash-table a[href="#nb-dash-d${index}"]`);
    const drill = `#nb-dash-d${index}`;
    await page.waitForSelector(`${drill}[open] .nb-dash-lazy table`);
    expect(await page.$$eval(`${drill} .nb-dash-lazy table`, (tables) => tables.length)).toBe(3);
    const cell = 't3.received.naturalPerson';
    const shown = await page.textContent(`${drill} td[data-cell="${cell}"] .nb-value`);
    expect(shown).toBe(String(readCell(report.report, cell)));
    const failing = await page.$$eval(`${drill} td.nb-data--fail[aria-invalid="true"]`, (tds) =>
      tds.map((td) => ({
        id: td.id,
        described: document.getElementById(td.getAttribute('aria-describedby') ?? '')?.textContent,
      })),
    );
    expect(failing.length).toBeGreaterThan(0);
    for (const { id, described } of failing) {
      expect(id.startsWith(`nb-a${index}-`)).toBe(true);
      expect(described).toMatch(/^错误：/);
    }
    expect(await page.textContent(`${drill} .nb-dash-findings`)).toContain('t3-balance');
    await page.locator(drill).scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/dashboard-drill.png' });
    await page
      .locator(`${drill} .nb-dash-lazy table.nb-table--t3`)
      .screenshot({ path: '/tmp/dashboard-drill-t3.png' });
  });

  it('works by keyboard: Enter on a sort button sorts, Enter on an agency opens its drill-down and focuses it', async () => {
    await page.goto(url);
    await page.focus('#nb-dash-table thead th:nth-child(5) button');
    await page.keyboard.press('Enter');
    expect(await page.getAttribute('#nb-dash-table thead th:nth-child(5)', 'aria-sort')).toBe('ascending');
    await page.keyboard.press('Space');
    expect(await page.getAttribute('#nb-dash-table thead th:nth-child(5)', 'aria-sort')).toBe('descending');
    await page.focus('#nb-dash-table tbody tr:first-child a');
    const target = await page.getAttribute('#nb-dash-table tbody tr:first-child a', 'href');
    await page.keyboard.press('Enter');
    await page.waitForSelector(`${target}[open]`);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
    await page.keyboard.press('Enter');
    expect(await page.getAttribute(target ?? '', 'open')).toBeNull();
  });

  it('axe finds no violation, with drill-downs and chart data open', async () => {
    await page.goto(url);
    await page.evaluate(() => {
      for (const details of document.querySelectorAll('details')) details.open = true;
    });
    await page.waitForSelector('#nb-dash-d0 .nb-dash-lazy table');
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('#nb-dash-yoy').screenshot({ path: '/tmp/dashboard-yoy.png' });
    await page.locator('#nb-dash-rollup figure').screenshot({ path: '/tmp/dashboard-rollup.png' });
  });

  it('prints without its controls and with every row of the table', async () => {
    await page.goto(url);
    await page.selectOption('#nb-dash-status', 'error');
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('.nb-dash-controls')).toBe(false);
    const shown = await page.$$eval(
      '#nb-dash-table tbody tr',
      (trs) => trs.filter((tr) => getComputedStyle(tr).display !== 'none').length,
    );
    expect(shown).toBe(audit.reports.length);
    await page.emulateMedia({ media: 'screen' });
  });

  it('a 2,000-report region: every row is there, filtering and sorting cover all of them', async () => {
    const large = largeAudit(2000);
    const html = renderAuditHtml(large);
    const big = join(tmpdir(), `nianbao-dashboard-2000-${process.pid}.html`);
    writeFileSync(big, html);
    await page.goto(`file://${big}`);
    expect(await page.$$eval('#nb-dash-table tbody tr', (trs) => trs.length)).toBe(2000);
    await page.selectOption('#nb-dash-status', 'pass');
    expect((await visibleRows(page)).length).toBe(large.summary.pass);
    await page.selectOption('#nb-dash-status', '');
    await page.click('#nb-dash-table thead th:nth-child(4) button');
    await page.click('#nb-dash-table thead th:nth-child(4) button');
    const errors = (await visibleRows(page)).map((row) => Number(row.v[3]));
    expect(errors).toHaveLength(2000);
    expect(errors).toEqual([...errors].sort((a, b) => b - a));
  });
});

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

/** The rows shown, with each cell's sort key (its `data-v`, else its text, as the script reads it). */
async function visibleRows(page: Page): Promise<{ status: string; v: string[] }[]> {
  return page.$$eval('#nb-dash-table tbody tr:not([hidden])', (trs) =>
    trs.map((tr) => ({
      status: tr.getAttribute('data-status') ?? '',
      v: [...tr.children].map((c) => c.getAttribute('data-v') ?? c.textContent ?? ''),
    })),
  );
}

/** Waits until the search shows exactly one row and that row's name or file contains `query`. */
async function onlyRowMatching(page: Page, query: string): Promise<void> {
  await page.waitForFunction((text) => {
    const shown = document.querySelectorAll('#nb-dash-table tbody tr:not([hidden])');
    return shown.length === 1 && (shown[0]?.textContent ?? '').includes(text);
  }, query);
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

  it('draws the roll-up’s findings after the first paint, from the data block', async () => {
    await page.goto(url);
    const slot = '#nb-dash-rollup .nb-dash-findings-slot';
    await page.waitForSelector(`${slot} > *`);
    const shown = await page.$$eval(`${slot} tbody tr td:nth-child(3)`, (tds) =>
      tds.map((td) => td.textContent),
    );
    expect(audit.rollUp.findings.length).toBeGreaterThan(0);
    expect(shown).toEqual(audit.rollUp.findings.map((finding) => finding.message.zh));
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
    await onlyRowMatching(page, '某县');
    expect((await visibleRows(page))[0]?.v[0]).toBe('某县人民政府');
    await page.fill('#nb-dash-text', 'scan.pdf');
    await onlyRowMatching(page, 'scan.pdf');
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
    expect(await page.textContent(`${drill} .nb-dash-meta`)).toContain(report.file);
    // Every cell a finding names links to that cell of the tables drawn beside it.
    const targets = await page.$$eval(`${drill} .nb-dash-findings a[href^="#"]`, (links) =>
      links.map((a) => {
        const target = document.getElementById(a.getAttribute('href')?.slice(1) ?? '');
        return { text: a.textContent, cell: target?.getAttribute('data-cell') ?? target?.tagName ?? null };
      }),
    );
    expect(targets.length).toBeGreaterThan(0);
    for (const target of targets) expect(target.cell, target.text ?? '').not.toBeNull();
    expect(await page.textContent(`${drill} .nb-dash-score caption`)).toBe(
      `评分 Scorecard：${report.scorecard?.total} / ${report.scorecard?.maximum}（${report.scorecard?.rulepack}）`,
    );
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

  it('a 2,000-report region by keyboard: search, status filter, sort, and a drill-down drawn with its own report', async () => {
    const large = largeAudit(2000);
    const big = join(tmpdir(), `nianbao-dashboard-2000k-${process.pid}.html`);
    writeFileSync(big, renderAuditHtml(large));
    await page.goto(`file://${big}`);
    // Typing in the search box narrows the 2,000 rows to the one named.
    await page.focus('#nb-dash-text');
    await page.keyboard.type('第1999号');
    await onlyRowMatching(page, '第1999号单位');
    expect(await page.textContent('#nb-dash-count')).toContain('显示 1 / 2000');
    for (let k = 0; k < '第1999号'.length; k++) await page.keyboard.press('Backspace');
    await page.waitForFunction(
      () => document.querySelectorAll('#nb-dash-table tbody tr:not([hidden])').length === 2000,
    );
    // The status filter moved by arrow keys: the first status after 全部 is pass.
    await page.focus('#nb-dash-status');
    await page.keyboard.press('ArrowDown');
    expect(await page.inputValue('#nb-dash-status')).toBe('pass');
    expect((await visibleRows(page)).every((row) => row.status === 'pass')).toBe(true);
    expect((await visibleRows(page)).length).toBe(large.summary.pass);
    await page.keyboard.press('ArrowUp');
    expect((await visibleRows(page)).length).toBe(2000);
    // Sorting the agency column by keyboard, twice for descending: by the numeric collation 第1999号 comes first.
    await page.focus('#nb-dash-table thead th:nth-child(1) button');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    expect(await page.getAttribute('#nb-dash-table thead th:nth-child(1)', 'aria-sort')).toBe('descending');
    const names = (await visibleRows(page)).map((row) => row.v[0] ?? '');
    expect(names[0]).toBe('第1999号单位');
    expect(names).toEqual([...names].sort(new Intl.Collator('zh-CN', { numeric: true }).compare).reverse());
    // Enter on the first row's link opens the drill-down of report 1999, drawn from its own record.
    await page.focus('#nb-dash-table tbody tr:first-child a');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#nb-dash-d1999[open] .nb-dash-lazy table');
    const report = large.reports[1999];
    if (!report?.report) throw new Error('report 1999 was not read');
    expect(await page.textContent('#nb-dash-d1999 .nb-dash-meta')).toContain(report.file);
    const cell = 't3.received.naturalPerson';
    expect(await page.textContent(`#nb-dash-d1999 td[data-cell="${cell}"] .nb-value`)).toBe(
      String(readCell(report.report, cell)),
    );
    const rows = await page.$$eval('#nb-dash-d1999 .nb-dash-findings tbody tr', (trs) => trs.length);
    expect(rows).toBe(report.findings.length);
    if (rows === 0) expect(await page.textContent('#nb-dash-d1999')).toContain('没有问题');
  });
});

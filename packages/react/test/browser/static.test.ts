import type { Report } from '@nianbao/model';
import { type Evaluation, evaluateReport } from '@nianbao/model';
import { blankReport, busyReport, failingFixtures, seedReport } from '@nianbao/model/fixtures';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../src/server.js';
import { axeViolations, launchChromium } from './chromium.js';

const CHECKS = true;
const fixtures: [string, Report, Evaluation[]][] = [
  ['seed', seedReport, evaluateReport(seedReport)],
  ['blank', blankReport(), evaluateReport(blankReport())],
  ['busy', busyReport, evaluateReport(busyReport)],
  ...failingFixtures.map((f): [string, Report, Evaluation[]] => [
    `failing ${f.rule}`,
    f.report,
    evaluateReport(f.report, f.previous ? { previous: f.previous } : {}),
  ]),
];

describe('static HTML in Chromium', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(fixtures)(
    'axe finds no violation in the %s report (document and findings)',
    async (_name, report) => {
      await page.setContent(renderReportHtml(report, { showFindings: true, checks: CHECKS }));
      expect(await axeViolations(page)).toEqual([]);
    },
  );

  it('axe finds no violation in a fragment pasted into a page', async () => {
    const fragment = renderReportHtml(seedReport, { fragment: true, checks: CHECKS });
    await page.setContent(
      `<!doctype html><html lang="zh-CN"><head><title>CMS</title></head><body><main>${fragment}</main></body></html>`,
    );
    expect(await axeViolations(page)).toEqual([]);
  });

  it('runs no script from hostile narrative text and shows it as text', async () => {
    const hostile = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">';
    const report: Report = {
      ...seedReport,
      meta: { ...seedReport.meta, title: `</title><script>window.__pwned = 3</script>${hostile}` },
      preamble: [hostile],
      sections: {
        overview: [
          { type: 'heading', level: 2, text: hostile },
          { type: 'paragraph', lead: hostile, text: hostile },
        ],
        problems: [{ type: 'paragraph', text: '<svg onload="window.__pwned = 4"></svg>' }],
      },
    };
    for (const fragment of [false, true]) {
      await page.setContent(renderReportHtml(report, { fragment, checks: CHECKS }));
      // Give an injected image time to fail and fire onerror.
      await page.waitForTimeout(100);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await page.locator('script, img, svg').count()).toBe(0);
      expect(await page.locator('.nb-preamble').textContent()).toBe(hostile);
    }
  });

  // No sticky row labels any more: spanning one to three grid columns, they covered the first data columns
  // (placement.test.ts proves nothing covers a number now). The region scrolls whole and says so.
  it('lets a wide table scroll sideways on a narrow screen and says so in visible text', async () => {
    await page.setViewportSize({ width: 375, height: 740 });
    await page.setContent(renderReportHtml(seedReport, { checks: CHECKS }));
    const scroller = page.locator('.nb-table-scroll').nth(2);
    const sizes = await scroller.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(sizes.scroll).toBeGreaterThan(sizes.client);
    // The page itself does not scroll sideways: only the table region does.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const t3 = page.locator('.nb-table-scroll').nth(1);
    const hint = t3.locator('.nb-scroll-hint');
    expect(await hint.isVisible()).toBe(true);
    expect(await hint.textContent()).toContain('左右滑动');
    // The hint stays in view while the table scrolls.
    await t3.evaluate((el) => {
      el.scrollLeft = 200;
    });
    const box = await hint.boundingBox();
    const container = await t3.boundingBox();
    expect(Math.round(box?.x ?? -1)).toBe(Math.round(container?.x ?? -2));
    // 表三's footer checks break at their spaces, not one character per line: no footer row is taller than 12 lines.
    const rows = await t3
      .locator('tfoot tr')
      .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height));
    for (const height of rows) expect(height).toBeLessThan(12 * 21);
    // Wide screens need no hint; print never shows it.
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(await hint.isVisible()).toBe(false);
  });

  it('fits 200 % zoom: at half the width nothing but the table regions scrolls sideways', async () => {
    await page.setViewportSize({ width: 640, height: 400 });
    await page.setContent(renderReportHtml(seedReport, { checks: CHECKS }));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(640);
    // Every scrolling table region can be reached with the keyboard and is named by its caption.
    const regions = await page
      .locator('section.nb-table-scroll')
      .evaluateAll((els) =>
        els.map((el) => ({ tab: el.getAttribute('tabindex'), label: el.getAttribute('aria-labelledby') })),
      );
    expect(regions).toHaveLength(3);
    for (const region of regions) expect(region.tab).toBe('0');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('takes --nb-* tokens set on an ancestor of the fragment, on .nb-report itself, or not at all', async () => {
    const fragment = renderReportHtml(seedReport, { fragment: true, checks: CHECKS });
    const headerBackground = (): Promise<string> =>
      page
        .locator('.nb-table--t3 thead th')
        .first()
        .evaluate((el) => getComputedStyle(el).backgroundColor);
    await page.setContent(`<main>${fragment}</main>`);
    expect(await headerBackground()).toBe('rgb(243, 242, 241)');
    await page.setContent(`<main style="--nb-color-header-background: #e8f1fb">${fragment}</main>`);
    expect(await headerBackground()).toBe('rgb(232, 241, 251)');
    await page.setContent(
      `<style>.portal .nb-report { --nb-color-header-background: #fdecec }</style><main class="portal">${fragment}</main>`,
    );
    expect(await headerBackground()).toBe('rgb(253, 236, 236)');
  });

  it('keeps cell borders in forced-colors mode', async () => {
    await page.emulateMedia({ forcedColors: 'active' });
    await page.setContent(renderReportHtml(seedReport, { checks: CHECKS }));
    const border = await page
      .locator('.nb-table--t3 td[data-cell]')
      .first()
      .evaluate((el) => {
        const style = getComputedStyle(el);
        return { width: style.borderTopWidth, style: style.borderTopStyle };
      });
    expect(border).toEqual({ width: '1px', style: 'solid' });
    await page.emulateMedia({ forcedColors: 'none' });
  });

  it('prints on A4 with the table header repeated and no row split', async () => {
    await page.setContent(renderReportHtml(seedReport, { checks: CHECKS }));
    await page.emulateMedia({ media: 'print' });
    const styles = await page.evaluate(() => {
      const thead = document.querySelector('.nb-table--t3 thead') as HTMLElement;
      const row = document.querySelector('.nb-table--t3 tbody tr') as HTMLElement;
      return {
        thead: getComputedStyle(thead).display,
        row: getComputedStyle(row).breakInside,
      };
    });
    expect(styles).toEqual({ thead: 'table-header-group', row: 'avoid' });
    const pdf = await page.pdf({ preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // The stylesheet's @page size: A4 is 595 × 842 pt.
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
    expect(Math.round(Number(box?.[1]))).toBe(595);
    expect(Math.round(Number(box?.[2]))).toBe(842);
    await page.emulateMedia({ media: 'screen' });
  });
});

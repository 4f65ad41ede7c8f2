import { type CellAddress, formatCellValue, type Report, readCell } from '@nianbao/model';
import { busyReport, failingFixtures, seedReport } from '@nianbao/model/fixtures';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellPlacement } from '../../src/placement.js';
import { renderReportHtml } from '../../src/server.js';
import { launchChromium } from './chromium.js';

/*
 * Proof by position for the static HTML: in real Chromium, every data cell lies under its column headers and in
 * its row headers' bands, nothing covers its number, and it shows formatCellValue(readCell(report, address)).
 * The page runs the package's own `cellPlacement` (bundled from source), the same helper the story tests use.
 */

let script: string;
async function placementScript(): Promise<string> {
  const result = await build({
    entryPoints: [new URL('../../src/placement.ts', import.meta.url).pathname],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'nbPlacement',
    platform: 'browser',
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

async function placements(page: Page): Promise<CellPlacement[]> {
  await page.addScriptTag({ content: script });
  return page.evaluate(() =>
    (
      window as unknown as { nbPlacement: { cellPlacement: (root: ParentNode) => CellPlacement[] } }
    ).nbPlacement.cellPlacement(document),
  );
}

/** Every cell of the report's three tables placed and shown right; returns how many cells were read. */
function expectPlaced(report: Report, cells: readonly CellPlacement[]): void {
  const wrong = cells
    .filter((cell) => cell.problems.length > 0)
    .map((c) => `${c.address}: ${c.problems.join('; ')}`);
  expect(wrong).toEqual([]);
  for (const cell of cells) {
    expect(cell.text, cell.address).toBe(formatCellValue(readCell(report, cell.address as CellAddress)));
  }
}

const balance = failingFixtures.find((f) => f.rule === 't3-balance');
const resultsTotal = failingFixtures.find((f) => f.rule === 't3-results-total');
type Case = [string, Report, { checks?: boolean }];
const cases: Case[] = [
  ['seed', seedReport, {}],
  ['busy', busyReport, {}],
  ['seed with --checks', seedReport, { checks: true }],
  ['busy with --checks', busyReport, { checks: true }],
  ...(balance ? [['failing t3-balance with --checks', balance.report, { checks: true }] as Case] : []),
  ...(resultsTotal
    ? [['failing t3-results-total with --checks', resultsTotal.report, { checks: true }] as Case]
    : []),
];

describe('proof by position: the static HTML in Chromium', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    script = await placementScript();
    browser = await launchChromium();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('has the failing fixtures it places', () => {
    expect(balance).toBeDefined();
    expect(resultsTotal).toBeDefined();
  });

  it.each(cases)(
    'places every cell of the %s report under its headers at 1280 px',
    async (name, report, options) => {
      await page.setViewportSize({ width: 1280, height: 6000 });
      await page.setContent(renderReportHtml(report, options));
      const cells = await placements(page);
      if (process.env.NB_SHOTS && name.startsWith('failing')) {
        await page
          .locator('.nb-part--t3')
          .screenshot({ path: `${process.env.NB_SHOTS}/1280-${name.replace(/\W+/g, '-')}.png` });
      }
      expect(cells.length).toBeGreaterThan(150);
      expectPlaced(report, cells);
    },
  );

  it.each(cases)(
    'places every cell of the %s report at 375 px, scrolled sideways to the start, middle and end',
    async (name, report, options) => {
      // Tall enough that every table is in the viewport, where the covering probe looks.
      await page.setViewportSize({ width: 375, height: 9000 });
      await page.setContent(renderReportHtml(report, options));
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      for (const at of [0, 0.5, 1]) {
        await page.evaluate((fraction) => {
          for (const el of Array.from(document.querySelectorAll('.nb-table-scroll'))) {
            el.scrollLeft = (el.scrollWidth - el.clientWidth) * fraction;
          }
        }, at);
        expectPlaced(report, await placements(page));
      }
      if (name === 'busy' || name.endsWith('with --checks')) {
        const t3 = page.locator('.nb-table-scroll').nth(1);
        await t3.evaluate((el) => {
          el.scrollLeft = 120;
        });
        // For the review: the top of 表三 and its footer as a 375 px screen shows them.
        const box = await t3.boundingBox();
        const file = name.replace(/\W+/g, '-');
        if (box && process.env.NB_SHOTS) {
          await page.screenshot({
            path: `${process.env.NB_SHOTS}/375-${file}-t3-top.png`,
            clip: { x: 0, y: box.y - 40, width: 375, height: 700 },
          });
          await page.screenshot({
            path: `${process.env.NB_SHOTS}/375-${file}-t3-foot.png`,
            clip: { x: 0, y: box.y + box.height - 600, width: 375, height: 600 },
          });
        }
      }
    },
  );
});

import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { busyPreviousReport, busyReport } from '@nianbao/model/fixtures';
import axe from 'axe-core';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { barChartSvg } from './bar-chart.js';
import { reportChartSvg } from './report-chart.js';

/** Debian's Chromium; the test never downloads one and fails (never skips) without it. */
const CHROMIUM = '/usr/bin/chromium';
const require = createRequire(import.meta.url);
const out = join(import.meta.dirname, '..', '.test-results');

let browser: Browser;
beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: run \`node scripts/setup-test-tools.mjs\` from the repository root`,
    );
  }
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  mkdirSync(out, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

/** A page holding `svg`, with the bundled fonts under the family names the chart uses (as an installed font). */
async function open(name: string, svg: string): Promise<Page> {
  const face = (family: string, file: string, weight: string): string =>
    `@font-face{font-family:'${family}';font-weight:${weight};src:url('${pathToFileURL(require.resolve(`@nianbao/fonts/${file}`)).href}')}`;
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${name}</title><style>${face('Noto Serif SC', 'NotoSerifSC-Regular.ttf', '400')}${face('Noto Serif SC', 'NotoSerifSC-Bold.ttf', '700')}body{margin:0}</style></head><body><main><h1>${name}</h1>${svg}</main></body></html>`;
  const file = join(out, `${name}.html`);
  writeFileSync(file, html);
  const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
  await page.goto(pathToFileURL(file).href);
  await page.evaluate(() => document.fonts.ready);
  return page;
}

async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axe.source });
  return page.evaluate(async () => {
    const w = window as unknown as {
      axe: { run: (d: Document) => Promise<{ violations: { id: string; nodes: { html: string }[] }[] }> };
    };
    const result = await w.axe.run(document);
    return result.violations.map((v) => `${v.id}: ${v.nodes[0]?.html.slice(0, 120)}`);
  });
}

describe('charts in Chromium', () => {
  it('draws each bar as long as its value says, with its label left of it and its value right of it', async () => {
    const values = [376, 103, 24, 20, 36, 40];
    const labels = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'];
    const svg = barChartSvg({
      id: 'c',
      title: '申请人情况',
      description: labels.map((l, n) => `${l} ${values[n]}`).join('；'),
      series: ['件数'],
      bars: labels.map((label, n) => ({ label, values: [values[n] as number] })),
    });
    const page = await open('bars', svg);
    const boxes = await page.evaluate(() => {
      const box = (e: Element) => {
        const r = e.getBoundingClientRect();
        return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, text: e.textContent ?? '' };
      };
      return {
        bars: [...document.querySelectorAll('g[aria-label="bar"] rect')].map(box),
        texts: [...document.querySelectorAll('text')].map(box),
      };
    });
    expect(boxes.bars).toHaveLength(values.length);
    const perUnit = ((boxes.bars[0]?.right ?? 0) - (boxes.bars[0]?.left ?? 0)) / 376;
    for (const [n, bar] of boxes.bars.entries()) {
      expect((bar.right - bar.left) / (values[n] as number)).toBeCloseTo(perUnit, 2);
      const middle = (bar.top + bar.bottom) / 2;
      const label = boxes.texts.find((t) => t.text === labels[n]);
      const value = boxes.texts.find((t) => t.text === String(values[n]));
      expect(label && label.right <= bar.left && label.top < middle && label.bottom > middle).toBe(true);
      expect(value && value.left >= bar.right && value.top < middle && value.bottom > middle).toBe(true);
    }
    expect(await violations(page)).toEqual([]);
    await page.close();
  });

  it('shows the infographic with both years (screenshot in .test-results/chart.png) and passes axe', async () => {
    const { svg } = reportChartSvg(busyReport, { previous: busyPreviousReport });
    const page = await open('chart', svg);
    const image = await page
      .locator('svg')
      .first()
      .screenshot({ path: join(out, 'chart.png') });
    expect(image.length).toBeGreaterThan(50_000);
    const name = await page.evaluate(() => {
      const root = document.querySelector('svg');
      const ids = root?.getAttribute('aria-labelledby')?.split(' ') ?? [];
      return ids.map((id) => document.getElementById(id)?.textContent ?? '').join('|');
    });
    expect(name).toContain('图解');
    expect(name).toContain('与上年比较');
    expect(await violations(page)).toEqual([]);
    await page.close();
  });
});

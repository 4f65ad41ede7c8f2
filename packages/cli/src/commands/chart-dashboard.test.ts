import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { barChartSvg } from '@nianbao/charts';
import {
  type AuditInput,
  buildRegionAudit,
  checkReport,
  outcomeTotals,
  type Report,
  statutoryCells,
  writeCell,
} from '@nianbao/model';
import { busyPreviousReport, busyReport } from '@nianbao/model/fixtures';
import { renderAuditHtml } from '@nianbao/react/server';
import axe from 'axe-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** A report of agency `n` with every count scaled by `n` (so the agencies rank by n). */
function agency(base: Report, n: number): Report {
  let report: Report = { ...base, meta: { ...base.meta, agency: `某县第${n}局` } };
  for (const info of statutoryCells()) {
    if (info.value !== 'count') continue;
    const path = info.address.split('.');
    let node: unknown = report;
    for (const key of path) node = (node as Record<string, unknown> | undefined)?.[key];
    if (typeof node === 'number') report = writeCell(report, info.address, node * n);
  }
  return report;
}

const AGENCIES = 40;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nianbao-chart-dash-'));
  const input = (report: Report, file: string): AuditInput => ({
    file,
    ok: true,
    report,
    findings: checkReport(report),
    notes: [],
    confidence: { read: 200, inferred: 0, missing: 0 },
    format: '2021',
    layouts: '',
  });
  const now = Array.from({ length: AGENCIES }, (_, n) =>
    input(agency(busyReport, n + 1), `now/a${n + 1}.json`),
  );
  const before = Array.from({ length: AGENCIES }, (_, n) =>
    input(agency(busyPreviousReport, n + 1), `before/a${n + 1}.json`),
  );
  const audit = buildRegionAudit(now, { previous: before, today: '2025-06-01' });
  // What `nianbao audit --html` writes: the dashboard with @nianbao/charts as its chart renderer.
  await writeFile(join(dir, 'audit.html'), renderAuditHtml(audit, { chart: barChartSvg }));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the dashboard drawn with @nianbao/charts', () => {
  it('draws the per-agency outcomes for the 15 busiest and the rest as one bar, and the trend with --previous', async () => {
    const html = await readFile(join(dir, 'audit.html'), 'utf8');
    const section = html.slice(html.indexOf('id="nb-dash-region-charts"'));
    const agencyChart = section.slice(0, section.indexOf('</figure>'));
    // Plot's SVG, stacked: one bar per agency with six segments, and no more bars for more agencies.
    expect(agencyChart).toContain('role="img"');
    const bars = agencyChart.slice(agencyChart.indexOf('<svg'), agencyChart.indexOf('</svg>'));
    const segments = bars.match(/<rect[^>]*><title>/g) ?? [];
    expect(segments).toHaveLength(15 * 6);
    expect(bars.includes('某县第40局')).toBe(true);
    expect(bars.includes('某县第25局')).toBe(false);
    // The other 25, summed by the model, said in words after the chart rather than drawn on its scale.
    expect(section.includes(`其余 ${AGENCIES - 15} 个机关`)).toBe(true);
    // The busiest agency's （七）总计 is printed at its bar's end.
    const busiest = outcomeTotals(agency(busyReport, 40)).find((o) => o.key === 'total')?.value;
    expect(bars.includes(`>${busiest}</text>`)).toBe(true);
    expect(section.includes('id="nb-dash-chart-trend-caption"')).toBe(true);
    expect(section.includes('2023 年')).toBe(true);
    // Offline: nothing the page loads from elsewhere, no chart script.
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|https?:\/\/(?!www\.w3\.org)/);
  });

  it('looks right in Chromium (screenshot in .test-results/dashboard-charts.png) and passes axe', async () => {
    expect(existsSync('/usr/bin/chromium')).toBe(true);
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
      await page.goto(`file://${join(dir, 'audit.html')}`);
      const section = page.locator('#nb-dash-region-charts');
      const out = join(import.meta.dirname, '..', '..', '.test-results');
      await mkdir(out, { recursive: true });
      const image = await section.screenshot({ path: join(out, 'dashboard-charts.png') });
      expect(image.length).toBeGreaterThan(20_000);
      const rects = await section.locator('svg rect').count();
      expect(rects).toBeGreaterThan(15 * 6);
      // The charts' SVG in the page: named images, no violation axe can find in the section.
      await page.addScriptTag({ content: axe.source });
      const violations = await page.evaluate(async () => {
        const w = window as unknown as {
          axe: {
            run: (c: Element) => Promise<{ violations: { id: string; nodes: { html: string }[] }[] }>;
          };
        };
        const root = document.querySelector('#nb-dash-region-charts') as Element;
        const result = await w.axe.run(root);
        return result.violations.map((v) => `${v.id}: ${v.nodes[0]?.html.slice(0, 120)}`);
      });
      expect(violations).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});

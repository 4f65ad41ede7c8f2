import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildRegionAudit, parseUnitList, type RegionAudit } from '@nianbao/model';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleInputs } from '../../test/audit/sample-audit.js';
import { axeViolations, launchChromium } from '../../test/browser/chromium.js';
import { renderAuditHtml } from '../server.js';

/*
 * The unit list of the sample region: its busy report is the office's own (本级), 某县人民政府 is listed as a 部门
 * (so its report of 20 January is on time by 31 January), and 某县教育局 sent nothing. The failing fixtures' agencies
 * are not in the list.
 */
const UNITS =
  '名称,代码,层级,类型,本级\n某市自然资源和规划局,A1,市级,部门,是\n某县人民政府,A2,县级,部门,\n某县教育局,A3,县级,部门,\n';

function audit(): RegionAudit {
  const units = parseUnitList(new TextEncoder().encode(UNITS));
  if (!units.ok) throw new Error('unit list');
  return buildRegionAudit(sampleInputs().current, { expected: units.units, today: '2025-04-01' });
}

const region = audit();
const html = renderAuditHtml(region);

describe('the dashboard’s hand-upward section and 整改 lists', () => {
  it('comes first, before the overview, with who is missing and the reports matching no unit', () => {
    const section = html.indexOf('id="nb-dash-expected"');
    expect(section).toBeGreaterThan(0);
    expect(section).toBeLessThan(html.indexOf('id="nb-dash-overview"'));
    const body = html.slice(section, html.indexOf('id="nb-dash-overview"'));
    expect(body).toContain('某县教育局');
    expect(body).toContain('未报送 Missing（已过期限 past the deadline）');
    for (const file of region.expected?.unmatched ?? []) expect(body).toContain(file.file);
    expect(region.expected?.summary).toMatchObject({ expected: 3, reported: 2, missing: 1 });
  });

  it('shows 本级, the others summed and the region total side by side', () => {
    const own = region.own?.report;
    const others = region.own?.others?.report;
    if (!own || !others) throw new Error('no own figures');
    expect(html).toContain('本级 Own：某市自然资源和规划局');
    const row = new RegExp(
      `一、本年新收政府信息公开申请数量 · 总计</th><td>${own.t3.received.total}</td><td>${others.t3.received.total}</td><td>${region.rollUp.report.t3.received.total}</td>`,
    );
    expect(html).toMatch(row);
  });

  it('gives each drill-down with a 整改 list a slot, and the lists’ texts once in a data block', () => {
    const failing = region.reports.findIndex((report) => report.status === 'error');
    const drill = html.slice(
      html.indexOf(`id="nb-dash-d${failing}"`),
      html.indexOf(`id="nb-dash-d${failing + 1}"`),
    );
    expect(drill).toContain(`<div class="nb-dash-notice-slot" data-notice="${failing}"></div>`);
    const passing = region.reports.findIndex((report) => report.status === 'pass' && !report.notice);
    const clean = html.slice(
      html.indexOf(`id="nb-dash-d${passing}"`),
      html.indexOf(`id="nb-dash-d${passing + 1}"`),
    );
    expect(clean).not.toContain('nb-dash-notice-slot');
    const block =
      /<script type="application\/json" id="nb-dash-notices">(.*?)<\/script>/s.exec(html)?.[1] ?? '';
    const data = JSON.parse(block) as { t: [string, string][] };
    const actions = new Set(
      region.reports.flatMap((r) => r.notice?.items.map((item) => item.action.zh) ?? []),
    );
    for (const action of actions) expect(data.t.filter(([zh]) => zh === action)).toHaveLength(1);
  });

  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('passes axe in Chromium, with a drill-down and its 整改 list open', async () => {
    const file = join(tmpdir(), `nianbao-handup-${process.pid}.html`);
    writeFileSync(file, html);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`file://${file}`);
    await page.screenshot({ path: '/tmp/dashboard-hand-upward.png' });
    const failing = region.reports.findIndex((report) => report.status === 'error');
    await page.evaluate((id) => {
      (document.getElementById(id) as HTMLDetailsElement).open = true;
    }, `nb-dash-d${failing}`);
    const items = page.locator(`#nb-dash-d${failing} .nb-dash-notice > li`);
    await items.first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/dashboard-notice.png' });
    const notice = region.reports[failing]?.notice;
    expect(await items.count()).toBe(notice?.items.length);
    const first = notice?.items[0];
    const text = (await items.first().textContent()) ?? '';
    expect(text).toContain(first?.action.zh);
    expect(text).toContain(first?.action.en);
    if (first && first.cells.length > 0) expect(text).toContain(`涉及 ${first.cells.length} 处单元格`);
    // Opened twice, it is drawn once.
    await page.evaluate(async (id) => {
      const details = document.getElementById(id) as HTMLDetailsElement;
      // Each toggle event is awaited, so the drawing it triggers has run before counting.
      const toggled = (): Promise<unknown> =>
        new Promise((done) => details.addEventListener('toggle', done, { once: true }));
      let next = toggled();
      details.open = false;
      await next;
      next = toggled();
      details.open = true;
      await next;
    }, `nb-dash-d${failing}`);
    expect(await page.locator(`#nb-dash-d${failing} .nb-dash-notice`).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});

import { buildRegionAudit, outcomeTotals, type Report, writeCell } from '@nianbao/model';
import { busyReport } from '@nianbao/model/fixtures';
import { describe, expect, it } from 'vitest';
import { inputOf, sampleAudit } from '../../test/audit/sample-audit.js';
import { renderAuditHtml } from '../server.js';
import type { BarChartProps } from './charts.js';
import { TOP_AGENCIES } from './region-charts.js';

/** A chart renderer that records what it was asked to draw and draws a marker naming the chart. */
function recorder(): { specs: BarChartProps[]; chart: (spec: BarChartProps) => string } {
  const specs: BarChartProps[] = [];
  return {
    specs,
    chart: (spec) => {
      specs.push(spec);
      return `<svg role="img" data-chart="${spec.id}"><title>${spec.id}</title></svg>`;
    },
  };
}

function agencies(count: number): Report[] {
  return Array.from({ length: count }, (_, n) => ({
    ...busyReport,
    meta: { ...busyReport.meta, agency: `某县第${n + 1}局` },
    t3: { ...busyReport.t3 },
  })).map((report, n) => writeCell(report, 't3.results.total.total', 100 + n));
}

describe('the dashboard with a chart renderer', () => {
  it('hands every chart to the renderer and places its SVG before the chart data table', () => {
    const { specs, chart } = recorder();
    const html = renderAuditHtml(sampleAudit(true), { chart });
    const ids = specs.map((spec) => spec.id);
    expect(ids).toContain('nb-dash-chart-agency-outcomes');
    expect(ids).toContain('nb-dash-chart-trend');
    for (const id of ids) {
      const at = html.indexOf(`data-chart="${id}"`);
      expect(at).toBeGreaterThan(0);
      expect(html.indexOf('nb-dash-chart-data', at)).toBeGreaterThan(at);
    }
    // Without a renderer: no SVG, the data tables open.
    const plain = renderAuditHtml(sampleAudit(true));
    expect(plain).not.toContain('<svg');
    expect(plain).toContain('<details class="nb-dash-chart-data" open="">');
  });

  it('draws the busiest agencies one by one, stacked, with the model totals, and says the rest in words', () => {
    const reports = agencies(TOP_AGENCIES + 7);
    const audit = buildRegionAudit(reports.map((report, n) => inputOf(`r${n}.json`, report)));
    const { specs, chart } = recorder();
    const html = renderAuditHtml(audit, { chart });
    const spec = specs.find((s) => s.id === 'nb-dash-chart-agency-outcomes');
    expect(spec?.stacked).toBe(true);
    expect(spec?.bars).toHaveLength(TOP_AGENCIES);
    const busiest = reports.at(-1) as Report;
    expect(spec?.bars[0]?.label).toBe(busiest.meta.agency);
    const totals = outcomeTotals(busiest);
    expect(spec?.bars[0]?.total).toBe(totals.find((o) => o.key === 'total')?.value);
    expect(spec?.bars[0]?.values).toEqual(totals.filter((o) => o.key !== 'total').map((o) => o.value));
    expect(spec?.series).toHaveLength(6);
    expect(html).toContain('其余 7 个机关 (7 others)');
    // One year and no previous year: no trend to draw.
    expect(specs.some((s) => s.id === 'nb-dash-chart-trend')).toBe(false);
  });

  it('shows a blank as 未填报 in the data tables, never as 0', () => {
    const report = writeCell(
      writeCell(busyReport, 't3.results.disclosed.total', null),
      't3.results.disclosed.naturalPerson',
      null,
    );
    let blank: Report = report;
    for (const column of ['commercial', 'research', 'publicInterest', 'legalService', 'otherOrg']) {
      blank = writeCell(blank, `t3.results.disclosed.${column}`, null);
    }
    const audit = buildRegionAudit([inputOf('b.json', blank)]);
    const { specs, chart } = recorder();
    const html = renderAuditHtml(audit, { chart });
    const spec = specs.find((s) => s.id === 'nb-dash-chart-agency-outcomes');
    expect(spec?.bars[0]?.values[0]).toBeNull();
    const table = html.slice(html.indexOf('data-chart="nb-dash-chart-agency-outcomes"'));
    expect(table.slice(0, table.indexOf('</table>'))).toContain('<td>未填报</td>');
  });
});

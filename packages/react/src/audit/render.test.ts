import { writeFileSync } from 'node:fs';
import {
  buildRegionAudit,
  evaluateReport,
  type Report,
  readCell,
  statutoryCells,
  writeCell,
} from '@nianbao/model';
import { busyReport } from '@nianbao/model/fixtures';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inputOf, sampleAudit } from '../../test/audit/sample-audit.js';
import { renderAuditHtml } from '../server.js';

/** The page's data block (what the script draws drill-downs from). */
function dataOf(html: string): { s: string[]; r: Record<string, { v?: (number | null)[]; f: number[][] }> } {
  const match = /<script type="application\/json" id="nb-dash-data">(.*?)<\/script>/s.exec(html);
  if (!match?.[1]) throw new Error('the page has no data block');
  return JSON.parse(match[1]);
}

describe('renderAuditHtml', () => {
  const audit = sampleAudit(true);
  const html = renderAuditHtml(audit);

  it('is one document with no external resource', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="zh-CN">')).toBe(true);
    expect(html).not.toMatch(/<link\b|<script[^>]+src=|<img[^>]+src="(?!data:)|@import|url\((?!data:)/i);
    expect(html).not.toMatch(/https?:\/\//);
    writeFileSync('/tmp/dashboard-sample.html', html);
  });

  it('has a row and a drill-down per input and every planted rule in the rule filter', () => {
    expect(html.match(/<tr data-status=/g)).toHaveLength(audit.reports.length);
    expect(html.match(/<details id="nb-dash-d\d+"/g)).toHaveLength(audit.reports.length);
    for (const count of audit.summary.byRule) expect(html).toContain(`<option value="${count.rule}">`);
    expect(html).toContain('2024/scan.pdf');
    expect(html).toContain('PDF 中没有文字层');
  });

  it('shows the roll-up and the year-over-year rows, with the unmatched agencies', () => {
    expect(html).toContain('汇总 Roll-up：本行政区域汇总');
    expect(html).toContain('已撤销局');
    expect(html).toContain('✗ 不衔接 broken');
    expect(audit.previous?.comparison.agencies.map((a) => a.agency)).toEqual([
      '某市自然资源和规划局',
      '某县人民政府',
    ]);
  });

  it('carries every report’s values in cell order and every finding’s message, once in its string table', () => {
    const data = dataOf(html);
    const addresses = statutoryCells().map((cell) => cell.address);
    audit.reports.forEach((report, index) => {
      const record = data.r[index];
      if (!report.report) return;
      expect(record?.v).toEqual(addresses.map((address) => readCell(report.report as Report, address)));
      expect(record?.f.map((finding) => data.s[finding[4] as number])).toEqual(
        report.findings.map((finding) => finding.message.zh),
      );
    });
    expect(new Set(data.s).size).toBe(data.s.length);
  });

  it('reads any cells as readCell does (blank, zero, decimals), whichever are set', () => {
    const addresses = statutoryCells().map((cell) => cell.address);
    const changes = fc.array(
      fc.tuple(
        fc.constantFrom(...addresses),
        fc.oneof(fc.constant(null), fc.nat({ max: 900 }), fc.double({ min: 0, max: 1e4, noNaN: true })),
      ),
      { maxLength: 20 },
    );
    fc.assert(
      fc.property(changes, (cells) => {
        const report = cells.reduce<Report>(
          (r, [address, value]) => writeCell(r, address, value),
          busyReport,
        );
        const data = dataOf(renderAuditHtml(buildRegionAudit([inputOf('a.json', report)])));
        expect(data.r[0]?.v).toEqual(addresses.map((address) => readCell(report, address)));
      }),
      { numRuns: 12 },
    );
  });

  it('draws the same page from the caller’s evaluations as from re-running the rules of the findings', () => {
    const evaluations = audit.reports.map((report) =>
      report.report ? evaluateReport(report.report) : undefined,
    );
    expect(renderAuditHtml(audit, { evaluations })).toBe(html);
  });

  it('escapes report text', () => {
    const [first] = audit.reports;
    const report = first?.report;
    if (!first || !report) throw new Error('sample has no first report');
    const evil = { ...audit, reports: [{ ...first, agency: '<script>x</script>', report }] };
    expect(renderAuditHtml(evil)).not.toContain('<script>x</script>');
  });
});

import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sampleAudit } from '../../test/audit/sample-audit.js';
import { renderAuditHtml } from '../server.js';

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

  it('escapes report text', () => {
    const [first] = audit.reports;
    const report = first?.report;
    if (!first || !report) throw new Error('sample has no first report');
    const evil = { ...audit, reports: [{ ...first, agency: '<script>x</script>', report }] };
    expect(renderAuditHtml(evil)).not.toContain('<script>x</script>');
  });
});

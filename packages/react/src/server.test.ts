import { readFileSync } from 'node:fs';
import { busyReport, seedReport } from '@nianbao/model/fixtures';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { escapeHtml, renderReportHtml, reportCss } from './server.js';

const hostile = '</title><script>alert(1)</script><img src=x onerror=alert(2)>';

describe('renderReportHtml', () => {
  it('returns a whole zh-CN document with the stylesheet inlined', () => {
    const html = renderReportHtml(seedReport);
    expect(html.startsWith('<!doctype html>\n<html lang="zh-CN">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain(`<title>${escapeHtml(seedReport.meta.title ?? '')}</title>`);
    expect(html).toContain(reportCss());
    expect(html).not.toMatch(/<link|<script/);
    expect(html.match(/<table/g)).toHaveLength(3);
  });

  it("publishes the statute's tables only by default; checks: true adds the cross-check rows", () => {
    const markup = (html: string): string => html.slice(html.indexOf('</style>'));
    const published = markup(renderReportHtml(busyReport));
    expect(published).not.toContain('<tfoot');
    expect(published).not.toMatch(/nb-check|nb-flag|aria-invalid|[✓✗⚠？]|行通过/);
    const review = markup(renderReportHtml(busyReport, { checks: true }));
    expect(review.match(/<tfoot/g)).toHaveLength(2);
    expect(review).toContain('行通过');
  });

  it('inlines exactly the shipped stylesheet', () => {
    expect(reportCss()).toBe(readFileSync(new URL('./styles.css', import.meta.url), 'utf8'));
  });

  it('returns a fragment: one scoped div holding its style', () => {
    const html = renderReportHtml(seedReport, { fragment: true });
    expect(html.startsWith('<div class="nb-report" lang="zh-CN"><style>')).toBe(true);
    expect(html.endsWith('</div>')).toBe(true);
    expect(html).not.toContain('<html');
    const { document } = new JSDOM(`<!doctype html><body>${html}</body>`).window;
    expect(document.body.children).toHaveLength(1);
    expect(document.querySelectorAll('.nb-report')).toHaveLength(1);
  });

  it('escapes hostile text everywhere, the <title> included', () => {
    const report = {
      ...seedReport,
      meta: { ...seedReport.meta, title: hostile },
      preamble: [hostile],
      sections: { overview: [{ type: 'paragraph' as const, text: hostile, lead: hostile }] },
    };
    const html = renderReportHtml(report);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    const { document } = new JSDOM(html).window;
    expect(document.title).toBe(hostile);
    expect(document.querySelector('.nb-preamble')?.textContent).toBe(hostile);
  });

  it('keeps the design tokens on the scoping class only', () => {
    const css = reportCss();
    expect(css).toMatch(/\.nb-report \{\n\s+--nb-/);
    // No global resets: every rule is scoped under .nb-report (at-rules aside).
    const selectors = css
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .split('}')
      .map((block) => block.split('{')[0]?.trim() ?? '')
      .filter((s) => s && !s.startsWith('@') && !/^(from|to|\d)/.test(s));
    for (const selector of selectors) {
      for (const part of selector.split(',')) expect(part.trim(), selector).toMatch(/^\.nb-report/);
    }
  });
});

/**
 * @nianbao/react/server — the report as static HTML for pages without React (old CMSs): a whole document or a
 * fragment to paste, with the stylesheet inlined. Server-side only (`react-dom/server`, `node:fs`).
 */
import { readFileSync } from 'node:fs';
import type { Evaluation, Finding, Report } from '@nianbao/model';
import { reportTitle } from '@nianbao/model';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { AnnualReport } from './annual-report.js';
import type { Locale } from './messages.js';
import { isForeignReact, withNodeCopy } from './node-copy.js';
import { NbScope } from './scope.js';

/** Options of `renderReportHtml`. */
export interface RenderHtmlOptions {
  /** A `<div class="nb-report">` with its `<style>` to paste into a page, instead of a whole document. @default false */
  fragment?: boolean;
  /** Findings to mark; default: the checks that did not pass. */
  findings?: readonly Finding[];
  /** Evaluations for the cross-check footers (with `checks`); computed when absent. */
  evaluations?: readonly Evaluation[];
  /**
   * Review pages: mark the cells the cross-checks flag and draw their footer rows (勾稽关系 ✓, 「25/25 行通过」)
   * under the tables. Off by default, because what is published must hold the statute's tables only. @default false
   */
  checks?: boolean;
  /** @deprecated Use `checks`; the same switch under its old name. */
  crossChecks?: boolean;
  /** List the findings after part 六. @default false */
  showFindings?: boolean;
  /** Prefix of every DOM id. @default 'nb-' */
  idPrefix?: string;
  /** Language of the interface text. @default 'zh' */
  locale?: Locale;
}

let css: string | undefined;

/** The shipped stylesheet (`@nianbao/react/styles.css`) as text; it sits beside this module in src and dist. */
export function reportCss(): string {
  css ??= readFileSync(new URL('./styles.css', import.meta.url), 'utf8');
  return css;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

// A stylesheet cannot end its own <style> element early; the shipped CSS never contains `</style`, but be sure.
function styleElement(): string {
  return `<style>${reportCss().replace(/<\/style/gi, '<\\/style')}</style>`;
}

/**
 * Renders a report to HTML with `react-dom/server`: by default the statute's content only, ready to publish;
 * `checks: true` adds the cross-checks for a review page. All report text goes through React's escaping (the title too,
 * by `escapeHtml`); nothing is inserted as raw HTML. A document starts `<!doctype html><html lang="zh-CN">`;
 * a fragment is one `<div class="nb-report" lang="zh-CN">` holding its `<style>`.
 */
export function renderReportHtml(report: Report, options: RenderHtmlOptions = {}): string {
  try {
    return renderHere(report, options);
  } catch (error) {
    // A bundle that paired these components with another React's renderer (Next.js Route Handlers): render with
    // the copy Node resolves, where they match (./node-copy.ts).
    const html = isForeignReact(error)
      ? withNodeCopy((server) => server.renderReportHtml(report, options))
      : undefined;
    if (html === undefined) throw error;
    return html;
  }
}

function renderHere(report: Report, options: RenderHtmlOptions): string {
  const element = createElement(
    NbScope,
    null,
    createElement(AnnualReport, {
      report,
      showFindings: options.showFindings ?? false,
      checks: options.checks ?? options.crossChecks ?? false,
      ...(options.findings ? { findings: options.findings } : {}),
      ...(options.evaluations ? { evaluations: options.evaluations } : {}),
      ...(options.idPrefix !== undefined ? { idPrefix: options.idPrefix } : {}),
      ...(options.locale ? { locale: options.locale } : {}),
    }),
  );
  const body = `<div class="nb-report" lang="zh-CN">${options.fragment ? styleElement() : ''}${renderToStaticMarkup(element)}</div>`;
  if (options.fragment) return body;
  return [
    '<!doctype html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(reportTitle(report.meta))}</title>`,
    styleElement(),
    '</head>',
    `<body><main>${body}</main></body>`,
    '</html>',
    '',
  ].join('\n');
}

/** The audit dashboard (`nianbao audit --html`): one self-contained page for a region's reports. */
export { type RenderAuditOptions, renderAuditHtml } from './audit/render.js';

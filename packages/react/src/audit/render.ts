import { readFileSync } from 'node:fs';
import type { Evaluation, RegionAudit } from '@nianbao/model';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { ChartContext, type ChartRenderer } from './charts.js';
import { AuditPage } from './page.js';
import { DASHBOARD_SCRIPT } from './script.js';
import { DASHBOARD_CSS } from './styles.js';

/** Options of `renderAuditHtml`. */
export interface RenderAuditOptions {
  /** The page's title. @default `政府信息公开工作年度报告审核` with the roll-up's year */
  title?: string;
  /**
   * Each report's `evaluateReport`, in `audit.reports` order, when the caller has them (the audit's inputs'
   * `evaluations`): the drill-downs' cell marks read them instead of running the rules of the findings again.
   */
  evaluations?: readonly (readonly Evaluation[] | undefined)[];
  /**
   * Draws the page's charts as SVG (e.g. `barChartSvg` of @nianbao/charts). Absent: each chart is shown as its
   * data table only.
   */
  chart?: ChartRenderer;
}

/** The components' stylesheet (`styles.css`, beside src/ and dist/), read once. */
let css: string | undefined;

function escapeText(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

// Inline code cannot end its own element early; neither constant contains `</`, but be sure.
function inline(code: string): string {
  return code.replace(/<\//g, '<\\/');
}

/**
 * The audit dashboard (`nianbao audit --html`): one self-contained HTML document, no network request, inline CSS
 * and a small inline script, that opens from a file and prints. It holds the overview (counts, deadline
 * compliance, problems by rule as an SVG chart with its data table), the agencies table (sortable, filterable by
 * status, rule and text, usable by keyboard), a drill-down per report (its findings with expected vs actual, its
 * import notes, its scorecard and its three tables drawn by this package's components with failing cells
 * marked), the roll-up drawn the same way, and the year-over-year rows and chart when the audit has last year's.
 * Every text goes through React's escaping.
 */
export function renderAuditHtml(audit: RegionAudit, options: RenderAuditOptions = {}): string {
  css ??= readFileSync(new URL('../styles.css', import.meta.url), 'utf8');
  const title = options.title ?? `政府信息公开工作年度报告审核 ${audit.rollUp.report.meta.year}`;
  const page = createElement(AuditPage, { audit, evaluations: options.evaluations });
  const body = renderToStaticMarkup(createElement(ChartContext.Provider, { value: options.chart }, page));
  return [
    '<!doctype html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // No request may leave the page: block every fetch but inline code and data: images.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">`,
    `<title>${escapeText(title)}</title>`,
    `<style>${inline(css)}${inline(DASHBOARD_CSS)}</style>`,
    '</head>',
    `<body>${body}<script>${inline(DASHBOARD_SCRIPT)}</script></body>`,
    '</html>',
    '',
  ].join('\n');
}

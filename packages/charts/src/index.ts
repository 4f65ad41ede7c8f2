/**
 * @nianbao/charts — the report's figures as charts drawn on the server: `reportChartSvg` (the 图解 of one report,
 * with last year's for the changes) and `barChartSvg` (the audit dashboard's bar charts, handed to
 * `renderAuditHtml` of @nianbao/react). PNG output is `@nianbao/charts/png` (resvg with the bundled fonts).
 */
export { type BarChartSpec, barChartSvg, type ChartBar, SERIES_COLOURS } from './bar-chart.js';
export {
  formatYearOnYear,
  type ReportChart,
  type ReportChartOptions,
  reportChartSvg,
  type YearOnYear,
  yearOnYear,
  yearOnYearLines,
} from './report-chart.js';
export { BLANK_TEXT, CHART_FONT_FAMILY } from './text.js';

/*
 * The dashboard's own stylesheet, inlined after the components' (`styles.css`). Plain system fonts (no web
 * fonts to fetch), colours that keep 4.5:1 contrast on white, a sticky table head on screen only, and print
 * rules: no controls, every row shown, drill-downs that are open print whole, tables not split inside rows.
 */
export const DASHBOARD_CSS = `
:root { color-scheme: light; }
body { margin: 0; font-family: system-ui, "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif;
  color: #1b1b1b; background: #fff; line-height: 1.5; }
.nb-dash-header, main { max-width: 1440px; margin: 0 auto; padding: 0 1rem; }
.nb-dash-header h1 { font-size: 1.6rem; margin: 1rem 0 0.5rem; }
.nb-dash-header nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 1rem; padding: 0; margin: 0 0 1rem; }
a { color: #0b4f9c; }
a:focus-visible, button:focus-visible, summary:focus-visible, select:focus-visible, input:focus-visible {
  outline: 3px solid #c75000; outline-offset: 2px; }
h2 { font-size: 1.3rem; border-bottom: 2px solid #505a5f; padding-bottom: 0.2rem; margin-top: 2rem; }
h3 { font-size: 1.1rem; }
.nb-dash-stats { display: flex; flex-wrap: wrap; gap: 0.75rem; margin: 0.5rem 0; }
.nb-dash-stat { border: 1px solid #b1b4b6; border-left-width: 6px; padding: 0.4rem 0.8rem; min-width: 8rem; }
.nb-dash-stat dt { font-size: 0.85rem; color: #505050; }
.nb-dash-stat dd { margin: 0; font-size: 1.6rem; font-weight: 700; }
.nb-dash-stat--pass { border-left-color: #2f6b2f; }
.nb-dash-stat--warning { border-left-color: #8a5a00; }
.nb-dash-stat--error { border-left-color: #b3261e; }
.nb-dash-stat--unreadable { border-left-color: #505a5f; }
.nb-dash-chart { margin: 0.5rem 0 1rem; }
.nb-dash-chart figcaption { font-weight: 600; margin-bottom: 0.25rem; }
.nb-dash-chart svg { max-width: 100%; height: auto; font-family: inherit; }
.nb-dash-chart svg text { fill: #1b1b1b; }
.nb-dash-visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
  white-space: nowrap; }
.nb-dash-controls { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; margin: 0.5rem 0; }
.nb-dash-controls select, .nb-dash-controls input { font: inherit; padding: 0.2rem 0.3rem; max-width: 22rem; }
.nb-dash-scroll { overflow-x: auto; }
main table { border-collapse: collapse; font-size: 0.9rem; }
main table caption { text-align: left; font-weight: 600; padding: 0.3rem 0; }
#nb-dash-table, .nb-dash-findings, .nb-dash-score, .nb-dash-yoy, .nb-dash-chart-data table,
#nb-dash-rollup > details table { width: 100%; }
#nb-dash-table th, #nb-dash-table td, .nb-dash-findings th, .nb-dash-findings td, .nb-dash-score th,
.nb-dash-score td, .nb-dash-yoy th, .nb-dash-yoy td, .nb-dash-chart-data th, .nb-dash-chart-data td,
#nb-dash-rollup > details th, #nb-dash-rollup > details td {
  border: 1px solid #b1b4b6; padding: 0.25rem 0.4rem; text-align: left; vertical-align: top; }
#nb-dash-table thead th { background: #f3f2f1; position: sticky; top: 0; z-index: 1; padding: 0; }
#nb-dash-table thead button { font: inherit; font-weight: 600; background: none; border: 0; width: 100%;
  padding: 0.3rem 0.4rem; text-align: left; cursor: pointer; color: inherit; }
th[aria-sort="ascending"] .nb-dash-arrow::after { content: " ▲"; }
th[aria-sort="descending"] .nb-dash-arrow::after { content: " ▼"; }
#nb-dash-table tbody th { font-weight: 400; min-width: 10rem; }
#nb-dash-table tbody td { white-space: nowrap; }
#nb-dash-table tbody td:last-child { white-space: normal; word-break: break-all; min-width: 9rem; }
.nb-dash-status--pass { color: #2f6b2f; }
.nb-dash-status--warning { color: #7a4f00; }
.nb-dash-status--error { color: #b3261e; font-weight: 600; }
.nb-dash-status--unreadable { color: #505050; }
.nb-dash-agency { border: 1px solid #b1b4b6; margin: 0.3rem 0; }
.nb-dash-agency > summary { padding: 0.4rem 0.6rem; cursor: pointer; background: #f8f8f8; }
.nb-dash-agency--error > summary { border-left: 6px solid #b3261e; }
.nb-dash-agency--warning > summary { border-left: 6px solid #8a5a00; }
.nb-dash-agency--pass > summary { border-left: 6px solid #2f6b2f; }
.nb-dash-agency-name { font-weight: 600; }
.nb-dash-agency-body { padding: 0.5rem 0.8rem 1rem; }
.nb-dash-meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 1rem; }
.nb-dash-meta dt { color: #505050; }
.nb-dash-meta dd { margin: 0; }
.nb-dash-findings ul { margin: 0; padding-left: 1rem; }
.nb-dash-findings td:last-child { min-width: 18rem; }
.nb-dash-finding--error td:first-child { border-left: 4px solid #b3261e; }
.nb-dash-finding--warning td:first-child { border-left: 4px solid #8a5a00; }
.nb-dash-small { font-size: 0.8rem; color: #505050; }
.nb-dash-tables { margin-top: 1rem; }
.nb-dash-handup th, .nb-dash-handup td { border: 1px solid #b1b4b6; padding: 0.25rem 0.4rem; text-align: left; }
@media print {
  .nb-dash-controls, .nb-dash-header nav { display: none; }
  #nb-dash-table thead th { position: static; }
  #nb-dash-table tbody tr[hidden] { display: table-row; }
  tr, .nb-dash-stat, figure { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
  .nb-dash-agency:not([open]) { display: none; }
}
`;

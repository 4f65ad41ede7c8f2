/**
 * @nianbao/react — the statutory tables of 政府信息公开工作年度报告 and the whole report as accessible, themeable
 * React components. Styles: `@nianbao/react/styles.css`. Static HTML without React in the page:
 * `renderReportHtml` from `@nianbao/react/server`.
 */

/**
 * From the model, re-exported for this package's users: the footer rows of a table's cross-checks, the statute's
 * part headings and the report title (what `AnnualReport` prints).
 */
export {
  type CrossCheckCell,
  type CrossCheckItem,
  type CrossCheckRow,
  crossCheckRows,
  NARRATIVE_HEADINGS,
  reportTitle,
} from '@nianbao/model';
/** The whole report: title, the six parts, the three tables. */
export { AnnualReport, type AnnualReportProps } from './annual-report.js';
/** Where a table reads its numbers: a report or a function from cell address to value. */
export type { CellSource } from './cell-source.js';
/** The footer under a table that shows its cross-checks. */
export { CrossCheckFooter, type CrossCheckFooterProps } from './cross-check-footer.js';
/** The cells a finding is marked on in the grid. */
export { primaryCells } from './findings-index.js';
/** The list of a report's findings, each linked to its cells; `findingDomId` is each item's element id. */
export { FindingsList, type FindingsListProps, findingDomId } from './findings-list.js';
/** Reads what a user typed into a cell (full-width digits, thousands commas, blank marks), for custom editors. */
export { type CellInputResult, parseCellInput } from './format.js';
/** The language of the interface text (`zh` or `en`) and the glyph of each severity (✗ ⚠ ℹ ？). */
export { type Locale, SEVERITY_GLYPH } from './messages.js';
/** One part of the narrative text with its statutory heading. */
export { Narrative, type NarrativeProps } from './narrative.js';
/** Where a cell address sits in a table's grid (row, column, spans), for tests and overlays. */
export { type CellPlacement, cellPlacement } from './placement.js';
/** Checks and derived totals of a report being entered, and data entry's one write (`enterCells`). */
export {
  derivedTotals,
  enterCells,
  type ReportChecks,
  reportChecks,
  useReportChecks,
} from './report-checks.js';
/** The style scope every component renders inside (`@nianbao/react/styles.css` applies under it). */
export { NbScope } from './scope.js';
/** One statutory table from the model's layout, read-only or editable. */
export { type CellChange, StatutoryTable, type StatutoryTableProps } from './statutory-table.js';
/** 表二, 表三 and 表四 as named components. */
export {
  ApplicationsTable,
  type ApplicationsTableProps,
  ProactiveDisclosureTable,
  type ProactiveDisclosureTableProps,
  ReviewLitigationTable,
  type ReviewLitigationTableProps,
  type TableWrapperProps,
} from './tables.js';

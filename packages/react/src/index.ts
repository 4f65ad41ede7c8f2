/**
 * @nianbao/react — the statutory tables of 政府信息公开工作年度报告 and the whole report as accessible, themeable
 * React components. Styles: `@nianbao/react/styles.css`. Static HTML without React in the page:
 * `renderReportHtml` from `@nianbao/react/server`.
 */

/** The footer rows of a table's cross-checks, computed by the model (re-exported for the footer's users). */
export {
  type CrossCheckCell,
  type CrossCheckItem,
  type CrossCheckRow,
  crossCheckRows,
  NARRATIVE_HEADINGS,
  reportTitle,
} from '@nianbao/model';
export { AnnualReport, type AnnualReportProps } from './annual-report.js';
export { type CellSource, lookupCell } from './cell-source.js';
export { CrossCheckFooter, type CrossCheckFooterProps } from './cross-check-footer.js';
export { primaryCells } from './findings-index.js';
export { FindingsList, type FindingsListProps, findingDomId } from './findings-list.js';
export { type CellInputResult, parseCellInput } from './format.js';
export { type Locale, SEVERITY_GLYPH, UI } from './messages.js';
export { Narrative, type NarrativeProps } from './narrative.js';
export { type CellPlacement, cellPlacement } from './placement.js';
export {
  derivedTotals,
  enterCells,
  type ReportChecks,
  reportChecks,
  useReportChecks,
} from './report-checks.js';
export { NbScope } from './scope.js';
export { type CellChange, StatutoryTable, type StatutoryTableProps } from './statutory-table.js';
export {
  ApplicationsTable,
  type ApplicationsTableProps,
  ProactiveDisclosureTable,
  type ProactiveDisclosureTableProps,
  ReviewLitigationTable,
  type ReviewLitigationTableProps,
  type TableWrapperProps,
} from './tables.js';

/**
 * @nianbao/model — the statute as data (国办公开办函〔2021〕30号), the Report JSON v1 contract,
 * the table layout engine and the cross-checker.
 */

export {
  type CheckOptions,
  checkReport,
  completeTotals,
  type Evaluation,
  evaluateReport,
  type Finding,
  isReportOk,
  RULES,
  type RuleId,
  type RuleScope,
  type RuleSpec,
  type Severity,
} from './checks/index.js';
export { assertTiling, LayoutError, layoutTable } from './layout/layout-table.js';
export type {
  HeaderScope,
  LayoutCell,
  LayoutCellKind,
  LayoutRow,
  LayoutSection,
  TableLayout,
} from './layout/types.js';
export { computeColumnWidths, textWidth } from './layout/widths.js';
export {
  type ParseIssue,
  type ParseResult,
  parseReport,
  parseReportJson,
  reportJsonSchema,
} from './schema/index.js';
export {
  type CellInfo,
  cellLabel,
  describeCell,
  readCell,
  statutoryCells,
  statutoryLayout,
  writeCell,
} from './tables/cells.js';
export { NARRATIVE_HEADINGS, reportTitle } from './tables/parts.js';
export type { ColumnNode, RowNode, TableBlock, TableSpec, ValueKind } from './tables/spec-types.js';
export { STATUTORY_TABLES, T2_SPEC, T3_CORNER_NOTE, T3_SPEC, T4_SPEC } from './tables/statutory-2021.js';
export * from './types.js';

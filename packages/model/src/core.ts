/**
 * @nianbao/model/core — everything in @nianbao/model except the runtime validation (`parseReport`,
 * `parseReportJson`, `reportJsonSchema`, and for rulepacks `parseRulepack`, `parseRulepackJson`,
 * `rulepackJsonSchema`), which loads zod. Renderers that receive an already valid `Report`
 * (the PDF package) import this to keep zod out of their start-up.
 */
export {
  type CheckOptions,
  type CountedEvaluation,
  type CrossCheckCell,
  type CrossCheckItem,
  type CrossCheckRow,
  checkReport,
  completeTotals,
  crossCheckRows,
  derivedTotals,
  type EvaluateOptions,
  type Evaluation,
  evaluateReport,
  evaluateWithCounts,
  type Finding,
  findingsFrom,
  isReportOk,
  RULES,
  type RuleId,
  type RuleScope,
  type RuleSpec,
  type Severity,
  type TableSum,
  tableSums,
  totalCells,
} from './checks/index.js';
export {
  CELLS_NAMED,
  DRAFT_WATERMARK,
  FINDINGS_TITLE,
  findingCellsInWords,
  SEVERITY_ZH,
  STATUS_ZH,
} from './draft-page.js';
export { FONT_ROLES, type FontRole } from './font-roles.js';
export { labelBreakPoints, labelSegments, STATUTE_WORDS } from './layout/label-breaks.js';
export { assertTiling, LayoutError, layoutTable } from './layout/layout-table.js';
export type {
  HeaderScope,
  LayoutCell,
  LayoutCellKind,
  LayoutRow,
  LayoutSection,
  TableLayout,
} from './layout/types.js';
export {
  type ColumnWidthOptions,
  computeColumnWidths,
  leastTableWidth,
  textWidth,
} from './layout/widths.js';
export * from './rollup/index.js';
export * from './score/index.js';
export { BLANK_MARKS, isBlankMark } from './tables/blank-marks.js';
export {
  type CellInfo,
  cellLabel,
  cellName,
  describeCell,
  readCell,
  statutoryCells,
  statutoryLayout,
  writeCell,
} from './tables/cells.js';
export { formatCellValue } from './tables/format.js';
export {
  CHINESE_NUMERALS,
  chineseNumeralValue,
  type Ordinal,
  type OrdinalKind,
  parseOrdinal,
} from './tables/ordinals.js';
export { NARRATIVE_HEADINGS, reportTitle } from './tables/parts.js';
export { rowNameOf, sideName } from './tables/side-names.js';
export type { ColumnNode, RowNode, TableBlock, TableSpec, ValueKind } from './tables/spec-types.js';
export { STATUTORY_TABLES, T2_SPEC, T3_CORNER_NOTE, T3_SPEC, T4_SPEC } from './tables/statutory-2021.js';
/** Bytes meant as Report JSON decoded the one way every reader does (UTF-8 only, located refusals). */
export {
  type DecodeIssueCode,
  type DecodeResult,
  decodeJsonBytes,
  FILE_WHAT,
  firstInvalidUtf8,
} from './text/json-bytes.js';
export * from './types.js';

/** The cross-checker: rules as data, findings with cell addresses, and total completion. */
export { type TableSum, tableSums } from './arithmetic.js';
export {
  type CountedEvaluation,
  checkReport,
  type EvaluateOptions,
  evaluateReport,
  evaluateWithCounts,
  findingsFrom,
  isReportOk,
} from './check.js';
export { completeTotals, derivedTotals, totalCells } from './complete-totals.js';
export {
  type CrossCheckCell,
  type CrossCheckItem,
  type CrossCheckRow,
  crossCheckRows,
} from './cross-check.js';
export {
  type CheckOptions,
  type Evaluation,
  type Finding,
  RULES,
  type RuleId,
  type RuleScope,
  type RuleSpec,
  type Severity,
} from './rules.js';

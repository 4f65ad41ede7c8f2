/** The region's roll-up, the comparison with last year, and the audit document built from them. */
export {
  AUDIT_FORMAT,
  type AuditInput,
  type AuditNote,
  type AuditReport,
  type AuditStatus,
  type AuditSummary,
  buildRegionAudit,
  type OwnFigures,
  type RegionAudit,
  type RegionAuditOptions,
  type RuleCount,
} from './audit.js';
export {
  type CoverageEntry,
  type ExpectedCoverage,
  expectedCoverage,
  type UnitCoverage,
  type UnitStatus,
  type UnmatchedFile,
} from './coverage.js';
export {
  type RectificationItem,
  type RectificationNotice,
  rectificationMarkdown,
  rectificationNotice,
} from './rectification.js';
export {
  ROLL_UP_AGENCY,
  type RollUp,
  type RollUpEntry,
  type RollUpMember,
  type RollUpOptions,
  rollUpReports,
  statutoryValues,
  type UnreadableMember,
} from './rollup.js';
export { type ExpectedUnit, parseUnitList, type UnitListError, type UnitListResult } from './units.js';
export {
  type AgencyComparison,
  type Carryover,
  type CarryoverColumn,
  type CopiedPart,
  compareYears,
  normaliseAgencyName,
  OUTCOME_KEYS,
  type OutcomeChange,
  type OutcomeKey,
  outcomeTotals,
  type RegionComparison,
  type UnmatchedReport,
  type YearChange,
  type YearOverYear,
} from './year-over-year.js';

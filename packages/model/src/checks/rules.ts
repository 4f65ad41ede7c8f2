import type { CellAddress, LocalizedText, Report } from '../types.js';
import type { RuleMeta } from './context.js';
import { AGENCY_RULE_SPECS, type AgencyRuleId } from './rules/agency.js';
import { ARITHMETIC_RULE_SPECS, type ArithmeticRuleId } from './rules/arithmetic.js';
import { CELL_RULE_SPECS, type CellRuleId } from './rules/cells.js';
import { CROSS_YEAR_RULE_SPECS, type CrossYearRuleId } from './rules/cross-year.js';
import { DEADLINE_RULE_SPECS, type DeadlineRuleId } from './rules/deadline.js';
import { NARRATIVE_RULE_SPECS, type NarrativeRuleId } from './rules/narrative.js';
import { TEXT_RULE_SPECS, type TextRuleId } from './rules/text.js';

/** How much a failed rule matters: `error` blocks finalising, `warning` needs a person's look, `info` is advice. */
export type Severity = 'error' | 'warning' | 'info';

/**
 * The stable id of a check rule (report-json-v1.md › Findings): the union of each rule family's ids, declared
 * in the family's file beside its rules (checks/rules/*.ts).
 */
export type RuleId =
  | ArithmeticRuleId
  | CellRuleId
  | NarrativeRuleId
  | DeadlineRuleId
  | TextRuleId
  | CrossYearRuleId
  | AgencyRuleId;

/**
 * What part of a report a rule reads. `tables` is every statutory cell (`cell-type`, `cell-blank`): each of its
 * findings names the cells it concerns, whose table is the place to show it.
 */
export type RuleScope = 't2' | 't3' | 't4' | 'tables' | 'narrative' | 'meta' | 'cross-year';

/** A rule as data: its id, severity, what it reads, and its title. */
export interface RuleSpec {
  id: RuleId;
  severity: Severity;
  scope: RuleScope;
  title: LocalizedText;
  /** The rule runs only when `CheckOptions.previous` (last year's report) is given. */
  needsPrevious: boolean;
  /**
   * The rule bounds its own findings (its first fields, then one counting the rest, in `evaluateReport` too), so
   * `checkReport`'s per-rule cap leaves it alone instead of counting its count again ("1 more").
   */
  boundsItself?: true;
  /**
   * The rule reads the narrative: a report without `sections` (tables only, or an import whose text was not
   * kept) skips it instead of failing it.
   */
  needsSections?: true;
}

/**
 * Every rule family's metadata (checks/rules/*.ts, each rule's beside its evaluator), in reporting order (by
 * `rank`). What one instance (one finding) of each rule covers is said beside the family's rules.
 */
export const RULE_METADATA: readonly RuleMeta[] = [
  ...ARITHMETIC_RULE_SPECS,
  ...CELL_RULE_SPECS,
  ...NARRATIVE_RULE_SPECS,
  ...DEADLINE_RULE_SPECS,
  ...TEXT_RULE_SPECS,
  ...CROSS_YEAR_RULE_SPECS,
  ...AGENCY_RULE_SPECS,
].sort((a, b) => a.rank - b.rank);

/**
 * Every rule, in reporting order: findings are sorted by their rule's position here, then by cell order.
 * A rule keeps its severity whatever the outcome; `status` tells a failure from an undecidable instance.
 * Narrative rules (`needsSections`) are skipped for a report without `sections`; cross-year rules
 * (`needsPrevious`) run only with last year's report.
 */
export const RULES: readonly RuleSpec[] = RULE_METADATA.map(({ rank: _rank, ...spec }): RuleSpec => spec);

/** One problem a check found: exactly the Finding of report-json-v1.md. */
export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** `fail`: the rule is broken; `uncertain`: it could not be decided (a cell it reads is blank or not a number). */
  status: 'fail' | 'uncertain';
  /** The cells the rule instance reads, by address, in cell order within each side. */
  cells: CellAddress[];
  /** Arithmetic rules only, when both sides are computable: the expected side's value. */
  expected?: number;
  /** Arithmetic rules only, when both sides are computable: the actual side's value. */
  actual?: number;
  message: LocalizedText;
}

/** One rule instance's outcome, passes included (for per-column footers and audits). */
export interface Evaluation extends Omit<Finding, 'status'> {
  status: 'pass' | 'fail' | 'uncertain';
  /** For arithmetic rules: the two sides compared (left = expected side, right = actual side). */
  sides?: {
    left: { cells: CellAddress[]; value: number | null };
    right: { cells: CellAddress[]; value: number | null };
  };
  /** Column key (t3 column or t4 group) an instance applies to, for per-column footers. */
  column?: string;
}

/** Options of `checkReport` / `evaluateReport`. */
export interface CheckOptions {
  /** Last year's report of the same body; enables the cross-year rules. */
  previous?: Report;
}

/** The position of each rule in `RULES`, for sorting findings. */
export const RULE_ORDER: ReadonlyMap<RuleId, number> = new Map(RULES.map((rule, index) => [rule.id, index]));

import type { RuleId } from '../checks/index.js';
import type { AgencyKind, CellAddress, LocalizedText } from '../types.js';

/** The stable id of a scorecard indicator. */
export type IndicatorId =
  | 'on-time'
  | 'six-parts'
  | 'tables-complete'
  | 'arithmetic'
  | 'narrative-consistent'
  | 'problems-concrete'
  | 'previous-followed-up'
  | 'fee-reported'
  | 'review-litigation-reported'
  | 'year-on-year';

/**
 * How an indicator came out. `pass` earns its whole weight, `partial` a share of it (the indicator says how),
 * `fail` nothing; `not-applicable` is left out of the maximum (a missing publication date, no `previous`, an
 * item a person scores by hand).
 */
export type IndicatorStatus = 'pass' | 'partial' | 'fail' | 'not-applicable';

/** Whether the scorecard decides an item (`automatic`) or leaves it to a person (`manual`). */
export type IndicatorMode = 'automatic' | 'manual';

/** Where a default weight comes from: a text that requires the item, or the project's own choice. */
export interface WeightSource {
  /** The texts that require or describe what the indicator checks (条例, 国办公开办函〔2021〕30号…). */
  basis: LocalizedText;
  /** `statute`: the item is required by the texts named; the number itself is always the project's choice. */
  kind: 'statute' | 'practice';
}

/** An indicator as data: what it checks, what it reads, and its default weight. */
export interface IndicatorSpec {
  id: IndicatorId;
  /** Default weight in the national defaults (they sum to 100). */
  weight: number;
  description: LocalizedText;
  /** The report fields, sections or cells it reads (dotted paths; `t3` stands for every cell of 表三). */
  reads: readonly string[];
  /** The checker rules whose findings it reads, if any. */
  rules: readonly RuleId[];
  /** It is decided only when last year's report is given. */
  needsPrevious: boolean;
  source: WeightSource;
}

/** One indicator's outcome on one report. */
export interface IndicatorResult {
  id: IndicatorId;
  mode: IndicatorMode;
  weight: number;
  /** Points earned: `weight` for pass, a share for partial, 0 for fail and not-applicable. */
  score: number;
  status: IndicatorStatus;
  description: LocalizedText;
  reads: readonly string[];
  rules: readonly RuleId[];
  reason: LocalizedText;
  /** The cells the reason is about (blank cells, cells of failing sums), for a viewer to mark. */
  cells: CellAddress[];
}

/** A deduction of a rulepack, evaluated on one report. */
export interface DeductionResult {
  id: string;
  points: number;
  /** `applied`: subtracted from the total; `not-applicable`: it could not be decided (no date, no `previous`). */
  status: 'applied' | 'not-applied' | 'not-applicable';
  description: LocalizedText;
  reason: LocalizedText;
}

/** A hand-scored item of a rulepack, listed so a person can score it. */
export interface ManualItem {
  id: string;
  weight: number;
  description: LocalizedText;
}

/** The scorecard of one report under one rulepack. */
export interface Scorecard {
  /** The rulepack's name, e.g. `national`. */
  rulepack: string;
  agency: string;
  year: number;
  /** Every enabled indicator, in the order of `INDICATORS`. */
  indicators: IndicatorResult[];
  deductions: DeductionResult[];
  /** Hand-scored items (custom ones and indicators the rulepack sets to `manual`); not in `maximum`. */
  manual: ManualItem[];
  /** Sum of the indicator scores. */
  earned: number;
  /** Sum of the applied deductions' points. */
  deducted: number;
  /** `earned − deducted`, never below 0. */
  total: number;
  /** Sum of the weights of the automatic indicators that applied (not `not-applicable`). */
  maximum: number;
}

/** Thresholds the heuristics use; every one can be set by a rulepack. */
export interface ScoreThresholds {
  /** Share of part 五's character 4-grams found in last year's part 五 from which it counts as copied. */
  copyRatio: number;
  /** Fewest characters (whitespace not counted) part 五 needs to count as more than a line. */
  problemsMinChars: number;
  /** Fewest distinct concrete measure verbs (制定, 建立, 开展…) part 五 needs to count as naming measures. */
  problemsMinMeasures: number;
}

/** Publication deadlines by kind of body, as `MM-DD` of the year after the reported one. */
export type Deadlines = Record<AgencyKind, string>;

/** An indicator's settings after a rulepack is applied to the national defaults. */
export interface IndicatorSetting {
  enabled: boolean;
  weight: number;
  mode: IndicatorMode;
}

/** What a deduction looks at. */
export type DeductionRule =
  | { when: 'no-report' }
  | { when: 'published-after'; date: string }
  | { when: 'copied-over'; ratio: number }
  | { when: 'indicator-failed'; indicator: IndicatorId };

/** One deduction of a rulepack: points taken off the total when its condition holds. */
export type Deduction = DeductionRule & { id: string; points: number; description?: LocalizedText };

/** A rulepack with every default filled in: what `scoreReport` runs on. */
export interface ResolvedRulepack {
  name: string;
  description: LocalizedText;
  indicators: Record<IndicatorId, IndicatorSetting>;
  thresholds: ScoreThresholds;
  deadlines: Deadlines;
  deductions: Deduction[];
  manual: ManualItem[];
}

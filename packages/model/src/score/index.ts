/** The scorecard: indicators of the kind evaluators use for 年报, weighed by a rulepack (national defaults built in). */
export { INDICATOR_IDS, INDICATORS, NATIONAL_DEADLINES, NATIONAL_THRESHOLDS } from './indicators.js';
export {
  nationalRulepack,
  parseRulepack,
  parseRulepackJson,
  type Rulepack,
  type RulepackIndicator,
  type RulepackResult,
  resolveRulepack,
  rulepackJsonSchema,
} from './rulepack.js';
export { type MissingUnit, type ScoreOptions, scoreMissingReport, scoreReport } from './score.js';
export { FOLLOW_UP_WORDS, MEASURE_VERBS, PROBLEM_WORDS } from './text.js';
export type {
  Deadlines,
  Deduction,
  DeductionResult,
  DeductionRule,
  IndicatorId,
  IndicatorMode,
  IndicatorResult,
  IndicatorSetting,
  IndicatorSpec,
  IndicatorStatus,
  ManualItem,
  ResolvedRulepack,
  Scorecard,
  ScoreThresholds,
  WeightSource,
} from './types.js';

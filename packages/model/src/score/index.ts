/**
 * The scorecard: indicators of the kind evaluators use for 年报, weighed by a rulepack (national defaults built in).
 * Without the rulepack validation, which loads zod: `parseRulepack` is exported by `@nianbao/model` only.
 */
export { INDICATOR_IDS, INDICATORS, NATIONAL_DEADLINES, NATIONAL_THRESHOLDS } from './indicators.js';
export { nationalRulepack, type Rulepack, type RulepackIndicator, resolveRulepack } from './resolve.js';
export {
  type MissingUnit,
  SCORED_RULES,
  type ScoreOptions,
  scoreMissingReport,
  scoreReport,
} from './score.js';
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

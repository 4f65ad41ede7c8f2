/**
 * @nianbao/model — the statute as data (国办公开办函〔2021〕30号), the Report JSON v1 contract,
 * the table layout engine and the cross-checker.
 */

export * from './core.js';
export { auditJsonSchema, isRegionAudit } from './rollup/audit-schema.js';
export {
  type ParseIssue,
  type ParseIssueCode,
  type ParseResult,
  parseReport,
  parseReportJson,
  reportJsonSchema,
} from './schema/index.js';
export {
  parseRulepack,
  parseRulepackJson,
  type RulepackResult,
  rulepackJsonSchema,
} from './score/rulepack.js';

import type { CellAddress, LocalizedText, Report } from '../types.js';

/** How much a failed rule matters: `error` blocks finalising, `warning` needs a person's look, `info` is advice. */
export type Severity = 'error' | 'warning' | 'info';

/** The stable id of a check rule (report-json-v1.md › Findings). */
export type RuleId =
  | 't3-balance'
  | 't3-results-total'
  | 't3-row-total'
  | 't4-group-total'
  | 'cell-type'
  | 'narrative-none-claim'
  | 'cell-blank'
  | 'narrative-received'
  | 'narrative-carried-over'
  | 'narrative-carried-forward'
  | 'narrative-outcomes'
  | 'narrative-review-litigation'
  | 'narrative-problems-empty'
  | 'narrative-fee'
  | 'narrative-year'
  | 'deadline'
  | 'text-characters'
  | 'carryover-continuity'
  | 'narrative-copied'
  | 't2-stock-flow';

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
}

/**
 * Every rule, in reporting order: findings are sorted by their rule's position here, then by cell order.
 * A rule keeps its severity whatever the outcome; `status` tells a failure from an undecidable instance.
 *
 * What one instance (one finding) of each rule covers:
 * - `t3-balance`, `t3-results-total`, `carryover-continuity`: one per 表三 column (7);
 *   `t3-row-total`: one per 表三 row (25); `t4-group-total`: one per 表四 group (3);
 *   `t2-stock-flow`: one per 表二 document row (规章, 行政规范性文件).
 * - `cell-type` and `cell-blank`: one per table that has such cells, listing them all (an all-blank column
 *   is one warning, not 25).
 * - `narrative-received`, `-carried-over`, `-carried-forward`, `-outcomes`, `-review-litigation`: one per
 *   number quoted in parts 一 and 六; `narrative-none-claim`: one per claim of none (per kind claimed) and
 *   one per quoted N > 0 applications where 一 = 0.
 * - `text-characters`: one per text field (meta, title, preamble, every block) holding a control character,
 *   a lone surrogate or a bidirectional control, for the first 100 such fields, then one counting the rest.
 * - `narrative-problems-empty`, `narrative-fee`, `deadline`: one per report; `narrative-year`: one for the
 *   preamble's statistics period, one for the title; `narrative-copied`: one per part (一, 五).
 * Narrative rules (scope `narrative`, and `narrative-copied`) are skipped for a report without `sections`.
 */
export const RULES: readonly RuleSpec[] = [
  {
    id: 't3-balance',
    severity: 'error',
    scope: 't3',
    needsPrevious: false,
    title: {
      zh: '表三勾稽关系：一 + 二 = （七）总计 + 四（每一列）',
      en: 'Table 三 column balance: 一 + 二 = （七）总计 + 四 (each column)',
    },
  },
  {
    id: 't3-results-total',
    severity: 'error',
    scope: 't3',
    needsPrevious: false,
    title: {
      zh: '表三（七）总计 = 各项办理结果之和（每一列）',
      en: 'Table 三 （七）总计 equals the sum of the 21 result rows (each column)',
    },
  },
  {
    id: 't3-row-total',
    severity: 'error',
    scope: 't3',
    needsPrevious: false,
    title: {
      zh: '表三总计 = 六类申请人之和（每一行）',
      en: 'Table 三 总计 equals the sum of the six applicant columns (each row)',
    },
  },
  {
    id: 't4-group-total',
    severity: 'error',
    scope: 't4',
    needsPrevious: false,
    title: {
      zh: '表四总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结（每一组）',
      en: 'Table 四 总计 equals 结果维持 + 结果纠正 + 其他结果 + 尚未审结 (each group)',
    },
  },
  {
    id: 'cell-type',
    severity: 'error',
    scope: 'tables',
    needsPrevious: false,
    title: {
      zh: '件数为非负整数，收费金额为非负数',
      en: 'Counts are non-negative integers; the fee amount is a non-negative number',
    },
  },
  {
    id: 'narrative-none-claim',
    severity: 'error',
    scope: 'narrative',
    needsPrevious: false,
    title: {
      zh: '正文称未收到申请或未发生复议、诉讼，与表格不符',
      en: 'The text claims no applications, reviews or lawsuits (or some) where the tables disagree',
    },
  },
  {
    id: 'cell-blank',
    severity: 'warning',
    scope: 'tables',
    needsPrevious: false,
    title: { zh: '法定单元格为空', en: 'Statutory cells are blank' },
  },
  {
    id: 'narrative-received',
    severity: 'warning',
    scope: 'narrative',
    needsPrevious: false,
    title: {
      zh: '正文所述新收申请数与表三不符',
      en: 'Applications received, as stated in the text, differ from table 三',
    },
  },
  {
    id: 'narrative-carried-over',
    severity: 'warning',
    scope: 'narrative',
    needsPrevious: false,
    title: {
      zh: '正文所述上年结转数与表三不符',
      en: 'Applications carried over from last year, as stated in the text, differ from table 三',
    },
  },
  {
    id: 'narrative-carried-forward',
    severity: 'warning',
    scope: 'narrative',
    needsPrevious: false,
    title: {
      zh: '正文所述结转下年度数与表三不符',
      en: 'Applications carried forward to next year, as stated in the text, differ from table 三',
    },
  },
  {
    id: 'narrative-outcomes',
    severity: 'warning',
    scope: 'narrative',
    needsPrevious: false,
    title: {
      zh: '正文所述办理结果数与表三不符',
      en: 'Outcome totals stated in the text differ from table 三',
    },
  },
  {
    id: 'narrative-review-litigation',
    severity: 'warning',
    scope: 'narrative',
    needsPrevious: false,
    title: {
      zh: '正文所述行政复议、行政诉讼数与表四不符',
      en: 'Administrative reviews or lawsuits stated in the text differ from table 四',
    },
  },
  {
    id: 'narrative-problems-empty',
    severity: 'warning',
    scope: 'narrative',
    needsPrevious: false,
    title: {
      zh: '五、存在的主要问题及改进情况 为空',
      en: 'Part 五 (problems and improvements) is empty',
    },
  },
  {
    id: 'narrative-fee',
    severity: 'warning',
    scope: 'narrative',
    needsPrevious: false,
    title: {
      zh: '六、其他需要报告的事项 未说明信息处理费收取情况',
      en: 'Part 六 does not say whether 信息处理费 was charged',
    },
  },
  {
    id: 'narrative-year',
    severity: 'warning',
    scope: 'narrative',
    needsPrevious: false,
    title: {
      zh: '统计期限或标题中的年份与报告年度不符',
      en: 'The statistics period or the title names a year other than the report year',
    },
  },
  {
    id: 'deadline',
    severity: 'warning',
    scope: 'meta',
    needsPrevious: false,
    title: {
      zh: '发布日期晚于法定期限（条例第四十九条）',
      en: 'Published after the statutory deadline (条例第四十九条)',
    },
  },
  {
    id: 'text-characters',
    severity: 'warning',
    scope: 'meta',
    needsPrevious: false,
    boundsItself: true,
    title: {
      zh: '文字中有控制字符、孤立代理码元或双向文字控制符',
      en: 'Text holds control characters, lone surrogates or bidirectional controls',
    },
  },
  {
    id: 'carryover-continuity',
    severity: 'warning',
    scope: 'cross-year',
    needsPrevious: true,
    title: {
      zh: '本年“二、上年结转” = 上年“四、结转下年度继续办理”（每一列）',
      en: 'This year’s 二 equals last year’s 四 (each column)',
    },
  },
  {
    id: 'narrative-copied',
    severity: 'warning',
    scope: 'cross-year',
    needsPrevious: true,
    title: {
      zh: '一、五部分正文与上年报告大量重复',
      en: 'Parts 一 and 五 largely repeat last year’s text',
    },
  },
  {
    id: 't2-stock-flow',
    severity: 'info',
    scope: 'cross-year',
    needsPrevious: true,
    title: {
      zh: '现行有效件数 = 上年现行有效 + 本年制发 − 本年废止',
      en: '现行有效件数 equals last year’s plus 本年制发 minus 本年废止',
    },
  },
];

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

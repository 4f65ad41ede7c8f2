import { STATUTORY_DEADLINES } from '../../tables/deadlines.js';
import type { CellAddress } from '../../types.js';
import {
  type Ctx,
  emit,
  kept,
  type RuleDefinition,
  type RuleMeta,
  type Status,
  withEvaluators,
} from '../context.js';

/*
 * The publication deadline of 条例第四十九条: departments publish by 31 January of N+1, a 人民政府's report is due
 * by 31 March. Decided from `meta.kind` and `meta.publishedAt`; no instance when the date is not given.
 */

/** The ids of the deadline rules. */
export type DeadlineRuleId = 'deadline';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function deadline(ctx: Ctx): void {
  const meta = ctx.report.meta;
  const publishedAt: unknown = meta?.publishedAt;
  if (publishedAt === undefined) return;
  const year = meta?.year;
  const government = meta?.kind === 'government';
  const valid = typeof publishedAt === 'string' && ISO_DATE.test(publishedAt) && Number.isInteger(year);
  const kind = meta?.kind === 'government' || meta?.kind === 'department' ? meta.kind : 'other';
  const due = valid ? `${(year as number) + 1}-${STATUTORY_DEADLINES[kind]}` : '';
  const status: Status = !valid ? 'uncertain' : (publishedAt as string) > due ? 'fail' : 'pass';
  if (!kept(ctx, status)) return;
  emit(ctx, status, () => ({
    cells: [],
    message: valid
      ? {
          zh: `发布日期 ${String(publishedAt)}，法定期限 ${due}（${government ? '人民政府年度报告，3月31日前' : '部门年度报告，1月31日前'}）`,
          en: `Published ${String(publishedAt)}; the deadline is ${due} (${government ? 'a government report: by 31 March' : 'a department report: by 31 January'})`,
        }
      : {
          zh: `发布日期 ${String(publishedAt)} 不是 YYYY-MM-DD 格式的日期，无法核对期限`,
          en: `The publication date ${String(publishedAt)} is not a YYYY-MM-DD date; the deadline cannot be checked`,
        },
  }));
}

/**
 * Metadata only (no evaluators, no cells read), which the rule registry `RULES` is built from: code that needs
 * rule titles and order (a findings list) then bundles none of the checks.
 *
 * The deadline rule: one instance per report that gives its publication date.
 */
export const DEADLINE_RULE_SPECS: readonly RuleMeta<DeadlineRuleId>[] = [
  {
    id: 'deadline',
    rank: 160,
    severity: 'warning',
    scope: 'meta',
    needsPrevious: false,
    title: {
      zh: '发布日期晚于法定期限（条例第四十九条）',
      en: 'Published after the statutory deadline (条例第四十九条)',
    },
  },
];

/** The family's rules with the cells they read and their evaluators, for the engine. */
export const DEADLINE_RULES: readonly RuleDefinition<DeadlineRuleId>[] = /* @__PURE__ */ withEvaluators(
  DEADLINE_RULE_SPECS,
  () => ({ deadline: { reads: (): readonly CellAddress[] => [], evaluate: deadline } }),
);

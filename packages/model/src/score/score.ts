import { type Evaluation, evaluateWithCounts, type RuleId } from '../checks/index.js';
import { blocksText, repeatShare } from '../checks/narrative.js';
import { statutoryCells } from '../tables/cells.js';
import { NARRATIVE_HEADINGS } from '../tables/parts.js';
import { STATUTORY_TABLES } from '../tables/statutory-2021.js';
import type { AgencyKind, CellAddress, LocalizedText, Report, ReportSections, TableId } from '../types.js';
import { INDICATORS } from './indicators.js';
import { type Rulepack, resolveRulepack } from './resolve.js';
import {
  comparisons,
  FOLLOW_UP_WORDS,
  hasVisibleText,
  lastYearMentions,
  MEASURE_VERBS,
  PROBLEM_WORDS,
  visibleLength,
  wordsIn,
} from './text.js';
import type {
  Deduction,
  DeductionResult,
  IndicatorId,
  IndicatorResult,
  IndicatorSpec,
  IndicatorStatus,
  ManualItem,
  ResolvedRulepack,
  Scorecard,
} from './types.js';

/** Options of `scoreReport`. */
export interface ScoreOptions {
  /** Last year's report of the same body: enables the follow-up indicator and the copy checks. */
  previous?: Report;
  /** The rulepack to score by (parsed with `parseRulepack`); the national defaults when absent. */
  rulepack?: Rulepack;
  /**
   * Today as `YYYY-MM-DD`, to say whether an unknown publication date is already overdue and to refuse a
   * publication date in the future. The scorecard never reads the clock itself, so it is deterministic.
   */
  today?: string;
  /**
   * The report's evaluations, when the caller has them already (an audit shares one evaluation between the
   * scorecard and the page): `evaluateReport(report, { previous })`, or with `{ rules: SCORED_RULES }` or
   * `{ passes: SCORED_RULES }` (every rule's findings, these rules' passes: one run for the findings and the
   * scorecard), or `evaluateWithCounts(report)`'s `evaluations` with its `passed`. The scorecard reads the
   * instances of `SCORED_RULES` from it and runs no check itself.
   * @default evaluated here
   */
  evaluations?: readonly Evaluation[];
  /**
   * With `evaluations` from `evaluateWithCounts` (the instances that did not pass), how many instances of each rule
   * passed (its `passed`): the scorecard counts them as the passes it would otherwise read from `evaluations`.
   */
  passed?: Partial<Record<RuleId, number>>;
}

/**
 * The rules whose instances the scorecard reads (the indicators' `rules`): `scoreReport` evaluates only these,
 * and a caller passing `evaluations` needs at least these.
 */
export const SCORED_RULES: readonly RuleId[] = [
  ...new Set(INDICATORS.flatMap((indicator) => indicator.rules)),
];

/** One indicator's outcome before it is weighed: `fraction` is the share of the weight a partial earns. */
interface Outcome {
  status: IndicatorStatus;
  fraction?: number;
  reason: LocalizedText;
  cells?: CellAddress[];
}

/** What the indicator evaluators read, computed once per report. */
interface ScoreContext {
  readonly report: Report;
  readonly previous: Report | undefined;
  readonly pack: ResolvedRulepack;
  readonly today: string | undefined;
  readonly byRule: ReadonlyMap<RuleId, readonly Evaluation[]>;
  /** Passes counted rather than listed in `byRule` (`ScoreOptions.passed`); empty when `byRule` lists them. */
  readonly passed: Partial<Record<RuleId, number>>;
  /** The blank statutory cells, as the checker's `cell-blank` rule lists them (cell order). */
  readonly blank: readonly CellAddress[];
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `text` is a real calendar date `YYYY-MM-DD` (2025-02-30 is not). */
function isDate(text: unknown): text is string {
  if (typeof text !== 'string') return false;
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Whole days from `from` to `to` (both valid dates). */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Rounds points to hundredths, so sums of fractional weights print and compare exactly. */
function points(value: number): number {
  return Math.round(value * 100) / 100;
}

function text(zh: string, en: string): LocalizedText {
  return { zh, en };
}

/** The body's kind for deadlines; a report that does not say is held to the department deadline (as the checker). */
function kindOf(report: Report): { kind: AgencyKind; assumed: boolean } {
  const kind = report.meta.kind;
  return kind === undefined ? { kind: 'department', assumed: true } : { kind, assumed: false };
}

/** The deadline of a report under a rulepack: `YYYY-MM-DD` of the year after the reported one. */
function deadlineOf(report: Report, pack: ResolvedRulepack): string {
  return `${report.meta.year + 1}-${pack.deadlines[kindOf(report).kind]}`;
}

const KIND_WORDS: Record<AgencyKind, LocalizedText> = {
  government: text('人民政府', 'a government'),
  department: text('部门', 'a department'),
  other: text('其他机关', 'another body'),
};

function onTime(ctx: ScoreContext): Outcome {
  const { report, pack, today } = ctx;
  const due = deadlineOf(report, pack);
  const { kind, assumed } = kindOf(report);
  const whose = assumed
    ? text('未注明机关类型（meta.kind），按部门期限', 'meta.kind not given: the department deadline applies')
    : KIND_WORDS[kind];
  const published = report.meta.publishedAt;
  if (published === undefined) {
    const overdue = today !== undefined && isDate(today) && today > due;
    return {
      status: 'not-applicable',
      reason: overdue
        ? text(
            `未记录发布日期（meta.publishedAt），期限 ${due}（${whose.zh}）至 ${today} 已过，请人工核对是否按期发布`,
            `no publication date (meta.publishedAt); the deadline ${due} (${whose.en}) has passed as of ${today}: check by hand`,
          )
        : text(
            `未记录发布日期（meta.publishedAt），无法判断是否按期发布（期限 ${due}，${whose.zh}）`,
            `no publication date (meta.publishedAt), so timeliness cannot be judged (deadline ${due}, ${whose.en})`,
          ),
    };
  }
  if (!isDate(published)) {
    return {
      status: 'not-applicable',
      reason: text(
        `发布日期 ${String(published)} 不是 YYYY-MM-DD 格式的日期`,
        `the publication date ${String(published)} is not a YYYY-MM-DD date`,
      ),
    };
  }
  if (today !== undefined && isDate(today) && published > today) {
    return {
      status: 'not-applicable',
      reason: text(
        `发布日期 ${published} 晚于今天 ${today}，尚未发布`,
        `the publication date ${published} is after today (${today}): not published yet`,
      ),
    };
  }
  if (published <= due) {
    return {
      status: 'pass',
      reason: text(
        `${published} 发布，不晚于期限 ${due}（${whose.zh}）`,
        `published ${published}, by the deadline ${due} (${whose.en})`,
      ),
    };
  }
  const late = daysBetween(due, published);
  return {
    status: 'fail',
    reason: text(
      `${published} 发布，晚于期限 ${due}（${whose.zh}）${late} 天`,
      `published ${published}, ${late} day(s) after the deadline ${due} (${whose.en})`,
    ),
  };
}

/** Whether a narrative part has any text. */
function partHasText(report: Report, key: keyof ReportSections): boolean {
  // Stops at the first visible character: a part of several pages is scanned to its first word, not through.
  return hasVisibleText(blocksText(report.sections?.[key]));
}

/** How many statutory cells each table has (表二 10, 表三 175, 表四 15), counted once. */
let tableSizes: ReadonlyMap<TableId, number> | undefined;
function tableSize(table: TableId): number {
  if (!tableSizes) {
    const sizes = new Map<TableId, number>();
    for (const cell of statutoryCells()) sizes.set(cell.table, (sizes.get(cell.table) ?? 0) + 1);
    tableSizes = sizes;
  }
  return tableSizes.get(table) ?? 0;
}

/** The blank cells of one table (from the checker's list, so a cell is blank here exactly when it is there). */
function blankIn(ctx: ScoreContext, table: TableId): CellAddress[] {
  return ctx.blank.filter((cell) => cell.startsWith(`${table}.`));
}

function sixParts(ctx: ScoreContext): Outcome {
  const { report } = ctx;
  const parts: { name: string; present: boolean }[] = [
    { name: NARRATIVE_HEADINGS.overview, present: partHasText(report, 'overview') },
    ...STATUTORY_TABLES.map((spec) => {
      // A table counts as present when one of its cells holds a number; an all-blank table was not filled in.
      return { name: spec.caption, present: blankIn(ctx, spec.id).length < tableSize(spec.id) };
    }),
    { name: NARRATIVE_HEADINGS.problems, present: partHasText(report, 'problems') },
    { name: NARRATIVE_HEADINGS.other, present: partHasText(report, 'other') },
  ];
  const missing = parts.filter((part) => !part.present).map((part) => part.name);
  const present = parts.length - missing.length;
  if (missing.length === 0)
    return { status: 'pass', reason: text('六个部分齐全', 'all six parts are present') };
  const list = missing.join('、');
  return {
    // One or two parts missing earn the share present; three or more fail (half the report is not there).
    status: missing.length <= 2 ? 'partial' : 'fail',
    fraction: present / parts.length,
    reason: text(
      `缺少 ${missing.length} 个部分（为空或表格全部空白）：${list}`,
      `${missing.length} part(s) missing (empty, or a table with every cell blank): ${list}`,
    ),
  };
}

function failing(ctx: ScoreContext, rule: RuleId): readonly Evaluation[] {
  return (ctx.byRule.get(rule) ?? []).filter((evaluation) => evaluation.status === 'fail');
}

function tablesComplete(ctx: ScoreContext): Outcome {
  const total = statutoryCells().length;
  const { blank } = ctx;
  if (blank.length === 0) {
    return {
      status: 'pass',
      reason: text(`${total} 个法定单元格均已填写`, `all ${total} statutory cells are filled`),
    };
  }
  const filled = total - blank.length;
  return {
    // At least half filled earns the filled share; less than half is a table not filled in.
    status: filled * 2 >= total ? 'partial' : 'fail',
    fraction: filled / total,
    reason: text(
      `${total} 个法定单元格中 ${blank.length} 个空白（没有的应填 0）`,
      `${blank.length} of ${total} statutory cells are blank (none should be written 0)`,
    ),
    cells: [...blank],
  };
}

/** Pass when every instance of the rules passes, fail when one fails, partial when some cannot be decided. */
function fromRules(ctx: ScoreContext, rules: readonly RuleId[], what: LocalizedText): Outcome | undefined {
  // One pass over the instances (a busy 表三 has hundreds): counted, and only the failures and uncertain kept.
  let total = 0;
  const failed: Evaluation[] = [];
  const uncertain: Evaluation[] = [];
  for (const rule of rules) {
    total += ctx.passed[rule] ?? 0;
    for (const evaluation of ctx.byRule.get(rule) ?? []) {
      total += 1;
      if (evaluation.status === 'fail') failed.push(evaluation);
      else if (evaluation.status === 'uncertain') uncertain.push(evaluation);
    }
  }
  if (total === 0) return undefined;
  const passed = total - failed.length - uncertain.length;
  const counts = text(`${what.zh}：${total} 项中 ${passed} 项相符`, `${what.en}: ${passed} of ${total} hold`);
  if (failed.length > 0) {
    const rulesFailed = [...new Set(failed.map((evaluation) => evaluation.rule))].join(', ');
    return {
      status: 'fail',
      reason: text(
        `${counts.zh}，${failed.length} 项不符（${rulesFailed}）`,
        `${counts.en}; ${failed.length} fail (${rulesFailed})`,
      ),
      cells: [...new Set(failed.flatMap((evaluation) => evaluation.cells))],
    };
  }
  if (uncertain.length > 0) {
    return {
      // Some hold and the rest cannot be checked: the share that holds. None can be checked: nothing is shown to
      // hold, so it fails (a blank table is not consistent by default).
      status: passed > 0 ? 'partial' : 'fail',
      fraction: passed / total,
      reason: text(
        `${counts.zh}，${uncertain.length} 项因单元格空白无法核对`,
        `${counts.en}; ${uncertain.length} cannot be checked (blank cells)`,
      ),
      cells: [...new Set(uncertain.flatMap((evaluation) => evaluation.cells))],
    };
  }
  return { status: 'pass', reason: counts };
}

function specOf(id: IndicatorId): IndicatorSpec {
  return INDICATORS.find((indicator) => indicator.id === id) as IndicatorSpec;
}

function arithmetic(ctx: ScoreContext): Outcome {
  return (
    fromRules(ctx, specOf('arithmetic').rules, text('勾稽关系', 'table arithmetic')) ?? {
      status: 'not-applicable',
      reason: text('检查器没有给出勾稽关系结果', 'the checker gave no arithmetic result'),
    }
  );
}

function hasSections(report: Report): boolean {
  return typeof report.sections === 'object' && report.sections !== null;
}

const NO_NARRATIVE = text('报告没有叙述部分（sections）', 'the report has no narrative (sections)');

function narrativeConsistent(ctx: ScoreContext): Outcome {
  if (!hasSections(ctx.report)) return { status: 'not-applicable', reason: NO_NARRATIVE };
  return (
    fromRules(
      ctx,
      specOf('narrative-consistent').rules,
      text('正文所述数字', 'figures quoted in the text'),
    ) ?? {
      status: 'not-applicable',
      reason: text(
        '正文没有引用表格中的数字，无可比对',
        'the text quotes no figure of the tables to compare',
      ),
    }
  );
}

function problemsText(report: Report | undefined): string {
  return blocksText(report?.sections?.problems);
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

function problemsConcrete(ctx: ScoreContext): Outcome {
  const { report, previous, pack } = ctx;
  const part = NARRATIVE_HEADINGS.problems;
  if (!hasSections(report)) return { status: 'fail', reason: NO_NARRATIVE };
  if (failing(ctx, 'narrative-problems-empty').length > 0) {
    return { status: 'fail', reason: text(`${part} 为空或只写“无”`, `${part} is empty or a bare 无`) };
  }
  const current = problemsText(report);
  const before = problemsText(previous);
  const share = before === '' ? null : repeatShare(current, before);
  const { copyRatio, problemsMinChars, problemsMinMeasures } = pack.thresholds;
  if (share !== null && share >= copyRatio) {
    return {
      status: 'fail',
      reason: text(
        `${part} 与上年重复 ${percent(share)}（阈值 ${percent(copyRatio)}）`,
        `${part} repeats ${percent(share)} of last year’s (threshold ${percent(copyRatio)})`,
      ),
    };
  }
  const problems = wordsIn(current, PROBLEM_WORDS);
  const measures = wordsIn(current, MEASURE_VERBS);
  const length = visibleLength(current);
  const signals = [
    {
      met: problems.length > 0,
      zh: problems.length > 0 ? `指出问题（${problems.join('、')}）` : '未见指出问题的用语',
      en: problems.length > 0 ? `names problems (${problems.join(', ')})` : 'no words naming a problem',
    },
    {
      met: measures.length >= problemsMinMeasures,
      zh: `具体措施用语 ${measures.length} 个${measures.length > 0 ? `（${measures.join('、')}）` : ''}，至少需 ${problemsMinMeasures} 个`,
      en: `${measures.length} concrete measure verb(s)${measures.length > 0 ? ` (${measures.join(', ')})` : ''}, ${problemsMinMeasures} needed`,
    },
    {
      met: length >= problemsMinChars,
      zh: `${length} 字，至少需 ${problemsMinChars} 字`,
      en: `${length} characters, ${problemsMinChars} needed`,
    },
  ];
  const met = signals.filter((signal) => signal.met).length;
  const copiedNote =
    share === null
      ? text('', '')
      : text(`；与上年重复 ${percent(share)}`, `; ${percent(share)} repeated from last year`);
  const reason = text(
    signals.map((signal) => signal.zh).join('；') + copiedNote.zh,
    signals.map((signal) => signal.en).join('; ') + copiedNote.en,
  );
  if (met === signals.length) return { status: 'pass', reason };
  if (met === 0) return { status: 'fail', reason };
  return { status: 'partial', fraction: met / signals.length, reason };
}

function followedUp(ctx: ScoreContext): Outcome {
  const { report, previous, pack } = ctx;
  if (!previous) {
    return {
      status: 'not-applicable',
      reason: text(
        '未提供上年报告（previous），无法核对',
        'no previous year’s report given, so it cannot be judged',
      ),
    };
  }
  if (visibleLength(problemsText(previous)) < pack.thresholds.problemsMinChars) {
    return {
      status: 'not-applicable',
      reason: text(
        '上年报告第五部分没有列出问题，无需回应',
        'last year’s part 五 lists no problems to follow up',
      ),
    };
  }
  const current = problemsText(report);
  const mentions = lastYearMentions(current, previous.meta.year);
  const followUps = wordsIn(current, FOLLOW_UP_WORDS);
  const reason = text(
    `${mentions.length > 0 ? `提及上年（${mentions.join('、')}）` : '未提及上年'}；${followUps.length > 0 ? `有整改用语（${followUps.join('、')}）` : '未见整改、落实等用语'}`,
    `${mentions.length > 0 ? `names last year (${mentions.join(', ')})` : 'does not name last year'}; ${followUps.length > 0 ? `follow-up words (${followUps.join(', ')})` : 'no follow-up words (整改, 落实…)'}`,
  );
  if (mentions.length > 0 && followUps.length > 0) return { status: 'pass', reason };
  if (mentions.length > 0 || followUps.length > 0) return { status: 'partial', fraction: 0.5, reason };
  return { status: 'fail', reason };
}

function feeReported(ctx: ScoreContext): Outcome {
  const instances = ctx.byRule.get('narrative-fee') ?? [];
  const part = NARRATIVE_HEADINGS.other;
  const counted = ctx.passed['narrative-fee'] ?? 0;
  if (!hasSections(ctx.report) || instances.length + counted === 0)
    return { status: 'fail', reason: NO_NARRATIVE };
  return instances.every((evaluation) => evaluation.status === 'pass')
    ? { status: 'pass', reason: text(`${part} 说明了信息处理费`, `${part} mentions 信息处理费`) }
    : {
        status: 'fail',
        reason: text(
          `${part} 未说明信息处理费收取情况`,
          `${part} does not say whether 信息处理费 was charged`,
        ),
      };
}

function reviewLitigation(ctx: ScoreContext): Outcome {
  const size = tableSize('t4');
  const blank = blankIn(ctx, 't4');
  if (blank.length === 0) {
    return {
      status: 'pass',
      reason: text(`表四 ${size} 个单元格均已填报`, `all ${size} cells of 表四 are filled`),
    };
  }
  const filled = size - blank.length;
  return {
    status: filled > 0 ? 'partial' : 'fail',
    fraction: filled / size,
    reason: text(
      `表四 ${size} 个单元格中 ${blank.length} 个空白`,
      `${blank.length} of the ${size} cells of 表四 are blank`,
    ),
    cells: blank,
  };
}

function yearOnYear(ctx: ScoreContext): Outcome {
  const { report } = ctx;
  if (!hasSections(report)) return { status: 'fail', reason: NO_NARRATIVE };
  const all = (['overview', 'problems', 'other'] as const)
    .map((key) => blocksText(report.sections?.[key]))
    .join('');
  const found = comparisons(all);
  if (found.withNumber > 0) {
    return {
      status: 'pass',
      reason: text(
        `正文有 ${found.withNumber} 处带数字的同比（${found.phrases.join('、')}）`,
        `the text compares with last year ${found.withNumber} time(s) with a figure (${found.phrases.join(', ')})`,
      ),
    };
  }
  if (found.phrases.length > 0) {
    return {
      status: 'partial',
      fraction: 0.5,
      reason: text(
        `正文有同比用语（${found.phrases.join('、')}），但没有给出增减数字`,
        `the text compares with last year (${found.phrases.join(', ')}) but gives no figure of change`,
      ),
    };
  }
  return {
    status: 'fail',
    reason: text(
      '正文没有与上年比较的数字（同比、较上年…）',
      'the text gives no comparison with last year (同比, 较上年…)',
    ),
  };
}

const EVALUATORS: Record<IndicatorId, (ctx: ScoreContext) => Outcome> = {
  'on-time': onTime,
  'six-parts': sixParts,
  'tables-complete': tablesComplete,
  arithmetic,
  'narrative-consistent': narrativeConsistent,
  'problems-concrete': problemsConcrete,
  'previous-followed-up': followedUp,
  'fee-reported': feeReported,
  'review-litigation-reported': reviewLitigation,
  'year-on-year': yearOnYear,
};

const MANUAL_REASON = text(
  '由人工评分（规则包设为 manual）',
  'scored by hand (the rulepack sets it to manual)',
);

/** The highest share of parts 一 and 五 repeated from last year, or `null` when it cannot be measured. */
function copiedShare(report: Report, previous: Report | undefined): number | null {
  if (!previous) return null;
  let highest: number | null = null;
  for (const key of ['overview', 'problems'] as const) {
    const before = blocksText(previous.sections?.[key]);
    const share = before === '' ? null : repeatShare(blocksText(report.sections?.[key]), before);
    if (share !== null && (highest === null || share > highest)) highest = share;
  }
  return highest;
}

function deductionResult(
  deduction: Deduction,
  status: DeductionResult['status'],
  reason: LocalizedText,
): DeductionResult {
  return {
    id: deduction.id,
    points: deduction.points,
    status,
    description: deduction.description ?? describeDeduction(deduction),
    reason,
  };
}

/** The words of a deduction that has no description of its own. */
function describeDeduction(deduction: Deduction): LocalizedText {
  switch (deduction.when) {
    case 'no-report':
      return text(`未发布年度报告扣 ${deduction.points} 分`, `−${deduction.points} for no report`);
    case 'published-after':
      return text(
        `次年 ${deduction.date} 后发布扣 ${deduction.points} 分`,
        `−${deduction.points} for publishing after ${deduction.date} of the next year`,
      );
    case 'copied-over':
      return text(
        `一、五部分与上年重复超过 ${percent(deduction.ratio)} 扣 ${deduction.points} 分`,
        `−${deduction.points} for parts 一 or 五 repeating over ${percent(deduction.ratio)} of last year’s`,
      );
    case 'indicator-failed':
      return text(
        `指标 ${deduction.indicator} 不合格扣 ${deduction.points} 分`,
        `−${deduction.points} when indicator ${deduction.indicator} fails`,
      );
  }
}

function deduct(
  deduction: Deduction,
  ctx: ScoreContext,
  indicators: readonly IndicatorResult[],
): DeductionResult {
  const { report, previous } = ctx;
  switch (deduction.when) {
    case 'no-report':
      return deductionResult(deduction, 'not-applied', text('已有年度报告', 'a report was published'));
    case 'published-after': {
      const published = report.meta.publishedAt;
      const limit = `${report.meta.year + 1}-${deduction.date}`;
      if (!isDate(published)) {
        return deductionResult(
          deduction,
          'not-applicable',
          text('未记录有效的发布日期', 'no valid publication date is recorded'),
        );
      }
      return published > limit
        ? deductionResult(
            deduction,
            'applied',
            text(`${published} 发布，晚于 ${limit}`, `published ${published}, after ${limit}`),
          )
        : deductionResult(
            deduction,
            'not-applied',
            text(`${published} 发布，不晚于 ${limit}`, `published ${published}, by ${limit}`),
          );
    }
    case 'copied-over': {
      const share = copiedShare(report, previous);
      if (share === null) {
        return deductionResult(
          deduction,
          'not-applicable',
          text('未提供上年报告或无可比文字', 'no previous year’s report, or no text to compare'),
        );
      }
      const over = share > deduction.ratio;
      return deductionResult(
        deduction,
        over ? 'applied' : 'not-applied',
        text(
          `一、五部分与上年最高重复 ${percent(share)}（阈值 ${percent(deduction.ratio)}）`,
          `parts 一 and 五 repeat at most ${percent(share)} of last year’s (threshold ${percent(deduction.ratio)})`,
        ),
      );
    }
    case 'indicator-failed': {
      const result = indicators.find((indicator) => indicator.id === deduction.indicator);
      if (!result || result.status === 'not-applicable') {
        return deductionResult(
          deduction,
          'not-applicable',
          text(`指标 ${deduction.indicator} 未评分`, `indicator ${deduction.indicator} was not scored`),
        );
      }
      return deductionResult(
        deduction,
        result.status === 'fail' ? 'applied' : 'not-applied',
        text(
          `指标 ${deduction.indicator}：${result.status}`,
          `indicator ${deduction.indicator}: ${result.status}`,
        ),
      );
    }
  }
}

/** The hand-scored items: the rulepack's own, then the indicators it sets to manual. */
function manualItems(pack: ResolvedRulepack): ManualItem[] {
  const fromIndicators = INDICATORS.filter((spec) => {
    const setting = pack.indicators[spec.id];
    return setting.enabled && setting.mode === 'manual';
  }).map((spec) => ({ id: spec.id, weight: pack.indicators[spec.id].weight, description: spec.description }));
  return [...pack.manual, ...fromIndicators];
}

function assemble(
  report: Pick<Report, 'meta'>,
  pack: ResolvedRulepack,
  indicators: IndicatorResult[],
  deductions: DeductionResult[],
): Scorecard {
  const earned = points(indicators.reduce((sum, indicator) => sum + indicator.score, 0));
  const maximum = points(
    indicators
      .filter((indicator) => indicator.mode === 'automatic' && indicator.status !== 'not-applicable')
      .reduce((sum, indicator) => sum + indicator.weight, 0),
  );
  const deducted = points(
    deductions.filter((deduction) => deduction.status === 'applied').reduce((sum, d) => sum + d.points, 0),
  );
  return {
    rulepack: pack.name,
    agency: report.meta.agency,
    year: report.meta.year,
    indicators,
    deductions,
    manual: manualItems(pack),
    earned,
    deducted,
    total: Math.max(0, points(earned - deducted)),
    maximum,
  };
}

/**
 * The scorecard of one report: each enabled indicator of the rulepack (national defaults when none is given)
 * with its status, points and a reason in Chinese and English, the rulepack's deductions, and the total out of
 * the maximum of the indicators that applied. It reads the checker's evaluations (`evaluateReport`) for the
 * arithmetic, narrative, blank-cell, fee and deadline items (only those rules, `SCORED_RULES`, are run, or read
 * from `options.evaluations`), so the scorecard and `checkReport` never disagree.
 * Deterministic: the same report, options and rulepack give the same scorecard. Never throws for a report that
 * `parseReport` accepted.
 */
export function scoreReport(report: Report, options: ScoreOptions = {}): Scorecard {
  // The national defaults resolved once per process (nothing here changes a resolved pack); a given pack each time.
  national ??= resolveRulepack();
  const pack = options.rulepack ? resolveRulepack(options.rulepack) : national;
  // Only the rules an indicator reads: the others (text characters, cross-year…) would cost as much again.
  // Passes are only counted here, so the scorecard's own run counts them rather than building them.
  const counted =
    options.evaluations === undefined
      ? evaluateWithCounts(report, {
          rules: SCORED_RULES,
          ...(options.previous ? { previous: options.previous } : {}),
        })
      : undefined;
  const evaluations = options.evaluations ?? counted?.evaluations ?? [];
  const passed = counted?.passed ?? options.passed ?? {};
  const byRule = new Map<RuleId, Evaluation[]>();
  for (const evaluation of evaluations) {
    const list = byRule.get(evaluation.rule);
    if (list) list.push(evaluation);
    else byRule.set(evaluation.rule, [evaluation]);
  }
  const blank = [
    ...new Set(
      (byRule.get('cell-blank') ?? [])
        .filter((evaluation) => evaluation.status === 'fail')
        .flatMap((evaluation) => evaluation.cells),
    ),
  ];
  const ctx: ScoreContext = {
    report,
    previous: options.previous,
    pack,
    today: options.today,
    byRule,
    passed,
    blank,
  };
  const indicators: IndicatorResult[] = [];
  for (const spec of INDICATORS) {
    const setting = pack.indicators[spec.id];
    if (!setting.enabled) continue;
    const outcome: Outcome =
      setting.mode === 'manual'
        ? { status: 'not-applicable', reason: MANUAL_REASON }
        : EVALUATORS[spec.id](ctx);
    const share = outcome.status === 'pass' ? 1 : outcome.status === 'partial' ? (outcome.fraction ?? 0) : 0;
    // Weights count in hundredths of a point, like scores, so a pass always earns exactly its weight.
    const weight = points(setting.weight);
    indicators.push({
      id: spec.id,
      mode: setting.mode,
      weight,
      score: points(weight * Math.min(1, Math.max(0, share))),
      status: outcome.status,
      description: { ...spec.description },
      reads: [...spec.reads],
      rules: [...spec.rules],
      reason: outcome.reason,
      cells: outcome.cells ?? [],
    });
  }
  const deductions = pack.deductions.map((deduction) => deduct(deduction, ctx, indicators));
  return assemble(report, pack, indicators, deductions);
}

let national: ResolvedRulepack | undefined;

/** A body that should have reported (from the office's list of units) but whose report is missing. */
export interface MissingUnit {
  agency: string;
  year: number;
}

/**
 * The scorecard of a body that published no report: every automatic indicator fails, and the rulepack's
 * `no-report` deductions apply (宿迁-style packs take points off for it). For the region's "who has not
 * reported" list, so a missing unit ranks below every unit that reported.
 */
export function scoreMissingReport(
  unit: MissingUnit,
  options: Pick<ScoreOptions, 'rulepack'> = {},
): Scorecard {
  const pack = resolveRulepack(options.rulepack);
  const none = text('未发布年度报告', 'no report was published');
  const indicators: IndicatorResult[] = INDICATORS.filter((spec) => pack.indicators[spec.id].enabled).map(
    (spec) => {
      const setting = pack.indicators[spec.id];
      return {
        id: spec.id,
        mode: setting.mode,
        weight: points(setting.weight),
        score: 0,
        status: setting.mode === 'manual' ? 'not-applicable' : 'fail',
        description: { ...spec.description },
        reads: [...spec.reads],
        rules: [...spec.rules],
        reason: setting.mode === 'manual' ? MANUAL_REASON : none,
        cells: [],
      };
    },
  );
  const deductions = pack.deductions.map((deduction) =>
    deduction.when === 'no-report'
      ? deductionResult(deduction, 'applied', none)
      : deductionResult(deduction, 'not-applicable', none),
  );
  return assemble({ meta: { agency: unit.agency, year: unit.year } }, pack, indicators, deductions);
}

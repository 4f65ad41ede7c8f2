import { cellLabel } from '../../tables/cells.js';
import { NARRATIVE_HEADINGS } from '../../tables/parts.js';
import { type CellAddress, T3_COLUMN_KEYS } from '../../types.js';
import { tableStructure } from '../arithmetic.js';
import { cellIndex, numberAt, same } from '../cell-values.js';
import {
  type Ctx,
  emit,
  type RuleDefinition,
  type RuleMeta,
  type Status,
  withEvaluators,
} from '../context.js';
import { columnLabel, fmt } from '../labels.js';
import { blocksText, repeatShare } from '../narrative.js';

/*
 * The rules that compare a report with last year's (`CheckOptions.previous`); they run only when it is given
 * (`needsPrevious`).
 */

/** The ids of the cross-year rules. */
export type CrossYearRuleId = 'carryover-continuity' | 'narrative-copied' | 't2-stock-flow';

/** Share of this year's 4-grams found in last year's text from which a part counts as copied (the scorecard's default too). */
export const COPIED_SHARE = 0.5;

function carryover(ctx: Ctx): void {
  const prev = ctx.previousValues;
  if (!prev) return;
  const s = tableStructure();
  for (const column of T3_COLUMN_KEYS) {
    const mineCell = `${s.carriedOver}.${column}`;
    const theirsCell = `${s.carriedForward}.${column}`;
    const mine = numberAt(ctx.values, cellIndex(mineCell));
    const theirs = numberAt(prev, cellIndex(theirsCell));
    const status: Status =
      mine === null || theirs === null ? 'uncertain' : same(mine, theirs) ? 'pass' : 'fail';
    emit(ctx, status, () => ({
      cells: [mineCell],
      ...(mine !== null && theirs !== null ? { expected: theirs, actual: mine } : {}),
      message: {
        zh: `上年报告 ${cellLabel(theirsCell)} = ${fmt(theirs)}，本年 ${cellLabel(mineCell)} = ${fmt(mine)}`,
        en: `Last year’s ${cellLabel(theirsCell)} = ${fmt(theirs)}; this year’s ${cellLabel(mineCell)} = ${fmt(mine)}`,
      },
      // The left side is last year's 四 (its address, read in `previous`).
      sides: {
        left: { cells: [theirsCell], value: theirs },
        right: { cells: [mineCell], value: mine },
      },
      column,
    }));
  }
}

function copied(ctx: Ctx): void {
  const previous = ctx.previous;
  if (!previous || typeof previous.sections !== 'object' || previous.sections === null) return;
  const parts = [
    ['overview', NARRATIVE_HEADINGS.overview],
    ['problems', NARRATIVE_HEADINGS.problems],
  ] as const;
  for (const [key, name] of parts) {
    const before = blocksText(previous.sections[key]);
    const share = before === '' ? null : repeatShare(blocksText(ctx.report.sections?.[key]), before);
    if (share === null) continue;
    const status: Status = share >= COPIED_SHARE ? 'fail' : 'pass';
    const percent = Math.round(share * 100);
    emit(ctx, status, () => ({
      cells: [],
      message: {
        zh: `${name} 与上年报告重复 ${percent}%（按四字片段计，阈值 ${COPIED_SHARE * 100}%）`,
        en: `${name} repeats ${percent}% of last year’s text (character 4-grams; threshold ${COPIED_SHARE * 100}%)`,
      },
    }));
  }
}

function stockFlow(ctx: Ctx): void {
  const prev = ctx.previousValues;
  if (!prev) return;
  for (const row of tableStructure().stockRows) {
    const issued = numberAt(ctx.values, cellIndex(row.issued));
    const repealed = numberAt(ctx.values, cellIndex(row.repealed));
    const inForce = numberAt(ctx.values, cellIndex(row.inForce));
    const before = numberAt(prev, cellIndex(row.inForce));
    const expected =
      issued !== null && repealed !== null && before !== null ? before + issued - repealed : null;
    const status: Status =
      expected === null || inForce === null ? 'uncertain' : same(expected, inForce) ? 'pass' : 'fail';
    emit(ctx, status, () => {
      const cells = [row.issued, row.repealed, row.inForce];
      const [issuedName, repealedName, inForceName] = cells.map(columnLabel);
      return {
        cells,
        ...(expected !== null && inForce !== null ? { expected, actual: inForce } : {}),
        message: {
          zh: `${row.label}：上年${inForceName} ${fmt(before)} + ${issuedName} ${fmt(issued)} − ${repealedName} ${fmt(repealed)} = ${fmt(expected)}，本年${inForceName} ${fmt(inForce)}`,
          en: `${row.label}: last year’s ${inForceName} ${fmt(before)} + ${issuedName} ${fmt(issued)} − ${repealedName} ${fmt(repealed)} = ${fmt(expected)}; this year’s ${inForceName} ${fmt(inForce)}`,
        },
        // The left side's first cell is last year's 现行有效 (same address, in `previous`).
        sides: {
          left: { cells: [row.inForce, row.issued, row.repealed], value: expected },
          right: { cells: [row.inForce], value: inForce },
        },
      };
    });
  }
}

/**
 * Metadata only (no evaluators, no cells read), which the rule registry `RULES` is built from: code that needs
 * rule titles and order (a findings list) then bundles none of the checks.
 *
 * The cross-year rules. `carryover-continuity`: one per 表三 column (7); `narrative-copied`: one per part
 * (一, 五); `t2-stock-flow`: one per 表二 document row (规章, 行政规范性文件).
 */
export const CROSS_YEAR_RULE_SPECS: readonly RuleMeta<CrossYearRuleId>[] = [
  {
    id: 'carryover-continuity',
    rank: 180,
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
    rank: 190,
    severity: 'warning',
    scope: 'cross-year',
    needsPrevious: true,
    needsSections: true,
    title: {
      zh: '一、五部分正文与上年报告大量重复',
      en: 'Parts 一 and 五 largely repeat last year’s text',
    },
  },
  {
    id: 't2-stock-flow',
    rank: 200,
    severity: 'info',
    scope: 'cross-year',
    needsPrevious: true,
    title: {
      zh: '现行有效件数 = 上年现行有效 + 本年制发 − 本年废止',
      en: '现行有效件数 equals last year’s plus 本年制发 minus 本年废止',
    },
  },
];

/** The family's rules with the cells they read and their evaluators, for the engine. */
export const CROSS_YEAR_RULES: readonly RuleDefinition<CrossYearRuleId>[] = /* @__PURE__ */ withEvaluators(
  CROSS_YEAR_RULE_SPECS,
  () => ({
    'carryover-continuity': {
      reads: () => {
        const s = tableStructure();
        return T3_COLUMN_KEYS.map((column) => `${s.carriedOver}.${column}`);
      },
      evaluate: carryover,
    },
    'narrative-copied': { reads: (): readonly CellAddress[] => [], evaluate: copied },
    't2-stock-flow': {
      reads: () => tableStructure().stockRows.flatMap((row) => [row.issued, row.repealed, row.inForce]),
      evaluate: stockFlow,
    },
  }),
);

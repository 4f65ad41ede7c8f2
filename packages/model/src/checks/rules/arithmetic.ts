import type { CellAddress } from '../../types.js';
import { type SumInstance, tableStructure } from '../arithmetic.js';
import { KIND_INVALID, KIND_NULL, same, sumOf } from '../cell-values.js';
import {
  type Ctx,
  emit,
  join,
  kept,
  type RuleDefinition,
  type RuleMeta,
  type Status,
  uncertainNote,
  unusableCells,
  withEvaluators,
} from '../context.js';
import { fmt } from '../labels.js';

/*
 * The arithmetic rules (勾稽关系): each instance is `sum(left) = sum(right)` between statutory cells, taken from
 * the table structure (checks/arithmetic.ts), which derives every instance from the key lists. A new sum is data
 * there, checked here by `sumRule`.
 */

/** The ids of the arithmetic rules. */
export type ArithmeticRuleId = 't3-balance' | 't3-results-total' | 't3-row-total' | 't4-group-total';

function evaluateSum(ctx: Ctx, sum: SumInstance): void {
  const left = sumOf(ctx.values, sum.left);
  const right = sumOf(ctx.values, sum.right);
  const status: Status = left === null || right === null ? 'uncertain' : same(left, right) ? 'pass' : 'fail';
  if (!kept(ctx, status)) return;
  emit(ctx, status, () => {
    const formula = sum.formula(fmt(left), fmt(right));
    const computable = left !== null && right !== null;
    return {
      cells: [...sum.cells],
      ...(computable ? { expected: left, actual: right } : {}),
      message: computable ? formula : join(formula, uncertainNote(unusableCells(ctx.values, sum.cells))),
      sides: {
        left: { cells: [...sum.leftCells], value: left },
        right: { cells: [...sum.rightCells], value: right },
      },
      ...(sum.column !== undefined ? { column: sum.column } : {}),
    };
  });
}

/** A rule's sum instances flattened into one index array: instance n reads idx[bounds[3n] … bounds[3n+2]). */
interface FlatSums {
  readonly instances: readonly SumInstance[];
  readonly idx: Int32Array;
  /** Per instance: start of left, start of right, end. */
  readonly bounds: Int32Array;
}

function flatten(instances: readonly SumInstance[]): FlatSums {
  const idx: number[] = [];
  const bounds: number[] = [];
  for (const sum of instances) {
    bounds.push(idx.length);
    idx.push(...sum.left);
    bounds.push(idx.length);
    idx.push(...sum.right);
    bounds.push(idx.length);
  }
  return { instances, idx: Int32Array.from(idx), bounds: Int32Array.from(bounds) };
}

function instancesOf(rule: ArithmeticRuleId): readonly SumInstance[] {
  return tableStructure().sums.filter((sum) => sum.rule === rule);
}

/**
 * An arithmetic rule's evaluator. The fast path sums both sides of every instance in one tight loop over typed
 * arrays; only an instance that is reported (failed, uncertain, or any in evaluate mode) is built.
 */
function sumRule(rule: ArithmeticRuleId): (ctx: Ctx) => void {
  let flat: FlatSums | undefined;
  return (ctx) => {
    flat ??= flatten(instancesOf(rule));
    const { instances, idx, bounds } = flat;
    const { value, kind, counts } = ctx.values;
    if (counts[KIND_NULL] === 0 && counts[KIND_INVALID] === 0 && !ctx.passes) {
      // Every cell is a number: sum without looking at kinds, and report only what fails.
      for (let n = 0; n < instances.length; n++) {
        const b = n * 3;
        const mid = bounds[b + 1] as number;
        const end = bounds[b + 2] as number;
        let left = 0;
        let right = 0;
        for (let j = bounds[b] as number; j < mid; j++) left += value[idx[j] as number] as number;
        for (let j = mid; j < end; j++) right += value[idx[j] as number] as number;
        if (!same(left, right)) evaluateSum(ctx, instances[n] as SumInstance);
      }
      return;
    }
    for (let n = 0; n < instances.length; n++) {
      const b = n * 3;
      const mid = bounds[b + 1] as number;
      const end = bounds[b + 2] as number;
      let left = 0;
      let right = 0;
      let known = true;
      for (let j = bounds[b] as number; j < end; j++) {
        const i = idx[j] as number;
        const k = kind[i];
        if (k === KIND_NULL || k === KIND_INVALID) {
          known = false;
          break;
        }
        if (j < mid) left += value[i] as number;
        else right += value[i] as number;
      }
      if (known && !ctx.passes && same(left, right)) continue;
      evaluateSum(ctx, instances[n] as SumInstance);
    }
  };
}

/** The cells of a rule's sum instances. */
function sumCells(rule: ArithmeticRuleId): () => readonly CellAddress[] {
  return () => instancesOf(rule).flatMap((sum) => sum.cells);
}

/**
 * Metadata only (no evaluators, no cells read), which the rule registry `RULES` is built from: code that needs
 * rule titles and order (a findings list) then bundles none of the checks.
 *
 * Every arithmetic rule. One instance per 表三 column (7), per 表三 row (25), per 表四 group (3).
 */
export const ARITHMETIC_RULE_SPECS: readonly RuleMeta<ArithmeticRuleId>[] = [
  {
    id: 't3-balance',
    rank: 10,
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
    rank: 20,
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
    rank: 30,
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
    rank: 40,
    severity: 'error',
    scope: 't4',
    needsPrevious: false,
    title: {
      zh: '表四总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结（每一组）',
      en: 'Table 四 总计 equals 结果维持 + 结果纠正 + 其他结果 + 尚未审结 (each group)',
    },
  },
];

/** The family's rules with the cells they read and their evaluators, for the engine. */
export const ARITHMETIC_RULES: readonly RuleDefinition<ArithmeticRuleId>[] = /* @__PURE__ */ withEvaluators(
  ARITHMETIC_RULE_SPECS,
  () => ({
    't3-balance': { reads: sumCells('t3-balance'), evaluate: sumRule('t3-balance') },
    't3-results-total': { reads: sumCells('t3-results-total'), evaluate: sumRule('t3-results-total') },
    't3-row-total': { reads: sumCells('t3-row-total'), evaluate: sumRule('t3-row-total') },
    't4-group-total': { reads: sumCells('t4-group-total'), evaluate: sumRule('t4-group-total') },
  }),
);

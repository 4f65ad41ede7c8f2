import { cellLabel, statutoryCells } from '../../tables/cells.js';
import { STATUTORY_TABLES } from '../../tables/statutory-2021.js';
import type { CellAddress } from '../../types.js';
import { type CellValues, cellTable, KIND_BAD, KIND_INVALID, KIND_NULL, rawCell } from '../cell-values.js';
import { type Ctx, emit, type RuleDefinition, type RuleMeta, withEvaluators } from '../context.js';
import { labelList, showRaw } from '../labels.js';

/*
 * The rules about single cells: each value has its kind's type (count or amount), and no statutory cell is
 * blank. One instance per table, listing every cell concerned (an all-blank column is one warning, not 25).
 */

/** The ids of the cell rules. */
export type CellRuleId = 'cell-type' | 'cell-blank';

const TABLE_CAPTIONS: readonly string[] = STATUTORY_TABLES.map((spec) => spec.caption);

/** Cell indices per table whose kind is `a` or `b`; `undefined` when there are none (no allocation). */
function cellsOfKind(values: CellValues, a: number, b: number): number[][] | undefined {
  const { kind } = values;
  const { tableOf } = cellTable();
  let found: number[][] | undefined;
  for (let i = 0; i < kind.length; i++) {
    const k = kind[i];
    if (k !== a && k !== b) continue;
    found ??= TABLE_CAPTIONS.map(() => []);
    found[tableOf[i] as number]?.push(i);
  }
  return found;
}

function cellType(ctx: Ctx): void {
  const { counts } = ctx.values;
  if (counts[KIND_BAD] === 0 && counts[KIND_INVALID] === 0 && !ctx.passes) return;
  const bad = cellsOfKind(ctx.values, KIND_BAD, KIND_INVALID);
  if (!bad && !ctx.passes) return;
  const { addresses, isCount } = cellTable();
  TABLE_CAPTIONS.forEach((caption, table) => {
    const indices = bad?.[table] ?? [];
    emit(ctx, indices.length > 0 ? 'fail' : 'pass', () => {
      if (indices.length === 0) {
        return {
          cells: [],
          message: { zh: `${caption}：各单元格类型正确`, en: `${caption}: every cell has the right type` },
        };
      }
      const parts = indices.map((i) => {
        const address = addresses[i] as CellAddress;
        const raw = showRaw(rawCell(ctx.report, address));
        const count = isCount[i] === 1;
        return {
          zh: `${cellLabel(address)}（${address}）应为${count ? '非负整数' : '非负数'}，实为 ${raw.zh}`,
          en: `${cellLabel(address)} (${address}) must be a non-negative ${count ? 'integer' : 'number'}, got ${raw.en}`,
        };
      });
      return {
        cells: indices.map((i) => addresses[i] as CellAddress),
        message: {
          zh: `${caption}：${parts.map((p) => p.zh).join('；')}`,
          en: `${caption}: ${parts.map((p) => p.en).join('; ')}`,
        },
      };
    });
  });
}

function cellBlank(ctx: Ctx): void {
  if (ctx.values.counts[KIND_NULL] === 0 && !ctx.passes) return;
  const blank = cellsOfKind(ctx.values, KIND_NULL, KIND_NULL);
  if (!blank && !ctx.passes) return;
  const { addresses } = cellTable();
  TABLE_CAPTIONS.forEach((caption, table) => {
    const indices = blank?.[table] ?? [];
    emit(ctx, indices.length > 0 ? 'fail' : 'pass', () => {
      const cells = indices.map((i) => addresses[i] as CellAddress);
      if (cells.length === 0) {
        return { cells, message: { zh: `${caption}：没有空白单元格`, en: `${caption}: no blank cells` } };
      }
      const list = labelList(cells);
      return {
        cells,
        message: {
          zh: `${caption}有 ${cells.length} 个空白单元格：${list.zh}`,
          en: `${caption} has ${cells.length} blank cell(s): ${list.en}`,
        },
      };
    });
  });
}

function everyCell(): readonly CellAddress[] {
  return statutoryCells().map((cell) => cell.address);
}

/**
 * Metadata only (no evaluators, no cells read), which the rule registry `RULES` is built from: code that needs
 * rule titles and order (a findings list) then bundles none of the checks.
 *
 * The cell rules: one instance per table that has such cells.
 */
export const CELL_RULE_SPECS: readonly RuleMeta<CellRuleId>[] = [
  {
    id: 'cell-type',
    rank: 50,
    severity: 'error',
    scope: 'tables',
    needsPrevious: false,
    title: {
      zh: '件数为非负整数，收费金额为非负数',
      en: 'Counts are non-negative integers; the fee amount is a non-negative number',
    },
  },
  {
    id: 'cell-blank',
    rank: 70,
    severity: 'warning',
    scope: 'tables',
    needsPrevious: false,
    title: { zh: '法定单元格为空', en: 'Statutory cells are blank' },
  },
];

/** The family's rules with the cells they read and their evaluators, for the engine. */
export const CELL_RULES: readonly RuleDefinition<CellRuleId>[] = /* @__PURE__ */ withEvaluators(
  CELL_RULE_SPECS,
  () => ({
    'cell-type': { reads: everyCell, evaluate: cellType },
    'cell-blank': { reads: everyCell, evaluate: cellBlank },
  }),
);

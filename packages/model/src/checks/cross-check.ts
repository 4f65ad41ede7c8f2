import type { TableLayout } from '../layout/types.js';
import { rowNameOf, sideName } from '../tables/side-names.js';
import type { Evaluation } from './rules.js';
import { RULES, type RuleSpec } from './rules.js';

/** One check instance as the footer shows it: `一+二 = 81 · （七）+四 = 80`, plus its status. */
export interface CrossCheckItem {
  readonly evaluation: Evaluation;
  /** `一+二 = 81 · （七）+四 = 80`; a blank side reads `？`. */
  readonly text: string;
  /** For row-wise checks shown in a summary: which row, e.g. `（七）`. */
  readonly row?: string;
}

/** A footer cell: the grid columns it sits under and the checks it shows. */
export interface CrossCheckCell {
  readonly col: number;
  readonly colSpan: number;
  readonly items: readonly CrossCheckItem[];
}

/**
 * One footer row per arithmetic rule of the table. `columns`: each instance sits under the columns its cells
 * occupy (表三's balance per applicant column, 表四's totals per group). `summary`: instances overlap in columns
 * (row-wise checks), so one cell spanning the data columns counts passes and lists the rest.
 */
export interface CrossCheckRow {
  readonly rule: RuleSpec;
  readonly mode: 'columns' | 'summary';
  readonly cells: readonly CrossCheckCell[];
  readonly passed: number;
  readonly total: number;
}

function sideText(side: { cells: readonly string[]; value: number | null }, all: readonly string[]): string {
  return `${sideName(side.cells, all)} = ${side.value ?? '？'}`;
}

function extent(layout: TableLayout, evaluation: Evaluation): { col: number; end: number } | undefined {
  let col = Number.POSITIVE_INFINITY;
  let end = -1;
  for (const address of evaluation.cells) {
    const cell = layout.cellsByAddress.get(address);
    if (!cell) continue;
    col = Math.min(col, cell.col);
    end = Math.max(end, cell.col + cell.colSpan);
  }
  return end < 0 ? undefined : { col, end };
}

/**
 * The footer rows of a table from the report's evaluations: every rule whose scope is this table and whose
 * instances compare two sides. Pure and cheap (a pass over the evaluations), so it can run per keystroke.
 */
export function crossCheckRows(layout: TableLayout, evaluations: readonly Evaluation[]): CrossCheckRow[] {
  const rows: CrossCheckRow[] = [];
  for (const rule of RULES) {
    if (rule.scope !== layout.id) continue;
    const placed: { evaluation: Evaluation; col: number; end: number }[] = [];
    for (const evaluation of evaluations) {
      if (evaluation.rule !== rule.id || !evaluation.sides) continue;
      const span = extent(layout, evaluation);
      if (span) placed.push({ evaluation, ...span });
    }
    if (placed.length === 0) continue;
    placed.sort((a, b) => a.col - b.col || a.end - b.end);
    const overlaps = placed.some((item, i) => i > 0 && item.col < (placed[i - 1]?.end ?? 0));
    const item = (evaluation: Evaluation, withRow: boolean): CrossCheckItem => {
      const sides = evaluation.sides as NonNullable<Evaluation['sides']>;
      const all = [...sides.left.cells, ...sides.right.cells];
      const text = `${sideText(sides.left, all)} · ${sideText(sides.right, all)}`;
      const first = sides.right.cells[0] ?? evaluation.cells[0];
      return withRow && first ? { evaluation, text, row: rowNameOf(first) } : { evaluation, text };
    };
    const passed = placed.filter((p) => p.evaluation.status === 'pass').length;
    if (overlaps) {
      const col = layout.labelColumns;
      const items = placed.filter((p) => p.evaluation.status !== 'pass').map((p) => item(p.evaluation, true));
      rows.push({
        rule,
        mode: 'summary',
        cells: [{ col, colSpan: layout.columnCount - col, items }],
        passed,
        total: placed.length,
      });
    } else {
      rows.push({
        rule,
        mode: 'columns',
        cells: placed.map((p) => ({
          col: p.col,
          colSpan: p.end - p.col,
          items: [item(p.evaluation, false)],
        })),
        passed,
        total: placed.length,
      });
    }
  }
  return rows;
}

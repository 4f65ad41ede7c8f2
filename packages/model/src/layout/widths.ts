import type { LayoutCell } from './types.js';

/*
 * Relative column widths from content, in character units, like a browser's auto table layout but
 * deterministic: each cell wants the width its label needs when wrapped to a comfortable measure;
 * a column takes the widest single-column want; a spanning cell that still lacks room spreads the
 * shortfall evenly over its columns. Titles and corner notes wrap freely and do not drive widths.
 */

/** Display width of a string in CJK character units (Latin letters and digits count a little over half). */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += (ch.codePointAt(0) ?? 0) < 0x100 ? 0.55 : 1;
  return width;
}

const WRAP_AT = {
  'row-header-leaf': 16,
  'row-header-group': 5,
  'column-header': 5,
} as const;

const MIN_DATA_WIDTH = 4;
const MIN_AMOUNT_WIDTH = 6;

function want(cell: LayoutCell): number {
  switch (cell.kind) {
    case 'data':
      return cell.value === 'amount' ? MIN_AMOUNT_WIDTH : MIN_DATA_WIDTH;
    case 'column-header':
      return Math.min(textWidth(cell.label ?? ''), WRAP_AT['column-header']);
    case 'row-header':
      return Math.min(
        textWidth(cell.label ?? ''),
        cell.scope === 'rowgroup' ? WRAP_AT['row-header-group'] : WRAP_AT['row-header-leaf'],
      );
    default:
      return 0;
  }
}

/** Relative widths (fractions summing to 1, rounded to 1e-4) of a grid's columns. */
export function computeColumnWidths(cells: readonly LayoutCell[], columnCount: number): number[] {
  const widths = new Array<number>(columnCount).fill(1);
  for (const cell of cells) {
    if (cell.colSpan === 1) widths[cell.col] = Math.max(widths[cell.col] ?? 0, want(cell));
  }
  for (const cell of cells) {
    if (cell.colSpan === 1) continue;
    let have = 0;
    for (let c = cell.col; c < cell.col + cell.colSpan; c++) have += widths[c] ?? 0;
    const short = want(cell) - have;
    if (short > 0) {
      for (let c = cell.col; c < cell.col + cell.colSpan; c++)
        widths[c] = (widths[c] ?? 0) + short / cell.colSpan;
    }
  }
  const sum = widths.reduce((a, b) => a + b, 0);
  const fractions = widths.map((w) => Math.round((w / sum) * 10000) / 10000);
  // Put the rounding remainder on the widest column so the fractions sum to exactly 1.
  const drift = 1 - fractions.reduce((a, b) => a + b, 0);
  const widest = fractions.indexOf(Math.max(...fractions));
  fractions[widest] = Math.round(((fractions[widest] ?? 0) + drift) * 10000) / 10000;
  return fractions;
}

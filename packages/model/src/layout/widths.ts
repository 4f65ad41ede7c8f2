import { labelSegments } from './label-breaks.js';
import type { LayoutCell } from './types.js';

/*
 * Relative column widths from content, in em (the table's font size), deterministic. Every cell has two wants:
 *
 * - the least width at which its label breaks only between words (its widest unit from `labelSegments`, plus
 *   the cell's padding), or for a data cell the width of a four-digit count (an amount: more);
 * - a comfortable width: a leaf row label wraps at ~16 em, a group label at 5, a column header at 5.
 *
 * A column takes the widest single-column want; a spanning cell that still lacks room spreads its shortfall
 * evenly over its columns. The table is `measure` em wide: every column first gets its least width, then the
 * room left goes to the leaf row-label columns (their lines add up over many rows), up to their comfortable width,
 * then to the other columns, and any room beyond every comfortable width is shared in proportion. When even
 * the least widths do not fit, all are scaled down alike (labels then break inside words: unavoidable).
 * Titles and corner notes wrap freely and do not drive widths.
 */

/** Display width of a string in CJK character units (Latin letters and digits count a little over half). */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += (ch.codePointAt(0) ?? 0) < 0x100 ? 0.55 : 1;
  return width;
}

/** Options of {@link computeColumnWidths}. */
export interface ColumnWidthOptions {
  /** Table width in em of its font size. @default 42 (156 mm at 10.5 pt, the GB/T 9704 text block) */
  readonly measure?: number;
  /** A cell's left plus right padding (and rule), in em. @default 1.1 (1.9 mm each side at 10.5 pt) */
  readonly padding?: number;
}

const WRAP_AT = {
  'row-header-leaf': 16,
  'row-header-group': 5,
  'column-header': 5,
} as const;

/** Text width of the widest count a data cell must hold on one line: four digits. */
const DATA_TEXT = textWidth('0000');
/** An amount (万元, with decimals). */
const AMOUNT_TEXT = 6;

function widestUnit(label: string): number {
  return Math.max(0, ...labelSegments(label).map(textWidth));
}

function wants(cell: LayoutCell, padding: number): { least: number; comfort: number } {
  switch (cell.kind) {
    case 'data': {
      const text = cell.value === 'amount' ? AMOUNT_TEXT : DATA_TEXT;
      return { least: text + padding, comfort: text + padding };
    }
    case 'column-header':
    case 'row-header': {
      const label = cell.label ?? '';
      const wrap =
        cell.kind === 'column-header'
          ? WRAP_AT['column-header']
          : cell.scope === 'rowgroup'
            ? WRAP_AT['row-header-group']
            : WRAP_AT['row-header-leaf'];
      const least = widestUnit(label) + padding;
      return { least, comfort: Math.max(least, Math.min(textWidth(label), wrap) + padding) };
    }
    default:
      return { least: 0, comfort: 0 };
  }
}

function columnWants(
  cells: readonly LayoutCell[],
  columnCount: number,
  padding: number,
  which: 'least' | 'comfort',
): number[] {
  const widths = new Array<number>(columnCount).fill(padding);
  for (const cell of cells) {
    if (cell.colSpan === 1) widths[cell.col] = Math.max(widths[cell.col] ?? 0, wants(cell, padding)[which]);
  }
  for (const cell of cells) {
    if (cell.colSpan === 1) continue;
    let have = 0;
    for (let c = cell.col; c < cell.col + cell.colSpan; c++) have += widths[c] ?? 0;
    const short = wants(cell, padding)[which] - have;
    if (short > 0) {
      for (let c = cell.col; c < cell.col + cell.colSpan; c++)
        widths[c] = (widths[c] ?? 0) + short / cell.colSpan;
    }
  }
  return widths;
}

/** Gives `room` to the columns in `which`, each up to its target, in proportion to what each still lacks. */
function grow(widths: number[], targets: readonly number[], which: readonly number[], room: number): number {
  const lack = which.map((c) => Math.max(0, (targets[c] ?? 0) - (widths[c] ?? 0)));
  const total = lack.reduce((a, b) => a + b, 0);
  if (total <= 0 || room <= 0) return room;
  const share = Math.min(1, room / total);
  which.forEach((c, i) => {
    widths[c] = (widths[c] ?? 0) + (lack[i] ?? 0) * share;
  });
  return room - total * share;
}

/**
 * The least width (em) a table needs so that no label breaks inside a word: the sum of its columns' least widths
 * at `padding` em per cell. A renderer whose table is narrower can reduce its cell padding until this fits.
 */
export function leastTableWidth(cells: readonly LayoutCell[], columnCount: number, padding = 1.1): number {
  return columnWants(cells, columnCount, padding, 'least').reduce((a, b) => a + b, 0);
}

/** Relative widths (fractions summing to 1, rounded to 1e-4) of a grid's columns. */
export function computeColumnWidths(
  cells: readonly LayoutCell[],
  columnCount: number,
  options: ColumnWidthOptions = {},
): number[] {
  const measure = options.measure ?? 42;
  const padding = options.padding ?? 1.1;
  const least = columnWants(cells, columnCount, padding, 'least');
  const comfort = columnWants(cells, columnCount, padding, 'comfort').map((w, c) =>
    Math.max(w, least[c] ?? 0),
  );
  const widths = [...least];
  let room = measure - widths.reduce((a, b) => a + b, 0);
  // Leaf row labels first: their extra lines add up over every row; a group label spans many rows anyway.
  const labelColumns = new Set(
    cells
      .filter((c) => c.kind === 'row-header' && c.colSpan === 1 && c.scope !== 'rowgroup')
      .map((c) => c.col),
  );
  const all = widths.map((_, c) => c);
  room = grow(widths, comfort, [...labelColumns], room);
  room = grow(
    widths,
    comfort,
    all.filter((c) => !labelColumns.has(c)),
    room,
  );
  const sum = widths.reduce((a, b) => a + b, 0);
  const fractions = widths.map((w) => Math.round((w / sum) * 10000) / 10000);
  // Put the rounding remainder on the widest column so the fractions sum to exactly 1.
  const drift = 1 - fractions.reduce((a, b) => a + b, 0);
  const widest = fractions.indexOf(Math.max(...fractions));
  fractions[widest] = Math.round(((fractions[widest] ?? 0) + drift) * 10000) / 10000;
  return fractions;
}

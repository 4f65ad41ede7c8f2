import type { LayoutCell, Report, TableLayout } from '@nianbao/model/core';
import { formatCellValue, readCell } from '@nianbao/model/core';
import {
  BorderStyle,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
} from 'docx';
import { STYLE } from './styles.js';

/*
 * A statutory table as a Word table, straight from its `TableLayout`. Word has no rowspan: a cell that spans rows
 * is its first row's cell with `vMerge="restart"`, and every grid row below it that it covers holds a
 * continuation cell (`vMerge` continue) with the same `gridSpan`, at the same grid position. So the table is
 * written grid row by grid row, walking the columns: a cell that starts here is written with its `gridSpan`;
 * a position covered by a cell from a row above gets that cell's continuation. Every grid row is one `<w:tr>`,
 * none may split across pages (`cantSplit`), and the head section's rows repeat on every page the table
 * continues onto (`tblHeader`). Column widths are the layout's fractions of the text block, in twips, so Word's
 * fixed layout keeps them.
 */

/** Visual settings of a Word table. */
export interface DocxTableStyle {
  /** Table width in twips (the text block). */
  readonly width: number;
  /** Border width in eighths of a point. @default 6 (0.75 pt, as the PDF) */
  readonly borderSize: number;
  /** Addresses of data cells to shade (a draft's failing checks). @default none */
  readonly marked?: ReadonlySet<string>;
}

/** Column widths in twips that add up to `total` exactly (largest remainders get the rounding). */
export function columnTwips(fractions: readonly number[], total: number): number[] {
  const raw = fractions.map((f) => f * total);
  const out = raw.map(Math.floor);
  let rest = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (rest <= 0) break;
    out[i] = (out[i] ?? 0) + 1;
    rest -= 1;
  }
  return out;
}

/** The paragraph style and text of a cell, aligned as the PDF aligns it. */
export function cellContent(report: Report, cell: LayoutCell): { style: string; text: string } {
  if (cell.kind === 'data') {
    return { style: STYLE.tableNumber, text: formatCellValue(readCell(report, cell.address ?? '')) };
  }
  const text = cell.label ?? '';
  if (cell.kind === 'corner' && cell.cornerRole === 'note') return { style: STYLE.tableNote, text };
  if (cell.kind === 'row-header' && cell.rowSpan === 1) return { style: STYLE.tableRowLabel, text };
  return { style: STYLE.tableLabel, text };
}

/** Every placed cell of a layout by grid position (a spanning cell at each position it covers). */
export function gridOwners(layout: TableLayout): (LayoutCell | undefined)[][] {
  const grid: (LayoutCell | undefined)[][] = Array.from({ length: layout.rowCount }, () =>
    new Array<LayoutCell | undefined>(layout.columnCount).fill(undefined),
  );
  for (const section of layout.sections) {
    for (const row of section.rows) {
      for (const cell of row.cells) {
        for (let r = cell.row; r < cell.row + cell.rowSpan; r++) {
          for (let c = cell.col; c < cell.col + cell.colSpan; c++) {
            const line = grid[r];
            if (line) line[c] = cell;
          }
        }
      }
    }
  }
  return grid;
}

/** The shading of a marked cell: a light red a printer keeps and the text stays readable on. */
export const MARK: {
  readonly type: typeof ShadingType.CLEAR;
  readonly color: string;
  readonly fill: string;
} = {
  type: ShadingType.CLEAR,
  color: 'auto',
  fill: 'F8D7D7',
};

/** Receives every string a table prints (labels and numbers), for the glyph check. */
export type TextSink = (text: string) => void;

/** One statutory table as a docx `Table`. */
export function reportTable(
  layout: TableLayout,
  report: Report,
  style: DocxTableStyle,
  sink: TextSink = () => {},
): Table {
  const widths = columnTwips(layout.columnWidths, style.width);
  const spanWidth = (cell: LayoutCell): number =>
    widths.slice(cell.col, cell.col + cell.colSpan).reduce((a, b) => a + b, 0);
  const owners = gridOwners(layout);
  const headRows = new Set<number>();
  // A tall row-group label that is a whole body section (表三's 三、本年度办理结果) reads from its top, as in the PDF:
  // it continues over page breaks.
  const topAligned = new Set<string>();
  for (const section of layout.sections) {
    if (section.kind === 'head') for (const row of section.rows) headRows.add(row.index);
    const first = section.rows[0]?.cells[0];
    if (
      section.kind === 'body' &&
      first &&
      first.col === 0 &&
      first.rowSpan === section.rows.length &&
      first.rowSpan > 1
    ) {
      topAligned.add(first.id);
    }
  }

  const rows: TableRow[] = [];
  for (let r = 0; r < layout.rowCount; r++) {
    const cells: TableCell[] = [];
    const line = owners[r] ?? [];
    for (let c = 0; c < layout.columnCount; ) {
      const cell = line[c];
      if (!cell) throw new Error(`layout ${layout.id} leaves grid position (${r}, ${c}) empty`);
      const common = {
        width: { size: spanWidth(cell), type: WidthType.DXA },
        ...(cell.colSpan > 1 ? { columnSpan: cell.colSpan } : {}),
        verticalAlign: topAligned.has(cell.id) ? VerticalAlignTable.TOP : VerticalAlignTable.CENTER,
      };
      if (cell.row === r) {
        const { style: paragraphStyle, text } = cellContent(report, cell);
        if (text !== '') sink(text);
        cells.push(
          new TableCell({
            ...common,
            ...(cell.rowSpan > 1 ? { verticalMerge: VerticalMergeType.RESTART } : {}),
            ...(cell.address && style.marked?.has(cell.address) ? { shading: MARK } : {}),
            children: [
              new Paragraph({ style: paragraphStyle, children: text === '' ? [] : [new TextRun(text)] }),
            ],
          }),
        );
      } else {
        cells.push(
          new TableCell({
            ...common,
            verticalMerge: VerticalMergeType.CONTINUE,
            children: [new Paragraph({ style: STYLE.table })],
          }),
        );
      }
      c += cell.colSpan;
    }
    rows.push(
      new TableRow({ children: cells, cantSplit: true, ...(headRows.has(r) ? { tableHeader: true } : {}) }),
    );
  }

  const border = { style: BorderStyle.SINGLE, size: style.borderSize, color: '000000' } as const;
  return new Table({
    rows,
    width: { size: style.width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: { top: 40, bottom: 40, left: 57, right: 57 },
    borders: {
      top: border,
      bottom: border,
      left: border,
      right: border,
      insideHorizontal: border,
      insideVertical: border,
    },
  });
}

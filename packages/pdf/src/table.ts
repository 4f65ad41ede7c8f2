import type { LayoutCell, Report, TableLayout } from '@nianbao/model/core';
import {
  computeColumnWidths,
  formatCellValue,
  labelSegments,
  leastTableWidth,
  readCell,
  textWidth,
} from '@nianbao/model/core';
import { Canvas, Text, View } from '@react-pdf/renderer';
import { createElement as h, type ReactElement, type ReactNode } from 'react';
import { type GridBox, gridSections, type Region } from './grid.js';
import { cjkHyphenationCallback, labelHyphenationCallback, printable } from './line-break.js';

/*
 * Borders are drawn once per edge: every cell owns its right and bottom edges, cells in grid column 0 add the
 * left edge and cells in grid row 0 the top edge, so two neighbours never both draw their shared edge. A row of
 * cells of equal height strokes all its edges as one canvas path; a cell elsewhere strokes its own.
 *
 * Pagination: the head section is a `fixed`, unsplittable child of the table box, so it repeats on every page
 * the table continues onto, and only while it continues; `minPresenceAhead` keeps it (with react-pdf's newer
 * paginator, used for portrait documents) from ending a page without a body row under it. Every body slab one
 * grid row tall is `wrap={false}`: a row never splits. A top-level slab whose first column is a tall row-group
 * label (表三's 三、本年度办理结果, 22 rows) must be allowed to split between its rows (see `renderSlab`): its
 * rows are indented by the label's width, so they stay under their column headers on every page, and the label is
 * a `fixed` overlay, repeated beside the rows on every page the group reaches. react-pdf stretches a split box to
 * the page bottom, so that label draws no edges itself: each row beside it draws the label's edges for its own
 * height (an absolutely positioned overlay), and the lines end where the rows end.
 */

/** Visual settings of a table. */
export interface TableStyle {
  /** Table width in points. */
  readonly width: number;
  /** react-pdf font family (or fallback stack) of the table text. */
  readonly fontFamily: string | string[];
  /** @default 10.5 */
  readonly fontSize: number;
  /** Line height as a multiple of the font size. @default 1.3 */
  readonly lineHeight: number;
  /** Border width in points. @default 0.75 */
  readonly borderWidth: number;
}

interface Ctx {
  readonly layout: TableLayout;
  readonly report: Report;
  readonly style: TableStyle;
  readonly colX: readonly number[];
  /** Horizontal padding of every cell of this table, points. */
  readonly padX: number;
  /** Addresses of the cells to mark as failing (draft). */
  readonly marked: ReadonlySet<string>;
}

function widthOf(ctx: Ctx, region: Region): number {
  return (ctx.colX[region.c1] ?? 0) - (ctx.colX[region.c0] ?? 0);
}

/** Horizontal cell padding: 1.9 mm from the rule's centre to the text (Word's default). */
export const CELL_PADDING_MM = 1.9;
/** The least horizontal padding a table that cannot fit its words otherwise gets (表四's 15 columns, portrait). */
const MIN_PADDING_MM = 0.8;

/**
 * The padding (points, each side, plus half a rule) of a table: 1.9 mm, or less where the table is too narrow for
 * its labels' widest words at 1.9 mm, never below 0.8 mm.
 */
function tablePadX(layout: TableLayout, style: TableStyle): number {
  const measure = style.width / style.fontSize;
  const cells = [...layout.cellsById.values()];
  const points = (mm: number): number => (mm * 72) / 25.4 + style.borderWidth / 2;
  for (let mm = CELL_PADDING_MM; mm > MIN_PADDING_MM; mm -= 0.1) {
    if (leastTableWidth(cells, layout.columnCount, (2 * points(mm)) / style.fontSize) <= measure)
      return points(mm);
  }
  return points(MIN_PADDING_MM);
}

function padY(style: TableStyle): number {
  return style.fontSize * 0.3 + style.borderWidth;
}

/** Estimated height of a label set in a cell `width` wide (the model's character widths, greedy lines). */
function labelHeight(ctx: Ctx, label: string, width: number): number {
  const { style } = ctx;
  const measure = width - 2 * ctx.padX;
  // Greedy lines over the label's word units, as react-pdf sets them with labelHyphenationCallback.
  let lines = 0;
  let line = 0;
  for (const unit of labelSegments(label)) {
    const w = textWidth(unit) * style.fontSize;
    if (lines === 0 || line + w > measure) {
      lines += 1;
      line = w;
    } else line += w;
  }
  return Math.max(1, lines) * style.fontSize * style.lineHeight + 2 * padY(style);
}

/** Estimated height of a box of the grid: its labels' lines (data cells one line), rows stacked, strips side by side. */
function boxHeight(ctx: Ctx, box: GridBox): number {
  if (box.kind === 'cell') return labelHeight(ctx, box.cell.label ?? '', widthOf(ctx, box.region));
  const heights = box.children.map((child) => boxHeight(ctx, child));
  return box.kind === 'stack' ? heights.reduce((a, b) => a + b, 0) : Math.max(0, ...heights);
}

function cellText(ctx: Ctx, cell: LayoutCell): { text: string; align: 'left' | 'center' | 'right' } {
  if (cell.kind === 'data') {
    return { text: formatCellValue(readCell(ctx.report, cell.address ?? '')), align: 'right' };
  }
  const label = cell.label ?? '';
  if (cell.kind === 'corner' && cell.cornerRole === 'note') return { text: label, align: 'left' };
  if (cell.kind === 'row-header' && cell.rowSpan === 1) return { text: label, align: 'left' };
  return { text: label, align: 'center' };
}

/** The subset of react-pdf's canvas painter (pdfkit's path API) that edges and marks use. */
interface Painter {
  moveTo(x: number, y: number): Painter;
  lineTo(x: number, y: number): Painter;
  lineWidth(w: number): Painter;
  stroke(color?: string): Painter;
  fill(color?: string): Painter;
  rect(x: number, y: number, w: number, h: number): Painter;
  clip(): Painter;
  polygon(...points: [number, number][]): Painter;
  save(): Painter;
  restore(): Painter;
}

/**
 * The mark of a cell that fails a check (draft): a light tint, grey diagonal hatching and a solid triangle in the
 * top-left corner, so it reads in black-and-white print and not by colour alone. Drawn first, under the value and
 * the rules; the hatching is diagonal and the tint and triangle are fills, so no mark is ever taken for a rule.
 */
function failMark(key: string): ReactNode {
  return h(Canvas, {
    key,
    style: { position: 'absolute', top: 0, bottom: 0, left: 0, right: 0 },
    paint: (raw: unknown, w: number, ht: number) => {
      const p = raw as Painter;
      p.save();
      p.rect(0, 0, w, ht).clip();
      p.rect(0, 0, w, ht).fill('#ececec');
      p.lineWidth(0.4);
      const step = 3.5;
      for (let x = -ht; x < w; x += step) p.moveTo(x, ht).lineTo(x + ht, 0);
      p.stroke('#a0a0a0');
      const size = Math.min(6, ht / 3);
      p.polygon([0, 0], [size, 0], [0, size]).fill('#000000');
      p.restore();
      return null;
    },
  });
}

/**
 * A cell's edges as one stroked path on a canvas laid over the cell. react-pdf strokes a CSS border through
 * clipping paths (≈ 1 KB of content stream per edge); one path per cell keeps a table page a few KB and the
 * seed PDF small. Lines are centred half a line width inside the box, so neighbours' lines coincide.
 */
function edges(
  bw: number,
  sides: { top?: boolean; right?: boolean; bottom?: boolean; left?: boolean },
): ReactNode {
  return h(Canvas, {
    key: 'edges',
    style: { position: 'absolute', top: 0, bottom: 0, left: 0, right: 0 },
    paint: (raw: unknown, w: number, ht: number) => {
      const p = raw as Painter;
      const half = bw / 2;
      p.lineWidth(bw);
      if (sides.top) p.moveTo(0, half).lineTo(w, half);
      if (sides.bottom) p.moveTo(0, ht - half).lineTo(w, ht - half);
      if (sides.left) p.moveTo(half, 0).lineTo(half, ht);
      if (sides.right) p.moveTo(w - half, 0).lineTo(w - half, ht);
      p.stroke();
      return null;
    },
  });
}

function renderCell(
  ctx: Ctx,
  cell: LayoutCell,
  width: number | undefined,
  options: { drawSides: boolean; top: boolean; noEdges?: boolean },
): ReactElement {
  const { style } = ctx;
  const { text, align } = cellText(ctx, cell);
  const bw = style.borderWidth;
  const isData = cell.kind === 'data';
  const note = cell.kind === 'corner' && cell.cornerRole === 'note';
  return h(
    View,
    {
      key: cell.id,
      style: {
        ...(width !== undefined ? { width } : { flexGrow: 1 }),
        justifyContent: options.top ? 'flex-start' : 'center',
        paddingVertical: padY(style),
        paddingHorizontal: ctx.padX,
      },
    },
    isData && ctx.marked.has(cell.address ?? '') ? failMark('mark') : null,
    text === ''
      ? null
      : h(
          Text,
          {
            key: 'text',
            hyphenationCallback: isData ? cjkHyphenationCallback : labelHyphenationCallback,
            style: {
              textAlign: align,
              fontSize: note ? style.fontSize * 0.85 : style.fontSize,
              lineHeight: style.lineHeight,
              ...(isData ? { fontFeatureSettings: ['tnum'] } : {}),
            },
          },
          printable(text),
        ),
    options.noEdges
      ? null
      : edges(bw, {
          top: cell.row === 0,
          bottom: true,
          right: options.drawSides,
          left: options.drawSides && cell.col === 0,
        }),
  );
}

/** Renders a box; `width` undefined means "stretch to the parent's width" (a child of a stack). */
function renderBox(ctx: Ctx, box: GridBox, width: number | undefined, key: string): ReactElement {
  if (box.kind === 'cell') return renderCell(ctx, box.cell, width, { drawSides: true, top: false });
  const sized = width !== undefined ? { width } : {};
  if (box.kind === 'stack') {
    return h(
      View,
      { key, style: { ...sized, flexGrow: 1, flexDirection: 'column' } },
      box.children.map((child, i) =>
        h(
          View,
          { key: `${key}-${i}`, style: { flexGrow: 1, flexDirection: 'row' } },
          renderBox(ctx, child, undefined, `${key}-${i}b`),
        ),
      ),
    );
  }
  const flat = box.children.every((child) => child.kind === 'cell');
  if (flat) {
    // A row of cells that all span the strip's full height: one canvas draws every edge of the row (its cells all
    // share its height), instead of a canvas per cell: fewer layout nodes, a shorter content stream.
    const x0 = ctx.colX[box.region.c0] ?? 0;
    const rights = box.children.map((child) => (ctx.colX[child.region.c1] ?? 0) - x0);
    const bw = ctx.style.borderWidth;
    const top = box.region.r0 === 0;
    const left = box.region.c0 === 0;
    return h(
      View,
      { key, style: { ...sized, flexGrow: 1, flexDirection: 'row' } },
      ...box.children.map((child, i) =>
        child.kind === 'cell'
          ? renderCell(ctx, child.cell, widthOf(ctx, child.region), {
              drawSides: true,
              top: false,
              noEdges: true,
            })
          : renderBox(ctx, child, widthOf(ctx, child.region), `${key}-${i}`),
      ),
      h(Canvas, {
        key: 'edges',
        style: { position: 'absolute', top: 0, bottom: 0, left: 0, right: 0 },
        paint: (raw: unknown, w: number, ht: number) => {
          const p = raw as Painter;
          const half = bw / 2;
          p.lineWidth(bw);
          if (top) p.moveTo(0, half).lineTo(w, half);
          p.moveTo(0, ht - half).lineTo(w, ht - half);
          if (left) p.moveTo(half, 0).lineTo(half, ht);
          for (const x of rights) p.moveTo(x - half, 0).lineTo(x - half, ht);
          p.stroke();
          return null;
        },
      }),
    );
  }
  return h(
    View,
    { key, style: { ...sized, flexGrow: 1, flexDirection: 'row' } },
    box.children.map((child, i) => renderBox(ctx, child, widthOf(ctx, child.region), `${key}-${i}`)),
  );
}

/**
 * A body slab: a unit that moves to the next page whole, or a row group (a label cell spanning rows beside a stack
 * of rows) that may split between its rows.
 *
 * A split group is a column box whose rows keep their own place: each row is indented by the label's width
 * (`marginLeft`), so its cells stay under their column headers whatever happens to the label. The label is an
 * absolutely positioned, `fixed` child: react-pdf repeats a fixed child on every page its parent continues onto
 * (both paginators), so the statute's label stands beside the rows on each page the group reaches, spanning the
 * part of the group on that page, set at the part's top (a part that ends a page is stretched to the page bottom,
 * so centring would push the label below its rows).
 *
 * Every part must be as tall as the label: the first rows that together reach the label's estimated height are one
 * unsplittable unit, and so are the last rows. The label comes after the first unit among the children, so a group
 * whose first unit does not fit moves to the next page whole instead of leaving its label alone at a page bottom.
 *
 * Edges: react-pdf stretches a split box to the page bottom, so the label draws none itself; each row draws the
 * label's left and right edges for its own height (an overlay reaching left over the label), the last row its
 * bottom edge, and the lines end where the rows end.
 */
function renderSlab(ctx: Ctx, box: GridBox, key: string): ReactElement {
  const rows = box.region.r1 - box.region.r0;
  const label = box.kind === 'strip' ? box.children[0] : undefined;
  const rest = box.kind === 'strip' ? box.children[1] : undefined;
  const splittable = rows > 1 && box.kind === 'strip' && box.children.length === 2;
  if (!splittable || label?.kind !== 'cell' || rest?.kind !== 'stack') {
    return h(
      View,
      { key, wrap: false, style: { flexDirection: 'row' } },
      renderBox(ctx, box, undefined, key),
    );
  }
  const labelWidth = widthOf(ctx, label.region);
  const rowsWidth = widthOf(ctx, rest.region);
  const bw = ctx.style.borderWidth;
  const children = rest.children;
  const last = children.length - 1;
  const row = (child: GridBox, i: number): ReactElement =>
    h(
      View,
      { key: `${key}-${i}`, wrap: false, style: { width: rowsWidth, flexDirection: 'row' } },
      renderBox(ctx, child, undefined, `${key}-${i}b`),
      h(
        View,
        { style: { position: 'absolute', top: 0, bottom: 0, left: -labelWidth, width: labelWidth } },
        edges(bw, { right: true, left: label.cell.col === 0, bottom: i === last }),
      ),
    );
  // Every part of a split group must be as tall as its label, or the repeated label would overflow into the
  // rows below: the first rows and the last rows that together reach the label's height move as one unit.
  const need = labelHeight(ctx, label.cell.label ?? '', labelWidth);
  const reach = (order: number[]): number => {
    let height = 0;
    let count = 0;
    for (const i of order) {
      if (height >= need) break;
      const child = children[i] as GridBox;
      height += boxHeight(ctx, child);
      count += 1;
    }
    return count;
  };
  const indices = children.map((_, i) => i);
  const head = reach(indices);
  const tail = Math.min(reach([...indices].reverse()), children.length - head);
  const unit = (from: number, to: number, unitKey: string): ReactElement =>
    h(
      View,
      { key: unitKey, wrap: false, style: { marginLeft: labelWidth, width: rowsWidth } },
      children.slice(from, to).map((child, j) => row(child, from + j)),
    );
  const rowViews: ReactElement[] = [unit(0, head, `${key}-first`)];
  for (let i = head; i < children.length - tail; i++) rowViews.push(unit(i, i + 1, `${key}-r${i}`));
  if (tail > 0) rowViews.push(unit(children.length - tail, children.length, `${key}-last`));
  const labelView = h(
    View,
    {
      key: `${key}-label`,
      fixed: true,
      style: { position: 'absolute', top: 0, bottom: 0, left: 0, width: labelWidth, flexDirection: 'row' },
    },
    renderCell(ctx, label.cell, labelWidth, { drawSides: false, top: true, noEdges: true }),
  );
  return h(View, { key, style: { flexDirection: 'column' } }, [
    ...rowViews.slice(0, 1),
    labelView,
    ...rowViews.slice(1),
  ]);
}

/** Rough height of the head plus the first body row, to keep a table's caption off a page bottom. */
export function estimateTableLead(layout: TableLayout, style: TableStyle): number {
  const line = style.fontSize * style.lineHeight + style.fontSize * 0.6;
  const head = layout.sections.find((s) => s.kind === 'head');
  if (!head) return layout.rowCount * line * 1.3;
  return (head.rows.length + 1) * line * 1.6;
}

/** Props of {@link ReportTable}. */
export interface ReportTableProps {
  /** The statutory layout to draw. */
  readonly layout: TableLayout;
  /** Where the cell values come from. */
  readonly report: Report;
  /** Sizes, font and borders. */
  readonly style: TableStyle;
  /**
   * Cell addresses to mark as failing a check (the draft's findings' `cells`): a hatched, tinted background and a
   * corner mark, drawn under the value and the rules, so it shows in grey print and never hides a figure.
   * @default none
   */
  readonly markCells?: readonly string[];
}

/** One statutory table as react-pdf boxes, straight from its `TableLayout`. */
export function ReportTable({ layout, report, style, markCells }: ReportTableProps): ReactElement {
  // Widths for this table's real measure and padding (the layout's own are for the 156 mm block at 10.5 pt).
  const padX = tablePadX(layout, style);
  const widths = computeColumnWidths([...layout.cellsById.values()], layout.columnCount, {
    measure: style.width / style.fontSize,
    padding: (2 * padX) / style.fontSize,
  });
  const colX: number[] = [0];
  for (const fraction of widths) colX.push((colX[colX.length - 1] ?? 0) + fraction * style.width);
  const ctx: Ctx = { layout, report, style, colX, padX, marked: new Set(markCells ?? []) };
  const sections = gridSections(layout);
  const hasHead = sections.some((s) => s.kind === 'head');
  const children: ReactNode[] = [];
  for (const section of sections) {
    if (section.kind === 'head') {
      // minPresenceAhead: the head never ends a page alone; at least a row's worth of body follows it.
      children.push(
        h(
          View,
          {
            key: section.id,
            fixed: true,
            wrap: false,
            minPresenceAhead: 3 * style.fontSize * style.lineHeight,
            style: { flexDirection: 'row' },
          },
          renderBox(ctx, section.box, undefined, section.id),
        ),
      );
      continue;
    }
    const slabs = section.box.kind === 'stack' ? section.box.children : [section.box];
    slabs.forEach((slab, i) => {
      children.push(renderSlab(ctx, slab, `${section.id}-${i}`));
    });
  }
  return h(
    View,
    {
      wrap: hasHead,
      style: { width: style.width, fontFamily: style.fontFamily as string, fontSize: style.fontSize },
    },
    children,
  );
}

import type { LayoutCell, Report, TableLayout } from '@nianbao/model/core';
import { formatCellValue, readCell } from '@nianbao/model/core';
import { Canvas, Text, View } from '@react-pdf/renderer';
import { createElement as h, type ReactElement, type ReactNode } from 'react';
import { type GridBox, gridSections, type Region } from './grid.js';
import { cjkHyphenationCallback, printable } from './line-break.js';

/*
 * Borders are drawn once per edge: every cell owns its right and bottom edges, cells in grid column 0 add the
 * left edge and cells in grid row 0 the top edge, so two neighbours never both draw their shared edge. A row of
 * cells of equal height strokes all its edges as one canvas path; a cell elsewhere strokes its own.
 *
 * Pagination: the head section is a `fixed`, unsplittable child of the table box, so it repeats on every page
 * the table continues onto, and only while it continues; `minPresenceAhead` keeps it (with react-pdf's newer
 * paginator, used for portrait documents) from ending a page without a body row under it. Every body slab one
 * grid row tall is `wrap={false}`: a row never splits. A top-level slab whose first column is a tall row-group
 * label (表三's 三、本年度办理结果, 22 rows) must be allowed to split between its rows; react-pdf stretches a
 * split box to the page bottom, so that label draws no edges itself: each row beside it draws the label's edges
 * for its own height (an absolutely positioned overlay), and the lines end where the rows end.
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
}

function widthOf(ctx: Ctx, region: Region): number {
  return (ctx.colX[region.c1] ?? 0) - (ctx.colX[region.c0] ?? 0);
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

/** The subset of react-pdf's canvas painter (pdfkit's path API) that edge drawing uses. */
interface Painter {
  moveTo(x: number, y: number): Painter;
  lineTo(x: number, y: number): Painter;
  lineWidth(w: number): Painter;
  stroke(): Painter;
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
        paddingVertical: style.fontSize * 0.3 + bw,
        paddingHorizontal: style.fontSize * 0.25 + bw,
      },
    },
    text === ''
      ? null
      : h(
          Text,
          {
            hyphenationCallback: cjkHyphenationCallback,
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

/** A body slab: a unit that moves to the next page whole, or a tall row group that splits between rows. */
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
  const bw = ctx.style.borderWidth;
  const last = rest.children.length - 1;
  return h(
    View,
    { key, style: { flexDirection: 'row' } },
    renderCell(ctx, label.cell, labelWidth, { drawSides: false, top: true, noEdges: true }),
    h(
      View,
      { style: { width: widthOf(ctx, rest.region), flexDirection: 'column' } },
      rest.children.map((child, i) =>
        h(
          View,
          { key: `${key}-${i}`, wrap: false, style: { flexDirection: 'row' } },
          renderBox(ctx, child, undefined, `${key}-${i}b`),
          h(
            View,
            { style: { position: 'absolute', top: 0, bottom: 0, left: -labelWidth, width: labelWidth } },
            edges(bw, { right: true, left: label.cell.col === 0, bottom: i === last }),
          ),
        ),
      ),
    ),
  );
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
}

/** One statutory table as react-pdf boxes, straight from its `TableLayout`. */
export function ReportTable({ layout, report, style }: ReportTableProps): ReactElement {
  const colX: number[] = [0];
  for (const fraction of layout.columnWidths)
    colX.push((colX[colX.length - 1] ?? 0) + fraction * style.width);
  const ctx: Ctx = { layout, report, style, colX };
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

import type { LayoutCell, TableLayout } from '@nianbao/model/core';

/*
 * react-pdf has no table: only flex boxes. A statutory table's grid is turned into nested boxes by guillotine
 * cuts: a region is cut into horizontal slabs at every row boundary that no cell crosses, else into vertical
 * strips at every column boundary that no cell crosses, down to single cells. Header trees and row trees
 * always tile this way; a grid that does not is a programming error (thrown, like `assertTiling`).
 *
 * Horizontal slabs are the units of pagination: a slab one grid row tall never splits across pages.
 */

/** A region of the grid: rows [r0, r1) × columns [c0, c1). */
export interface Region {
  readonly r0: number;
  readonly r1: number;
  readonly c0: number;
  readonly c1: number;
}

/** A box of the decomposed grid. */
export type GridBox =
  | { readonly kind: 'cell'; readonly region: Region; readonly cell: LayoutCell }
  | { readonly kind: 'stack'; readonly region: Region; readonly children: readonly GridBox[] }
  | { readonly kind: 'strip'; readonly region: Region; readonly children: readonly GridBox[] };

/** Thrown when a grid region cannot be cut into boxes (not a guillotine tiling). */
export class GridError extends Error {
  override readonly name = 'GridError';
}

function inside(cell: LayoutCell, region: Region): boolean {
  return (
    cell.row >= region.r0 &&
    cell.row + cell.rowSpan <= region.r1 &&
    cell.col >= region.c0 &&
    cell.col + cell.colSpan <= region.c1
  );
}

/** Decomposes the cells of a region (all of which must lie inside it) into nested boxes. */
export function decompose(cells: readonly LayoutCell[], region: Region): GridBox {
  const own = cells.filter((cell) => inside(cell, region));
  const only = own[0];
  if (
    own.length === 1 &&
    only &&
    only.row === region.r0 &&
    only.col === region.c0 &&
    only.rowSpan === region.r1 - region.r0 &&
    only.colSpan === region.c1 - region.c0
  ) {
    return { kind: 'cell', region, cell: only };
  }
  const rowCuts: number[] = [];
  for (let r = region.r0 + 1; r < region.r1; r++) {
    if (own.every((cell) => !(cell.row < r && r < cell.row + cell.rowSpan))) rowCuts.push(r);
  }
  if (rowCuts.length > 0) {
    const bounds = [region.r0, ...rowCuts, region.r1];
    const children: GridBox[] = [];
    for (let i = 0; i + 1 < bounds.length; i++) {
      children.push(decompose(own, { ...region, r0: bounds[i] as number, r1: bounds[i + 1] as number }));
    }
    return { kind: 'stack', region, children };
  }
  const colCuts: number[] = [];
  for (let c = region.c0 + 1; c < region.c1; c++) {
    if (own.every((cell) => !(cell.col < c && c < cell.col + cell.colSpan))) colCuts.push(c);
  }
  if (colCuts.length > 0) {
    const bounds = [region.c0, ...colCuts, region.c1];
    const pieces: Region[] = [];
    for (let i = 0; i + 1 < bounds.length; i++) {
      pieces.push({ ...region, c0: bounds[i] as number, c1: bounds[i + 1] as number });
    }
    // Pieces that are not one full-height cell hold rows; rows side by side must share their heights, so
    // the run from the first such piece to the last is kept as one region (it then cuts into rows).
    const tall = (piece: Region): boolean =>
      own.some(
        (c) => c.col === piece.c0 && c.colSpan === piece.c1 - piece.c0 && c.rowSpan === region.r1 - region.r0,
      );
    const first = pieces.findIndex((piece) => !tall(piece));
    const last = pieces.length - 1 - [...pieces].reverse().findIndex((piece) => !tall(piece));
    const merged =
      first >= 0 && (first > 0 || last < pieces.length - 1)
        ? [
            ...pieces.slice(0, first),
            { ...region, c0: (pieces[first] as Region).c0, c1: (pieces[last] as Region).c1 },
            ...pieces.slice(last + 1),
          ]
        : pieces;
    return { kind: 'strip', region, children: merged.map((piece) => decompose(own, piece)) };
  }
  throw new GridError(
    `grid region rows ${region.r0}–${region.r1} × cols ${region.c0}–${region.c1} is not a guillotine tiling`,
  );
}

/** One section of a table, cut into boxes: `head` repeats on every page the table continues onto. */
export interface GridSection {
  readonly kind: 'head' | 'body';
  readonly id: string;
  readonly box: GridBox;
}

/** Cuts every section of a layout into boxes. */
export function gridSections(layout: TableLayout): GridSection[] {
  return layout.sections.map((section) => {
    const cells = section.rows.flatMap((row) => row.cells);
    const first = section.rows[0]?.index ?? 0;
    const last = (section.rows[section.rows.length - 1]?.index ?? first) + 1;
    const r1 = Math.max(last, ...cells.map((cell) => cell.row + cell.rowSpan));
    return {
      kind: section.kind,
      id: section.id,
      box: decompose(cells, { r0: first, r1, c0: 0, c1: layout.columnCount }),
    };
  });
}

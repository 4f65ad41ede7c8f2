import type { ValueKind } from '../tables/spec-types.js';
import type { CellAddress, TableId } from '../types.js';

/**
 * What a placed cell is:
 * - `title`: a full-width block title row (表二's 第二十条第（X）项);
 * - `corner`: the cell above the row labels (表三's 勾稽 note, 表二's 信息内容);
 * - `column-header` / `row-header`: labels from the column and row trees;
 * - `data`: a statutory value cell, which has an `address`.
 */
export type LayoutCellKind = 'title' | 'corner' | 'column-header' | 'row-header' | 'data';

/** The `scope` a header cell carries in HTML. */
export type HeaderScope = 'col' | 'colgroup' | 'row' | 'rowgroup';

/** A cell placed on the table grid. Rows and columns are 0-based grid indices. */
export interface LayoutCell {
  readonly kind: LayoutCellKind;
  /** Unique within the table, stable across releases (renderers may prefix it per page). */
  readonly id: string;
  readonly row: number;
  readonly col: number;
  readonly rowSpan: number;
  readonly colSpan: number;
  /** The verbatim label of a header, title or corner cell; absent on data cells. */
  readonly label?: string;
  /** Header scope; absent on data cells and on a corner that is a note. */
  readonly scope?: HeaderScope;
  /** Ids of every header cell that describes this cell, outermost first (for `headers=""`). */
  readonly headers: readonly string[];
  /** The cell address of a data cell, e.g. `t3.received.total`. */
  readonly address?: CellAddress;
  /** What a data cell holds. */
  readonly value?: ValueKind;
  /** A data cell's unit when not 件. */
  readonly unit?: string;
  /** A data cell that is a sum of others (a 总计 row or column). */
  readonly total?: boolean;
  /** For a corner: whether it labels the row-label column or is a note. */
  readonly cornerRole?: 'header' | 'note';
}

/** One grid row: the cells that start in it, left to right. Cells spanning down from above are not repeated. */
export interface LayoutRow {
  readonly index: number;
  readonly cells: readonly LayoutCell[];
}

/**
 * A run of grid rows that belongs together: the column header (`head`, a `<thead>`), or a group of body rows
 * (`body`, a `<tbody>`): one per top-level row of 表三, one per block of 表二.
 */
export interface LayoutSection {
  readonly kind: 'head' | 'body';
  readonly id: string;
  readonly rows: readonly LayoutRow[];
}

/** A statutory table placed on its grid: the single source every renderer draws from. */
export interface TableLayout {
  readonly id: TableId;
  readonly caption: string;
  readonly columnCount: number;
  readonly rowCount: number;
  /** Relative width of each grid column; the fractions sum to 1. */
  readonly columnWidths: readonly number[];
  /** How many leading grid columns hold row labels (0 for 表四). */
  readonly labelColumns: number;
  readonly sections: readonly LayoutSection[];
  /** Every data cell in reading order (row by row, left to right). */
  readonly dataCells: readonly LayoutCell[];
  /** Every cell by id. */
  readonly cellsById: ReadonlyMap<string, LayoutCell>;
  /** Data cells by address. */
  readonly cellsByAddress: ReadonlyMap<CellAddress, LayoutCell>;
}

import type { TableId } from '../types.js';

/** How a data cell's value is typed: a count of 件 (non-negative integer) or an amount (non-negative decimal). */
export type ValueKind = 'count' | 'amount';

/**
 * A node of a column-header tree. A node with `children` is a group header; a node without is a leaf
 * column that holds data. `key`, when present, is one segment of every cell address below it
 * (e.g. 行政复议 → `review`); unkeyed groups such as 申请人情况 only label.
 */
export interface ColumnNode {
  /** The statute's label, verbatim (full-width punctuation, curly quotes). */
  readonly label: string;
  readonly key?: string;
  readonly children?: readonly ColumnNode[];
  /** Grid columns a leaf covers; 表二's one-value blocks stretch one leaf over three. @default 1 */
  readonly span?: number;
  /** What the leaf's cells hold. @default 'count' */
  readonly value?: ValueKind;
  /** Unit of the leaf's cells when not 件, e.g. `万元`. */
  readonly unit?: string;
  /** This leaf is the sum of its sibling leaves (a 总计 column). */
  readonly total?: boolean;
}

/**
 * A node of a row-header tree. A node with `children` is a group label spanning the rows below it
 * (三、本年度办理结果 spans 22); a leaf is one data row.
 */
export interface RowNode {
  /** The statute's label, verbatim. */
  readonly label: string;
  readonly key?: string;
  readonly children?: readonly RowNode[];
  /** This row is the sum of other rows (（七）总计). */
  readonly total?: boolean;
}

/**
 * One header-and-body unit of a statutory table. 表三 and 表四 are one block each; 表二 stacks four,
 * each with its own title row (第二十条第（X）项) and header row.
 */
export interface TableBlock {
  /** A full-width title row printed above the block's header, e.g. `第二十条第（一）项`. */
  readonly title?: string;
  /**
   * The text of the corner cell above the row labels, e.g. 表三's 勾稽 note or 表二's `信息内容`.
   * Absent when the block has no row labels (表四).
   */
  readonly corner?: string;
  /** Whether the corner text labels the row-label column (表二 `信息内容`) or is a note (表三). */
  readonly cornerRole?: 'header' | 'note';
  readonly columns: readonly ColumnNode[];
  /** The row-label tree. Absent: one unlabeled data row (表四). */
  readonly rows?: readonly RowNode[];
}

/** A statutory table as data: everything a renderer needs to draw it and a checker needs to address it. */
export interface TableSpec {
  /** The report key of the table, and the first segment of every address in it. */
  readonly id: TableId;
  /** The part number the table sits under in the report: 二, 三 or 四. */
  readonly part: '二' | '三' | '四';
  /** The part heading that titles the table, verbatim. */
  readonly caption: string;
  readonly blocks: readonly TableBlock[];
}

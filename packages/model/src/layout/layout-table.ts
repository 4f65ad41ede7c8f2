import type { ColumnNode, RowNode, TableBlock, TableSpec } from '../tables/spec-types.js';
import type { LayoutCell, LayoutRow, LayoutSection, TableLayout } from './types.js';
import { computeColumnWidths } from './widths.js';

/** Thrown when a spec does not tile its grid exactly: a programming error in the spec, not bad user input. */
export class LayoutError extends Error {
  override readonly name = 'LayoutError';
}

type MutableCell = { -readonly [K in keyof LayoutCell]: LayoutCell[K] };

/*
 * Span rules (the same as TanStack's buildHeaderGroups and rc-table's parseHeaderRows):
 * - a column node at depth d covers the grid columns of all leaves below it (colSpan = Σ leaf spans);
 *   a group is one row tall; a leaf reaches down to the last header row (rowSpan = headerDepth − d), so a
 *   shallow leaf beside a deep group gets a rowSpan and never an empty placeholder header;
 * - row trees are the transpose: a row group is one column wide and spans its leaf rows; a leaf row's label
 *   reaches right to the last label column;
 * - the corner cell covers labelColumns × headerDepth; a block title covers the whole width.
 * Covered grid positions are not emitted. `assertTiling` proves every position is covered exactly once.
 */

function treeDepth(nodes: readonly { children?: readonly unknown[] }[]): number {
  let depth = 0;
  for (const node of nodes) {
    const children = node.children as readonly { children?: readonly unknown[] }[] | undefined;
    depth = Math.max(depth, 1 + (children && children.length > 0 ? treeDepth(children) : 0));
  }
  return depth;
}

function columnWidth(node: ColumnNode): number {
  if (node.children && node.children.length > 0) {
    let sum = 0;
    for (const child of node.children) sum += columnWidth(child);
    return sum;
  }
  const span = node.span ?? 1;
  if (!Number.isInteger(span) || span < 1) throw new LayoutError(`column "${node.label}" has span ${span}`);
  return span;
}

function rowHeight(node: RowNode): number {
  if (node.children && node.children.length > 0) {
    let sum = 0;
    for (const child of node.children) sum += rowHeight(child);
    return sum;
  }
  return 1;
}

/** A placed leaf column: where its data cells go and what their addresses and headers are. */
interface LeafColumn {
  col: number;
  span: number;
  keys: readonly string[];
  headerIds: readonly string[];
  node: ColumnNode;
}

function segment(node: { key?: string }, index: number): string {
  return node.key ?? String(index);
}

/** Lays out one block starting at grid row `top`; returns its sections and data cells. */
function layoutBlock(
  spec: TableSpec,
  block: TableBlock,
  blockIndex: number,
  top: number,
  width: number,
  cells: MutableCell[],
): { sections: { kind: 'head' | 'body'; id: string; rows: number[] }[]; height: number } {
  const multi = spec.blocks.length > 1;
  const prefix = multi ? `${spec.id}-b${blockIndex}` : spec.id;
  const rows = block.rows ?? [];
  const labelColumns = rows.length > 0 ? treeDepth(rows) : 0;
  const headerDepth = treeDepth(block.columns);
  let dataWidth = 0;
  for (const column of block.columns) dataWidth += columnWidth(column);
  if (labelColumns + dataWidth !== width) {
    throw new LayoutError(
      `${prefix}: ${labelColumns} label columns + ${dataWidth} data columns ≠ table width ${width}`,
    );
  }

  let row = top;
  const blockHeaderIds: string[] = [];
  const headRows: number[] = [];
  if (block.title !== undefined) {
    const id = `${prefix}-title`;
    cells.push({
      kind: 'title',
      id,
      row,
      col: 0,
      rowSpan: 1,
      colSpan: width,
      label: block.title,
      scope: 'rowgroup',
      headers: [],
    });
    blockHeaderIds.push(id);
    headRows.push(row);
    row += 1;
  }

  const headerTop = row;
  const cornerId = `${prefix}-corner`;
  if (labelColumns > 0 && headerDepth > 0) {
    const isHeader = block.cornerRole === 'header';
    cells.push({
      kind: 'corner',
      id: cornerId,
      row: headerTop,
      col: 0,
      rowSpan: headerDepth,
      colSpan: labelColumns,
      label: block.corner ?? '',
      ...(isHeader ? { scope: 'col' as const } : {}),
      cornerRole: block.cornerRole ?? 'note',
      headers: [...blockHeaderIds],
    });
  }

  const leaves: LeafColumn[] = [];
  const placeColumns = (
    nodes: readonly ColumnNode[],
    depth: number,
    startCol: number,
    keys: readonly string[],
    idPath: readonly string[],
    ancestorIds: readonly string[],
  ): void => {
    let col = startCol;
    nodes.forEach((node, index) => {
      const span = columnWidth(node);
      const path = [...idPath, segment(node, index)];
      const id = `${prefix}-col-${path.join('-')}`;
      const isGroup = node.children !== undefined && node.children.length > 0;
      const nodeKeys = node.key !== undefined ? [...keys, node.key] : keys;
      cells.push({
        kind: 'column-header',
        id,
        row: headerTop + depth,
        col,
        rowSpan: isGroup ? 1 : headerDepth - depth,
        colSpan: span,
        label: node.label,
        scope: isGroup ? 'colgroup' : 'col',
        headers: [...blockHeaderIds, ...ancestorIds],
      });
      if (isGroup) {
        placeColumns(node.children ?? [], depth + 1, col, nodeKeys, path, [...ancestorIds, id]);
      } else {
        leaves.push({ col, span, keys: nodeKeys, headerIds: [...ancestorIds, id], node });
      }
      col += span;
    });
  };
  placeColumns(block.columns, 0, labelColumns, [], [], []);
  for (let r = 0; r < headerDepth; r++) headRows.push(headerTop + r);
  row = headerTop + headerDepth;

  const sections: { kind: 'head' | 'body'; id: string; rows: number[] }[] = [];
  const bodyGroups: { id: string; rows: number[] }[] = [];

  const placeDataRow = (
    gridRow: number,
    rowKeys: readonly string[],
    rowHeaderIds: readonly string[],
    total: boolean,
  ) => {
    for (const leaf of leaves) {
      const keys = [...rowKeys, ...leaf.keys];
      if (keys.length === 0) throw new LayoutError(`${prefix}: a data cell has no address keys`);
      const address = `${spec.id}.${keys.join('.')}`;
      cells.push({
        kind: 'data',
        id: `${spec.id}-cell-${keys.join('-')}`,
        row: gridRow,
        col: leaf.col,
        rowSpan: 1,
        colSpan: leaf.span,
        headers: [...blockHeaderIds, ...rowHeaderIds, ...leaf.headerIds],
        address,
        value: leaf.node.value ?? 'count',
        ...(leaf.node.unit !== undefined ? { unit: leaf.node.unit } : {}),
        ...(total || leaf.node.total ? { total: true } : {}),
      });
    }
  };

  if (rows.length === 0) {
    placeDataRow(row, [], [], false);
    bodyGroups.push({ id: `${prefix}-body`, rows: [row] });
    row += 1;
  } else {
    const placeRows = (
      nodes: readonly RowNode[],
      depth: number,
      startRow: number,
      keys: readonly string[],
      idPath: readonly string[],
      ancestorIds: readonly string[],
    ): void => {
      let r = startRow;
      nodes.forEach((node, index) => {
        const height = rowHeight(node);
        const path = [...idPath, segment(node, index)];
        const id = `${prefix}-row-${path.join('-')}`;
        const isGroup = node.children !== undefined && node.children.length > 0;
        const nodeKeys = node.key !== undefined ? [...keys, node.key] : keys;
        cells.push({
          kind: 'row-header',
          id,
          row: r,
          col: depth,
          rowSpan: height,
          colSpan: isGroup ? 1 : labelColumns - depth,
          label: node.label,
          scope: isGroup ? 'rowgroup' : 'row',
          headers: [...blockHeaderIds, ...ancestorIds],
        });
        if (isGroup) {
          placeRows(node.children ?? [], depth + 1, r, nodeKeys, path, [...ancestorIds, id]);
        } else {
          placeDataRow(r, nodeKeys, [...ancestorIds, id], node.total === true);
        }
        r += height;
      });
    };
    placeRows(rows, 0, row, [], [], []);
    // One body group per top-level row node when the block has no title (表三); a titled block (表二) is one group.
    if (block.title === undefined) {
      let r = row;
      rows.forEach((node, index) => {
        const height = rowHeight(node);
        bodyGroups.push({
          id: `${prefix}-body-${segment(node, index)}`,
          rows: Array.from({ length: height }, (_, i) => r + i),
        });
        r += height;
      });
    } else {
      const height = rows.reduce((sum, node) => sum + rowHeight(node), 0);
      bodyGroups.push({ id: `${prefix}-body`, rows: Array.from({ length: height }, (_, i) => row + i) });
    }
    row += rows.reduce((sum, node) => sum + rowHeight(node), 0);
  }

  if (block.title !== undefined) {
    // A titled block keeps its title and header rows inside its own body group (HTML allows one <thead>).
    const first = bodyGroups[0];
    if (first) first.rows.unshift(...headRows);
  } else if (headRows.length > 0) {
    sections.push({ kind: 'head', id: `${prefix}-head`, rows: headRows });
  }
  for (const group of bodyGroups) sections.push({ kind: 'body', id: group.id, rows: group.rows });
  return { sections, height: row - top };
}

/**
 * Proves that the placed cells cover the grid exactly once and that ids and addresses are unique.
 * @throws LayoutError on an overlap, a gap, a cell outside the grid, or a duplicate id or address.
 */
export function assertTiling(cells: readonly LayoutCell[], columnCount: number, rowCount: number): void {
  const owner: (string | undefined)[] = new Array(columnCount * rowCount);
  const ids = new Set<string>();
  const addresses = new Set<string>();
  for (const cell of cells) {
    if (ids.has(cell.id)) throw new LayoutError(`duplicate cell id ${cell.id}`);
    ids.add(cell.id);
    if (cell.address !== undefined) {
      if (addresses.has(cell.address)) throw new LayoutError(`duplicate cell address ${cell.address}`);
      addresses.add(cell.address);
    }
    if (cell.rowSpan < 1 || cell.colSpan < 1) throw new LayoutError(`cell ${cell.id} has an empty span`);
    if (
      cell.row < 0 ||
      cell.col < 0 ||
      cell.row + cell.rowSpan > rowCount ||
      cell.col + cell.colSpan > columnCount
    ) {
      throw new LayoutError(`cell ${cell.id} lies outside the ${columnCount}×${rowCount} grid`);
    }
    for (let r = cell.row; r < cell.row + cell.rowSpan; r++) {
      for (let c = cell.col; c < cell.col + cell.colSpan; c++) {
        const at = r * columnCount + c;
        const other = owner[at];
        if (other !== undefined)
          throw new LayoutError(`cells ${other} and ${cell.id} overlap at row ${r}, column ${c}`);
        owner[at] = cell.id;
      }
    }
  }
  for (let at = 0; at < owner.length; at++) {
    if (owner[at] === undefined) {
      throw new LayoutError(
        `grid position row ${Math.floor(at / columnCount)}, column ${at % columnCount} is not covered`,
      );
    }
  }
}

/**
 * Places a table spec on its grid. Pure: the same spec always gives an equal layout.
 * @throws LayoutError when the spec does not tile its grid exactly.
 */
export function layoutTable(spec: TableSpec): TableLayout {
  if (spec.blocks.length === 0) throw new LayoutError(`${spec.id}: a table needs at least one block`);
  const widths = spec.blocks.map((block) => {
    let data = 0;
    for (const column of block.columns) data += columnWidth(column);
    return (block.rows && block.rows.length > 0 ? treeDepth(block.rows) : 0) + data;
  });
  const columnCount = Math.max(...widths);
  const cells: MutableCell[] = [];
  const rawSections: { kind: 'head' | 'body'; id: string; rows: number[] }[] = [];
  let top = 0;
  spec.blocks.forEach((block, index) => {
    const placed = layoutBlock(spec, block, index, top, columnCount, cells);
    rawSections.push(...placed.sections);
    top += placed.height;
  });
  const rowCount = top;
  assertTiling(cells, columnCount, rowCount);

  // Reading order: by row, then by column.
  cells.sort((a, b) => a.row - b.row || a.col - b.col);
  const byRow = new Map<number, LayoutCell[]>();
  for (const cell of cells) {
    const list = byRow.get(cell.row);
    if (list) list.push(cell);
    else byRow.set(cell.row, [cell]);
  }
  const sections: LayoutSection[] = rawSections.map((section) => ({
    kind: section.kind,
    id: section.id,
    rows: section.rows.map((index): LayoutRow => ({ index, cells: byRow.get(index) ?? [] })),
  }));
  const covered = sections.reduce((sum, section) => sum + section.rows.length, 0);
  if (covered !== rowCount) throw new LayoutError(`${spec.id}: sections hold ${covered} rows of ${rowCount}`);

  const dataCells = cells.filter((cell) => cell.kind === 'data');
  const labelColumns = Math.max(
    0,
    ...spec.blocks.map((block) => (block.rows && block.rows.length > 0 ? treeDepth(block.rows) : 0)),
  );
  return {
    id: spec.id,
    caption: spec.caption,
    columnCount,
    rowCount,
    columnWidths: computeColumnWidths(cells, columnCount),
    labelColumns,
    sections,
    dataCells,
    cellsById: new Map(cells.map((cell) => [cell.id, cell])),
    cellsByAddress: new Map(dataCells.map((cell) => [cell.address as string, cell])),
  };
}

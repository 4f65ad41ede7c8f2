import { type CellAddress, cellLabel, type LayoutCell, type TableLayout } from '@nianbao/model';

/** Where the arrow keys lead from a data cell (addresses), as in a spreadsheet. */
export interface Neighbours {
  readonly up?: CellAddress;
  readonly down?: CellAddress;
  readonly left?: CellAddress;
  readonly right?: CellAddress;
}

/** What the components precompute once per layout object: column groups and the data-cell navigation map. */
export interface GridModel {
  /** Grid columns of the row labels and of the data, for the two `<colgroup>`s. */
  readonly labelWidths: readonly number[];
  readonly dataWidths: readonly number[];
  readonly neighbours: ReadonlyMap<CellAddress, Neighbours>;
  /** Each data cell's accessible name (its statutory labels as one phrase), for the data-entry inputs. */
  readonly labels: ReadonlyMap<CellAddress, string>;
}

const cache = new WeakMap<TableLayout, GridModel>();

function covers(cell: LayoutCell, col: number): boolean {
  return cell.col <= col && col < cell.col + cell.colSpan;
}

function buildNeighbours(layout: TableLayout): Map<CellAddress, Neighbours> {
  const cells = layout.dataCells;
  const map = new Map<CellAddress, Neighbours>();
  for (const cell of cells) {
    let up: LayoutCell | undefined;
    let down: LayoutCell | undefined;
    let left: LayoutCell | undefined;
    let right: LayoutCell | undefined;
    for (const other of cells) {
      if (other === cell) continue;
      if (other.row === cell.row) {
        if (other.col < cell.col && (!left || other.col > left.col)) left = other;
        if (other.col > cell.col && (!right || other.col < right.col)) right = other;
      } else if (covers(other, cell.col)) {
        if (other.row < cell.row && (!up || other.row > up.row)) up = other;
        if (other.row > cell.row && (!down || other.row < down.row)) down = other;
      }
    }
    map.set(cell.address as CellAddress, {
      ...(up?.address ? { up: up.address } : {}),
      ...(down?.address ? { down: down.address } : {}),
      ...(left?.address ? { left: left.address } : {}),
      ...(right?.address ? { right: right.address } : {}),
    });
  }
  return map;
}

/**
 * The per-layout model, computed the first time a layout object is drawn and shared by every instance after
 * (layouts are immutable and `statutoryLayout` returns the same object), so typing never re-derives it.
 */
export function gridModel(layout: TableLayout): GridModel {
  const known = cache.get(layout);
  if (known) return known;
  const model: GridModel = {
    labelWidths: layout.columnWidths.slice(0, layout.labelColumns),
    dataWidths: layout.columnWidths.slice(layout.labelColumns),
    neighbours: buildNeighbours(layout),
    labels: new Map(
      layout.dataCells.map((cell) => [cell.address as CellAddress, cellLabel(cell.address as CellAddress)]),
    ),
  };
  cache.set(layout, model);
  return model;
}

/** Reads a tab-separated block as copied from Excel or WPS: rows by line, cells by tab; a final newline is dropped. */
export function parseClipboardBlock(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > 1 && lines.at(-1) === '') lines.pop();
  return lines.map((line) => line.split('\t'));
}

/**
 * The cells a pasted block fills, starting at `origin`: each block row moves one data row down, each cell one data
 * cell right, following the same neighbours as the arrow keys. Values falling off the table are dropped.
 */
export function pasteTargets(
  model: GridModel,
  origin: CellAddress,
  block: readonly (readonly string[])[],
): { address: CellAddress; text: string }[] {
  const targets: { address: CellAddress; text: string }[] = [];
  let rowStart: CellAddress | undefined = origin;
  for (const line of block) {
    if (rowStart === undefined) break;
    let at: CellAddress | undefined = rowStart;
    for (const text of line) {
      if (at === undefined) break;
      targets.push({ address: at, text });
      at = model.neighbours.get(at)?.right;
    }
    rowStart = model.neighbours.get(rowStart)?.down;
  }
  return targets;
}

import { readCell, statutoryLayout, writeCell } from '../tables/cells.js';
import {
  type CellAddress,
  type CellValue,
  type Report,
  T3_APPLICANT_KEYS,
  T3_COLUMN_KEYS,
} from '../types.js';
import { tableStructure } from './arithmetic.js';
import {
  cellIndex,
  cellTable,
  KIND_BAD,
  KIND_NULL,
  KIND_OK,
  newCellValues,
  readCellValues,
} from './cell-values.js';

/*
 * Filling blank totals from their parts. Order matters for the one cell derivable two ways,
 * （七）总计 · 总计: row totals come first (every 总计 of 表三 from its six applicant cells), then the
 * （七）总计 row from the 21 result rows (its 总计 cell from the leaves' 总计 cells, some just derived), then
 * （七）总计 · 总计 once more from its row, whose applicant cells the second pass may have filled.
 * When the data is consistent both ways give the same number; when it is not, the first that applies wins
 * and the arithmetic rules report the conflict.
 */

/**
 * Fills `null` total cells from their parts: 表三 总计 from the six applicant columns (per row), 表三 （七）总计
 * from the 21 result rows (per column), 表四 总计 from the four outcomes. A total is filled only when every
 * part is a finite number; a given number is never overwritten; the input is never changed. Returns the new
 * report (the input itself when nothing was derived) and the derived addresses in cell order.
 */
export function completeTotals(report: Report): { report: Report; derived: CellAddress[] } {
  const values = newCellValues();
  readCellValues(report, values);
  const { value, kind } = values;
  const derivedIndices: number[] = [];
  const s = tableStructure();

  const known = (i: number): boolean => kind[i] === KIND_OK || kind[i] === KIND_BAD;
  const fill = (target: number, parts: readonly number[]): void => {
    if (kind[target] !== KIND_NULL) return;
    let sum = 0;
    for (const part of parts) {
      if (!known(part)) return;
      sum += value[part] as number;
    }
    value[target] = sum;
    kind[target] = KIND_OK;
    derivedIndices.push(target);
  };

  const rowTotal = (row: string): void =>
    fill(
      cellIndex(`${row}.${s.t3TotalColumn}`),
      T3_APPLICANT_KEYS.map((key) => cellIndex(`${row}.${key}`)),
    );
  for (const row of s.t3Rows) rowTotal(row);
  for (const column of T3_COLUMN_KEYS) {
    fill(
      cellIndex(`${s.resultsTotal}.${column}`),
      s.resultLeaves.map((row) => cellIndex(`${row}.${column}`)),
    );
  }
  rowTotal(s.resultsTotal);
  for (const group of s.t4Groups) fill(cellIndex(group.total), group.parts.map(cellIndex));

  if (derivedIndices.length === 0) return { report, derived: [] };
  derivedIndices.sort((a, b) => a - b);
  const { addresses } = cellTable();
  let next = report;
  const derived: CellAddress[] = [];
  for (const i of derivedIndices) {
    const address = addresses[i] as CellAddress;
    next = writeCell(next, address, value[i] as number);
    derived.push(address);
  }
  return { report: next, derived };
}

let totalAddresses: readonly CellAddress[] | undefined;

/** Every total cell of the three tables (a cell the statute defines as the sum of others), in table order. */
export function totalCells(): readonly CellAddress[] {
  totalAddresses ??= (['t2', 't3', 't4'] as const).flatMap((id) =>
    statutoryLayout(id)
      .dataCells.filter((cell) => cell.total && cell.address !== undefined)
      .map((cell) => cell.address as CellAddress),
  );
  return totalAddresses;
}

/**
 * The value every total cell has when computed from the cells it sums, whatever the report says: totals are
 * blanked first so that a total someone typed does not stand in for the sum, then {@link completeTotals} fills them
 * in. The footers' and data entry's 「计算值」.
 */
export function derivedTotals(report: Report): ReadonlyMap<CellAddress, CellValue> {
  let blanked = report;
  for (const address of totalCells()) blanked = writeCell(blanked, address, null);
  const { report: complete } = completeTotals(blanked);
  return new Map(totalCells().map((address) => [address, readCell(complete, address) ?? null]));
}

import { type CellAddress, type CellValue, type Report, readCell, type TableId } from '@nianbao/model';

/**
 * Where a table reads its numbers: a report (or any object holding some of `t2`/`t3`/`t4`), or a function from
 * cell address to value. `undefined` from a function means "no such cell" and is shown blank, like `null`.
 */
export type CellSource = Partial<Pick<Report, TableId>> | ((address: CellAddress) => CellValue | undefined);

/** Reads one cell from a source; a missing path reads as `null` (blank). */
export function lookupCell(source: CellSource | undefined, address: CellAddress): CellValue {
  if (source === undefined) return null;
  if (typeof source === 'function') return source(address) ?? null;
  return readCell(source as Pick<Report, TableId>, address) ?? null;
}

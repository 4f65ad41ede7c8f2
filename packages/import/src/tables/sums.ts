/*
 * The statute's sums, as the readers use them: the model's `tableSums()` (the checker's own instances), turned into
 * checks on a row of values by position (the digit splitter's accept and prune) and on a reading's cells (which
 * reading of several closes the most identities). Nothing here restates which cells add up to which.
 */

import { type CellAddress, type TableSum, tableSums } from '@nianbao/model';
import { type FlatRow, T3_COLUMNS, T3_LEAVES, T4_COLUMNS } from './spec-walks.js';

/** Checks on a row of values whose positions are `cells`: the sums among those cells. */
export interface RowSums {
  /** Whether every sum among the cells closes. */
  readonly accept: (values: readonly number[]) => boolean;
  /** Whether every sum whose cells are all within the prefix closes (the splitter drops a prefix that fails). */
  readonly prune: (values: readonly number[]) => boolean;
}

const total = (positions: readonly number[], values: readonly number[]): number => {
  let sum = 0;
  for (const p of positions) sum += values[p] as number;
  return sum;
};

/** The sums all of whose cells are among `cells`, checked on values given in the order of `cells`. */
export function sumsWithin(cells: readonly CellAddress[]): RowSums {
  const at = new Map(cells.map((cell, i) => [cell, i]));
  const within = tableSums()
    .filter((sum) => [...sum.left, ...sum.right].every((cell) => at.has(cell)))
    .map((sum) => {
      const left = sum.left.map((cell) => at.get(cell) as number);
      const right = sum.right.map((cell) => at.get(cell) as number);
      return { left, right, last: Math.max(...left, ...right) };
    });
  return {
    accept: (values) => within.every((sum) => total(sum.left, values) === total(sum.right, values)),
    prune: (values) =>
      within.every(
        (sum) => sum.last >= values.length || total(sum.left, values) === total(sum.right, values),
      ),
  };
}

/** A 表三 row's sum (the applicant columns add up to 总计), by column position; every 表三 row has the same. */
export const T3_ROW: RowSums = sumsWithin(
  T3_COLUMNS.map((column) => `t3.${(T3_LEAVES[0] as FlatRow).path}.${column}`),
);

/** 表四's group sums (each group's outcomes add up to its 总计), by column position. */
export const T4_ROW: RowSums = sumsWithin(T4_COLUMNS.map((column) => `t4.${column}`));

/** The sums across 表三's rows, per column: 一+二 = 七+四, and the result rows add up to （七）总计. */
export const T3_COLUMN_SUMS: readonly TableSum[] = tableSums().filter(
  (sum) => sum.rule === 't3-balance' || sum.rule === 't3-results-total',
);

/** Whether a sum closes on the values read, `undefined` when a cell of it was not read. */
export function closes(sum: TableSum, values: ReadonlyMap<CellAddress, number>): boolean | undefined {
  let left = 0;
  let right = 0;
  for (const cell of sum.left) {
    const value = values.get(cell);
    if (value === undefined) return undefined;
    left += value;
  }
  for (const cell of sum.right) {
    const value = values.get(cell);
    if (value === undefined) return undefined;
    right += value;
  }
  return left === right;
}

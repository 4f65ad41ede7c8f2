import {
  type CellAddress,
  type CheckOptions,
  completeTotals,
  type Evaluation,
  evaluateReport,
  type Finding,
  type Report,
  readCell,
  statutoryLayout,
  type TableId,
  writeCell,
} from '@nianbao/model';
import { useMemo } from 'react';
import { type CellSource, lookupCell } from './cell-source.js';
import { findingsOf } from './findings-index.js';
import type { CellChange } from './statutory-table.js';

/** What the tables need to show a report's checks while it is being entered. */
export interface ReportChecks {
  /** Every rule instance, passes included (`evaluateReport`): feeds the cross-check footers. */
  readonly evaluations: readonly Evaluation[];
  /** The instances that did not pass: marked in the grid. */
  readonly findings: readonly Finding[];
  /** Each total cell's value computed from the cells it sums (`completeTotals`), whatever the user entered. */
  readonly derived: CellSource;
}

const TABLES: readonly TableId[] = ['t2', 't3', 't4'];

/**
 * The value `completeTotals` derives for every total cell: totals are blanked first so that a total the user
 * typed does not stand in for the sum, then the model fills them in from the cells they add up.
 */
export function derivedTotals(report: Report): CellSource {
  let blanked = report;
  const totals: CellAddress[] = [];
  for (const id of TABLES) {
    for (const cell of statutoryLayout(id).dataCells) {
      if (!cell.total || cell.address === undefined) continue;
      totals.push(cell.address);
      blanked = writeCell(blanked, cell.address, null);
    }
  }
  const { report: complete } = completeTotals(blanked);
  const values = new Map(totals.map((address) => [address, readCell(complete, address) ?? null]));
  return (address) => values.get(address);
}

let totalAddresses: CellAddress[] | undefined;
function totalCells(): CellAddress[] {
  totalAddresses ??= TABLES.flatMap((id) =>
    statutoryLayout(id)
      .dataCells.filter((cell) => cell.total && cell.address !== undefined)
      .map((cell) => cell.address as CellAddress),
  );
  return totalAddresses;
}

/**
 * Data entry's one write: applies `changes` and keeps every total that follows its parts following them. A total
 * follows while it is blank or equal to what its parts add up to (the blank template's 0s do); the user overrides
 * it by entering a different number, and it then stays as entered until set back (the table's 「改用计算值」 button
 * writes the computed value). Wire `onChange`/`onChangeMany` to it, and totals compute as leaves are typed or
 * pasted. Never changes its input.
 */
export function enterCells(report: Report, changes: readonly CellChange[]): Report {
  if (changes.length === 0) return report;
  const before = derivedTotals(report);
  const following = totalCells().filter((address) => {
    const value = readCell(report, address) ?? null;
    return value === null || value === (lookupCell(before, address) ?? null);
  });
  let next = report;
  for (const change of changes) next = writeCell(next, change.address, change.value);
  const entered = new Set(changes.map((change) => change.address));
  const after = derivedTotals(next);
  for (const address of following) {
    if (entered.has(address)) continue;
    const value = lookupCell(after, address) ?? null;
    if ((readCell(next, address) ?? null) !== value) next = writeCell(next, address, value);
  }
  return next;
}

/** Evaluations, findings and derived totals of a report, computed in one pass. */
export function reportChecks(report: Report, options?: CheckOptions): ReportChecks {
  const evaluations = evaluateReport(report, options);
  return { evaluations, findings: findingsOf(undefined, evaluations), derived: derivedTotals(report) };
}

/**
 * `reportChecks` memoised on the report object (and the previous year's report), for data entry: re-evaluated
 * once per change, so the cross-check footers follow the user's typing.
 */
export function useReportChecks(report: Report, options?: CheckOptions): ReportChecks {
  const previous = options?.previous;
  return useMemo(() => reportChecks(report, previous ? { previous } : undefined), [report, previous]);
}

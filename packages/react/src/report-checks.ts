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
import type { CellSource } from './cell-source.js';
import { findingsOf } from './findings-index.js';

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

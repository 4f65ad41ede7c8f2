import {
  type CheckOptions,
  type Evaluation,
  evaluateReport,
  type Finding,
  derivedTotals as modelDerivedTotals,
  type Report,
  readCell,
  totalCells,
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

/** The model's {@link modelDerivedTotals} as a cell source the tables read. */
export function derivedTotals(report: Report): CellSource {
  const values = modelDerivedTotals(report);
  return (address) => values.get(address);
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

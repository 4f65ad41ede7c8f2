import type { CellAddress, CellValue, Report, TableId } from '@nianbao/model';
import {
  ApplicationsTable,
  type CellChange,
  enterCells,
  type Locale,
  ProactiveDisclosureTable,
  ReviewLitigationTable,
  useReportChecks,
} from '@nianbao/react';
import { type ReactElement, useState } from 'react';

/** Props of `<DataEntry>`. */
export interface DataEntryProps {
  /** Which statutory table to enter. */
  table: TableId;
  /** The report the form starts from (a fixture). */
  initial: Report;
  /** Last year's report, for the cross-year checks. */
  previous?: Report;
  /** Interface language. */
  locale?: Locale;
}

/**
 * A statutory table as a data-entry form, wired the way a portal wires it: the report in state, `enterCells` on
 * every change (totals that follow their parts are recomputed), and `useReportChecks` re-evaluating so the footer
 * follows the typing.
 */
export function DataEntry({ table, initial, previous, locale = 'zh' }: DataEntryProps): ReactElement {
  const [report, setReport] = useState(initial);
  const checks = useReportChecks(report, previous ? { previous } : undefined);
  const common = {
    editable: true,
    locale,
    evaluations: checks.evaluations,
    findings: checks.findings,
    derived: checks.derived,
    onChange: (address: CellAddress, value: CellValue) =>
      setReport((r) => enterCells(r, [{ address, value }])),
    onChangeMany: (changes: readonly CellChange[]) => setReport((r) => enterCells(r, changes)),
  };
  if (table === 't2') return <ProactiveDisclosureTable t2={report.t2} {...common} />;
  if (table === 't3') return <ApplicationsTable t3={report.t3} {...common} />;
  return <ReviewLitigationTable t4={report.t4} {...common} />;
}

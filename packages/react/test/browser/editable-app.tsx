import type { Report } from '@nianbao/model';
import { blankReport } from '@nianbao/model/fixtures';
import { type ReactElement, useEffect, useState } from 'react';
import {
  ApplicationsTable,
  enterCells,
  NbScope,
  ProactiveDisclosureTable,
  ReviewLitigationTable,
  useReportChecks,
} from '../../src/index.js';

/** A data-entry page as a portal would build it: one report in state, the three tables editable, checks live. */
export function EditableApp({ initial }: { initial?: Report }): ReactElement {
  const [report, setReport] = useState<Report>(() => initial ?? blankReport());
  const checks = useReportChecks(report);
  useEffect(() => {
    (window as unknown as { __report: Report }).__report = report;
  }, [report]);
  const common = {
    editable: true,
    evaluations: checks.evaluations,
    findings: checks.findings,
    derived: checks.derived,
    onChange: (address: string, value: number | null) =>
      setReport((r) => enterCells(r, [{ address, value }])),
  };
  return (
    <div className="nb-report">
      <h1>数据填报</h1>
      <NbScope>
        <ProactiveDisclosureTable t2={report.t2} {...common} />
        <ApplicationsTable t3={report.t3} {...common} />
        <ReviewLitigationTable t4={report.t4} {...common} />
      </NbScope>
    </div>
  );
}

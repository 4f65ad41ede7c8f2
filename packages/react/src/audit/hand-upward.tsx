import type { CellAddress, RegionAudit, UnitCoverage } from '@nianbao/model';
import { cellName, readCell } from '@nianbao/model';
import type { ReactElement } from 'react';
import { drillId } from './page.js';

/*
 * What the region must hand upward, first on the dashboard: who of the office's unit list (`--expected`) has not
 * reported, who is late, which files match no unit, and the office's own (本级) figures beside the others' total
 * and the region's. Everything is read from the audit document (`RegionAudit.expected`, `.own`); nothing is judged
 * here. Drawn on the server with the rest of the page's static part, readable without the script.
 */

/** The figures shown for 本级 against the rest: the statute's totals of 表三 and 表四, named as staff say them. */
const KEY_CELLS: readonly CellAddress[] = [
  't3.received.total',
  't3.carriedOver.total',
  't3.results.total.total',
  't3.carriedForward.total',
  't4.review.total',
  't4.litigationDirect.total',
  't4.litigationAfterReview.total',
];

const UNIT_STATUS: Readonly<Record<UnitCoverage['status'], string>> = {
  'on-time': '按期 On time',
  late: '逾期 Late',
  'no-date': '无发布日期 No date',
  missing: '未报送 Missing',
};

/** Up to this many reports matching no unit are listed open; more are folded (a list from another year, say). */
const UNMATCHED_OPEN = 10;

function show(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : String(value);
}

function UnitName({
  unit,
  drill,
}: {
  unit: UnitCoverage;
  drill: ReadonlyMap<string, number>;
}): ReactElement | string {
  const index = unit.files.length > 0 ? drill.get(unit.files[0] as string) : undefined;
  return index === undefined ? unit.name : <a href={`#${drillId(index)}`}>{unit.name}</a>;
}

function Coverage({ audit }: { audit: RegionAudit }): ReactElement | null {
  const expected = audit.expected;
  if (!expected) return null;
  const drill = new Map(audit.reports.map((report, index) => [report.file, index]));
  const { summary } = expected;
  const stats: [string, number, string][] = [
    ['应报 Expected', summary.expected, 'all'],
    ['已报 Reported', summary.reported, 'pass'],
    ['未报 Missing', summary.missing, 'error'],
    ['逾期 Late', summary.late, 'error'],
    ['无发布日期 No date', summary.noDate, 'warning'],
    ['不在名单 Not in the list', summary.unmatched, 'warning'],
  ];
  // Missing and late first: they are what the office must chase; then undated, then on time.
  const order: Readonly<Record<UnitCoverage['status'], number>> = {
    missing: 0,
    late: 1,
    'no-date': 2,
    'on-time': 3,
  };
  const units = [...expected.units].sort((a, b) => order[a.status] - order[b.status] || a.line - b.line);
  const open = units.filter((unit) => unit.status !== 'on-time');
  return (
    <>
      <dl className="nb-dash-stats">
        {stats.map(([label, value, key]) => (
          <div key={label} className={`nb-dash-stat nb-dash-stat--${value > 0 ? key : 'all'}`}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {open.length > 0 && (
        <table className="nb-dash-handup">
          <caption>未报、逾期与无发布日期的单位 Units missing, late or without a date</caption>
          <thead>
            <tr>
              <th scope="col">单位 Unit</th>
              <th scope="col">代码 Code</th>
              <th scope="col">层级 Level</th>
              <th scope="col">状态 Status</th>
              <th scope="col">期限 Deadline</th>
              <th scope="col">发布日期 Published</th>
              <th scope="col">逾期天数 Days late</th>
            </tr>
          </thead>
          <tbody>
            {open.map((unit) => (
              <tr key={unit.line} className={`nb-dash-unit nb-dash-unit--${unit.status}`}>
                <th scope="row">
                  <UnitName unit={unit} drill={drill} />
                </th>
                <td>{unit.code ?? '—'}</td>
                <td>{unit.level ?? '—'}</td>
                <td>
                  {UNIT_STATUS[unit.status]}
                  {unit.status === 'missing' && unit.overdue ? '（已过期限 past the deadline）' : ''}
                </td>
                <td>{unit.deadline ?? '—'}</td>
                <td>{unit.publishedAt ?? '—'}</td>
                <td>{show(unit.daysLate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {expected.unmatched.length > 0 && (
        <details open={expected.unmatched.length <= UNMATCHED_OPEN}>
          <summary>{`不在名单中的报告 ${expected.unmatched.length} 份 Reports matching no unit: ${expected.unmatched.length}`}</summary>
          <ul>
            {expected.unmatched.map((file) => {
              const index = drill.get(file.file);
              return (
                <li key={file.file}>
                  {index === undefined ? file.agency : <a href={`#${drillId(index)}`}>{file.agency}</a>}（
                  <code>{file.file}</code>）
                </li>
              );
            })}
          </ul>
        </details>
      )}
    </>
  );
}

function Own({ audit }: { audit: RegionAudit }): ReactElement | null {
  const own = audit.own;
  if (!own) return null;
  if (!own.report || !own.others) {
    return <p>{`本级报告“${own.given}”未找到 The own report “${own.given}” was not found`}</p>;
  }
  const columns = [
    { title: `本级 Own：${own.agency ?? ''}`, report: own.report },
    { title: '其余合计 Others summed', report: own.others.report },
    { title: '本行政区域汇总 Region total', report: audit.rollUp.report },
  ];
  return (
    <table className="nb-dash-handup">
      <caption>
        {`本级与本行政区域汇总 Own figures and the region’s total（本级按${own.identifiedBy === 'option' ? ' --own' : '名单中的本级标记 the unit list’s own mark'}：${own.file ?? ''}）`}
      </caption>
      <thead>
        <tr>
          <th scope="col">项目 Figure</th>
          {columns.map((column) => (
            <th key={column.title} scope="col">
              {column.title}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {KEY_CELLS.map((address) => (
          <tr key={address}>
            <th scope="row">{cellName(address)}</th>
            {columns.map((column) => (
              <td key={column.title}>{show(readCell(column.report, address))}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The dashboard's first section, when the audit has a unit list or an own report: who has not reported, who is
 * late, the files matching no unit, and 本级 beside the others' total and the region's. Nothing without either.
 */
export function HandUpwardSection({ audit }: { audit: RegionAudit }): ReactElement | null {
  if (!audit.expected && !audit.own) return null;
  return (
    <section id="nb-dash-expected" aria-labelledby="nb-dash-expected-h">
      <h2 id="nb-dash-expected-h">报送情况 Who has reported</h2>
      <Coverage audit={audit} />
      <Own audit={audit} />
    </section>
  );
}

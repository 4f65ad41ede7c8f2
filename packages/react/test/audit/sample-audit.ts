import type { AuditInput, AuditNote, RegionAudit, Report } from '@nianbao/model';
import { buildRegionAudit, checkReport } from '@nianbao/model';
import { busyPreviousReport, busyReport, failingFixtures, seedReport } from '@nianbao/model/fixtures';

/*
 * A region for the dashboard's tests, assembled from the model's fixtures: a clean busy report, the seed, each
 * failing fixture (one planted problem each) under an agency name of its own, an input that could not be read,
 * and, for year over year, last year's busy report plus one broken carry-over.
 */

function renamed(report: Report, agency: string): Report {
  return {
    ...report,
    meta: { ...report.meta, agency, title: `${agency}${report.meta.year}年政府信息公开工作年度报告` },
  };
}

const NOTE: AuditNote = {
  code: 'row-inferred',
  severity: 'warning',
  cells: ['t3.results.other.other.total'],
  message: { zh: '（六）其他处理 3.其他 一行按行序推断', en: 'row inferred by its order' },
  line: 42,
};

/** An import input for a report (checked here; `notes` as the importer would give them). */
export function inputOf(file: string, report: Report, notes: AuditNote[] = []): AuditInput {
  return {
    file,
    ok: true,
    report,
    findings: checkReport(report),
    notes,
    confidence: { read: 190 + (notes.length > 0 ? 0 : 10), inferred: notes.length > 0 ? 10 : 0, missing: 0 },
    format: '2021',
    layouts: 't2=html t3=html t4=html',
  };
}

/** The planted region: which agency has which problem. */
export function sampleInputs(): { current: AuditInput[]; previous: AuditInput[] } {
  const broken = {
    ...busyReport,
    t3: { ...busyReport.t3, carriedOver: { ...busyReport.t3.carriedOver, naturalPerson: 99 } },
  };
  const current: AuditInput[] = [
    inputOf('2024/busy.html', busyReport),
    inputOf('2024/seed.txt', seedReport, [NOTE]),
    inputOf('2024/某县人民政府.html', renamed(broken, '某县人民政府')),
    ...failingFixtures
      .filter((fixture) => !fixture.previous)
      .map((fixture, index) =>
        inputOf(`2024/f${index}-${fixture.rule}.json`, renamed(fixture.report, `${fixture.rule} 局`)),
      ),
    {
      file: '2024/scan.pdf',
      ok: false,
      reasons: [{ zh: 'PDF 中没有文字层', en: 'the PDF has no text layer' }],
    },
  ];
  const previous: AuditInput[] = [
    inputOf('2023/busy.html', busyPreviousReport),
    inputOf('2023/某县政府.html', renamed(busyPreviousReport, '某县 政府')),
    inputOf('2023/已撤销局.html', renamed(busyPreviousReport, '已撤销局')),
  ];
  return { current, previous };
}

/** The planted region as an audit, with last year's when `previous` is set. */
export function sampleAudit(previous = false): RegionAudit {
  const inputs = sampleInputs();
  return buildRegionAudit(inputs.current, previous ? { previous: inputs.previous } : {});
}

/** `count` reports (copies of the busy and failing fixtures under distinct names), for the large-region test. */
export function largeAudit(count: number): RegionAudit {
  const sources = [busyReport, ...failingFixtures.filter((f) => !f.previous).map((f) => f.report)];
  const inputs = Array.from({ length: count }, (_, index) =>
    inputOf(`r/${index}.json`, renamed(sources[index % sources.length] as Report, `第${index}号单位`)),
  );
  return buildRegionAudit(inputs);
}

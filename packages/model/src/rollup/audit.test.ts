import { describe, expect, it } from 'vitest';
import { checkReport } from '../checks/check.js';
import { busyPreviousReport, busyReport, failingFixtures } from '../fixtures/index.js';
import { writeCell } from '../tables/cells.js';
import type { Report } from '../types.js';
import { AUDIT_FORMAT, type AuditInput, buildRegionAudit } from './audit.js';

function input(
  file: string,
  report: Report,
  notes: Extract<AuditInput, { ok: true }>['notes'] = [],
): AuditInput {
  return {
    file,
    ok: true,
    report,
    findings: checkReport(report),
    notes,
    confidence: { read: 200, inferred: 0, missing: 0 },
    format: '2021',
    layouts: 't2=html t3=html t4=html',
  };
}

const unreadable: AuditInput = {
  file: 'x.pdf',
  ok: false,
  reasons: [{ zh: '文件为空', en: 'the file is empty' }],
};

describe('buildRegionAudit', () => {
  it('counts statuses, failing rules and deadlines, and rolls up the reports it read', () => {
    const broken = writeCell(busyReport, 't4.review.total', 999);
    const audit = buildRegionAudit([input('a.html', busyReport), input('b.html', broken), unreadable]);
    expect(audit.format).toBe(AUDIT_FORMAT);
    expect(audit.summary).toMatchObject({ files: 3, imported: 2, unreadable: 1, pass: 1, withErrors: 1 });
    // The broken total fails its sum, and the narrative that quotes 10 reviews now disagrees with the table.
    expect(audit.summary.byRule.map((r) => [r.rule, r.reports])).toEqual([
      ['t4-group-total', 1],
      ['narrative-review-litigation', 1],
    ]);
    expect(audit.reports.map((r) => r.status)).toEqual(['pass', 'error', 'unreadable']);
    expect(audit.reports[0]?.scorecard?.agency).toBe(busyReport.meta.agency);
    expect(audit.reports[0]?.onTime).toBe('pass');
    expect(audit.summary.deadline).toEqual({ onTime: 2, late: 0, unknown: 0 });
    expect(audit.rollUp.members.map((m) => m.file)).toEqual(['a.html', 'b.html']);
    expect(audit.rollUp.unreadable).toEqual([
      { file: 'x.pdf', reasons: unreadable.ok ? [] : unreadable.reasons },
    ]);
    expect(audit.previous).toBeUndefined();
  });

  it('a warning reading note makes a passing report a warning one', () => {
    const note = {
      code: 'row-inferred',
      severity: 'warning' as const,
      cells: [],
      message: { zh: '推断', en: 'inferred' },
    };
    const audit = buildRegionAudit([input('a.html', busyReport, [note])]);
    expect(audit.reports[0]).toMatchObject({ status: 'warning', warnings: 1 });
  });

  it('with last year’s inputs, compares the years and scores with last year’s report of the same body', () => {
    const audit = buildRegionAudit([input('2024/a.html', busyReport)], {
      previous: [input('2023/a.html', busyPreviousReport)],
    });
    expect(audit.reports[0]?.previousFile).toBe('2023/a.html');
    const followUp = audit.reports[0]?.scorecard?.indicators.find((i) => i.id === 'previous-followed-up');
    expect(followUp?.status).not.toBe('not-applicable');
    expect(audit.previous?.comparison.agencies[0]?.carryover.status).toBe('pass');
    expect(audit.previous?.rollUp.members).toHaveLength(1);
  });

  it('every planted problem of the failing fixtures shows under its own rule', () => {
    const planted = failingFixtures.filter((f) => !f.previous);
    const audit = buildRegionAudit(planted.map((f, i) => input(`${i}.json`, f.report)));
    const failed = new Set(audit.summary.byRule.map((r) => r.rule));
    for (const fixture of planted) {
      const severity = checkReport(fixture.report).find((f) => f.rule === fixture.rule)?.severity;
      if (severity !== 'info') expect(failed.has(fixture.rule)).toBe(true);
    }
  });
});

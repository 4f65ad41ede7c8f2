import { describe, expect, it } from 'vitest';
import { checkReport, evaluateReport, findingsFrom } from '../checks/check.js';
import { busyPreviousReport, busyReport, failingFixtures } from '../fixtures/index.js';
import { SCORED_RULES } from '../score/score.js';
import type { Report } from '../types.js';
import { type AuditInput, buildRegionAudit } from './audit.js';

/*
 * An audit whose inputs carry their evaluation (one `evaluateReport` per report, findings taken from it) is the same
 * document as one whose scorecards evaluate the reports themselves: sharing is a saving, never a difference.
 */

function input(file: string, report: Report, shared: boolean | 'scored'): AuditInput {
  const evaluations =
    shared === 'scored'
      ? evaluateReport(report, { passes: SCORED_RULES })
      : shared
        ? evaluateReport(report)
        : undefined;
  return {
    file,
    ok: true,
    report,
    findings: evaluations ? findingsFrom(evaluations) : checkReport(report),
    ...(evaluations ? { evaluations } : {}),
    notes: [],
    confidence: { read: 200, inferred: 0, missing: 0 },
    format: '2021',
    layouts: '',
  };
}

const region: [string, Report][] = [
  ['busy.json', busyReport],
  ...failingFixtures.map((fixture, index): [string, Report] => [`f${index}.json`, fixture.report]),
];

describe('buildRegionAudit with shared evaluations', () => {
  it('writes the same audit as without them, and never writes them', () => {
    const shared = buildRegionAudit(region.map(([file, report]) => input(file, report, true)));
    const own = buildRegionAudit(region.map(([file, report]) => input(file, report, false)));
    expect(shared).toEqual(own);
    expect(buildRegionAudit(region.map(([file, report]) => input(file, report, 'scored')))).toEqual(own);
    expect(JSON.stringify(shared)).not.toContain('"evaluations"');
  });

  it('with last year’s reports the scorecard evaluates the cross-year rules itself', () => {
    const previous = [input('2023/busy.json', busyPreviousReport, false)];
    const shared = buildRegionAudit([input('busy.json', busyReport, true)], { previous });
    const own = buildRegionAudit([input('busy.json', busyReport, false)], { previous });
    expect(shared.reports[0]?.previousFile).toBe('2023/busy.json');
    expect(shared).toEqual(own);
  });
});

import { describe, expect, it } from 'vitest';
import { checkReport } from '../checks/check.js';
import { busyPreviousReport, busyReport, failingFixtures } from '../fixtures/index.js';
import { parseReport } from '../schema/parse.js';
import type { Report } from '../types.js';
import { type AuditInput, buildRegionAudit } from './audit.js';
import { auditJsonSchema, isRegionAudit } from './audit-schema.js';
import { parseUnitList } from './units.js';

const units = parseUnitList(
  new TextEncoder().encode('名称,代码,本级\n某市自然资源和规划局,1,是\n某市教育局,2,\n'),
);
if (!units.ok) throw new Error('unit list');

function input(file: string, report: Report): AuditInput {
  return {
    file,
    ok: true,
    report,
    findings: checkReport(report),
    notes: [
      {
        code: 'row-inferred',
        severity: 'warning',
        cells: [],
        message: { zh: '推断', en: 'inferred' },
        line: 3,
      },
    ],
    confidence: { read: 190, inferred: 10, missing: 0 },
    format: '2021',
    layouts: 't3=pdf',
  };
}

const audit = buildRegionAudit(
  [
    input('a', busyReport),
    // What the importer gives is always valid Report JSON; fixtures with values it never writes (-1, 0.5) are not.
    ...failingFixtures
      .filter((f) => !f.previous && parseReport(f.report).ok)
      .map((f, i) => input(`f${i}`, f.report)),
    { file: 'x', ok: false, reasons: [{ zh: '空', en: 'empty' }] },
  ],
  { previous: [input('p', busyPreviousReport)], expected: units.units },
);

describe('the audit document schema', () => {
  it('accepts what buildRegionAudit writes, after a JSON round trip', () => {
    expect(audit.expected?.summary.missing).toBe(1);
    expect(audit.own?.file).toBe('a');
    expect(audit.reports.some((report) => report.notice)).toBe(true);
    expect(isRegionAudit(JSON.parse(JSON.stringify(audit)))).toBe(true);
  });

  it('rejects a document of another shape', () => {
    const copy = JSON.parse(JSON.stringify(audit)) as Record<string, unknown>;
    expect(isRegionAudit({ ...copy, format: 'nianbao-audit/2' })).toBe(false);
    expect(isRegionAudit({ ...copy, reports: [{ file: 'a' }] })).toBe(false);
    const { rollUp: _gone, ...noRollUp } = copy;
    expect(isRegionAudit(noRollUp)).toBe(false);
    expect(isRegionAudit({ ...copy, expected: { units: [{ name: 'x' }] } })).toBe(false);
  });

  it('is a draft 2020-12 JSON Schema with its heading, and plain JSON', () => {
    const schema = auditJsonSchema();
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe('urn:nianbao:audit:v1');
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
    const properties = schema.properties as Record<string, unknown>;
    expect(Object.keys(properties)).toEqual([
      'format',
      'summary',
      'reports',
      'rollUp',
      'previous',
      'expected',
      'own',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { checkReport } from '../checks/check.js';
import { busyReport } from '../fixtures/index.js';
import { writeCell } from '../tables/cells.js';
import type { Report, ReportMeta } from '../types.js';
import { type AuditInput, buildRegionAudit } from './audit.js';
import { type RectificationNotice, rectificationMarkdown, rectificationNotice } from './rectification.js';
import { rollUpReports } from './rollup.js';
import { parseUnitList } from './units.js';

function input(file: string, report: Report): AuditInput {
  return {
    file,
    ok: true,
    report,
    findings: checkReport(report),
    notes: [],
    confidence: { read: 200, inferred: 0, missing: 0 },
    format: '2021',
    layouts: 't3=html',
  };
}

const withMeta = (meta: Partial<ReportMeta>): Report => ({
  ...busyReport,
  meta: { ...busyReport.meta, ...meta },
});

const list = parseUnitList(
  new TextEncoder().encode(
    '名称,类型,本级\n平潭县人民政府,人民政府,是\n平潭县教育局,部门,\n平潭县财政局,部门,\n平潭县卫健局,部门,\n',
  ),
);
if (!list.ok) throw new Error('unit list');

describe('buildRegionAudit with a unit list', () => {
  const own = withMeta({ agency: '平潭县 政府', kind: 'government', publishedAt: '2025-03-31' });
  const late = withMeta({ agency: '平潭县教育局', publishedAt: '2025-02-10' });
  const undated = withMeta({ agency: '平潭县财政局', publishedAt: undefined });
  const stranger = withMeta({ agency: '平潭县人民政府办公室', publishedAt: '2025-01-10' });
  const audit = buildRegionAudit(
    [input('gov.html', own), input('edu.pdf', late), input('fin.docx', undated), input('x.html', stranger)],
    { expected: list.units, today: '2025-04-02' },
  );

  it('says who is missing, late, undated or on time, matching names as the year-over-year comparison does', () => {
    expect(audit.expected?.units.map((u) => [u.name, u.status, u.files, u.deadline])).toEqual([
      ['平潭县人民政府', 'on-time', ['gov.html'], '2025-03-31'],
      ['平潭县教育局', 'late', ['edu.pdf'], '2025-01-31'],
      ['平潭县财政局', 'no-date', ['fin.docx'], '2025-01-31'],
      ['平潭县卫健局', 'missing', [], '2025-01-31'],
    ]);
    expect(audit.expected?.units[1]?.daysLate).toBe(10);
    expect(audit.expected?.units[3]?.overdue).toBe(true);
    expect(audit.expected?.unmatched).toEqual([{ file: 'x.html', agency: '平潭县人民政府办公室' }]);
    expect(audit.expected?.summary).toEqual({
      expected: 4,
      reported: 3,
      missing: 1,
      onTime: 1,
      late: 1,
      noDate: 1,
      unmatched: 1,
    });
  });

  it('matches a report by an alias of its unit', () => {
    const aliased = parseUnitList(new TextEncoder().encode('名称,别名\n上海市科学技术委员会,上海市科委\n'));
    if (!aliased.ok) throw new Error('unit list');
    const kewei = withMeta({ agency: '上海市科委', publishedAt: '2025-01-10' });
    const result = buildRegionAudit([input('k.pdf', kewei)], { expected: aliased.units });
    expect(result.expected?.units.map((u) => [u.name, u.status, u.files])).toEqual([
      ['上海市科学技术委员会', 'on-time', ['k.pdf']],
    ]);
    expect(result.expected?.unmatched).toEqual([]);
  });

  it('takes the rulepack’s deadlines', () => {
    const relaxed = buildRegionAudit([input('edu.pdf', late)], {
      expected: list.units,
      rulepack: { rulepack: 1, name: 'late', deadlines: { department: '02-15' } },
    });
    expect(relaxed.expected?.units[1]?.status).toBe('on-time');
    expect(relaxed.expected?.units[3]?.overdue).toBeNull();
  });

  it('keeps the unit marked 本级 apart from the others, and the region total whole', () => {
    expect(audit.own).toMatchObject({ identifiedBy: 'units', given: '平潭县人民政府', file: 'gov.html' });
    const others = rollUpReports([late, undated, stranger]);
    expect(audit.own?.others?.report.t3).toEqual(others.report.t3);
    expect(audit.own?.others?.members.map((m) => m.file)).toEqual(['edu.pdf', 'fin.docx', 'x.html']);
    expect(audit.rollUp.members).toHaveLength(4);
  });

  it('finds --own by file, last path segment or agency, and says when it matches nothing', () => {
    const inputs = [input('dir/gov.html', own), input('dir/edu.pdf', late)];
    expect(buildRegionAudit(inputs, { own: 'dir/edu.pdf' }).own?.agency).toBe('平潭县教育局');
    expect(buildRegionAudit(inputs, { own: 'edu.pdf' }).own?.file).toBe('dir/edu.pdf');
    expect(buildRegionAudit(inputs, { own: '平潭县人民政府' }).own?.file).toBe('dir/gov.html');
    expect(buildRegionAudit(inputs, { own: 'nobody' }).own).toEqual({
      identifiedBy: 'option',
      given: 'nobody',
    });
  });
});

describe('rectificationNotice', () => {
  it('lists errors before warnings, one item per rule, cells deduplicated and named', () => {
    const broken = writeCell(
      writeCell(busyReport, 't4.review.total', 999),
      't3.received.naturalPerson',
      null,
    );
    const notice = rectificationNotice(checkReport(broken), { agency: 'A', file: 'a.html' });
    const rules = notice.items.map((item) => item.rule);
    expect(new Set(rules).size).toBe(rules.length);
    const severities = notice.items.map((item) => item.severity);
    expect(severities).toEqual([...severities].sort((a, b) => (a === b ? 0 : a === 'error' ? -1 : 1)));
    const t4 = notice.items.find((item) => item.rule === 't4-group-total');
    expect(t4?.instruction.zh).toContain('表四');
    expect(t4?.instruction.zh).toContain('行政复议');
    expect(t4?.details[0]?.zh).toContain('999');
    expect(t4?.instruction.zh.startsWith(t4?.action.zh ?? '?')).toBe(true);
    expect(t4?.action.zh).not.toContain('涉及');
    const blank = notice.items.find((item) => item.rule === 'cell-blank');
    expect(blank?.cells).toEqual(['t3.received.naturalPerson']);
    expect(blank?.instruction.zh).toContain('一、本年新收政府信息公开申请数量 · 自然人');
  });

  it('asks for a readable file when there is none, and writes markdown in one language or both', () => {
    const notice = rectificationNotice([], {
      agency: '',
      file: 'b.pdf',
      reasons: [{ zh: '空', en: 'empty' }],
    });
    expect(notice.items.map((item) => [item.rule, item.severity])).toEqual([['unreadable', 'error']]);
    const zh = rectificationMarkdown(notice, 'zh');
    expect(zh).toContain('# 整改通知：b.pdf');
    expect(zh).toContain('1. [错误] 报送的文件无法读取');
    expect(zh).not.toContain('cannot be read');
    expect(rectificationMarkdown(notice)).toContain('cannot be read');
  });

  it('tells a report late by the unit list’s kind that it is late, even when it passes its own checks', () => {
    const units = parseUnitList(new TextEncoder().encode('名称,类型\n某市自然资源和规划局,部门\n'));
    if (!units.ok) throw new Error('units');
    const government = withMeta({ kind: 'government', publishedAt: '2025-03-01' });
    const audit = buildRegionAudit([input('a', government)], { expected: units.units });
    expect(audit.reports[0]?.status).toBe('pass');
    expect(audit.reports[0]?.notice?.items.map((item) => item.rule)).toEqual(['deadline']);
    expect(audit.reports[0]?.notice?.items[0]?.details[0]?.zh).toBe(
      '发布日期 2025-03-01，期限 2025-01-31（按应报单位名单的单位类型），逾期 29 天',
    );
    expect(rectificationMarkdown(audit.reports[0]?.notice as RectificationNotice)).toContain(
      '# 整改通知 Rectification notice：某市自然资源和规划局',
    );
  });

  it('is attached to every report of the audit that does not pass', () => {
    const broken = writeCell(busyReport, 't4.review.total', 999);
    const audit = buildRegionAudit([input('a', busyReport), input('b', broken)]);
    expect(audit.reports.map((r) => [r.status, (r.notice?.items.length ?? 0) > 0])).toEqual([
      ['pass', false],
      ['error', true],
    ]);
  });
});

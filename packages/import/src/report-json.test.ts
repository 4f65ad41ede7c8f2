import { checkReport, parseReportJson, statutoryCells } from '@nianbao/model';
import { blankReport, busyReport, seedReport } from '@nianbao/model/fixtures';
import { describe, expect, it } from 'vitest';
import { importDocument, importReport } from './import-report.js';

describe('Report JSON as input', () => {
  it('reads a report kept as data exactly as validate reads it: every cell as given, nothing inferred', () => {
    for (const report of [seedReport, busyReport, blankReport()]) {
      const text = JSON.stringify(report, null, 2);
      const result = importReport(text);
      expect(result.ok).toBe(true);
      if (!result.ok) continue;
      const parsed = parseReportJson(text);
      expect(parsed.ok && result.report).toEqual(parsed.ok && parsed.report);
      expect(result.findings).toEqual(checkReport(result.report));
      expect(result.confidence.inferred).toEqual([]);
      expect(result.confidence.read.length + result.confidence.missing.length).toBe(statutoryCells().length);
      expect(result.notes.map((note) => note.code)).toEqual(['input-format']);
    }
    // A blank cell (null) is missing, a 0 is read: the two never merge.
    const gaps = structuredClone(seedReport) as unknown as { t3: { received: { naturalPerson: unknown } } };
    gaps.t3.received.naturalPerson = null;
    const withGap = importReport(JSON.stringify(gaps));
    expect(withGap.ok && withGap.confidence.missing).toEqual(['t3.received.naturalPerson']);
  });

  it('takes the bytes of a .json file (UTF-8, with or without a BOM) and says which encoding was read', async () => {
    const bytes = new TextEncoder().encode(`\uFEFF${JSON.stringify(seedReport)}`);
    const result = await importDocument(bytes);
    expect(result.ok).toBe(true);
    expect(result.notes.map((note) => note.code)).toEqual(['input-encoding', 'input-format']);
  });

  it('refuses invalid Report JSON with the validator’s first located problem and the count of the rest', () => {
    const broken = structuredClone(seedReport) as unknown as { t3: { received: { naturalPerson: unknown } } };
    broken.t3.received.naturalPerson = -3;
    const result = importReport(JSON.stringify(broken));
    expect(result.ok).toBe(false);
    const [note] = result.notes;
    expect(note?.code).toBe('report-invalid');
    expect(note?.message.en).toContain('t3.received.naturalPerson');
    expect(note?.message.zh).toContain('报告 JSON 无效');

    const syntax = importReport('{ "formatVersion": "2021", ');
    expect(syntax.ok).toBe(false);
    expect(syntax.notes[0]?.code).toBe('report-invalid');
    expect(syntax.notes[0]?.message.en).toMatch(/line 1/i);
  });

  it('reads text that does not open with `{` as a published report, as before', () => {
    const result = importReport('政府信息公开工作年度报告 {不是 JSON}');
    expect(result.ok).toBe(false);
    expect(result.notes.some((note) => note.code === 'report-invalid')).toBe(false);
  });
});

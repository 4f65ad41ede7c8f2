import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { statutoryCells } from '@nianbao/model/core';
import { describe, expect, it } from 'vitest';
import { auditRow, auditSummary } from './audit.js';
import { importReport } from './import-report.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'corpus');

/** A corpus file's report text (after its provenance header). */
function body(name: string): string {
  const raw = readFileSync(join(DIR, name), 'utf8');
  return raw.slice(raw.indexOf('\n\n') + 2);
}

describe('auditRow', () => {
  it('counts an imported 2019-format report from its findings, notes and confidence', () => {
    const result = importReport(body('012-pingtan-2020-FORMAT2019.txt'));
    if (!result.ok) throw new Error('the 2019 fixture must import');
    const row = auditRow('012.txt', result);
    const failing = result.findings.filter((f) => f.status === 'fail');
    expect(row).toMatchObject({
      file: '012.txt',
      ok: true,
      agency: result.report.meta.agency,
      year: 2020,
      format: '2019',
      errors: failing.filter((f) => f.severity === 'error').length,
      warnings:
        failing.filter((f) => f.severity === 'warning').length +
        result.notes.filter((n) => n.severity === 'warning').length,
      read: result.confidence.read.length,
      inferred: result.confidence.inferred.length,
      missing: result.confidence.missing.length,
      reasons: [],
    });
    expect(row.layouts).toMatch(/^t\d=\S+( t\d=\S+)*$/);
  });

  it('gives an input that cannot be imported every cell missing and the notes as reasons', () => {
    const result = importReport('   ');
    expect(result.ok).toBe(false);
    const row = auditRow('blank.txt', result);
    expect(row).toMatchObject({ ok: false, agency: '', year: null, format: '', errors: 0 });
    expect(row.missing).toBe(statutoryCells().length);
    expect(row.reasons).toEqual(result.notes.map((note) => note.message));
    expect(row.reasons.length).toBeGreaterThan(0);
  });
});

describe('auditSummary', () => {
  it('totals imported, not imported, with errors and the 2019 format', () => {
    const legacy = importReport(body('012-pingtan-2020-FORMAT2019.txt'));
    const modern = importReport(body('010-huaian-city-2024-pdftotext-layout.txt'));
    const rows = [
      auditRow('a', legacy),
      auditRow('b', modern),
      auditRow('c', importReport('')),
      auditRow('d', importReport('\u0000\u0001')),
    ];
    const summary = auditSummary(rows);
    expect(summary).toEqual({
      files: 4,
      imported: 2,
      notImported: 2,
      withErrors: rows.filter((row) => row.ok && row.errors > 0).length,
      legacy: 1,
    });
    expect(auditSummary([])).toEqual({ files: 0, imported: 0, notImported: 0, withErrors: 0, legacy: 0 });
  });
});

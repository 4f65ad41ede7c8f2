import { importReport } from '@nianbao/import';
import {
  buildRegionAudit,
  checkReport,
  type Report,
  readCell,
  statutoryCells,
  writeCell,
} from '@nianbao/model';
import { seedReport } from '@nianbao/model/fixtures';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditXlsx } from './audit-xlsx.js';

/*
 * Any report's figures survive the workbook: random values in every statutory cell (blanks included, 收费金额 with
 * cents), written by `--xlsx`, its agency sheet taken alone and read back by the project's own XLSX importer.
 */

const value = (fee: boolean): fc.Arbitrary<number | null> =>
  fc.oneof(
    { weight: 1, arbitrary: fc.constant(null) },
    {
      weight: 4,
      arbitrary: fee
        ? fc.integer({ min: 0, max: 9_999_999 }).map((cents) => cents / 100)
        : fc.integer({ min: 0, max: 99_999 }),
    },
  );

const reportArbitrary: fc.Arbitrary<Report> = fc
  .tuple(...statutoryCells().map((cell) => value(cell.value === 'amount')))
  .map((values) =>
    statutoryCells().reduce<Report>(
      (report, cell, index) => writeCell(report, cell.address, values[index] ?? null),
      { ...seedReport, meta: { ...seedReport.meta, agency: '某县某某局', year: 2024, title: undefined } },
    ),
  );

async function agencySheet(bytes: Uint8Array): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes.slice().buffer as ArrayBuffer);
  for (const sheet of [...book.worksheets]) if (sheet.name !== '某县某某局') book.removeWorksheet(sheet.id);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe('audit --xlsx round trip', () => {
  it('reads back every cell of any report with the XLSX importer', async () => {
    await fc.assert(
      fc.asyncProperty(reportArbitrary, async (report) => {
        const audit = buildRegionAudit([
          {
            file: 'r.html',
            ok: true,
            report,
            findings: checkReport(report),
            notes: [],
            confidence: { read: 200, inferred: 0, missing: 0 },
            format: '2021',
            layouts: '',
          },
        ]);
        const result = importReport(await agencySheet(await auditXlsx(audit)));
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        for (const { address } of statutoryCells())
          expect(readCell(result.report, address), address).toBe(readCell(report, address));
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});

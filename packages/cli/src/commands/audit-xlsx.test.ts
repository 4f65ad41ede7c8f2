import { importReport } from '@nianbao/import';
import {
  type AuditInput,
  buildRegionAudit,
  checkReport,
  type RegionAudit,
  type Report,
  readCell,
  statutoryCells,
  statutoryLayout,
  type TableId,
  writeCell,
} from '@nianbao/model';
import { busyReport, seedReport } from '@nianbao/model/fixtures';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditXlsx, sheetName } from './audit-xlsx.js';

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

// A report with blanks (never to be written as 0), one with a fee in 万元 with decimals, and an unreadable file.
const blanks = writeCell(
  writeCell(
    { ...busyReport, meta: { ...busyReport.meta, agency: '某市教育局' } },
    't3.received.naturalPerson',
    null,
  ),
  't4.review.total',
  null,
);
const fee = writeCell({ ...seedReport, meta: { ...seedReport.meta, year: 2024 } }, 't2.fees.amount', 12.35);
const audit: RegionAudit = buildRegionAudit(
  [
    input('a/busy.html', busyReport),
    input('b.pdf', blanks),
    input('c.docx', fee),
    { file: 'x.pdf', ok: false, reasons: [{ zh: '空', en: 'empty' }] },
  ],
  { own: 'a/busy.html' },
);

/** The bytes as the ArrayBuffer exceljs's typings ask for (its `Buffer` is an ArrayBuffer). */
const arrayBuffer = (data: Uint8Array): ArrayBuffer => data.slice().buffer as ArrayBuffer;

let bytes: Uint8Array;
let book: ExcelJS.Workbook;
beforeAll(async () => {
  bytes = await auditXlsx(audit);
  book = new ExcelJS.Workbook();
  await book.xlsx.load(arrayBuffer(bytes));
});

const TABLES: readonly TableId[] = ['t2', 't3', 't4'];

/** Where each table's grid starts on an agency sheet (1-based row), found by its caption in column A. */
function tableTops(sheet: ExcelJS.Worksheet): Map<TableId, number> {
  const tops = new Map<TableId, number>();
  sheet.eachRow((row, number) => {
    for (const id of TABLES)
      if (row.getCell(1).value === statutoryLayout(id).caption) tops.set(id, number + 1);
  });
  return tops;
}

/** The workbook with one sheet only, as an office would send one agency's tables. */
async function only(name: string): Promise<Uint8Array> {
  const copy = new ExcelJS.Workbook();
  await copy.xlsx.load(arrayBuffer(bytes));
  for (const sheet of [...copy.worksheets]) if (sheet.name !== name) copy.removeWorksheet(sheet.id);
  return new Uint8Array(await copy.xlsx.writeBuffer());
}

const reportSheets = (): [string, Report][] => [
  [sheetName('某市自然资源和规划局', new Set()), busyReport],
  ['某市教育局', blanks],
  [seedReport.meta.agency, fee],
  [audit.rollUp.report.meta.agency, audit.rollUp.report],
  [audit.own?.others?.report.meta.agency as string, audit.own?.others?.report as Report],
];

describe('audit --xlsx', () => {
  it('has an overview, a sheet per agency read, the roll-up and the others without 本级', () => {
    expect(book.worksheets.map((s) => s.name)).toEqual([
      '总览 overview',
      '某市自然资源和规划局',
      '某市教育局',
      '平罗县头闸镇人民政府',
      '本行政区域汇总',
      '本行政区域汇总（不含本级）',
    ]);
    const overview = book.getWorksheet('总览 overview') as ExcelJS.Worksheet;
    const rows = overview.getSheetValues().slice(2) as unknown[][];
    expect(rows.map((row) => [row[2], row[4], row[10], row[11]])).toEqual([
      ['a/busy.html', '通过 pass', '是', '某市自然资源和规划局'],
      ['b.pdf', expect.any(String), '', '某市教育局'],
      ['c.docx', expect.any(String), '', '平罗县头闸镇人民政府'],
      ['x.pdf', '无法读取 unreadable', '', ''],
    ]);
    expect(typeof rows[0]?.[5]).toBe('number');
  });

  it('lays each table out by the model’s layout: merges exactly its spans, labels verbatim, numbers as numbers, blanks empty', () => {
    for (const [name, report] of reportSheets()) {
      const sheet = book.getWorksheet(name) as ExcelJS.Worksheet;
      const tops = tableTops(sheet);
      const merges = new Set((sheet.model as unknown as { merges: string[] }).merges);
      const expected = new Set<string>();
      for (const id of TABLES) {
        const top = tops.get(id) as number;
        const layout = statutoryLayout(id);
        for (const section of layout.sections)
          for (const row of section.rows)
            for (const cell of row.cells) {
              const at = sheet.getCell(top + cell.row, 1 + cell.col);
              if (cell.rowSpan > 1 || cell.colSpan > 1) {
                const end = sheet.getCell(top + cell.row + cell.rowSpan - 1, cell.col + cell.colSpan);
                expected.add(`${at.address}:${end.address}`);
              }
              if (cell.kind !== 'data') expect(at.value).toBe(cell.label ?? '');
              else {
                const value = readCell(report, cell.address as string);
                expect(at.value, `${name} ${cell.address}`).toBe(typeof value === 'number' ? value : null);
              }
            }
      }
      expect(merges).toEqual(expected);
    }
    const edu = book.getWorksheet('某市教育局') as ExcelJS.Worksheet;
    const top = tableTops(edu).get('t3') as number;
    const blank = statutoryLayout('t3').cellsByAddress.get('t3.received.naturalPerson');
    expect(edu.getCell(top + (blank?.row ?? 0), 1 + (blank?.col ?? 0)).value).toBeNull();
  });

  it('fills and annotates the cells that failing findings name, and no other', () => {
    const edu = book.getWorksheet('某市教育局') as ExcelJS.Worksheet;
    const top = tableTops(edu).get('t3') as number;
    const at = (address: string): ExcelJS.Cell => {
      const cell = statutoryLayout('t3').cellsByAddress.get(address);
      return edu.getCell(top + (cell?.row ?? 0), 1 + (cell?.col ?? 0));
    };
    const blank = at('t3.received.naturalPerson');
    expect(blank.fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF0C2' } });
    const finding = audit.reports[1]?.findings.find((f) => f.rule === 'cell-blank' && f.status === 'fail');
    expect(String(blank.note)).toContain(finding?.message.zh.slice(0, 40));
    const clean = at('t3.received.commercial');
    const named = audit.reports[1]?.findings.some(
      (f) => f.status === 'fail' && f.cells.includes('t3.received.commercial'),
    );
    expect(named).toBe(false);
    expect(
      clean.fill?.type === 'pattern' && 'fgColor' in clean.fill ? clean.fill.fgColor : undefined,
    ).toBeUndefined();
    expect(clean.note).toBeUndefined();
  });

  it('reads back cell for cell with the project’s own XLSX importer', async () => {
    for (const [name, report] of reportSheets()) {
      const result = importReport(await only(name));
      expect(result.ok, name).toBe(true);
      if (!result.ok) continue;
      // The importer reads names in NFKC (full-width brackets to half-width), as it does from every file type.
      expect(result.report.meta.agency).toBe(report.meta.agency.normalize('NFKC'));
      expect(result.report.meta.year).toBe(report.meta.year);
      for (const { address } of statutoryCells())
        expect(readCell(result.report, address), `${name} ${address}`).toBe(readCell(report, address));
    }
  });

  it('names sheets as Excel requires: 31 characters at most, no reserved characters, unique', () => {
    const taken = new Set<string>();
    const long = '某某省某某市某某县某某乡镇人民政府办公室下属某某事业单位服务中心';
    const first = sheetName(long, taken);
    const second = sheetName(long, taken);
    expect(first).toHaveLength(31);
    expect(second).toHaveLength(31);
    expect(second.endsWith(' (2)')).toBe(true);
    expect(sheetName("'a/b:c?*[d]'", taken)).toBe('a_b_c___d_');
    expect(sheetName('A', taken)).toBe('A');
    expect(sheetName('a', taken)).toBe('a (2)');
  });
});

import type { Report } from '@nianbao/model';
import { readCell, statutoryLayout, type TableId } from '@nianbao/model';
import { busyReport, seedReport } from '@nianbao/model/fixtures';
import fc from 'fast-check';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { importDocument, importReport } from './import-report.js';
import { cells, randomReport } from './test-support/random-report.js';

const HEADINGS: Record<TableId, string> = {
  t2: '二、主动公开政府信息情况',
  t3: '三、收到和处理政府信息公开申请情况',
  t4: '四、政府信息公开行政复议、行政诉讼情况',
};

const column = (c: number): string =>
  c < 26
    ? String.fromCharCode(65 + c)
    : String.fromCharCode(64 + Math.floor(c / 26)) + String.fromCharCode(65 + (c % 26));

/**
 * A workbook as an office lays the statute's tables out in Excel: one sheet, the title, each part heading in a row
 * of its own (merged across the table), then the table placed by the model's layout — every label a shared
 * string, every merged header a mergeCell, numbers as numbers, blank cells absent.
 */
async function workbook(report: Report): Promise<Uint8Array> {
  const shared: string[] = [];
  const str = (text: string): number => {
    const at = shared.indexOf(text);
    if (at >= 0) return at;
    shared.push(text);
    return shared.length - 1;
  };
  const rows: string[] = [];
  const merges: string[] = [];
  let r = 0;
  const width = 15;
  const textRow = (text: string): void => {
    rows.push(`<row r="${r + 1}"><c r="A${r + 1}" t="s"><v>${str(text)}</v></c></row>`);
    merges.push(`A${r + 1}:${column(width - 1)}${r + 1}`);
    r++;
  };
  textRow(report.meta.title ?? `${report.meta.agency}${report.meta.year}年政府信息公开工作年度报告`);
  for (const id of ['t2', 't3', 't4'] as const) {
    textRow(HEADINGS[id]);
    const layout = statutoryLayout(id);
    const base = r;
    const byRow = new Map<number, string[]>();
    for (const section of layout.sections) {
      for (const row of section.rows) {
        for (const cell of row.cells) {
          const ref = `${column(cell.col)}${base + cell.row + 1}`;
          let xml = '';
          if (cell.address) {
            const value = readCell(report, cell.address);
            if (typeof value === 'number') xml = `<c r="${ref}"><v>${value}</v></c>`;
          } else if (cell.label) {
            xml = `<c r="${ref}" t="s"><v>${str(cell.label)}</v></c>`;
          }
          if (xml) byRow.set(base + cell.row, [...(byRow.get(base + cell.row) ?? []), xml]);
          if (cell.rowSpan > 1 || cell.colSpan > 1) {
            merges.push(`${ref}:${column(cell.col + cell.colSpan - 1)}${base + cell.row + cell.rowSpan}`);
          }
        }
      }
    }
    for (let i = base; i < base + layout.rowCount; i++) {
      rows.push(`<row r="${i + 1}">${(byRow.get(i) ?? []).join('')}</row>`);
    }
    r = base + layout.rowCount;
  }
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  );
  zip.file('xl/workbook.xml', `<workbook ${ns}><sheets><sheet name="年报" sheetId="1"/></sheets></workbook>`);
  zip.file(
    'xl/sharedStrings.xml',
    `<sst ${ns}>${shared.map((s) => `<si><t>${s.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</t></si>`).join('')}</sst>`,
  );
  zip.file(
    'xl/worksheets/sheet1.xml',
    `<worksheet ${ns}><sheetData>${rows.join('')}</sheetData><mergeCells>${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells></worksheet>`,
  );
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

describe('XLSX import: the three tables in a workbook', () => {
  for (const [name, report] of [
    ['seed', seedReport],
    ['busy', busyReport],
  ] as const) {
    it(`${name}: every cell comes back, merged headers read as spans`, async () => {
      const result = importReport(await workbook(report));
      if (!result.ok) throw new Error(JSON.stringify(result.notes));
      expect(cells(result.report)).toEqual(cells(report));
      expect(result.layouts).toEqual({ t2: 'html', t3: 'html', t4: 'html' });
      expect(result.notes.find((n) => n.code === 'input-format')?.message.en).toContain('Excel workbook');
    });
  }

  it('random reports: every cell identical', async () => {
    await fc.assert(
      fc.asyncProperty(randomReport, async (report) => {
        const result = await importDocument(await workbook(report));
        if (!result.ok) throw new Error(JSON.stringify(result.notes));
        expect(cells(result.report)).toEqual(cells(report));
      }),
      { numRuns: 25 },
    );
  });

  it('a damaged workbook and a workbook without the report say so', async () => {
    const good = await workbook(seedReport);
    // The parts' data damaged, the directory at the end intact (so it is still known to be a workbook).
    const bytes = good.slice();
    for (let i = 0; i < Math.min(400, bytes.length - 200); i++) bytes[i] = (bytes[i] ?? 0) ^ 0x5a;
    bytes.set([0x50, 0x4b, 0x03, 0x04]);
    const damaged = importReport(bytes);
    expect(damaged.ok).toBe(false);
    expect(damaged.notes[0]?.message.en).toContain('Excel file (XLSX) is damaged');
    const zip = new JSZip();
    zip.file('xl/workbook.xml', '<workbook/>');
    zip.file(
      'xl/worksheets/sheet1.xml',
      '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>会议纪要</t></is></c></row></sheetData></worksheet>',
    );
    const empty = importReport(await zip.generateAsync({ type: 'uint8array' }));
    expect(empty.ok).toBe(false);
    expect(empty.notes[0]?.code).toBe('no-tables');
  });
});

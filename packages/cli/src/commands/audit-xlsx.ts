import type { AuditReport, CellAddress, Finding, RegionAudit, Report, TableId } from '@nianbao/model';
import { readCell, reportTitle, statutoryLayout } from '@nianbao/model/core';
import type { Workbook, Worksheet } from 'exceljs';

/*
 * `nianbao audit --xlsx`: the statistics tables as a workbook, the way figures still go up to the next office. One
 * sheet per agency read and one for the region's roll-up (and, with a 本级 report, one for the other reports
 * summed), each laid out by the model's layout engine: every merged range is a layout cell's row and column span,
 * every label is the layout's verbatim label, and nothing here restates the statute. Numbers are numbers; a blank
 * statutory cell is an empty cell, never 0; a cell a failing finding names is filled (red for an error, amber for a
 * warning) with the findings' messages as its note. An overview sheet lists every file with its status, counts and score,
 * and with a unit list a sheet of who has reported.
 */

/** The sheet name rules of Excel: at most 31 characters, none of `\ / ? * [ ] :`, no leading or trailing `'`. */
const MAX_SHEET_NAME = 31;

/** A sheet name Excel accepts, unique (case-insensitively) among `taken`, which it joins. */
export function sheetName(wanted: string, taken: Set<string>): string {
  const clean =
    wanted
      .replace(/[\\/?*[\]:]/g, '_')
      .replace(/^'+|'+$/g, '')
      .trim() || 'Sheet';
  let name = clean.slice(0, MAX_SHEET_NAME);
  for (let n = 2; taken.has(name.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    name = `${clean.slice(0, MAX_SHEET_NAME - suffix.length)}${suffix}`;
  }
  taken.add(name.toLowerCase());
  return name;
}

const TABLES: readonly TableId[] = ['t2', 't3', 't4'];

const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Grid width of a sheet in Excel's character units, shared out by the layout's column fractions. */
const SHEET_WIDTH = 150;

/** Every sheet prints as the statute's tables are printed: A4 (paper size 9) landscape, its width on one page. */
const PAGE = {
  paperSize: 9,
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
} as const;

/** The fill of a cell a failing finding names: light red for an error, light amber for a warning. */
const FILL = { error: 'FFF8D7DA', warning: 'FFFFF0C2' } as const;

/** The longest finding message put in a cell's note (a blank-cells message lists every blank cell). */
const NOTE_MESSAGE = 300;

/**
 * The cells failing findings name, with the most serious severity and the findings' messages (Chinese, each once),
 * for a fill and a note: the workbook goes upward with its problems visible. Advice (`info`) and undecided findings
 * are left unmarked.
 */
function cellMarks(
  findings: readonly Finding[],
): Map<CellAddress, { severity: 'error' | 'warning'; messages: string[] }> {
  const marks = new Map<CellAddress, { severity: 'error' | 'warning'; messages: string[] }>();
  for (const finding of findings) {
    if (finding.status !== 'fail' || finding.severity === 'info') continue;
    const text =
      finding.message.zh.length > NOTE_MESSAGE
        ? `${finding.message.zh.slice(0, NOTE_MESSAGE)}…`
        : finding.message.zh;
    for (const address of finding.cells) {
      const mark = marks.get(address) ?? { severity: finding.severity, messages: [] };
      if (finding.severity === 'error') mark.severity = 'error';
      if (!mark.messages.includes(text)) mark.messages.push(text);
      marks.set(address, mark);
    }
  }
  return marks;
}

/** A layout fraction as a column width in Excel's character units (at least 6). */
const columnWidth = (fraction: number): number => Math.max(6, Math.round(fraction * SHEET_WIDTH));

/** Points per line of 11-point text. */
const LINE_HEIGHT = 15;

/** Text width in Excel's character units: a hanzi or full-width character takes two. */
function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\uffff]/u.test(ch) && !/[\uff61-\uffdc]/u.test(ch) ? 2 : 1;
  return width;
}

/**
 * Writes one report's three tables onto a sheet: its title, then per table its caption (the statute's part
 * heading) on a line of its own and its grid from the layout, one empty line between tables.
 */
function writeTables(sheet: Worksheet, report: Report, findings: readonly Finding[]): void {
  sheet.pageSetup = { ...PAGE };
  // The statute's title of the body's report (`{agency}{year}年政府信息公开工作年度报告`), not the report's own
  // wording of it: the sheet names the agency it holds, and an importer finds the agency and year by it.
  sheet.getCell(1, 1).value = reportTitle({ agency: report.meta.agency, year: report.meta.year });
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  const marks = cellMarks(findings);
  let top = 3;
  const widths: number[] = [];
  for (const id of TABLES) {
    const layout = statutoryLayout(id);
    const caption = sheet.getCell(top, 1);
    caption.value = layout.caption;
    caption.font = { bold: true };
    top += 1;
    layout.columnWidths.forEach((fraction, index) => {
      widths[index] = Math.max(widths[index] ?? 0, columnWidth(fraction));
    });
    for (const section of layout.sections) {
      for (const row of section.rows) {
        for (const cell of row.cells) {
          const r = top + cell.row;
          const c = 1 + cell.col;
          if (cell.rowSpan > 1 || cell.colSpan > 1)
            sheet.mergeCells(r, c, r + cell.rowSpan - 1, c + cell.colSpan - 1);
          const target = sheet.getCell(r, c);
          if (cell.kind === 'data') {
            const value = readCell(report, cell.address as string);
            // A blank (null) or missing cell stays empty: 0 would claim something the report did not say.
            if (typeof value === 'number') target.value = value;
            target.alignment = { horizontal: 'right', vertical: 'middle' };
            const mark = marks.get(cell.address as CellAddress);
            if (mark) {
              target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL[mark.severity] } };
              target.note = mark.messages.join('\n');
            }
          } else {
            target.value = cell.label ?? '';
            if (cell.rowSpan === 1 && cell.label) {
              // Excel and LibreOffice do not grow a row for wrapped text on their own: give it the lines it needs.
              let room = 0;
              for (let k = 0; k < cell.colSpan; k++)
                room += columnWidth(layout.columnWidths[cell.col + k] ?? 0);
              const lines = Math.ceil(textWidth(cell.label) / Math.max(1, room - 1));
              const height = LINE_HEIGHT * lines;
              if (height > (sheet.getRow(r).height ?? LINE_HEIGHT)) sheet.getRow(r).height = height;
            }
            target.alignment = {
              wrapText: true,
              vertical: 'middle',
              horizontal: cell.kind === 'row-header' ? 'left' : 'center',
            };
            if (cell.kind !== 'row-header') target.font = { bold: true };
          }
          for (let dr = 0; dr < cell.rowSpan; dr++)
            for (let dc = 0; dc < cell.colSpan; dc++) sheet.getCell(r + dr, c + dc).border = BORDER;
        }
      }
    }
    top += layout.rowCount + 1;
  }
  widths.forEach((width, index) => {
    sheet.getColumn(index + 1).width = width;
  });
}

const STATUS: Readonly<Record<AuditReport['status'], string>> = {
  pass: '通过 pass',
  warning: '有警告 warnings',
  error: '有错误 errors',
  unreadable: '无法读取 unreadable',
};

const UNIT_STATUS: Readonly<Record<string, string>> = {
  'on-time': '按期 on time',
  late: '逾期 late',
  'no-date': '无发布日期 no date',
  missing: '未报送 missing',
};

function headerRow(sheet: Worksheet, labels: readonly string[]): void {
  sheet.pageSetup = { ...PAGE };
  const row = sheet.addRow([...labels]);
  row.font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

/** The whole workbook for an audit. */
async function auditWorkbook(audit: RegionAudit): Promise<Workbook> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'nianbao';
  const taken = new Set<string>();
  const overview = workbook.addWorksheet(sheetName('总览 overview', taken));
  headerRow(overview, [
    '机关 agency',
    '文件 file',
    '年度 year',
    '状态 status',
    '错误 errors',
    '警告 warnings',
    '待定 uncertain',
    '得分 score',
    '满分 maximum',
    '本级 own',
    '工作表 sheet',
  ]);
  const sheets = new Map<string, string>();
  for (const report of audit.reports)
    if (report.report) sheets.set(report.file, sheetName(report.agency || report.file, taken));
  const rollUpSheet = sheetName(audit.rollUp.report.meta.agency, taken);
  const othersSheet = audit.own?.others ? sheetName(audit.own.others.report.meta.agency, taken) : undefined;
  for (const report of audit.reports) {
    overview.addRow([
      report.agency,
      report.file,
      report.year ?? '',
      STATUS[report.status],
      report.errors,
      report.warnings,
      report.uncertain,
      report.scorecard?.total ?? '',
      report.scorecard?.maximum ?? '',
      audit.own?.file === report.file ? '是' : '',
      sheets.get(report.file) ?? '',
    ]);
  }
  overview.columns.forEach((column, index) => {
    column.width = index < 2 ? 36 : 12;
  });
  if (audit.expected) {
    const units = workbook.addWorksheet(sheetName('应报单位 units', taken));
    headerRow(units, [
      '单位 unit',
      '代码 code',
      '层级 level',
      '状态 status',
      '期限 deadline',
      '发布日期 published',
      '逾期天数 days late',
      '文件 files',
    ]);
    for (const unit of audit.expected.units) {
      units.addRow([
        unit.name,
        unit.code ?? '',
        unit.level ?? '',
        UNIT_STATUS[unit.status] ?? unit.status,
        unit.deadline ?? '',
        unit.publishedAt ?? '',
        unit.daysLate ?? '',
        unit.files.join('; '),
      ]);
    }
    for (const file of audit.expected.unmatched)
      units.addRow([file.agency, '', '', '不在名单 not in the list', '', '', '', file.file]);
    units.columns.forEach((column, index) => {
      column.width = index === 0 || index === 7 ? 36 : 14;
    });
  }
  for (const report of audit.reports) {
    const name = sheets.get(report.file);
    if (!name || !report.report) continue;
    writeTables(workbook.addWorksheet(name), report.report, report.findings);
  }
  writeTables(workbook.addWorksheet(rollUpSheet), audit.rollUp.report, audit.rollUp.findings);
  if (othersSheet && audit.own?.others)
    writeTables(workbook.addWorksheet(othersSheet), audit.own.others.report, audit.own.others.findings);
  return workbook;
}

/** The audit as XLSX bytes. */
export async function auditXlsx(audit: RegionAudit): Promise<Uint8Array> {
  const workbook = await auditWorkbook(audit);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

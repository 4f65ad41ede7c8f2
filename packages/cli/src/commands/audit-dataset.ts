import type { RectificationNotice, RegionAudit } from '@nianbao/model';
import { cellName, readCell, statutoryCells } from '@nianbao/model/core';
import { csvField } from './audit.js';

/*
 * `nianbao audit --dataset`: the region's figures as one flat table for researchers (one row per report read and
 * statutory cell), and `--notices DIR`: one 整改 notice file per report that does not pass.
 */

/** The dataset's columns, in order. */
export const DATASET_COLUMNS: readonly string[] = [
  'agency',
  'file',
  'year',
  'table',
  'address',
  'cell',
  'value',
  'blank',
];

/**
 * The dataset as CSV (UTF-8 with BOM so Excel reads the Chinese, CRLF lines): per report read and per statutory
 * cell, in table and reading order, its agency, file, year, table (`t2`/`t3`/`t4`), address (`t3.received.total`),
 * the cell's name as staff say it, its value (a plain number) and `blank` 1 when the report left it blank (its value
 * then empty, never 0). Unreadable files have no rows; the roll-up is not a row either (sum the rows instead).
 */
export function auditDataset(audit: RegionAudit): string {
  const cells = statutoryCells();
  const lines = [DATASET_COLUMNS.join(',')];
  for (const report of audit.reports) {
    if (!report.report) continue;
    const lead = `${csvField(report.agency)},${csvField(report.file)},${report.year ?? ''}`;
    for (const cell of cells) {
      const value = readCell(report.report, cell.address);
      const number = typeof value === 'number' ? String(value) : '';
      lines.push(
        `${lead},${cell.table},${cell.address},${csvField(cellName(cell.address))},${number},${number === '' ? 1 : 0}`,
      );
    }
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The longest file name stem a notice gets (in characters), well inside every file system's limit. */
const MAX_STEM = 60;

/**
 * A file name for a notice that every file system takes: the index (so two reports of one agency never collide),
 * then the agency (or the file's name), with path separators, reserved characters, controls and trailing dots or
 * spaces replaced.
 */
export function noticeFileName(index: number, notice: RectificationNotice): string {
  const base = (notice.agency || notice.file.split(/[\\/]/).at(-1) || 'report')
    .normalize('NFC')
    .replace(/[\\/:*?"<>|\p{Cc}]/gu, '_')
    .replace(/[. ]+$/u, '')
    .replace(/^\.+/u, '_')
    .slice(0, MAX_STEM);
  return `${String(index + 1).padStart(3, '0')}-${base || 'report'}.md`;
}

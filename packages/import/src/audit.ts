import type { LocalizedText } from '@nianbao/model';
import { statutoryCells } from '@nianbao/model/core';
import type { ImportResult } from './types.js';

/*
 * An audit (a region's published reports imported and checked in one go) reduces each import to one row and the
 * rows to one summary. The command line prints them as lines and a CSV, the HTTP service as JSON: both take them
 * from here so that the two never count differently.
 */

/** One audited input, as the command line's line and CSV row and the service's JSON describe it. */
export interface AuditRow {
  /** The input's name as the caller gave it (a path, a multipart file name, a zip entry). */
  readonly file: string;
  /** Whether the input could be imported at all. */
  readonly ok: boolean;
  /** The reporting body, from the text; empty when not imported. */
  readonly agency: string;
  /** The report year; null when not imported. */
  readonly year: number | null;
  /** `2021`, or `2019` when any table was in the 2019 format; empty when not imported. */
  readonly format: '2021' | '2019' | '';
  /** The detected layout of each table, as `t2=html t3=html`. */
  readonly layouts: string;
  /** Failing error-severity findings. */
  readonly errors: number;
  /** Failing warning-severity findings plus reading notes of warning severity. */
  readonly warnings: number;
  /** Statutory cells read by their labels. */
  readonly read: number;
  /** Statutory cells placed by inference. */
  readonly inferred: number;
  /** Statutory cells the input does not give (all of them when not imported). */
  readonly missing: number;
  /** Why the input could not be imported, one text per note; empty when imported. */
  readonly reasons: readonly LocalizedText[];
}

/** The totals under an audit's rows. */
export interface AuditSummary {
  /** Inputs audited. */
  readonly files: number;
  /** Inputs imported. */
  readonly imported: number;
  /** Inputs that could not be imported. */
  readonly notImported: number;
  /** Imported reports with at least one failing error-severity finding. */
  readonly withErrors: number;
  /** Imported reports in the 2019 format. */
  readonly legacy: number;
}

/** Reduces one import to its audit row. */
export function auditRow(file: string, result: ImportResult): AuditRow {
  if (!result.ok) {
    return {
      file,
      ok: false,
      agency: '',
      year: null,
      format: '',
      layouts: '',
      errors: 0,
      warnings: 0,
      read: 0,
      inferred: 0,
      missing: statutoryCells().length,
      reasons: result.notes.map((note) => note.message),
    };
  }
  const failed = result.findings.filter((f) => f.status === 'fail');
  return {
    file,
    ok: true,
    agency: result.report.meta.agency,
    year: result.report.meta.year || null,
    format: result.notes.some((note) => note.code === 'format-legacy') ? '2019' : '2021',
    layouts: Object.entries(result.layouts)
      .map(([table, layout]) => `${table}=${layout}`)
      .join(' '),
    errors: failed.filter((f) => f.severity === 'error').length,
    warnings:
      failed.filter((f) => f.severity === 'warning').length +
      result.notes.filter((note) => note.severity === 'warning').length,
    read: result.confidence.read.length,
    inferred: result.confidence.inferred.length,
    missing: result.confidence.missing.length,
    reasons: [],
  };
}

/** The totals of an audit's rows. */
export function auditSummary(rows: readonly AuditRow[]): AuditSummary {
  const imported = rows.filter((row) => row.ok);
  return {
    files: rows.length,
    imported: imported.length,
    notImported: rows.length - imported.length,
    withErrors: imported.filter((row) => row.errors > 0).length,
    legacy: imported.filter((row) => row.format === '2019').length,
  };
}

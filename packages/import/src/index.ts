/**
 * @nianbao/import — published 政府信息公开工作年度报告 (text, pdftotext output, markdown, HTML) back into
 * nianbao Report JSON, with the findings of the cross-checker and notes on how each table was read.
 */
export { type AuditRow, type AuditSummary, auditRow, auditSummary } from './audit.js';
export { detectKind, importDocument, importReport, MAX_IMPORT_BYTES } from './import-report.js';
export {
  type ImportFileOptions,
  type ImportFileResult,
  type ImportFilesOptions,
  type ImportJob,
  importFile,
  importFiles,
  importPoolUsesWorkers,
} from './pool.js';
export type {
  ImportConfidence,
  ImportKind,
  ImportNote,
  ImportOptions,
  ImportResult,
  LayoutName,
  NoteCode,
} from './types.js';

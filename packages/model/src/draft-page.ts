import type { Severity } from './checks/index.js';

/**
 * The words of a draft's findings page, shared by every renderer (PDF, DOCX) so that a draft reads the same in
 * each format.
 */

/** The title of the draft's findings page. */
export const FINDINGS_TITLE = '校核结果（草稿附页，不属于年度报告正文）';

/** The watermark of a draft. */
export const DRAFT_WATERMARK = '草稿';

/** A finding's severity as the findings page prints it. */
export const SEVERITY_ZH: Readonly<Record<Severity, string>> = {
  error: '错误',
  warning: '警告',
  info: '提示',
};

/** A finding's status as the findings page prints it. */
export const STATUS_ZH: Readonly<Record<'fail' | 'uncertain', string>> = {
  fail: '未通过',
  uncertain: '无法判定',
};

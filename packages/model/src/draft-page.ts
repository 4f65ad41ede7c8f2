import type { Severity } from './checks/index.js';
import { cellName } from './tables/cells.js';

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

/** How many cells a finding names in words before it counts the rest (a column sum reads up to 22). */
export const CELLS_NAMED = 6;

/**
 * The cells of a finding as the findings page names them: by the statute's names (`cellName`), at most
 * {@link CELLS_NAMED}, then a count — `涉及：「三、（七）总计 · 自然人」、…等共 22 格`. Empty for no cells.
 */
export function findingCellsInWords(cells: readonly string[]): string {
  if (cells.length === 0) return '';
  const names = cells.slice(0, CELLS_NAMED).map((cell) => `「${cellName(cell)}」`);
  const rest = cells.length > CELLS_NAMED ? `等共 ${cells.length} 格` : '';
  return `涉及：${names.join('、')}${rest}`;
}

import type { LocalizedText } from '@nianbao/model';

/** The language of the interface text around the statute's labels (the labels themselves are never translated). */
export type Locale = 'zh' | 'en';

/** Picks one language from a bilingual message. */
export function localize(text: LocalizedText, locale: Locale): string {
  return locale === 'en' ? text.en : text.zh;
}

/**
 * The one severity vocabulary of every component (the model's severities): the same glyph and word in the grid,
 * the cell notes, the footer and the findings list. `uncertain` is a check that could not be decided.
 */
export const SEVERITY_GLYPH: {
  readonly error: '✗';
  readonly warning: '⚠';
  readonly info: 'ℹ';
  readonly uncertain: '？';
} = {
  error: '✗',
  warning: '⚠',
  info: 'ℹ',
  uncertain: '？',
};

/** Interface strings of the components; statute labels are not here, they come from the model. */
export const UI = {
  pass: { zh: '通过', en: 'passes' },
  fail: { zh: '不通过', en: 'fails' },
  uncertain: { zh: '无法判断（有空白单元格）', en: 'uncertain (a cell is blank)' },
  findings: { zh: '校验结果', en: 'Findings' },
  noFindings: { zh: '未发现问题。', en: 'No findings.' },
  error: { zh: '错误', en: 'Error' },
  warning: { zh: '警告', en: 'Warning' },
  info: { zh: '提示', en: 'Note' },
  otherFindings: { zh: '其他', en: 'Other' },
  blank: { zh: '空白', en: 'blank' },
  derived: { zh: '自动计算', en: 'computed' },
  overridden: { zh: '已手动填写，计算值为', en: 'entered by hand; the computed value is' },
  useDerived: { zh: '改用计算值', en: 'Use the computed value' },
  notACount: { zh: '请输入非负整数，例如 12', en: 'Enter a non-negative whole number, e.g. 12' },
  notAnAmount: { zh: '请输入非负数，例如 12.5', en: 'Enter a non-negative number, e.g. 12.5' },
  rowsPassed: { zh: '行通过', en: 'rows pass' },
  notes: { zh: '核对说明', en: 'Check notes' },
  partOf: { zh: '参与核对', en: 'read by a check' },
  seeNote: { zh: '见说明', en: 'see note' },
  scrollHint: { zh: '表格较宽，可左右滑动查看 →', en: 'The table is wide: scroll sideways to see it all →' },
} as const;

/**
 * What a font is used for in a printed report, shared by every renderer (PDF, DOCX). GB/T 9704-2012: title 小标宋,
 * body 仿宋_GB2312, 一、 headings 黑体, （一） headings 楷体. `bodyBold` prints bold lead-ins; `fallback` is tried for
 * characters the role's font lacks.
 */
export type FontRole = 'title' | 'heading' | 'subheading' | 'body' | 'bodyBold' | 'table' | 'fallback';

/** Every role, in the order `--font role=…` documents them. */
export const FONT_ROLES: readonly FontRole[] = [
  'title',
  'heading',
  'subheading',
  'body',
  'bodyBold',
  'table',
  'fallback',
];

/**
 * Strings people put in a cell to mean "blank" (`/`, `—`, `无`…): Report JSON writes them as `null`. The one list
 * the schema's coercion, the importer and data entry read.
 */
export const BLANK_MARKS: readonly string[] = [
  '',
  '/',
  '／',
  '\\',
  '-',
  '－',
  '—',
  '——',
  '–',
  '无',
  '空',
  '空白',
  'N/A',
  'n/a',
  'NA',
];

const MARKS = new Set(BLANK_MARKS);

/** Whether a string (trimmed) is one of the {@link BLANK_MARKS}. */
export function isBlankMark(text: string): boolean {
  return MARKS.has(text.trim());
}

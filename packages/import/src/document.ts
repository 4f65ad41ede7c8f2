/*
 * The importer's one intermediate form: a list of lines. Text input gives one line per physical line; HTML
 * gives one line per block element and one `row` line per table row (cells in grid order, spans expanded:
 * a position covered by a rowspan/colspan is the COVERED marker, so labels and values keep their columns).
 */

/** Marks a grid position covered by a cell spanning from elsewhere (never a value, never a label). */
export const COVERED = '\u2060';

/** One line of the input, as the importer sees it. */
export interface Line {
  /** The text (for a row: its cells joined by TAB). */
  text: string;
  /** 1-based line number in the input text; for HTML, the source line of the element. */
  line: number;
  /** `text`: plain text whose structure is to be guessed; the others come from HTML elements. */
  kind: 'text' | 'heading' | 'paragraph' | 'row';
  /** Table cells (`row` lines; text lines get theirs when a table region is read). */
  cells?: string[];
  /** For `row` lines: every grid position filled with the text of the cell covering it (header paths). */
  filled?: string[];
  /** A bold lead-in at the start of an HTML paragraph. */
  lead?: string;
  /** HTML heading level (1–6). */
  tag?: number;
}

/** Splits text into lines (CRLF, CR and LF; a form feed from pdftotext is a line break too). */
export function textLines(text: string): Line[] {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\f/g, '\n')
    .split('\n')
    .map((t, i) => ({ text: t, line: i + 1, kind: 'text' as const }));
}

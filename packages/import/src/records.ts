import { BLANK_MARKS } from '@nianbao/model';
import { PAGE_NUMBER } from './aliases.js';
import { COVERED, type Line } from './document.js';
import { fold, spacedPattern } from './normalise.js';
import type { LayoutName } from './types.js';

/** A value cell as printed: a number (with an optional note), a blank, or a run of digits to split. */
export interface Token {
  /** The text of the cell as printed. */
  readonly raw: string;
  /** The number, or `null` for a blank / `/` / `—` / `无` cell. */
  readonly value: number | null;
  /** A parenthesised note after the number, e.g. `其中修订16件`. */
  readonly note?: string;
  /** The digits, when the token is a bare digit string (a run candidate). */
  readonly digits?: string;
}

/** One table row as found in the input: its label text and its value cells. */
export interface RowRecord {
  /** Label cells joined by a space (may be empty: a row whose label was lost). */
  label: string;
  /** The last label cell: the leaf label when the row's group labels are printed in cells before it. */
  leaf?: string;
  /** Labels from label-only lines just before this row (wrapped or floated labels). */
  before: string;
  values: Token[];
  /** 1-based input line. */
  line: number;
  /** Whether the cells were separated (TAB, pipe, grid, wide spaces) so blanks are real blanks. */
  separated: boolean;
  /** HTML grid rows: the grid column of each value token (for reading columns by their headers). */
  columns?: number[];
}

const VALUE = /^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(?:件|个|条|元|万元)?\s*(?:[(（]([^()（）]*)[)）])?$/;
const GLUED =
  /^(.*?[^\d\s.,，])\s*((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*(?:件|元|万元)?(?:[(（][^()（）]*[)）])?)$/;
// The blank marks are the model's (one home for what a blank cell is written as).
const NULL_SET = new Set(BLANK_MARKS.filter((token) => token !== ''));

/** Reads one cell as a value token, or `undefined` when it is a label. */
export function valueToken(raw: string, separated: boolean): Token | undefined {
  const text = fold(raw).trim();
  if (text === '') return separated ? { raw, value: null } : undefined;
  if (NULL_SET.has(text)) return { raw, value: null };
  const match = VALUE.exec(text);
  if (!match) return undefined;
  const whole = (match[1] as string).replace(/,/g, '');
  const value = Number(whole + (match[2] ?? ''));
  const note = match[3]?.trim();
  const digits = match[2] === undefined && !match[1]?.includes(',') ? whole : undefined;
  return {
    raw,
    value,
    ...(note ? { note } : {}),
    ...(digits !== undefined && note === undefined ? { digits } : {}),
  };
}

/** Splits a text line into cells: TAB, pipe, or runs of 2+ spaces (pdftotext -layout). */
function cellsOf(line: Line): { cells: string[]; separated: boolean; layout: LayoutName } {
  if (line.kind === 'row' && line.cells) return { cells: line.cells, separated: true, layout: 'html' };
  const text = line.text;
  if (text.includes('\t')) return { cells: text.split('\t'), separated: true, layout: 'tsv' };
  if (text.includes('|')) {
    const parts = text.split('|');
    if (parts[0]?.trim() === '') parts.shift();
    if (parts.length > 0 && parts[parts.length - 1]?.trim() === '') parts.pop();
    return { cells: parts, separated: true, layout: 'pipe' };
  }
  const trimmed = text.trim();
  if (/\S\s{2,}\S/.test(trimmed))
    return { cells: trimmed.split(/\s{2,}/), separated: false, layout: 'pdftotext' };
  return { cells: [trimmed], separated: false, layout: 'spaced' };
}

/**
 * Splits a cell into its label part and its trailing value tokens: `行政许可 97`, `规章 000`,
 * `一、本年新收政府信息公开申请数量640020470`, `0 0 00 0`.
 */
function splitCell(cell: string, separated: boolean): { label: string; values: Token[] } {
  const whole = valueToken(cell, separated);
  if (whole) return { label: '', values: [whole] };
  const parts = cell.trim().split(/\s+/);
  const values: Token[] = [];
  while (parts.length > 0) {
    const last = parts[parts.length - 1] as string;
    const token = valueToken(last, false);
    if (token) {
      values.unshift(token);
      parts.pop();
      continue;
    }
    const glued = GLUED.exec(fold(last));
    if (glued) {
      const number = valueToken(glued[2] as string, false);
      if (number) {
        values.unshift(number);
        parts[parts.length - 1] = last.slice(0, (glued[1] as string).length);
      }
    }
    break;
  }
  return { label: parts.join(' '), values };
}

/** A label phrase to cut run-together text at, with the numbering it is printed with (`4.`, `（二）`). */
export interface CutPhrase {
  readonly phrase: string;
  readonly numbering?: string;
}

/**
 * Cuts a run-together line before every label phrase it contains (longest match wins; a phrase inside a
 * longer one is not a cut), moving each cut back over the label's own numbering (`4.` `（二）` `一、`).
 */
export function cutAtLabels(text: string, phrases: readonly CutPhrase[]): string[] {
  const folded = fold(text);
  const spans: { start: number; end: number }[] = [];
  for (const { phrase, numbering } of phrases) {
    const re = new RegExp(spacedPattern(phrase), 'g');
    for (let m = re.exec(folded); m; m = re.exec(folded)) {
      let start = m.index;
      if (numbering) {
        const before = folded.slice(Math.max(0, start - 8), start);
        const number = new RegExp(`${spacedPattern(numbering).replace(/\\\./g, '[.、．]')}\\s*$`).exec(
          before,
        );
        if (number) start -= number[0].length;
      }
      spans.push({ start, end: m.index + m[0].length });
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const cuts: number[] = [];
  let coveredTo = -1;
  for (const span of spans) {
    if (span.start < coveredTo) continue;
    cuts.push(span.start);
    coveredTo = span.end;
  }
  const pieces: string[] = [];
  let from = 0;
  for (const cut of cuts) {
    if (cut > from) pieces.push(text.slice(from, cut));
    from = cut;
  }
  pieces.push(text.slice(from));
  return pieces.filter((piece) => piece.trim() !== '');
}

/** The rows of a table region and how they were laid out. */
export interface Region {
  readonly records: RowRecord[];
  /** Label-only lines, in order (headers, group labels, floated labels). */
  readonly labels: { text: string; line: number }[];
  readonly layout: LayoutName;
  /** All the region's text (for format markers). */
  readonly text: string;
  /** Index (into the region's lines) after the last line that held table content. */
  readonly lastTableLine: number;
  /** HTML header rows (label-only grid rows before the first value row), spans filled in. */
  readonly headerRows: string[][];
}

/** A value read from a line that holds nothing else: a cell, so its digits are never split as a run. */
function oneCell(token: Token): Token {
  if (token.digits === undefined) return token;
  const { digits: _, ...cell } = token;
  return cell;
}

/**
 * How many empty lines separate two cells in a one-cell-per-line table: the most common count between two
 * lines that each hold one value (0 when cells follow each other, 1 when every cell is followed by a blank line).
 */
function separatorBlanks(
  parsed: readonly { label: string; values: readonly Token[]; blanks: number }[],
): number {
  const counts = new Map<number, number>();
  for (let i = 1; i < parsed.length; i++) {
    const a = parsed[i - 1];
    const b = parsed[i];
    if (!a || !b || a.label || b.label || a.values.length !== 1 || b.values.length !== 1) continue;
    counts.set(b.blanks, (counts.get(b.blanks) ?? 0) + 1);
  }
  let best = 0;
  let most = 0;
  for (const [blanks, count] of counts) {
    if (count > most || (count === most && blanks < best)) {
      best = blanks;
      most = count;
    }
  }
  return best;
}

/**
 * The empty cells a run of empty lines stands for, given the blank lines that separate any two cells: each empty
 * cell is its own (empty) line plus its separator. A count that does not fit that pattern stands for none.
 */
function emptyCellsIn(blanks: number, step: number): number {
  const extra = blanks - step;
  if (extra <= 0 || extra % (step + 1) !== 0) return 0;
  return extra / (step + 1);
}

/**
 * Separated text rows (TAB, pipe) with more cells than the table is wide: a trailing separator on every row is
 * no cell, and the empty cells that remain before the first value are the positions a merged label covers (a page
 * copied as text writes them as empty cells), not blank values. Only blank cells are dropped; a row whose extra
 * cells hold numbers is left as it is (the table reader refuses it).
 */
function fitSeparatedRows(
  parsed: { values: Token[]; columns: number[]; emptyLast: boolean; separated: boolean; filled?: string[] }[],
  width: number,
): void {
  const text = parsed.filter((p) => p.separated && !p.filled && p.values.length > 0);
  const trailing = text.length > 0 && text.every((p) => p.emptyLast);
  for (const p of text) {
    if (trailing && p.values.length > width && p.values[p.values.length - 1]?.value === null) {
      p.values.pop();
      p.columns.pop();
    }
    let extra = p.values.length - width;
    while (
      extra > 0 &&
      p.values[0]?.value === null &&
      p.values.slice(0, extra).every((v) => v.value === null)
    ) {
      p.values.shift();
      p.columns.shift();
      extra--;
    }
  }
}

/**
 * Reads the lines of a table part into row records. Lines holding two or more label phrases are first cut at
 * them (run-together text); one-cell-per-line input is reassembled by attaching value lines to the label
 * before them, up to `maxWidth` values.
 */
export function readRegion(lines: readonly Line[], phrases: readonly CutPhrase[], maxWidth: number): Region {
  type Piece = { text: string; line: number; src: Line; at: number; wide?: boolean; blanks: number };
  const pieces: Piece[] = [];
  let runTogether = false;
  // Empty lines before each piece: in one-cell-per-line tables an empty line can be an empty cell.
  let blanks = 0;
  lines.forEach((line, at) => {
    if (line.kind === 'row') {
      pieces.push({ text: line.text, line: line.line, src: line, at, blanks: 0 });
      blanks = 0;
      return;
    }
    const text = line.text;
    if (text.trim() === '') {
      blanks++;
      return;
    }
    if (PAGE_NUMBER.test(text)) return;
    if (/^\s*\|?\s*:?-{3,}/.test(text) || /^\s*#+\s*表[一二三四五]/.test(text)) return;
    const cut = /[\t|]/.test(text) ? [text] : cutAtLabels(text, phrases);
    if (cut.length > 2 && !/\S\s{2,}\S/.test(text.trim())) runTogether = true;
    const wide = /\S\s{2,}\S/.test(text.trim());
    for (const piece of cut) {
      pieces.push({ text: piece, line: line.line, src: { ...line, text: piece }, at, wide, blanks });
      blanks = 0;
    }
  });
  const layouts = new Map<LayoutName, number>();
  type Parsed = {
    label: string;
    leaf: string;
    values: Token[];
    columns: number[];
    line: number;
    separated: boolean;
    index: number;
    blanks: number;
    /** A line holding one blank mark alone (`/`, `—`): an empty cell in a one-cell-per-line table, else nothing. */
    blankCell: boolean;
    /** A separated text row (TAB, pipe) whose last cell is empty. */
    emptyLast: boolean;
    filled?: string[];
  };
  const parsed: Parsed[] = [];
  pieces.forEach((piece, index) => {
    const { cells, separated, layout } = cellsOf(piece.src);
    let label: string[] = [];
    const values: Token[] = [];
    const columns: number[] = [];
    for (const [at, cell] of cells.entries()) {
      if (cell === COVERED) continue;
      const split = splitCell(cell, separated);
      if (split.label !== '') {
        // Empty cells before the first label are the positions of group labels merged from rows above (a page
        // copied as text writes them as empty cells): not values.
        if (label.length === 0 && values.length > 0 && values.every((v) => v.raw.trim() === '')) {
          values.length = 0;
          columns.length = 0;
        }
        // A label after values starts over: only the label before the values names the row.
        if (values.length > 0) break;
        label.push(split.label);
      }
      for (const value of split.values) values.push(value);
      for (const _ of split.values) columns.push(at);
    }
    // A row of blanks only (`||||`) carries nothing, unless the table has one cell per line (decided below):
    // then a line holding one blank mark is an empty cell.
    const blankCell = values.length > 0 && label.length === 0 && values.every((v) => v.value === null);
    if (blankCell && (values.length > 1 || separated)) return;
    if (values.length > 0 && values.every((v) => v.value === null) && label.length > 0) {
      // A header row with blank cells is a label line.
      values.length = 0;
    }
    label = label.map((l) => l.trim()).filter((l) => l !== '');
    if (label.length === 0 && values.length === 0) return;
    const named: LayoutName = piece.wide && layout === 'spaced' ? 'pdftotext' : layout;
    layouts.set(named, (layouts.get(named) ?? 0) + 1);
    parsed.push({
      label: label.join(' '),
      leaf: label[label.length - 1] ?? '',
      values,
      columns,
      line: piece.line,
      separated,
      index,
      blanks: piece.blanks,
      blankCell,
      emptyLast: separated && layout !== 'html' && (cells[cells.length - 1] ?? '').trim() === '',
      ...(piece.src.filled ? { filled: piece.src.filled } : {}),
    });
  });
  fitSeparatedRows(parsed, maxWidth);

  // One cell per line: most lines hold a single cell and many of them a single value.
  const single = parsed.filter((p) => p.values.length + (p.label ? 1 : 0) === 1).length;
  const singleValues = parsed.filter((p) => p.values.length === 1 && !p.label).length;
  const cellPerLine = parsed.length >= 6 && single >= parsed.length * 0.7 && singleValues >= 3;

  const blankStep = cellPerLine ? separatorBlanks(parsed) : 0;
  const records: RowRecord[] = [];
  const labels: { text: string; line: number }[] = [];
  let before: string[] = [];
  let open: RowRecord | undefined;
  let lastTableLine = 0;
  const headerRows: string[][] = [];
  for (const p of parsed) {
    if (p.blankCell && !cellPerLine) continue;
    if (p.values.length === 0 && p.filled && records.length === 0) headerRows.push(p.filled);
    if (p.values.length === 0) {
      // Empty lines after a row's last value, before the next label: its trailing empty cells.
      const trailing = cellPerLine && open ? emptyCellsIn(p.blanks, blankStep) : 0;
      if (open && trailing > 0 && open.values.length + trailing === maxWidth)
        for (let i = 0; i < trailing; i++) open.values.push({ raw: '', value: null });
      labels.push({ text: p.label, line: p.line });
      before.push(p.label);
      open = undefined;
      continue;
    }
    lastTableLine = Math.max(lastTableLine, (pieces[p.index]?.at ?? 0) + 1);
    // A line holding one value alone is one cell: never a run of digits to split.
    const cellValues = cellPerLine && !p.label ? p.values.map(oneCell) : p.values;
    const emptyCells = cellPerLine ? emptyCellsIn(p.blanks, blankStep) : 0;
    if (cellPerLine && !p.label && open && open.values.length + emptyCells < maxWidth) {
      for (let i = 0; i < emptyCells; i++) open.values.push({ raw: '', value: null });
      for (const value of cellValues) open.values.push(value);
      continue;
    }
    const leading =
      cellPerLine && !p.label && before.length > 0
        ? Array.from({ length: Math.min(emptyCells, maxWidth - 1) }, (): Token => ({ raw: '', value: null }))
        : [];
    const record: RowRecord = {
      label: p.label,
      leaf: p.leaf,
      before: before.join(' '),
      values: [...leading, ...cellValues],
      line: p.line,
      separated: p.separated,
      ...(p.filled ? { columns: p.columns } : {}),
    };
    if (cellPerLine && !p.label && before.length > 0) {
      record.label = before[before.length - 1] as string;
      record.before = before.slice(0, -1).join(' ');
    }
    records.push(record);
    open = cellPerLine ? record : undefined;
    before = [];
  }
  // Empty lines at the end of the part after a row short of its width by as many cells: its last empty cells.
  const trailing = cellPerLine && open ? emptyCellsIn(blanks, blankStep) : 0;
  if (open && trailing > 0 && open.values.length + trailing === maxWidth)
    for (let i = 0; i < trailing; i++) open.values.push({ raw: '', value: null });
  let layout: LayoutName = 'spaced';
  let most = 0;
  for (const [name, count] of layouts) {
    if (count > most) {
      most = count;
      layout = name;
    }
  }
  if (cellPerLine) layout = 'cell-per-line';
  if (runTogether) layout = 'run-together';
  return {
    records,
    labels,
    layout,
    text: lines.map((l) => l.text).join('\n'),
    lastTableLine,
    headerRows,
  };
}

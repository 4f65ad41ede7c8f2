import { isBlankMark } from '@nianbao/model';
import { COVERED } from './document.js';

/*
 * Tables printed without ruling lines (a web page printed with its borders styled away, converters that drop
 * them): the grid is rebuilt from where the text stands. Value columns are the x positions where numbers stand
 * apart from other text on three or more baselines; each baseline holding such numbers is a data row; a table
 * ends where text other than numbers stands over the value columns (the next table's caption or header, a
 * heading). Left of the first value column are the labels: their columns are the left edges several label lines
 * share; lines of one label column closer than a line and a half form one label (a wrapped or vertical label),
 * which spans every data row whose baseline it covers, so a group label like 三、本年度办理结果 covers its rows
 * as a rowspan does. A leaf label covering no data row is a row of blanks.
 */

/** The fields of a word this reader uses (PdfWord of pdf.ts). */
export interface PlacedWord {
  readonly str: string;
  readonly x0: number;
  readonly x1: number;
  readonly baseline: number;
  readonly size: number;
}

/** A table read without rules: its rows as grid cells (COVERED where a label spans), and its vertical extent. */
export interface UnruledTable<W extends PlacedWord> {
  readonly top: number;
  readonly rows: { cells: string[]; filled: string[] }[];
  readonly words: W[];
}

const NUMBER = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

function isValue(str: string): boolean {
  return NUMBER.test(str) || (str !== '' && isBlankMark(str));
}

/** Single-linkage clusters of sorted numbers: a gap wider than `gap` starts a new cluster. */
function clusters<T>(items: readonly T[], at: (t: T) => number, gap: number): T[][] {
  const sorted = [...items].sort((p, q) => at(p) - at(q));
  const out: T[][] = [];
  for (const item of sorted) {
    const last = out[out.length - 1];
    if (last && at(item) - at(last[last.length - 1] as T) <= gap) last.push(item);
    else out.push([item]);
  }
  return out;
}

function sameLine(a: PlacedWord, b: PlacedWord): boolean {
  return Math.abs(a.baseline - b.baseline) <= 0.3 * Math.min(a.size, b.size);
}

/** The least of `values` (a loop: spreading a page's words into Math.min overflows the stack). */
function minOf(values: Iterable<number>): number {
  let out = Number.POSITIVE_INFINITY;
  for (const v of values) if (v < out) out = v;
  return out;
}

/** The greatest of `values` (a loop, as {@link minOf}). */
function maxOf(values: Iterable<number>): number {
  let out = Number.NEGATIVE_INFINITY;
  for (const v of values) if (v > out) out = v;
  return out;
}

/** The first index of the ascending `sorted` whose key is at least `v` (binary search). */
function lowerBound<T>(sorted: readonly T[], key: (t: T) => number, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(sorted[mid] as T) < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first index of the ascending `sorted` whose key is more than `v` (binary search). */
function upperBound<T>(sorted: readonly T[], key: (t: T) => number, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(sorted[mid] as T) <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * More words than this on one baseline is no table row (a statutory row has under 20): the line-mates of a word
 * are then not searched, which keeps a hostile page (thousands of words on a line) linear.
 */
const MAX_LINE_WORDS = 500;

/** Words sorted by baseline, for {@link lineMates}. */
function byBaseline<W extends PlacedWord>(words: Iterable<W>): W[] {
  return [...words].sort((p, q) => p.baseline - q.baseline);
}

/**
 * The words of `sorted` (by baseline) on `w`'s line (sameLine), `w` itself left out; `undefined` when more than
 * MAX_LINE_WORDS words stand within its line's reach. A binary search and the words near its baseline, not a
 * scan of the page (which made a page's tables quadratic in its words).
 */
function lineMates<W extends PlacedWord>(sorted: readonly W[], w: PlacedWord): W[] | undefined {
  const reach = 0.3 * w.size;
  const from = lowerBound(sorted, (o) => o.baseline, w.baseline - reach);
  const to = upperBound(sorted, (o) => o.baseline, w.baseline + reach);
  if (to - from > MAX_LINE_WORDS) return undefined;
  const out: W[] = [];
  for (let i = from; i < to; i++) {
    const o = sorted[i] as W;
    if (o !== w && sameLine(o, w)) out.push(o);
  }
  return out;
}

/**
 * Numbers with clear space on both sides on their baseline (a number inside a sentence is not a cell); none on a
 * line more crowded than MAX_LINE_WORDS.
 */
function standalone<W extends PlacedWord>(words: readonly W[]): W[] {
  const sorted = byBaseline(words);
  return words.filter((w) => {
    if (!isValue(w.str)) return false;
    const mates = lineMates(sorted, w);
    return (
      mates !== undefined &&
      !mates.some((o) => Math.abs(o.x0 - w.x1) < 0.8 * w.size || Math.abs(w.x0 - o.x1) < 0.8 * w.size)
    );
  });
}

/** Words read as one text: by baseline, then left to right. */
function join(words: readonly PlacedWord[]): string {
  const lines = clusters(words, (w) => w.baseline, 0.3 * (words[0]?.size ?? 10));
  return lines
    .map((line) =>
      [...line]
        .sort((p, q) => p.x0 - q.x0)
        .map((w) => w.str)
        .join(''),
    )
    .join('');
}

/**
 * The tables of one page's words that stand without rules. Returns each table with the words it took (the caller
 * leaves them out of the running text).
 */
export function unruledTables<W extends PlacedWord>(words: readonly W[]): UnruledTable<W>[] {
  const numbers = standalone(words);
  if (numbers.length < 3) return [];
  const size = numbers.reduce((s, w) => s + w.size, 0) / numbers.length;
  // Cells: standalone numbers with another on their baseline, or in a column of three, or set well apart from
  // a label on their left (表二's single-value rows).
  const inColumn = new Set(
    clusters(numbers, (w) => (w.x0 + w.x1) / 2, 0.9 * size)
      .filter((c) => c.length >= 3)
      .flat(),
  );
  // Standalone numbers are on lines of at most MAX_LINE_WORDS words, so their line-mates are always found.
  const sorted = byBaseline(words);
  const numbersSorted = byBaseline(numbers);
  const inColumns = new Set(
    numbers.filter(
      (w) =>
        inColumn.has(w) ||
        (lineMates(numbersSorted, w) ?? []).length > 0 ||
        (lineMates(sorted, w) ?? []).some((o) => !isValue(o.str) && w.x0 - o.x1 >= 2 * w.size),
    ),
  );
  if (inColumns.size === 0) return [];
  const valueLeft = minOf([...inColumns].map((w) => w.x0)) - 0.5 * size;
  // Data rows: baselines of numbers in value columns.
  const rows = clusters([...inColumns], (w) => w.baseline, 0.3 * size);
  // Split into tables where text other than a label stands between two rows: a caption or header centred over
  // the table, or anything over its value columns. Labels (also a wrapped or vertically centred group label) keep
  // to the left of the table; what is centred further right than 45% of its width is not a label.
  const heads = rows.map((r) => r[0] as W);
  const onRow = (w: W): boolean => {
    // A row's first word within reach of w's baseline (heads are sorted by baseline: a binary search).
    const reach = 0.3 * w.size;
    for (let i = lowerBound(heads, (h) => h.baseline, w.baseline - reach); i < heads.length; i++) {
      const head = heads[i] as W;
      if (head.baseline > w.baseline + reach) break;
      if (sameLine(head, w)) return true;
    }
    return false;
  };
  const tableLeft = minOf(words.filter(onRow).map((w) => w.x0));
  const tableRight = maxOf([...inColumns].map((w) => w.x1));
  const labelLimit = tableLeft + 0.45 * (tableRight - tableLeft);
  const tables: W[][][] = [];
  let current: W[][] = [];
  for (const row of rows) {
    const previous = current[current.length - 1];
    if (previous) {
      const from = (previous[0] as W).baseline + 0.3 * size;
      const to = (row[0] as W).baseline - 1.2 * size;
      // The words between the two rows' baselines (a binary search: the bands of successive rows are disjoint).
      let between = false;
      for (let i = lowerBound(sorted, (o) => o.baseline, from); i < sorted.length && !between; i++) {
        const w = sorted[i] as W;
        if (w.baseline >= to) break;
        between =
          w.baseline > from &&
          !inColumns.has(w) &&
          !isValue(w.str) &&
          (w.x1 > valueLeft || (w.x0 + w.x1) / 2 > labelLimit);
      }
      if (between) {
        tables.push(current);
        current = [];
      }
    }
    current.push(row);
  }
  if (current.length > 0) tables.push(current);
  const out: UnruledTable<W>[] = [];
  for (const dataRows of tables) {
    const table = readTable(sorted, dataRows, size);
    if (table) out.push(table);
  }
  return out;
}

/** A label: lines of one label column close enough to be one cell. */
type Block<W> = { column: number; words: W[]; first: number; last: number };

/**
 * The rows each group label spans (label columns left of the leaf column). A group label is centred on its rows,
 * and the group labels of a column tile its rows from the top: each takes the rows from where the one above
 * ended to the row that puts its middle at the label's middle, at least the rows it stands beside and short of
 * the rows the next one stands beside.
 */
function groupSpans<W>(
  blocks: readonly Block<W>[],
  leaf: number,
  rows: readonly number[],
  coveredRows: (b: Block<W>) => number[],
  closed: (column: number, row: number) => boolean,
): Map<Block<W>, number[]> {
  const out = new Map<Block<W>, number[]>();
  for (let c = 0; c < leaf; c++) {
    const column = blocks.filter((b) => b.column === c).sort((p, q) => p.first - q.first);
    let start = 0;
    column.forEach((b, k) => {
      const beside = coveredRows(b);
      const next = column[k + 1];
      const nextBeside = next ? (coveredRows(next)[0] ?? -1) : -1;
      let from = Math.min(start, beside[0] ?? start);
      while (from < (beside[0] ?? from) && closed(c, from)) from++;
      let limit = nextBeside >= 0 ? nextBeside - 1 : rows.length - 1;
      for (let r = Math.max(from, beside[beside.length - 1] ?? from) + 1; r <= limit; r++) {
        if (closed(c, r)) {
          limit = r - 1;
          break;
        }
      }
      const least = Math.max(from, beside[beside.length - 1] ?? from);
      const middle = (b.first + b.last) / 2;
      let end = least;
      for (let e = least; e <= Math.max(least, limit); e++) {
        const centre = ((rows[from] as number) + (rows[e] as number)) / 2;
        const best = ((rows[from] as number) + (rows[end] as number)) / 2;
        if (Math.abs(centre - middle) < Math.abs(best - middle)) end = e;
      }
      out.set(
        b,
        Array.from({ length: end - from + 1 }, (_, i) => from + i),
      );
      start = end + 1;
    });
  }
  return out;
}

/** The most lines a table's header is read from (表三's is three or four, wrapped to at most eight). */
const MAX_HEADER_LINES = 20;

/** A header cell's text on one line: its horizontal extent. */
interface Span {
  x0: number;
  x1: number;
}

const centre = (s: Span): number => (s.x0 + s.x1) / 2;

/**
 * The leaf header cells of a table, as horizontal extents: the lines just above its first row (each at most
 * 2.5 em above the next, up to a heading or a line of numbers), cut into pieces at gaps wider than an em, pieces
 * stacked over one another (a header on two lines) as one. A group header (行政诉讼 over ten columns) stands
 * between two adjacent columns below it, with no room for a column of its own there: it is left out; a leaf
 * header over an empty slot between lower headers (表四's 总计 beside two-line headers) is kept.
 */
function headerColumns<W extends PlacedWord>(
  sorted: readonly W[],
  used: ReadonlySet<W>,
  top: number,
  size: number,
): Span[] {
  // The lines above the table, nearest first: walked up from its top through the words sorted by baseline, as
  // far as the header can reach (not every line above it: that made a page of many tables quadratic).
  let at = lowerBound(sorted, (w) => w.baseline, top + 0.5 * size) - 1;
  const nextLine = (): W[] | undefined => {
    while (at >= 0 && used.has(sorted[at] as W)) at--;
    if (at < 0) return undefined;
    const line: W[] = [sorted[at] as W];
    at--;
    for (; at >= 0; at--) {
      const w = sorted[at] as W;
      if (used.has(w)) continue;
      if ((line[line.length - 1] as W).baseline - w.baseline > 0.3 * size) break;
      line.push(w);
    }
    return line.reverse();
  };
  const taken: Span[][] = [];
  let edge = top + 0.5 * size;
  for (let line = nextLine(); line !== undefined && taken.length < MAX_HEADER_LINES; line = nextLine()) {
    const baseline = (line[0] as W).baseline;
    if (edge - baseline > 2.5 * size) break;
    if (line.some((w) => w.size > 1.15 * size) || standalone(line).length > 0) break;
    const sorted = [...line].sort((p, q) => p.x0 - q.x0);
    const spans: Span[] = [];
    let from = sorted[0] as W;
    let last = from;
    for (const w of sorted.slice(1)) {
      if (w.x0 - last.x1 > 1.0 * size) {
        spans.push({ x0: from.x0, x1: last.x1 });
        from = w;
      }
      last = w;
    }
    spans.push({ x0: from.x0, x1: last.x1 });
    taken.push(spans);
    edge = baseline;
  }
  // taken[0] is the lowest line. A piece is kept when it stands over a piece below it, or has none on one side.
  const kept: (Span & { line: number })[] = [];
  // Upwards until a line of one piece that is no column's (a caption): what stands above it is another table's
  // (表二's subtables are stacked under their captions).
  let stopped = false;
  taken.forEach((line, k) => {
    if (stopped) return;
    const below = clusters(taken.slice(0, k).flat().map(centre), (x) => x, 0.9 * size).map(
      (g) => g.reduce((sum, x) => sum + x, 0) / g.length,
    );
    const steps = below
      .slice(1)
      .map((x, i) => x - (below[i] as number))
      .sort((p, q) => p - q);
    const pitch = steps[Math.floor(steps.length / 2)] ?? Number.POSITIVE_INFINITY;
    for (const span of line) {
      const x = centre(span);
      const over = below.some((b) => Math.abs(b - x) <= 0.9 * size);
      const left = maxOf(below.filter((b) => b < x));
      const right = minOf(below.filter((b) => b > x));
      // Between two columns below: a column of its own only where there is room for one (an empty slot);
      // beside them: only in the next slot (自然人, 总计 beside the two- and three-line headers), not a caption
      // centred further off.
      const slot =
        Number.isFinite(left) && Number.isFinite(right)
          ? right - left >= 1.5 * pitch
          : Math.min(x - left, right - x) <= 1.5 * pitch;
      if (k === 0 || over || slot) kept.push({ ...span, line: k });
      else if (line.length === 1) stopped = true;
    }
  });
  // A column's extent is its lowest piece's (the leaf's): a group header centred over it may be much wider.
  return clusters(kept, centre, 0.9 * size).map((group) => {
    const lowest = minOf(group.map((g) => g.line));
    const leaf = group.filter((g) => g.line === lowest);
    return { x0: minOf(leaf.map((g) => g.x0)), x1: maxOf(leaf.map((g) => g.x1)) };
  });
}

function readTable<W extends PlacedWord>(
  sorted: readonly W[],
  dataRows: W[][],
  size: number,
): UnruledTable<W> | undefined {
  const values = dataRows.flat();

  const valueLeft = minOf(values.map((w) => w.x0)) - 0.5 * size;
  const baselines = dataRows.map((row) => (row[0] as W).baseline);
  const top = minOf(baselines) - 1.5 * size;
  const bottom = maxOf(baselines) + 0.6 * size;
  const used = new Set<W>(values);
  // Label words: left of the value columns, between the first and last data rows (with half a row around them).
  const labels: W[] = [];
  for (let i = lowerBound(sorted, (w) => w.baseline, top); i < sorted.length; i++) {
    const w = sorted[i] as W;
    if (w.baseline > bottom) break;
    if (!used.has(w) && w.x1 <= valueLeft + 0.2 * size) labels.push(w);
  }
  // Label pieces: runs of words on a baseline, broken where the gap is wider than an em (a new label column).
  const pieces: { words: W[]; x0: number; baseline: number }[] = [];
  for (const line of clusters(labels, (w) => w.baseline, 0.3 * size)) {
    const sorted = [...line].sort((p, q) => p.x0 - q.x0);
    let piece: W[] = [];
    for (const w of sorted) {
      const last = piece[piece.length - 1];
      if (last && w.x0 - last.x1 > 1.0 * size) {
        pieces.push({ words: piece, x0: (piece[0] as W).x0, baseline: (piece[0] as W).baseline });
        piece = [];
      }
      piece.push(w);
    }
    if (piece.length > 0)
      pieces.push({ words: piece, x0: (piece[0] as W).x0, baseline: (piece[0] as W).baseline });
  }
  // Value columns: where the numbers stand and where the header cells above them stand (a column blank in every
  // row is found by its header alone).
  const labelRight = maxOf(labels.map((w) => w.x1));
  // A header standing over the label words is the labels' header (信息内容), not a value column's.
  const labelLeft = minOf(labels.map((w) => w.x0));
  const headers = headerColumns(sorted, used, top, size).filter(
    (h) => !(h.x0 < labelRight && h.x1 > labelLeft),
  );
  const widest = maxOf(dataRows.map((r) => r.length));
  // With a header over every value column, a value's column is the header it falls under: the boundary between
  // two columns is the middle of the gap between their headers (a number may be centred or right-aligned in its
  // cell, its header centred). Without one, the columns are where the numbers stand.
  const bounds: number[] =
    headers.length >= widest
      ? headers.slice(1).map((h, i) => ((headers[i] as Span).x1 + h.x0) / 2)
      : (() => {
          const centres = clusters(values, (w) => (w.x0 + w.x1) / 2, 0.9 * size).map(
            (c) => c.reduce((sum, w) => sum + (w.x0 + w.x1) / 2, 0) / c.length,
          );
          return centres.slice(1).map((x, i) => (x + (centres[i] as number)) / 2);
        })();
  const columns = bounds.length + 1;
  // Label columns: left edges shared by two or more pieces.
  const starts = clusters(pieces, (p) => p.x0, 1.5 * size)
    .filter((c) => c.length >= 2)
    .map((c) => minOf(c.map((p) => p.x0)));
  if (starts.length === 0 && pieces.length > 0) starts.push(minOf(pieces.map((p) => p.x0)));
  const labelColumn = (x: number): number => {
    let at = 0;
    starts.forEach((s, i) => {
      if (x >= s - 0.75 * size) at = i;
    });
    return at;
  };
  // Blocks: pieces of one label column on consecutive lines (baselines within 1.6 em).
  const blocks: Block<W>[] = [];
  for (let c = 0; c < starts.length; c++) {
    const inColumn = pieces.filter((p) => labelColumn(p.x0) === c).sort((p, q) => p.baseline - q.baseline);
    let block: Block<W> | undefined;
    for (const piece of inColumn) {
      if (block && piece.baseline - block.last <= 1.6 * size) {
        block.words.push(...piece.words);
        block.last = piece.baseline;
      } else {
        block = { column: c, words: [...piece.words], first: piece.baseline, last: piece.baseline };
        blocks.push(block);
      }
    }
  }
  // Rows: the data rows, and leaf labels that cover none of them (a row whose cells are all blank).
  const rowBaselines = dataRows.map((r) => (r[0] as W).baseline);
  // The rows a block covers: baselines from 1.1 em above its first line to 0.6 em below its last, a range of the
  // sorted baselines found by binary search (not a scan of every row per block, quadratic in the rows).
  const coverFrom = (b: Block<W>): number => b.first - 1.1 * size;
  const coverTo = (b: Block<W>): number => b.last + 0.6 * size;
  const rowsIn = (ys: readonly number[], b: Block<W>): number[] => {
    const out: number[] = [];
    for (
      let i = lowerBound(ys, (y) => y, coverFrom(b));
      i < ys.length && (ys[i] as number) <= coverTo(b);
      i++
    )
      out.push(i);
    return out;
  };
  const leaf = starts.length - 1;
  // Leaf blocks of one column stand more than 1.6 em apart, so one never covers the row another adds: the data
  // rows alone (sorted, as clusters are) are what each is checked against.
  const dataBaselines = [...rowBaselines];
  for (const b of blocks) {
    if (b.column === leaf && rowsIn(dataBaselines, b).length === 0) rowBaselines.push((b.first + b.last) / 2);
  }
  rowBaselines.sort((p, q) => p - q);
  const coveredRows = (b: Block<W>): number[] => rowsIn(rowBaselines, b);
  const width = starts.length + columns;
  const cells: string[][] = rowBaselines.map(() => new Array<string>(width).fill(''));
  const filled: string[][] = rowBaselines.map(() => new Array<string>(width).fill(''));
  // A row is closed to a label column when a label further left runs into that column (一、本年新收… across all
  // three label columns): no group label of that column spans it.
  // Closed rows per label column, from each block's covered rows and the columns its words run into (starts
  // ascend, so those are the columns after its own up to the first it does not reach).
  const closedRows = starts.map(() => new Set<number>());
  for (const b of blocks) {
    const reach = maxOf(b.words.map((w) => w.x1));
    const rows = coveredRows(b);
    for (let c = b.column + 1; c < starts.length && reach > (starts[c] as number) + 0.2 * size; c++) {
      for (const r of rows) closedRows[c]?.add(r);
    }
  }
  const closed = (column: number, row: number): boolean => closedRows[column]?.has(row) ?? false;
  const spans = groupSpans(blocks, leaf, rowBaselines, coveredRows, closed);
  for (const b of blocks) {
    let spanned = spans.get(b) ?? coveredRows(b);
    if (spanned.length === 0) {
      // Nearest row to the block's middle (the first of equally near ones): beside where it would be inserted.
      const mid = (b.first + b.last) / 2;
      const at = lowerBound(rowBaselines, (y) => y, mid);
      const before = Math.max(0, at - 1);
      const after = Math.min(rowBaselines.length - 1, at);
      const best =
        Math.abs((rowBaselines[after] as number) - mid) < Math.abs((rowBaselines[before] as number) - mid)
          ? after
          : before;
      spanned = [best];
    }
    const text = join(b.words);
    spanned.forEach((r, k) => {
      const row = cells[r] as string[];
      const full = filled[r] as string[];
      // Two blocks landing in one cell (a tight layout): their texts join.
      const joined = full[b.column] ? `${full[b.column]}${text}` : text;
      full[b.column] = joined;
      row[b.column] = k === 0 ? joined : COVERED;
    });
    for (const w of b.words) used.add(w);
  }
  // An empty label position is never a blank value: it is covered by a label beside or above it (a span).
  for (const row of cells) {
    for (let c = 0; c < starts.length; c++) if (row[c] === '') row[c] = COVERED;
  }
  const rowOf = new Map<number, number>();
  rowBaselines.forEach((y, i) => {
    if (!rowOf.has(y)) rowOf.set(y, i);
  });
  for (const row of dataRows) {
    const r = rowOf.get((row[0] as W).baseline) ?? -1;
    for (const w of row) {
      const x = (w.x0 + w.x1) / 2;
      const at = starts.length + bounds.filter((b) => b <= x).length;
      if (r < 0) continue;
      (cells[r] as string[])[at] = w.str;
      (filled[r] as string[])[at] = w.str;
    }
  }
  return {
    top,
    rows: cells.map((row, i) => ({ cells: row, filled: filled[i] as string[] })),
    words: [...used],
  };
}

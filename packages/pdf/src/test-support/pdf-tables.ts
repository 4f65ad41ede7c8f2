import type { LayoutCell, Report, TableLayout } from '@nianbao/model/core';
import { formatCellValue, readCell } from '@nianbao/model/core';
import type { PdfPageGeometry, PdfSegment, PdfWord } from './pdf-positions.js';

/*
 * The statutory tables rebuilt from what a PDF draws, and every value checked in its own cell.
 *
 * Nothing here knows how the renderer laid the table out: cell boxes come from the stroked ruling lines (merged
 * where collinear), a table is a connected set of lines, and a word belongs to the smallest drawn box around it.
 * The model says only which label names a row or a column: a data cell's box is the row band of its row label's
 * drawn box crossed with the x-range of its column header's drawn box, and that box must itself be a drawn cell,
 * hold exactly the report's value for the address (formatted by the model's `formatCellValue`) and nothing else.
 *
 * Labels that occur more than once are told apart by order (the model's row, column order against the drawn
 * boxes' page, top, left order). A table's head repeats on every page the table continues onto, so head labels
 * are matched page by page; a row-group label (a row header spanning rows) must stand on every page that holds
 * one of its rows; every other label occurs exactly once in the whole document.
 */

/** Tolerance in points for "on the same line" and "inside". */
const TOL = 0.6;

/** A box on one page, top-left origin, points. */
export interface DrawnBox {
  readonly page: number;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

interface Line {
  /** Horizontal: y is fixed, a..b runs along x. Vertical: x is fixed, a..b runs along y. */
  readonly at: number;
  readonly a: number;
  readonly b: number;
}

/** A drawn text cell: the words inside one drawn box. */
export interface DrawnCell {
  readonly box: DrawnBox;
  /** The words' text, top to bottom then left to right, whitespace removed. */
  readonly text: string;
  readonly words: readonly PdfWord[];
}

/** One table as drawn on one page: its merged ruling lines, its frame and its text cells. */
export interface DrawnTable {
  readonly page: number;
  readonly frame: DrawnBox;
  readonly horizontals: readonly Line[];
  readonly verticals: readonly Line[];
  readonly cells: readonly DrawnCell[];
  /** Upright words inside the frame that no drawn box encloses. */
  readonly loose: readonly PdfWord[];
}

/** Text as compared: whitespace (incl. the no-break spaces the PDF prints) removed. */
export function squashText(text: string): string {
  return text.replace(/[\s\u00a0]+/gu, '');
}

function merge(lines: Line[]): Line[] {
  // Cluster by position first (coordinates of one rule differ in the last float digits), then join the pieces
  // of each cluster that touch or overlap along the rule.
  const byAt = [...lines].sort((p, q) => p.at - q.at);
  const clusters: Line[][] = [];
  for (const line of byAt) {
    const last = clusters[clusters.length - 1];
    if (last && Math.abs((last[0] as Line).at - line.at) <= 0.05) last.push(line);
    else clusters.push([line]);
  }
  const out: Line[] = [];
  for (const cluster of clusters) {
    const at = (cluster[0] as Line).at;
    let current: Line | undefined;
    for (const line of cluster.sort((p, q) => p.a - q.a)) {
      if (current && line.a <= current.b + TOL)
        current = { at, a: current.a, b: Math.max(current.b, line.b) };
      else {
        if (current) out.push(current);
        current = { at, a: line.a, b: line.b };
      }
    }
    if (current) out.push(current);
  }
  return out;
}

function linesOf(segments: readonly PdfSegment[]): { horizontals: Line[]; verticals: Line[] } {
  const horizontals: Line[] = [];
  const verticals: Line[] = [];
  for (const s of segments) {
    if (s.y1 - s.y0 <= 0.01 && s.x1 - s.x0 > 0.01) horizontals.push({ at: s.y0, a: s.x0, b: s.x1 });
    else if (s.x1 - s.x0 <= 0.01 && s.y1 - s.y0 > 0.01) verticals.push({ at: s.x0, a: s.y0, b: s.y1 });
  }
  return { horizontals: merge(horizontals), verticals: merge(verticals) };
}

const touches = (h: Line, v: Line): boolean =>
  v.at >= h.a - TOL && v.at <= h.b + TOL && h.at >= v.a - TOL && h.at <= v.b + TOL;

/** The smallest drawn box around a point: the nearest ruling line on each side that passes the point. */
export function enclosingBox(
  table: Pick<DrawnTable, 'page' | 'horizontals' | 'verticals'>,
  x: number,
  y: number,
): DrawnBox | undefined {
  let left = -Infinity;
  let right = Infinity;
  let top = -Infinity;
  let bottom = Infinity;
  for (const v of table.verticals) {
    if (y < v.a - TOL || y > v.b + TOL) continue;
    if (v.at < x && v.at > left) left = v.at;
    if (v.at > x && v.at < right) right = v.at;
  }
  for (const h of table.horizontals) {
    if (x < h.a - TOL || x > h.b + TOL) continue;
    if (h.at < y && h.at > top) top = h.at;
    if (h.at > y && h.at < bottom) bottom = h.at;
  }
  if (![left, right, top, bottom].every(Number.isFinite)) return undefined;
  return { page: table.page, left, right, top, bottom };
}

/** A word's anchor: the middle of its advance, half an em above the baseline. */
function anchor(word: PdfWord): [number, number] {
  return [(word.x0 + word.x1) / 2, word.baseline - word.size * 0.35];
}

/** Whether a word's glyph box lies inside a box (within the tolerance). */
export function wordInside(word: PdfWord, box: DrawnBox): boolean {
  return (
    word.page === box.page &&
    word.x0 >= box.left - TOL &&
    word.x1 <= box.right + TOL &&
    word.baseline - word.size * 0.88 >= box.top - TOL &&
    word.baseline + word.size * 0.12 <= box.bottom + TOL
  );
}

const sameBox = (p: DrawnBox, q: DrawnBox): boolean =>
  p.page === q.page &&
  Math.abs(p.left - q.left) <= TOL &&
  Math.abs(p.right - q.right) <= TOL &&
  Math.abs(p.top - q.top) <= TOL &&
  Math.abs(p.bottom - q.bottom) <= TOL;

const boxKey = (b: DrawnBox): string =>
  [b.page, b.left, b.right, b.top, b.bottom].map((n) => n.toFixed(1)).join(',');

/** Every table drawn on a page: connected sets of ruling lines, with the upright words inside each. */
export function drawnTables(page: PdfPageGeometry): DrawnTable[] {
  const { horizontals, verticals } = linesOf(page.segments);
  const all = [...horizontals.map((l) => ({ l, h: true })), ...verticals.map((l) => ({ l, h: false }))];
  const parent = all.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  all.forEach((p, i) => {
    if (!p.h) return;
    all.forEach((q, j) => {
      if (!q.h && touches(p.l, q.l)) parent[find(i)] = find(j);
    });
  });
  const groups = new Map<number, { h: Line[]; v: Line[] }>();
  all.forEach((p, i) => {
    const root = find(i);
    const group = groups.get(root) ?? { h: [], v: [] };
    (p.h ? group.h : group.v).push(p.l);
    groups.set(root, group);
  });
  const tables: DrawnTable[] = [];
  for (const { h, v } of groups.values()) {
    // A table has rows and columns; a lone rule (an underline, a separator) is not one.
    if (h.length < 2 || v.length < 2) continue;
    const frame: DrawnBox = {
      page: page.page,
      left: Math.min(...h.map((l) => l.a), ...v.map((l) => l.at)),
      right: Math.max(...h.map((l) => l.b), ...v.map((l) => l.at)),
      top: Math.min(...v.map((l) => l.a), ...h.map((l) => l.at)),
      bottom: Math.max(...v.map((l) => l.b), ...h.map((l) => l.at)),
    };
    const base = { page: page.page, horizontals: h, verticals: v };
    const closed = { ...base, horizontals: [...h, { at: frame.bottom, a: frame.left, b: frame.right }] };
    const byBox = new Map<string, { box: DrawnBox; words: PdfWord[] }>();
    const loose: PdfWord[] = [];
    for (const word of page.words) {
      if (!word.upright) continue;
      const [x, y] = anchor(word);
      if (x < frame.left || x > frame.right || y < frame.top || y > frame.bottom) {
        // A word standing outside the frame but reaching into it (a label overflowing its table) is loose.
        const overlaps =
          word.x1 > frame.left + TOL &&
          word.x0 < frame.right - TOL &&
          word.baseline + word.size * 0.12 > frame.top + TOL &&
          word.baseline - word.size * 0.88 < frame.bottom - TOL;
        if (overlaps) loose.push(word);
        continue;
      }
      // A row group cut by a page break is open at the page's end of the table: its box ends at the frame.
      const box = enclosingBox(base, x, y) ?? enclosingBox(closed, x, y);
      if (!box) {
        loose.push(word);
        continue;
      }
      const key = boxKey(box);
      const entry = byBox.get(key) ?? { box, words: [] };
      entry.words.push(word);
      byBox.set(key, entry);
    }
    const cells = [...byBox.values()].map(({ box, words }) => {
      const ordered = [...words].sort((p, q) => p.baseline - q.baseline || p.x0 - q.x0);
      return { box, words: ordered, text: squashText(ordered.map((w) => w.str).join('')) };
    });
    tables.push({ ...base, frame, cells, loose });
  }
  return tables.sort((p, q) => p.frame.top - q.frame.top);
}

/** What {@link checkTablePlacement} found. */
export interface PlacementResult {
  /** Everything wrong, one line each (empty when every value is in its cell). */
  readonly problems: string[];
  /** Data cells checked, per table id. */
  readonly checked: Record<string, number>;
  /** The drawn tables found, per table id, in page order (for further assertions). */
  readonly tables: Record<string, DrawnTable[]>;
}

/** Options of {@link checkTablePlacement}. */
export interface PlacementOptions {
  /** The text block's horizontal extent (points from the page's left edge) per page; every rule lies inside. */
  readonly textBlock?: (page: number) => { left: number; right: number } | undefined;
}

function labelCells(layout: TableLayout): LayoutCell[] {
  return [...layout.cellsById.values()].filter((c) => c.kind !== 'data' && (c.label ?? '') !== '');
}

function headIds(layout: TableLayout): Set<string> {
  const ids = new Set<string>();
  for (const section of layout.sections)
    if (section.kind === 'head') for (const row of section.rows) for (const c of row.cells) ids.add(c.id);
  return ids;
}

const byGrid = (p: LayoutCell, q: LayoutCell): number => p.row - q.row || p.col - q.col;
const byPlace = (p: DrawnCell, q: DrawnCell): number =>
  p.box.page - q.box.page || p.box.top - q.box.top || p.box.left - q.box.left;

/** Which statutory table a drawn table is: the layout whose labels it shows most of (at least two). */
function identify(table: DrawnTable, layouts: readonly TableLayout[]): TableLayout | undefined {
  const texts = new Set(table.cells.map((c) => c.text));
  let best: TableLayout | undefined;
  let bestScore = 1;
  for (const layout of layouts) {
    const labels = new Set(labelCells(layout).map((c) => squashText(c.label ?? '')));
    let score = 0;
    for (const label of labels) if (texts.has(label)) score += 1;
    if (score > bestScore) {
      best = layout;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Rebuilds every statutory table from the ruling lines and words of a PDF and checks that each data cell of
 * `layouts` stands in its own drawn cell with exactly `formatCellValue(readCell(report, address))`.
 */
export function checkTablePlacement(
  pages: readonly PdfPageGeometry[],
  layouts: readonly TableLayout[],
  report: Report,
  options: PlacementOptions = {},
): PlacementResult {
  const problems: string[] = [];
  const checked: Record<string, number> = {};
  const found: Record<string, DrawnTable[]> = {};
  for (const page of pages) {
    for (const table of drawnTables(page)) {
      const layout = identify(table, layouts);
      if (!layout) continue;
      const list = found[layout.id] ?? [];
      list.push(table);
      found[layout.id] = list;
      const block = options.textBlock?.(page.page);
      if (block && (table.frame.left < block.left - 1 || table.frame.right > block.right + 1)) {
        problems.push(
          `${layout.id} p${page.page}: rules reach x ${table.frame.left.toFixed(1)}–${table.frame.right.toFixed(1)}, ` +
            `outside the text block ${block.left.toFixed(1)}–${block.right.toFixed(1)}`,
        );
      }
    }
  }
  for (const layout of layouts) {
    const tables = found[layout.id] ?? [];
    checked[layout.id] = 0;
    if (tables.length === 0) {
      problems.push(`${layout.id}: no drawn table found`);
      continue;
    }
    const first = tables[0] as DrawnTable;
    for (const table of tables) {
      if (
        Math.abs(table.frame.left - first.frame.left) > TOL ||
        Math.abs(table.frame.right - first.frame.right) > TOL
      )
        problems.push(
          `${layout.id} p${table.page}: frame ${table.frame.left.toFixed(1)}–${table.frame.right.toFixed(1)} differs from p${first.page}'s`,
        );
      for (const word of table.loose)
        problems.push(
          `${layout.id} p${table.page}: 「${word.str}」 at x ${word.x0.toFixed(1)} is in no drawn cell`,
        );
    }
    const head = headIds(layout);
    const labels = labelCells(layout);
    /** Where each label cell was drawn: per drawn table for head labels, else one place. */
    const placed = new Map<string, Map<DrawnTable, DrawnCell>>();
    const put = (cell: LayoutCell, table: DrawnTable, drawn: DrawnCell): void => {
      const at = placed.get(cell.id) ?? new Map<DrawnTable, DrawnCell>();
      at.set(table, drawn);
      placed.set(cell.id, at);
    };
    const byText = new Map<string, LayoutCell[]>();
    for (const cell of labels) {
      const text = squashText(cell.label ?? '');
      byText.set(text, [...(byText.get(text) ?? []), cell]);
    }
    const claimed = new Set<DrawnCell>();
    for (const [text, cells] of byText) {
      const model = [...cells].sort(byGrid);
      const heads = model.filter((c) => head.has(c.id));
      const groups = model.filter((c) => !head.has(c.id) && c.kind === 'row-header' && c.rowSpan > 1);
      const once = model.filter((c) => !head.has(c.id) && !(c.kind === 'row-header' && c.rowSpan > 1));
      // Head labels and group labels repeat per drawn table: match them within each table.
      const perTable = new Map<DrawnTable, DrawnCell[]>();
      for (const table of tables) {
        perTable.set(table, table.cells.filter((c) => c.text === text).sort(byPlace));
      }
      const onceDrawn: [DrawnTable, DrawnCell][] = [];
      for (const table of tables) {
        const drawn = [...(perTable.get(table) ?? [])];
        const repeating = heads.length > 0 ? heads : [];
        if (repeating.length > 0) {
          if (drawn.length < repeating.length) {
            problems.push(
              `${layout.id} p${table.page}: head label 「${text}」 drawn ${drawn.length}×, want ${repeating.length}`,
            );
          }
          repeating.forEach((cell, i) => {
            const d = drawn[i];
            if (d) {
              put(cell, table, d);
              claimed.add(d);
            }
          });
          drawn.splice(0, repeating.length);
        }
        for (const d of drawn) onceDrawn.push([table, d]);
      }
      // Group labels: one per drawn table that holds them (checked against their rows below).
      const remaining: [DrawnTable, DrawnCell][] = [];
      if (groups.length > 0) {
        const seen = new Set<DrawnTable>();
        for (const [table, d] of onceDrawn) {
          const cell = groups[0] as LayoutCell;
          if (groups.length === 1 && !seen.has(table)) {
            seen.add(table);
            put(cell, table, d);
            claimed.add(d);
          } else remaining.push([table, d]);
        }
      } else remaining.push(...onceDrawn);
      if (remaining.length !== once.length) {
        problems.push(
          `${layout.id}: label 「${text}」 drawn ${remaining.length}× outside the head, want ${once.length}` +
            ` (pages ${remaining.map(([t]) => t.page).join(', ') || 'none'})`,
        );
      }
      once.forEach((cell, i) => {
        const entry = remaining[i];
        if (!entry) return;
        put(cell, entry[0], entry[1]);
        claimed.add(entry[1]);
      });
    }

    // Every row of a group on a page means the group's label is on that page too.
    const rowTables = new Map<number, DrawnTable>();
    for (const cell of labels) {
      if (cell.kind !== 'row-header' || cell.rowSpan !== 1 || head.has(cell.id)) continue;
      const at = placed.get(cell.id);
      const table = at ? [...at.keys()][0] : undefined;
      if (table) rowTables.set(cell.row, table);
    }
    for (const cell of labels) {
      if (cell.kind !== 'row-header' || cell.rowSpan <= 1) continue;
      const at = placed.get(cell.id) ?? new Map<DrawnTable, DrawnCell>();
      const unlabelled = new Set<DrawnTable>();
      for (let r = cell.row; r < cell.row + cell.rowSpan; r++) {
        const table = rowTables.get(r);
        if (table && !at.has(table)) unlabelled.add(table);
      }
      for (const table of at.keys()) {
        const rows = [...rowTables].filter(
          ([r, t]) => t === table && r >= cell.row && r < cell.row + cell.rowSpan,
        );
        if (rows.length === 0)
          problems.push(
            `${layout.id} p${table.page}: row group 「${cell.label}」 stands on a page with none of its rows`,
          );
      }
      for (const table of unlabelled)
        problems.push(
          `${layout.id} p${table.page}: row group 「${cell.label}」 is not labelled on this page`,
        );
    }

    for (const data of layout.dataCells) {
      const address = data.address ?? '';
      const headers = data.headers.map((id) => layout.cellsById.get(id)).filter((c): c is LayoutCell => !!c);
      const column = headers
        .filter((c) => c.kind === 'column-header' && c.col === data.col && c.colSpan === data.colSpan)
        .at(-1);
      const row = headers
        .filter((c) => c.kind === 'row-header' && c.row === data.row && c.rowSpan === data.rowSpan)
        .at(-1);
      if (!column) {
        problems.push(`${address}: the model names no column header for it`);
        continue;
      }
      const rowAt = row ? placed.get(row.id) : undefined;
      const rowEntry = rowAt ? [...rowAt.entries()][0] : undefined;
      if (row && !rowEntry) {
        problems.push(`${address}: its row label 「${row.label}」 is not drawn in a cell`);
        continue;
      }
      const table = rowEntry ? rowEntry[0] : tables.length === 1 ? first : undefined;
      if (!table) {
        problems.push(`${address}: no row label, and the table is drawn ${tables.length}×`);
        continue;
      }
      const columnCell = placed.get(column.id)?.get(table);
      if (!columnCell) {
        problems.push(`${address}: column header 「${column.label}」 is not drawn on p${table.page}`);
        continue;
      }
      let top: number;
      let bottom: number;
      if (rowEntry) {
        top = rowEntry[1].box.top;
        bottom = rowEntry[1].box.bottom;
      } else {
        // No row labels (表四): the band right under the column header, down to the next rule across it.
        const x = (columnCell.box.left + columnCell.box.right) / 2;
        top = columnCell.box.bottom;
        const below = table.horizontals
          .filter((h) => h.at > top + TOL && x >= h.a - TOL && x <= h.b + TOL)
          .map((h) => h.at);
        bottom = Math.min(...below);
        if (!Number.isFinite(bottom)) {
          problems.push(`${address}: no rule closes the row under 「${column.label}」`);
          continue;
        }
      }
      const want: DrawnBox = {
        page: table.page,
        left: columnCell.box.left,
        right: columnCell.box.right,
        top,
        bottom,
      };
      const drawn = enclosingBox(table, (want.left + want.right) / 2, (want.top + want.bottom) / 2);
      const where = `${address} (p${table.page}, x ${want.left.toFixed(1)}–${want.right.toFixed(1)}, y ${want.top.toFixed(1)}–${want.bottom.toFixed(1)})`;
      checked[layout.id] = (checked[layout.id] ?? 0) + 1;
      if (!drawn || !sameBox(drawn, want)) {
        problems.push(`${where}: no drawn cell there (rules enclose ${drawn ? boxKey(drawn) : 'nothing'})`);
        continue;
      }
      const expected = formatCellValue(readCell(report, address));
      const cell = table.cells.find((c) => sameBox(c.box, want));
      if (cell) claimed.add(cell);
      const text = cell?.text ?? '';
      if (text !== squashText(expected)) {
        problems.push(`${where}: shows 「${text}」, want 「${expected}」`);
        continue;
      }
      for (const word of cell?.words ?? []) {
        if (!wordInside(word, want)) problems.push(`${where}: 「${word.str}」 sticks out of its cell`);
      }
    }
    for (const table of tables) {
      for (const cell of table.cells) {
        for (const word of cell.words)
          if (!wordInside(word, cell.box))
            problems.push(
              `${layout.id} p${table.page}: 「${word.str}」 sticks out of its cell ${boxKey(cell.box)}`,
            );
        if (!claimed.has(cell))
          problems.push(
            `${layout.id} p${table.page}: 「${cell.text}」 at ${boxKey(cell.box)} belongs to no label or value`,
          );
      }
    }
  }
  return { problems, checked, tables: found };
}

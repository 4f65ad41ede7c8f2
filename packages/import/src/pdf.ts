import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LocalizedText } from '@nianbao/model';
import { PAGE_NUMBER } from './aliases.js';
import { COVERED, type Line } from './document.js';
import type { ReadKind } from './import-report.js';
import { headingLevel } from './narrative.js';
import { importNote, NOTE_TEXT, type NoteCode } from './notes.js';
import { unruledTables } from './pdf-unruled.js';
import { polyfillForPdfjs } from './pdfjs-node20.js';
import type { ImportNote, ImportOptions, ImportResult } from './types.js';

/*
 * PDF in: pdf.js (unpdf's serverless build, for Node) gives each page's text items with their positions and the page's
 * operator list, from which the drawn ruling lines are taken (stroked segments, and the thin filled rectangles
 * Word, WPS and Chromium draw borders with). A table is a connected set of horizontal and vertical rules: its
 * grid lines are the distinct rule positions, a border missing between two grid units merges them (that is how
 * a merged cell looks on paper), and each cell's text is the words whose centre lies inside it, read line by line
 * whatever order the content stream drew them in. The result is the same grid of `row` lines the HTML reader
 * hands over (covered positions marked COVERED, `filled` with the covering cell's text), so the one table
 * interpreter reads it. Text outside tables becomes paragraphs from its geometry: a paragraph starts at an
 * indented line or after a line that stops short of the right margin; page numbers and running headers go.
 */

/** The largest PDF read: 100 MB (a scanned report with page images can be large; only its text is read). */
export const MAX_PDF_BYTES: number = 100 * 1024 * 1024;

/** The most pages read: a report is a few dozen pages; past this the rest is left out with a note. */
export const MAX_PDF_PAGES = 300;

/** A word (a run of text without spaces) on a page, in top-left page coordinates (points, y downwards). */
export interface PdfWord {
  readonly str: string;
  readonly x0: number;
  readonly x1: number;
  /** Baseline, from the top of the page. */
  readonly baseline: number;
  /** Font size in points. */
  readonly size: number;
  /** Whether its font is a bold face (a bold lead-in of a paragraph). */
  readonly bold: boolean;
  /** Whether a space stood before it in the same text item (the item's own spacing, kept when rejoined). */
  readonly spaced?: boolean;
}

/** A ruling line: horizontal (`y0 === y1`) or vertical (`x0 === x1`), with x0 ≤ x1 and y0 ≤ y1. */
export interface PdfRule {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** What one page holds. */
export interface PdfPage {
  readonly page: number;
  readonly width: number;
  readonly height: number;
  readonly words: readonly PdfWord[];
  readonly rules: readonly PdfRule[];
  /** Images painted (a page with images and no words is a scan). */
  readonly images: number;
}

type Matrix = readonly [number, number, number, number, number, number];

function multiply(m: Matrix, n: Matrix): Matrix {
  // m then n (PDF's `cm` prepends: CTM' = m × CTM).
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** The part of pdf.js used here. */
interface PdfjsLib {
  readonly OPS: Readonly<Record<string, number>>;
  getDocument(source: Record<string, unknown>): { promise: Promise<PdfjsDocument>; destroy(): Promise<void> };
}
interface PdfjsDocument {
  readonly numPages: number;
  getPage(n: number): Promise<PdfjsPage>;
}
interface PdfjsPage {
  getViewport(options: { scale: number }): { width: number; height: number; transform: number[] };
  getTextContent(): Promise<{ items: readonly unknown[] }>;
  getOperatorList(): Promise<{ fnArray: readonly number[]; argsArray: readonly unknown[] }>;
  readonly commonObjs: { has(id: string): boolean; get(id: string): unknown };
  cleanup(): boolean;
}
interface TextItem {
  readonly str: string;
  readonly transform: readonly number[];
  readonly width: number;
  readonly fontName: string;
}

/**
 * pdf.js as `unpdf` bundles it: its serverless build (worker inlined, no DOM, no canvas), which runs on Node
 * without pdfjs-dist's 35 MB of other builds and its optional @napi-rs/canvas (34 MB) — text and operator lists
 * are all read here, nothing is rendered. A constant specifier, resolved at run time.
 */
const PDFJS = 'unpdf/pdfjs';

let loaded: Promise<PdfjsLib> | undefined;
function pdfjs(): Promise<PdfjsLib> {
  polyfillForPdfjs();
  loaded ??= import(PDFJS) as Promise<PdfjsLib>;
  return loaded;
}

/**
 * pdf.js's CMaps and standard fonts (unpdf ships neither): CJK PDFs that do not embed their fonts need the CMaps
 * to map codes to text. The build copies them from pdfjs-dist, the same pdf.js release as unpdf's, into
 * pdfjs-data/ (scripts/copy-pdfjs-data.mjs), a sibling of src/ and dist/ alike. pdf.js would read such a PDF as
 * no text without saying why if they were missing, so a missing folder fails loudly.
 */
function resources(): { cMapUrl: string; standardFontDataUrl: string } {
  const root = fileURLToPath(new URL('../pdfjs-data/', import.meta.url));
  if (!existsSync(join(root, 'cmaps'))) {
    throw new Error(
      `@nianbao/import 安装不完整：缺少 pdf.js 的 CMap 数据 ${root}（在仓库中请先运行 pnpm --filter @nianbao/import build） / ` +
        `@nianbao/import is incomplete: pdf.js's CMap data is missing at ${root} (in the repository, run pnpm --filter @nianbao/import build first)`,
    );
  }
  return { cMapUrl: `${join(root, 'cmaps')}/`, standardFontDataUrl: `${join(root, 'standard_fonts')}/` };
}

/**
 * Kangxi radicals (U+2F00–U+2FDF), CJK radical supplements (U+2E80–U+2EFF) and compatibility ideographs
 * (U+F900–U+FAFF) as the ideographs they stand for, and canonically equivalent characters in their NFC form: font subsetters (Chromium's, some Word exports) map glyphs
 * shared by a radical and an ideograph to the radical in ToUnicode, so 二 reads back as ⼆. Only these are
 * normalised (NFKC on all text would also turn full-width punctuation half-width).
 */
function unifyIdeographs(text: string): string {
  // NFC first: canonical equivalents (U+2329 〈 is U+3008 〈; most compatibility ideographs) are the same text.
  return text
    .normalize('NFC')
    .replace(/[\u2e80-\u2fdf\uf900-\ufaff]/gu, (ch) => RADICAL_SUPPLEMENT.get(ch) ?? ch.normalize('NFKC'));
}

/**
 * The CJK radical supplements (U+2E80–U+2EFF) drawn exactly like a whole character, as that character (Unicode's
 * EquivalentUnifiedIdeograph.txt): NFKC leaves these alone, and subsetters map 民 to ⺠ as they map 二 to ⼆.
 */
const RADICAL_SUPPLEMENT: ReadonlyMap<string, string> = new Map(
  '⺁厂 ⺠民 ⻁虎 ⻄西 ⻅见 ⻆角 ⻉贝 ⻋车 ⻑長 ⻓长 ⻔门 ⻖阝 ⻘青 ⻙韦 ⻚页 ⻛风 ⻜飞 ⻝食 ⻢马 ⻣骨 ⻤鬼 ⻥鱼 ⻦鸟 ⻧卤 ⻨麦 ⻩黄 ⻬齐 ⻮齿 ⻰龙'
    .split(' ')
    .map((pair) => [pair.slice(0, 1), pair.slice(1)] as [string, string]),
);

const BOLD = /bold|black|heavy|semibold|demibold|[-,]bd\b|黑体|粗/i;

/** Advance of a character relative to the font size: CJK and full-width forms 1 em, the rest about half. */
function advance(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  return code >= 0x2e80 || (code >= 0xff00 && code <= 0xffef) ? 1 : 0.55;
}

/**
 * Splits a text item at its spaces into words: pdf.js joins runs on one baseline that stand close together into
 * one item ("0 0 12"), and each number is its own cell. The first word starts where the item starts and the
 * last ends where it ends; the inner edges are placed by the characters' advances, the spaces sharing the rest.
 */
function splitItem(
  str: string,
  x0: number,
  x1: number,
  baseline: number,
  size: number,
  bold: boolean,
): PdfWord[] {
  const pieces = str.split(/\s+/u).filter((p) => p !== '');
  if (pieces.length === 0) return [];
  if (pieces.length === 1) return [{ str: pieces[0] as string, x0, x1, baseline, size, bold }];
  const leading = /^\s/u.test(str);
  const widths = pieces.map((p) => [...p].reduce((w, ch) => w + advance(ch), 0));
  const total = widths.reduce((p, q) => p + q, 0);
  const span = x1 - x0;
  // Scale advances down if the estimate exceeds the item (a condensed font), keeping the gaps non-negative.
  const scale = Math.min(size, span / Math.max(total, 1e-6));
  const gap = (span - total * scale) / (pieces.length - 1);
  const out: PdfWord[] = [];
  let x = x0;
  pieces.forEach((str, i) => {
    const w = (widths[i] ?? 0) * scale;
    const spaced = i > 0 || leading;
    out.push({ str, x0: x, x1: i === pieces.length - 1 ? x1 : x + w, baseline, size, bold, spaced });
    x += w + gap;
  });
  return out;
}

// pdf.js's path opcodes inside constructPath (DrawOPS).
const MOVE_TO = 0;
const LINE_TO = 1;
const CURVE_TO = 2;
const QUAD_TO = 3;
const CLOSE = 4;

/** A border drawn as a filled rectangle is at most this thick (points). */
const THIN = 2.5;
/** Axis-parallel within this (points). */
const STRAIGHT = 0.5;

/** Rules of one path: its straight axis-parallel stroked pieces, or, when filled, its thin rectangles. */
function pathRules(path: ArrayLike<number>, toPage: Matrix, stroked: boolean, filled: boolean): PdfRule[] {
  const out: PdfRule[] = [];
  let points: [number, number][] = [];
  let curved = false;
  const closeSub = (): void => {
    if (filled && !curved && points.length >= 3) {
      // A loop, not Math.min(...xs): a path of a few hundred thousand points would overflow the stack.
      let [x0, x1, y0, y1] = [
        Number.POSITIVE_INFINITY,
        Number.NEGATIVE_INFINITY,
        Number.POSITIVE_INFINITY,
        Number.NEGATIVE_INFINITY,
      ];
      for (const [x, y] of points) {
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
        y0 = Math.min(y0, y);
        y1 = Math.max(y1, y);
      }
      const w = x1 - x0;
      const h = y1 - y0;
      if (h <= THIN && w > 2 * h && w >= 3) out.push({ x0, x1, y0: (y0 + y1) / 2, y1: (y0 + y1) / 2 });
      else if (w <= THIN && h > 2 * w && h >= 3) out.push({ x0: (x0 + x1) / 2, x1: (x0 + x1) / 2, y0, y1 });
    }
    points = [];
    curved = false;
  };
  const line = (a: [number, number], b: [number, number]): void => {
    if (!stroked) return;
    if (Math.abs(a[1] - b[1]) <= STRAIGHT && Math.abs(a[0] - b[0]) >= 1) {
      const y = (a[1] + b[1]) / 2;
      out.push({ x0: Math.min(a[0], b[0]), x1: Math.max(a[0], b[0]), y0: y, y1: y });
    } else if (Math.abs(a[0] - b[0]) <= STRAIGHT && Math.abs(a[1] - b[1]) >= 1) {
      const x = (a[0] + b[0]) / 2;
      out.push({ x0: x, x1: x, y0: Math.min(a[1], b[1]), y1: Math.max(a[1], b[1]) });
    }
  };
  let current: [number, number] = [0, 0];
  let start: [number, number] = [0, 0];
  for (let i = 0; i < path.length; ) {
    const op = path[i];
    if (op === MOVE_TO) {
      closeSub();
      current = apply(toPage, path[i + 1] ?? 0, path[i + 2] ?? 0);
      start = current;
      points.push(current);
      i += 3;
    } else if (op === LINE_TO) {
      const next = apply(toPage, path[i + 1] ?? 0, path[i + 2] ?? 0);
      line(current, next);
      current = next;
      points.push(current);
      i += 3;
    } else if (op === CURVE_TO) {
      current = apply(toPage, path[i + 5] ?? 0, path[i + 6] ?? 0);
      curved = true;
      i += 7;
    } else if (op === QUAD_TO) {
      current = apply(toPage, path[i + 3] ?? 0, path[i + 4] ?? 0);
      curved = true;
      i += 5;
    } else if (op === CLOSE) {
      line(current, start);
      current = start;
      i += 1;
    } else {
      // An opcode this reader does not know: the rest of the path is not read (no rules from it).
      break;
    }
  }
  closeSub();
  return out;
}

/** Words, rules and image count of one page, in top-left coordinates of the page as displayed (rotation applied). */
async function readPage(lib: PdfjsLib, doc: PdfjsDocument, n: number): Promise<PdfPage> {
  const page = await doc.getPage(n);
  const viewport = page.getViewport({ scale: 1 });
  const view = viewport.transform as unknown as Matrix;
  const { OPS } = lib;
  const list = await page.getOperatorList();
  const rules: PdfRule[] = [];
  let images = 0;
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  const strokes = new Set([
    OPS.stroke,
    OPS.closeStroke,
    OPS.fillStroke,
    OPS.eoFillStroke,
    OPS.closeFillStroke,
    OPS.closeEOFillStroke,
  ]);
  const fills = new Set([
    OPS.fill,
    OPS.eoFill,
    OPS.fillStroke,
    OPS.eoFillStroke,
    OPS.closeFillStroke,
    OPS.closeEOFillStroke,
  ]);
  const imageOps = new Set([
    OPS.paintImageXObject,
    OPS.paintInlineImageXObject,
    OPS.paintImageMaskXObject,
    OPS.paintJpegXObject,
  ]);
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0];
    else if (fn === OPS.transform && args) ctm = multiply(args as unknown as Matrix, ctm);
    else if (imageOps.has(fn as number)) images++;
    else if (fn === OPS.constructPath && args) {
      const [paint, data] = args as [number, ArrayLike<number>[] | null];
      const path = data?.[0];
      const stroked = strokes.has(paint);
      const filled = fills.has(paint);
      if (!path || (!stroked && !filled)) continue;
      for (const rule of pathRules(path, multiply(ctm, view), stroked, filled)) rules.push(rule);
    }
  }
  const words: PdfWord[] = [];
  const scale = Math.hypot(view[0], view[1]);
  for (const raw of (await page.getTextContent()).items) {
    const item = raw as Partial<TextItem>;
    if (typeof item.str !== 'string' || item.str.trim() === '' || !item.transform) continue;
    const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = item.transform;
    const length = Math.hypot(a, b) || 1;
    const from = apply(view, e, f);
    const to = apply(view, e + (a / length) * (item.width ?? 0), f + (b / length) * (item.width ?? 0));
    // Only text running left to right on the displayed page is read (a rotated watermark or stamp is not).
    if (!(to[0] - from[0] > 0 && Math.abs(to[1] - from[1]) <= 0.2 * (to[0] - from[0]) + 0.5)) continue;
    const size = Math.hypot(c, d) * scale;
    let name = '';
    if (item.fontName && page.commonObjs.has(item.fontName)) {
      const font = page.commonObjs.get(item.fontName) as { name?: unknown } | null;
      if (typeof font?.name === 'string') name = font.name;
    }
    const str = unifyIdeographs(item.str);
    for (const word of splitItem(str, from[0], to[0], from[1], size, BOLD.test(name))) words.push(word);
  }
  page.cleanup();
  return { page: n, width: viewport.width, height: viewport.height, words, rules, images };
}

/** A PDF read into pages, or the note saying why it could not be. */
export type PdfPages = { ok: true; pages: PdfPage[]; total: number } | { ok: false; note: ImportNote };

function note(code: NoteCode, message: LocalizedText): { ok: false; note: ImportNote } {
  return { ok: false, note: importNote(code, message) };
}

/** Reads every page (up to {@link MAX_PDF_PAGES}) of a PDF with pdf.js. Never throws. */
export async function readPdfPages(bytes: Uint8Array): Promise<PdfPages> {
  const lib = await pdfjs();
  // pdf.js takes ownership of the buffer it is given: a copy (a plain Uint8Array; pdf.js refuses a Buffer).
  const task = lib.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    verbosity: 0,
    useSystemFonts: false,
    stopAtErrors: false,
    ...resources(),
  });
  let doc: PdfjsDocument;
  try {
    doc = await task.promise;
  } catch (error) {
    const name = (error as { name?: unknown } | null)?.name;
    if (name === 'PasswordException') {
      return note('pdf-encrypted', NOTE_TEXT['pdf-encrypted'].password());
    }
    const why = error instanceof Error ? error.message : String(error);
    return note('input-unreadable', NOTE_TEXT['input-unreadable'].pdf({ error: why }));
  }
  try {
    const pages: PdfPage[] = [];
    const total = doc.numPages;
    for (let n = 1; n <= Math.min(total, MAX_PDF_PAGES); n++) {
      try {
        pages.push(await readPage(lib, doc, n));
      } catch {
        // A damaged page is left out; the others are still read (the caller notes pages without text).
        pages.push({ page: n, width: 0, height: 0, words: [], rules: [], images: 0 });
      }
    }
    return { ok: true, pages, total };
  } finally {
    // The loading task, not the document: pdf.js 6 dropped PDFDocumentProxy.destroy().
    await task.destroy();
  }
}

// ——— Tables from rules ———

interface HRule {
  y: number;
  x0: number;
  x1: number;
}
interface VRule {
  x: number;
  y0: number;
  y1: number;
}

/** Joins collinear rules that overlap or touch (a border drawn cell by cell is one line). */
function mergeCollinear<T>(
  items: T[],
  at: (t: T) => number,
  from: (t: T) => number,
  to: (t: T) => number,
  make: (at: number, from: number, to: number) => T,
): T[] {
  const sorted = [...items].sort((p, q) => at(p) - at(q) || from(p) - from(q));
  const out: T[] = [];
  const groups: T[][] = [];
  for (const item of sorted) {
    const group = groups[groups.length - 1];
    if (group && Math.abs(at(group[0] as T) - at(item)) <= 1) group.push(item);
    else groups.push([item]);
  }
  for (const group of groups) {
    const level = group.reduce((s, t) => s + at(t), 0) / group.length;
    const spans = group.map((t) => [from(t), to(t)] as [number, number]).sort((p, q) => p[0] - q[0]);
    let [a, b] = spans[0] as [number, number];
    for (const [c, d] of spans.slice(1)) {
      if (c <= b + 1.5) b = Math.max(b, d);
      else {
        out.push(make(level, a, b));
        [a, b] = [c, d];
      }
    }
    out.push(make(level, a, b));
  }
  return out;
}

/** Positions within `tolerance` of each other as one (their mean), sorted. */
function clusterPositions(values: number[], tolerance: number): number[] {
  const sorted = [...values].sort((p, q) => p - q);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && v - (last[last.length - 1] as number) <= tolerance) last.push(v);
    else out.push([v]);
  }
  return out.map((g) => g.reduce((s, v) => s + v, 0) / g.length);
}

/** A table found on a page: its grid lines and, per grid unit, the id of the cell covering it. */
interface Grid {
  readonly xs: number[];
  readonly ys: number[];
  /** cell[r][c]: the cell covering unit (r, c). */
  readonly cell: number[][];
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

const NEAR = 2;

/**
 * For each grid line position, the extents (widened by 1 each side) of the rules within 1.5 of it, merged and
 * sorted. A rule is within 1.5 of one position at most (clusters are more than 1.5 apart), so this is linear.
 */
function extentsAt<T>(
  positions: readonly number[],
  rules: readonly T[],
  at: (t: T) => number,
  from: (t: T) => number,
  to: (t: T) => number,
): [number, number][][] {
  const sorted = [...rules].sort((p, q) => at(p) - at(q));
  let first = 0;
  return positions.map((position) => {
    while (first < sorted.length && at(sorted[first] as T) < position - 1.5) first++;
    const spans: [number, number][] = [];
    for (let i = first; i < sorted.length && at(sorted[i] as T) <= position + 1.5; i++) {
      const rule = sorted[i] as T;
      spans.push([from(rule) - 1, to(rule) + 1]);
    }
    spans.sort((p, q) => p[0] - q[0]);
    const merged: [number, number][] = [];
    for (const span of spans) {
      const last = merged[merged.length - 1];
      if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
      else merged.push(span);
    }
    return merged;
  });
}

/** Whether `v` lies in one of the sorted, disjoint `extents` (binary search). */
function covered(extents: readonly [number, number][], v: number): boolean {
  let lo = 0;
  let hi = extents.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((extents[mid] as [number, number])[0] <= v) lo = mid + 1;
    else hi = mid;
  }
  const span = extents[lo - 1];
  return span !== undefined && v <= span[1];
}

/** Tables drawn with rules: connected sets of horizontal and vertical rules, at least 2 × 2. */
function findGrids(rules: readonly PdfRule[]): Grid[] {
  const h = mergeCollinear<HRule>(
    rules.filter((r) => r.y0 === r.y1).map((r) => ({ y: r.y0, x0: r.x0, x1: r.x1 })),
    (r) => r.y,
    (r) => r.x0,
    (r) => r.x1,
    (y, x0, x1) => ({ y, x0, x1 }),
  );
  const v = mergeCollinear<VRule>(
    rules.filter((r) => r.x0 === r.x1 && r.y0 !== r.y1).map((r) => ({ x: r.x0, y0: r.y0, y1: r.y1 })),
    (r) => r.x,
    (r) => r.y0,
    (r) => r.y1,
    (x, y0, y1) => ({ x, y0, y1 }),
  );
  // Union-find over h (0..H-1) and v (H..H+V-1): joined where they cross or touch.
  const parent = Array.from({ length: h.length + v.length }, (_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] as number;
    while (parent[i] !== r) {
      const next = parent[i] as number;
      parent[i] = r;
      i = next;
    }
    return r;
  };
  const byX = v.map((rule, j) => ({ rule, j })).sort((p, q) => p.rule.x - q.rule.x);
  h.forEach((hr, i) => {
    for (const { rule, j } of byX) {
      if (rule.x < hr.x0 - NEAR) continue;
      if (rule.x > hr.x1 + NEAR) break;
      if (hr.y >= rule.y0 - NEAR && hr.y <= rule.y1 + NEAR) parent[find(i)] = find(h.length + j);
    }
  });
  const groups = new Map<number, { h: HRule[]; v: VRule[] }>();
  h.forEach((rule, i) => {
    const g = groups.get(find(i)) ?? { h: [], v: [] };
    g.h.push(rule);
    groups.set(find(i), g);
  });
  v.forEach((rule, j) => {
    const g = groups.get(find(h.length + j)) ?? { h: [], v: [] };
    g.v.push(rule);
    groups.set(find(h.length + j), g);
  });
  const grids: Grid[] = [];
  for (const g of groups.values()) {
    if (g.h.length < 2 || g.v.length < 2) continue;
    const xs = clusterPositions(
      g.v.map((r) => r.x),
      1.5,
    );
    const ys = clusterPositions(
      g.h.map((r) => r.y),
      1.5,
    );
    if (xs.length < 2 || ys.length < 2) continue;
    const rows = ys.length - 1;
    const cols = xs.length - 1;
    // Per grid line, the extents of the rules on it, so that a unit's border is a binary search, not a scan of
    // every rule (a scan per unit made a tall table quadratic in its rows).
    const onX = extentsAt(
      xs,
      g.v,
      (r) => r.x,
      (r) => r.y0,
      (r) => r.y1,
    );
    const onY = extentsAt(
      ys,
      g.h,
      (r) => r.y,
      (r) => r.x0,
      (r) => r.x1,
    );
    const vertical = (k: number, y: number): boolean => covered(onX[k] ?? [], y);
    const horizontal = (k: number, x: number): boolean => covered(onY[k] ?? [], x);
    // Flood fill: units not separated by a border belong to one cell.
    const cell: number[][] = Array.from({ length: rows }, () => new Array<number>(cols).fill(-1));
    let next = 0;
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        if ((cell[r] as number[])[c] !== -1) continue;
        const id = next++;
        const todo: [number, number][] = [[r, c]];
        (cell[r] as number[])[c] = id;
        for (let item = todo.pop(); item; item = todo.pop()) {
          const [rr, cc] = item;
          const ymid = ((ys[rr] as number) + (ys[rr + 1] as number)) / 2;
          const xmid = ((xs[cc] as number) + (xs[cc + 1] as number)) / 2;
          const visit = (nr: number, nc: number): void => {
            if ((cell[nr] as number[])[nc] !== -1) return;
            (cell[nr] as number[])[nc] = id;
            todo.push([nr, nc]);
          };
          if (cc + 1 < cols && !vertical(cc + 1, ymid)) visit(rr, cc + 1);
          if (cc > 0 && !vertical(cc, ymid)) visit(rr, cc - 1);
          if (rr + 1 < rows && !horizontal(rr + 1, xmid)) visit(rr + 1, cc);
          if (rr > 0 && !horizontal(rr, xmid)) visit(rr - 1, cc);
        }
      }
    }
    grids.push({
      xs,
      ys,
      cell,
      top: ys[0] as number,
      bottom: ys[ys.length - 1] as number,
      left: xs[0] as number,
      right: xs[xs.length - 1] as number,
    });
  }
  return grids;
}

/** A grid on finer column lines: each new column unit belongs to the cell of the old unit holding its middle. */
function refineColumns(grid: Grid, xs: readonly number[]): Grid {
  const inside = xs.filter((x) => x > grid.left + 1.5 && x < grid.right - 1.5);
  const edges = [grid.left, ...inside, grid.right];
  const cell = grid.cell.map((row) =>
    edges.slice(0, -1).map((x, i) => {
      const mid = (x + (edges[i + 1] as number)) / 2;
      return row[Math.max(0, intervalOf(grid.xs, mid))] as number;
    }),
  );
  return { ...grid, xs: edges, cell };
}

/** Whether words lie on the page between `from` and `to` (y), other than in its top and bottom tenth. */
function textBetween(page: PdfPage, from: number, to: number): boolean {
  return page.words.some(
    (w) =>
      w.baseline > from &&
      w.baseline < to &&
      w.baseline > page.height * 0.1 &&
      w.baseline < page.height * 0.9,
  );
}

/**
 * A table continued over pages: the last grid of a page and the first of the next, with the same left and
 * right edges and no body text after the one or before the other, are one table. Their fragments are put on the
 * same column lines (the union of both), so a column is the same grid column on every page: the headers read
 * from the first fragment place the values of every other, with or without repeated headers.
 */
function unifyContinuations(pages: readonly PdfPage[], grids: Grid[][]): Grid[][] {
  const out = grids.map((list) => [...list].sort((p, q) => p.top - q.top));
  let chain: { at: number; index: number }[] = [];
  const flush = (): void => {
    if (chain.length > 1) {
      const xs = clusterPositions(
        chain.flatMap(({ at, index }) => out[at]?.[index]?.xs ?? []),
        1.5,
      );
      for (const { at, index } of chain) {
        const list = out[at] as Grid[];
        list[index] = refineColumns(list[index] as Grid, xs);
      }
    }
    chain = [];
  };
  for (let at = 0; at < out.length; at++) {
    const list = out[at] as Grid[];
    const page = pages[at] as PdfPage;
    const previous = chain[chain.length - 1];
    const first = list[0];
    if (previous && first && previous.at === at - 1) {
      const before = out[previous.at]?.[previous.index] as Grid;
      const last = pages[previous.at] as PdfPage;
      const continues =
        Math.abs(before.left - first.left) <= 3 &&
        Math.abs(before.right - first.right) <= 3 &&
        !textBetween(last, before.bottom, last.height) &&
        !textBetween(page, 0, first.top);
      if (!continues) flush();
    } else {
      flush();
    }
    list.forEach((_, index) => {
      if (index > 0) flush();
      chain.push({ at, index });
    });
    if (list.length === 0) flush();
  }
  flush();
  return out;
}

/** The text of words read as lines (by baseline), each line left to right; lines joined without a space. */
function wordsText(words: readonly PdfWord[]): string {
  const lines = textLinesOf(words);
  let out = '';
  for (const line of lines) {
    const text = line.text;
    const latin = /[A-Za-z0-9]$/.test(out) && /^[A-Za-z0-9]/.test(text);
    out += out && latin ? ` ${text}` : text;
  }
  return out;
}

/** The index of the interval of the ascending `edges` holding `v`, or -1 (binary search: a word per call). */
function intervalOf(edges: readonly number[], v: number): number {
  if (!(v >= (edges[0] as number) && v < (edges[edges.length - 1] as number))) return -1;
  let lo = 0;
  let hi = edges.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (v >= (edges[mid] as number)) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** The rows of a grid as `row` lines (the HTML reader's form), consuming the words inside it. */
function gridRows(grid: Grid, words: PdfWord[], used: Set<PdfWord>): { cells: string[]; filled: string[] }[] {
  const inCell = new Map<number, PdfWord[]>();
  for (const word of words) {
    const cx = (word.x0 + word.x1) / 2;
    const cy = word.baseline - 0.35 * word.size;
    const r = intervalOf(grid.ys, cy);
    const c = intervalOf(grid.xs, cx);
    if (r < 0 || c < 0) continue;
    used.add(word);
    const id = (grid.cell[r] as number[])[c] as number;
    const list = inCell.get(id) ?? [];
    list.push(word);
    inCell.set(id, list);
  }
  const text = new Map<number, string>();
  for (const [id, list] of inCell) text.set(id, wordsText(list));
  const rows: { cells: string[]; filled: string[] }[] = [];
  const seen = new Set<number>();
  for (const unitRow of grid.cell) {
    const cells: string[] = [];
    const filled: string[] = [];
    for (const id of unitRow) {
      const t = text.get(id) ?? '';
      filled.push(t);
      cells.push(seen.has(id) ? COVERED : t);
      seen.add(id);
    }
    // Empty cells before a row's first text label hold no value (values follow labels): a merged label cell
    // continued from the previous page, which Word and LibreOffice draw empty there.
    const first = cells.findIndex((t) => t !== '' && t !== COVERED);
    if (first > 0 && !/^[\d.,\s]+$/.test(cells[first] as string)) {
      for (let c = 0; c < first; c++) if (cells[c] === '') cells[c] = COVERED;
    }
    rows.push({ cells, filled });
  }
  return rows;
}

// ——— Text lines and paragraphs ———

interface TextLine {
  text: string;
  x0: number;
  x1: number;
  baseline: number;
  size: number;
  /** The bold words at the start of the line, as text (a lead-in), if the line goes on in a regular face. */
  lead?: string;
  page: number;
  /** The line cut where words stand more than 1.5 em apart: more than one piece is a line of table cells. */
  pieces: string[];
}

/** Words grouped into lines by baseline (within half the font size), each left to right, gaps as spaces. */
function textLinesOf(words: readonly PdfWord[], page = 0): TextLine[] {
  const sorted = [...words].sort((p, q) => p.baseline - q.baseline || p.x0 - q.x0);
  const groups: PdfWord[][] = [];
  for (const word of sorted) {
    const group = groups[groups.length - 1];
    const ref = group?.[0];
    if (group && ref && Math.abs(word.baseline - ref.baseline) <= 0.5 * Math.min(ref.size, word.size))
      group.push(word);
    else groups.push([word]);
  }
  return groups.map((group) => {
    group.sort((p, q) => p.x0 - q.x0);
    let text = '';
    let lead: string | undefined;
    let previous: PdfWord | undefined;
    let boldRun = true;
    const pieces: string[] = [''];
    for (const word of group) {
      if (previous && word.x0 - previous.x1 > 1.5 * word.size) pieces.push('');
      pieces[pieces.length - 1] += (pieces[pieces.length - 1] && word.spaced ? ' ' : '') + word.str;
      // Within one item its own spaces stand (the split placed the pieces by estimate); between items, the gap.
      if (previous && (word.spaced || word.x0 - previous.x1 > 0.25 * word.size)) text += ' ';
      if (boldRun && !word.bold && previous) lead = text.trim();
      if (!word.bold) boldRun = false;
      text += word.str;
      previous = word;
    }
    const first = group[0] as PdfWord;
    const last = group[group.length - 1] as PdfWord;
    return {
      text,
      x0: first.x0,
      x1: last.x1,
      baseline: first.baseline,
      size: group.reduce((most, w) => Math.max(most, w.size), Number.NEGATIVE_INFINITY),
      ...(lead && first.bold ? { lead } : {}),
      page,
      pieces,
    };
  });
}

function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = values[0] ?? 0;
  let most = 0;
  for (const [v, n] of counts) {
    if (n > most) {
      best = v;
      most = n;
    }
  }
  return best;
}

/** An item of a page in reading order: a line of text or a table. */
type PageItem =
  | { top: number; line: TextLine }
  | { top: number; rows: { cells: string[]; filled: string[] }[] };

/** Words less those on a line that is a page number (— 3 —, 第 3 页). */
function withoutPageNumbers(words: readonly PdfWord[]): PdfWord[] {
  const sorted = [...words].sort((p, q) => p.baseline - q.baseline || p.x0 - q.x0);
  const out: PdfWord[] = [];
  let line: PdfWord[] = [];
  const flush = (): void => {
    const text = line.map((w) => w.str).join(' ');
    if (!PAGE_NUMBER.test(text)) for (const w of line) out.push(w);
    line = [];
  };
  for (const word of sorted) {
    const first = line[0];
    if (first && Math.abs(word.baseline - first.baseline) > 0.5 * Math.min(first.size, word.size)) flush();
    line.push(word);
  }
  flush();
  return out;
}

/** Running headers and footers: the same text in the top or bottom tenth of three or more pages. */
function furniture(pages: readonly PdfPage[], lines: Map<number, TextLine[]>): Set<string> {
  const counts = new Map<string, number>();
  for (const page of pages) {
    const seen = new Set<string>();
    for (const line of lines.get(page.page) ?? []) {
      const edge = line.baseline < page.height * 0.1 || line.baseline > page.height * 0.9;
      const key = line.text.replace(/\d+/g, '#').replace(/\s+/g, '');
      if (edge && !seen.has(key)) {
        seen.add(key);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
  }
  return new Set([...counts].filter(([, n]) => n >= 3).map(([key]) => key));
}

/** Gap between two pieces of one word, as a share of the type size: closer than this and not spaced, they touch. */
const TOUCHING = 0.12;

/**
 * A page's words with pieces that touch joined into one word: some writers (WPS among them) emit every character
 * as its own text item, so a number `142` arrives as three items side by side; read apart, its digits would
 * land in separate columns of a borderless table. A piece joins the one before it in the content stream when
 * both sit on one baseline, in one size and weight, with no space between them (`spaced` says a space stood
 * there) and a gap under TOUCHING × the size. One pass in stream order; the page's own array when nothing joins.
 */
function joinTouching(words: readonly PdfWord[]): readonly PdfWord[] {
  let out: PdfWord[] | undefined;
  for (let i = 1; i < words.length; i++) {
    const word = words[i] as PdfWord;
    const last = out ? (out[out.length - 1] as PdfWord) : (words[i - 1] as PdfWord);
    const touches =
      !word.spaced &&
      Math.abs(word.baseline - last.baseline) <= 0.1 * last.size &&
      Math.abs(word.size - last.size) <= 0.05 * last.size &&
      word.bold === last.bold &&
      word.x0 >= last.x0 &&
      Math.abs(word.x0 - last.x1) <= TOUCHING * last.size;
    if (touches) {
      out ??= words.slice(0, i);
      out[out.length - 1] = { ...last, str: last.str + word.str, x1: Math.max(last.x1, word.x1) };
    } else out?.push(word);
  }
  return out ?? words;
}

/** Lines of text in reading order (tables as grid rows), with paragraphs rebuilt from the page geometry. */
export function pdfDocumentLines(input: readonly PdfPage[]): { lines: Line[]; tables: number } {
  const pages = input.map((page) => ({ ...page, words: joinTouching(page.words) }));
  const items: { page: number; item: PageItem }[] = [];
  const textByPage = new Map<number, TextLine[]>();
  let tables = 0;
  const gridsByPage = unifyContinuations(
    pages,
    pages.map((page) => findGrids(page.rules)),
  );
  pages.forEach((page, at) => {
    const grids = gridsByPage[at] ?? [];
    const used = new Set<PdfWord>();
    const words = [...page.words];
    const pageItems: PageItem[] = [];
    for (const grid of grids) {
      const rows = gridRows(grid, words, used);
      // A ruled box without any text in it (a frame, a signature box) is not a table.
      if (!rows.some((row) => row.filled.some((t) => t.trim() !== ''))) continue;
      tables++;
      pageItems.push({ top: grid.top, rows });
    }
    // Tables without rules, from what the ruled tables left, page numbers aside (— 4 — is no row of values).
    for (const table of unruledTables(withoutPageNumbers(words.filter((w) => !used.has(w))))) {
      for (const w of table.words) used.add(w);
      tables++;
      pageItems.push({ top: table.top, rows: table.rows });
    }
    const lines = textLinesOf(
      words.filter((w) => !used.has(w)),
      page.page,
    );
    textByPage.set(page.page, lines);
    for (const line of lines) pageItems.push({ top: line.baseline - line.size, line });
    pageItems.sort((p, q) => p.top - q.top);
    for (const item of pageItems) items.push({ page: page.page, item });
  });
  const skip = furniture(pages, textByPage);
  const body = items
    .map((i) => i.item)
    .filter((item): item is { top: number; line: TextLine } => 'line' in item)
    .map((i) => i.line);
  // The body's type size: the size most characters of prose are set in (table headers are many short lines).
  const prose = body.filter((l) => l.pieces.length === 1);
  const bodySize = mode(
    prose.flatMap((l) => new Array<number>(l.text.length).fill(Math.round(l.size * 2) / 2)),
  );
  const ofBody = body.filter((l) => Math.abs(l.size - bodySize) < 0.6);
  // The left margin: the leftmost edge two or more body lines share (not the most common edge: a report of
  // short paragraphs has more first lines, indented, than continuation lines).
  const edges = ofBody.map((l) => Math.round(l.x0)).sort((p, q) => p - q);
  const left =
    edges.find((x, i) => edges[i + 1] !== undefined && (edges[i + 1] as number) - x <= 1) ?? edges[0] ?? 0;
  // The right margin: where most body lines end (justified text; a line with hanging punctuation ends later).
  const right = mode(ofBody.map((l) => Math.round(l.x1)));

  const out: Line[] = [];
  let open: { text: string; lead?: string; last: TextLine; heading: boolean; lines: number } | undefined;
  const flush = (): void => {
    if (!open) return;
    const text = open.text.trim();
    const level = headingLevel(text);
    if (open.heading) out.push({ text, line: out.length + 1, kind: 'heading', tag: 1 });
    else if (open.lines === 1 && level !== undefined && text.length <= 40 && !open.lead) {
      out.push({ text, line: out.length + 1, kind: 'heading', tag: level === 2 ? 2 : level === 3 ? 4 : 5 });
    } else {
      out.push({ text, line: out.length + 1, kind: 'paragraph', ...(open.lead ? { lead: open.lead } : {}) });
    }
    open = undefined;
  };
  const pushRow = (cells: string[], filled: string[]): void => {
    out.push({ text: cells.join('\t'), line: out.length + 1, kind: 'row', cells, filled });
  };
  for (const { item } of items) {
    if ('rows' in item) {
      flush();
      for (const row of item.rows) pushRow(row.cells, row.filled);
      continue;
    }
    const line = item.line;
    const key = line.text.replace(/\d+/g, '#').replace(/\s+/g, '');
    if (PAGE_NUMBER.test(line.text) || skip.has(key)) continue;
    if (line.pieces.length > 1 && line.size < bodySize * 1.15) {
      // Words standing apart in columns (a table's caption or header row without rules): cells, not prose.
      flush();
      pushRow(line.pieces, line.pieces);
      continue;
    }
    const large = line.size >= bodySize * 1.15;
    const indented = line.x0 > left + 0.8 * line.size;
    const previous = open?.last;
    const short = previous ? previous.x1 < right - 1.5 * previous.size : true;
    const sameBlock =
      open !== undefined &&
      (open.heading
        ? large &&
          previous !== undefined &&
          line.page === previous.page &&
          Math.abs(line.size - previous.size) < 0.5 &&
          line.baseline - previous.baseline < 2 * line.size
        : !large && !indented && !short);
    if (sameBlock && open) {
      const latin = /[A-Za-z0-9]$/.test(open.text) && /^[A-Za-z0-9]/.test(line.text);
      open.text += latin ? ` ${line.text}` : line.text;
      open.last = line;
      open.lines++;
      continue;
    }
    flush();
    open = {
      text: line.text,
      last: line,
      heading: large,
      lines: 1,
      ...(line.lead ? { lead: line.lead } : {}),
    };
  }
  flush();
  return { lines: out, tables };
}

/**
 * Imports a PDF: its pages read ({@link readPdfPages}), tables rebuilt from their rules and paragraphs from the
 * text's geometry ({@link pdfDocumentLines}), and those lines imported by `importLines` (the importer itself,
 * passed in to keep the modules acyclic). A PDF without a text layer (a scan) is refused with a note that OCR is
 * needed; an encrypted or damaged one with a note saying so.
 */
export async function importPdf(
  bytes: Uint8Array,
  options: ImportOptions,
  importLines: (
    lines: readonly Line[],
    kind: ReadKind,
    options: ImportOptions,
    before: readonly ImportNote[],
  ) => ImportResult,
): Promise<ImportResult> {
  let read: PdfPages;
  try {
    read = await readPdfPages(bytes);
  } catch (error) {
    // pdf.js failing in a way it does not report as a damaged file (a bug, a page it cannot parse): still a note.
    const why = error instanceof Error ? error.message : String(error);
    read = note('input-unreadable', NOTE_TEXT['input-unreadable'].pdfFailed({ error: why }));
  }
  if (!read.ok) return { ok: false, notes: [read.note] };
  const { pages, total } = read;
  const notes: ImportNote[] = [];
  const blank = pages.filter((p) => p.words.length === 0);
  if (blank.length === pages.length) {
    const scanned = pages.some((p) => p.images > 0);
    return {
      ok: false,
      notes: [
        importNote(
          'pdf-no-text',
          NOTE_TEXT['pdf-no-text'][scanned ? 'scanned' : 'empty']({ pages: pages.length }),
        ),
      ],
    };
  }
  if (blank.length > 0) {
    const list = blank.map((p) => p.page).join(', ');
    notes.push(importNote('pdf-no-text', NOTE_TEXT['pdf-no-text'].pages({ list })));
  }
  if (total > pages.length) {
    notes.push(
      importNote('input-too-large', NOTE_TEXT['input-too-large'].pdfPages({ total, read: pages.length })),
    );
  }
  const { lines } = pdfDocumentLines(pages);
  return importLines(lines, 'pdf', options, notes);
}

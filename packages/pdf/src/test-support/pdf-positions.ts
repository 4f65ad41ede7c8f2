/*
 * What a PDF draws, read back with pdf.js: every word with its box and every stroked straight segment (the
 * tables' ruling lines), in page coordinates with the origin at the top left (y grows downwards, points).
 *
 * Pure pdf.js and no Node API: the same reader runs in Node tests (pdf.js's legacy build, loaded by default) and
 * in the browser (Storybook passes its own `pdfjs-dist` module, whose worker it has configured).
 *
 * Segments come from the operator list: `constructPath` operations that are stroked, with the current
 * transformation matrix tracked through `save`/`restore`/`transform`. Only axis-parallel straight pieces are
 * kept (a hatch or a curve is never a ruling line); filled paths are ignored.
 */

/** A run of text as pdf.js extracts it, with its box on the page. */
export interface PdfWord {
  /** 1-based page number. */
  readonly page: number;
  readonly str: string;
  /** Left and right edges of the run (advance widths), points from the page's left edge. */
  readonly x0: number;
  readonly x1: number;
  /** Baseline, points from the page's top edge. */
  readonly baseline: number;
  /** Font size in points: the run's glyphs lie between `baseline - 0.88 × size` and `baseline + 0.12 × size`. */
  readonly size: number;
  /** Whether the run is upright (the draft watermark is rotated and is not). */
  readonly upright: boolean;
}

/** A stroked straight segment, axis-parallel: `x0 === x1` (vertical) or `y0 === y1` (horizontal), x0 ≤ x1, y0 ≤ y1. */
export interface PdfSegment {
  readonly page: number;
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
  /** Stroke width in points (in page units). */
  readonly lineWidth: number;
}

/** Everything read from one page. */
export interface PdfPageGeometry {
  /** 1-based page number. */
  readonly page: number;
  readonly width: number;
  readonly height: number;
  readonly words: readonly PdfWord[];
  readonly segments: readonly PdfSegment[];
}

/** The part of pdf.js this reader uses: `getDocument` and the `OPS` table of `pdfjs-dist`. */
export interface PdfjsModule {
  readonly OPS: Readonly<Record<string, number>>;
  readonly getDocument: (source: { data: Uint8Array; isEvalSupported?: boolean; verbosity?: number }) => {
    readonly promise: Promise<PdfjsDocument>;
  };
}

/** The document proxy as far as this reader uses it. */
export interface PdfjsDocument {
  readonly numPages: number;
  getPage(n: number): Promise<PdfjsPage>;
  destroy(): Promise<void>;
}

/** The page proxy as far as this reader uses it. */
export interface PdfjsPage {
  readonly view: readonly number[];
  getTextContent(): Promise<{ items: readonly unknown[] }>;
  getOperatorList(): Promise<{ fnArray: readonly number[]; argsArray: readonly unknown[] }>;
}

type Matrix = readonly [number, number, number, number, number, number];

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** `m` applied after `n` (PDF's `cm`: the new matrix is `n × m`). */
function multiply(n: Matrix, m: Matrix): Matrix {
  return [
    n[0] * m[0] + n[1] * m[2],
    n[0] * m[1] + n[1] * m[3],
    n[2] * m[0] + n[3] * m[2],
    n[2] * m[1] + n[3] * m[3],
    n[4] * m[0] + n[5] * m[2] + m[4],
    n[4] * m[1] + n[5] * m[3] + m[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

// pdf.js's DrawOPS: the opcodes inside a constructPath's path data.
const MOVE_TO = 0;
const LINE_TO = 1;
const CURVE_TO = 2;
const QUADRATIC_CURVE_TO = 3;
const CLOSE_PATH = 4;

/** Axis-parallel within this many points counts as straight (pdfkit writes exact coordinates). */
const STRAIGHT = 0.01;

function segmentsOf(
  page: number,
  height: number,
  path: ArrayLike<number>,
  ctm: Matrix,
  lineWidth: number,
): PdfSegment[] {
  const out: PdfSegment[] = [];
  let cx = 0;
  let cy = 0;
  let sx = 0;
  let sy = 0;
  const line = (ax: number, ay: number, bx: number, by: number): void => {
    const [px, py] = apply(ctm, ax, ay);
    const [qx, qy] = apply(ctm, bx, by);
    // To top-left origin.
    const y0 = height - py;
    const y1 = height - qy;
    if (Math.abs(px - qx) <= STRAIGHT || Math.abs(y0 - y1) <= STRAIGHT) {
      out.push({
        page,
        x0: Math.min(px, qx),
        x1: Math.max(px, qx),
        y0: Math.min(y0, y1),
        y1: Math.max(y0, y1),
        lineWidth,
      });
    }
  };
  for (let i = 0; i < path.length; ) {
    const op = path[i] ?? -1;
    if (op === MOVE_TO) {
      cx = path[i + 1] ?? 0;
      cy = path[i + 2] ?? 0;
      sx = cx;
      sy = cy;
      i += 3;
    } else if (op === LINE_TO) {
      const x = path[i + 1] ?? 0;
      const y = path[i + 2] ?? 0;
      line(cx, cy, x, y);
      cx = x;
      cy = y;
      i += 3;
    } else if (op === CURVE_TO) {
      cx = path[i + 5] ?? 0;
      cy = path[i + 6] ?? 0;
      i += 7;
    } else if (op === QUADRATIC_CURVE_TO) {
      cx = path[i + 3] ?? 0;
      cy = path[i + 4] ?? 0;
      i += 5;
    } else if (op === CLOSE_PATH) {
      line(cx, cy, sx, sy);
      cx = sx;
      cy = sy;
      i += 1;
    } else {
      throw new Error(`unknown pdf.js path opcode ${op}`);
    }
  }
  return out;
}

/** Advance of one digit per font size, from the runs that are digits only (tabular figures: all digits alike). */
function digitAdvances(runs: readonly PdfWord[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const run of runs) {
    if (!/^[0-9]+$/.test(run.str)) continue;
    const key = Math.round(run.size * 100);
    if (!out.has(key)) out.set(key, (run.x1 - run.x0) / run.str.length);
  }
  return out;
}

/**
 * pdf.js joins runs on one baseline that stand close together into one item, with a space between them (four-digit
 * figures in 表四's narrow columns). Splits such an item back at its spaces: the first piece starts where the item
 * starts and the last ends where it ends (both exact); inner edges are placed by the pieces' advances (digits as
 * measured on the page, other Latin 0.55 em, CJK 1 em).
 */
function splitRun(run: PdfWord, digits: ReadonlyMap<number, number>): PdfWord[] {
  const pieces = run.str.split(/\s+/u).filter((piece) => piece !== '');
  if (pieces.length <= 1) return [{ ...run, str: run.str.trim() }];
  const digit = digits.get(Math.round(run.size * 100)) ?? run.size * 0.55;
  const advance = (piece: string): number => {
    let w = 0;
    for (const ch of piece)
      w += /[0-9]/.test(ch) ? digit : (ch.codePointAt(0) ?? 0) < 0x100 ? run.size * 0.55 : run.size;
    return w;
  };
  const widths = pieces.map(advance);
  const gap = (run.x1 - run.x0 - widths.reduce((p, q) => p + q, 0)) / (pieces.length - 1);
  let x = run.x0;
  return pieces.map((piece, i) => {
    const w = widths[i] ?? 0;
    const word = { ...run, str: piece, x0: x, x1: i === pieces.length - 1 ? run.x1 : x + w };
    x += w + gap;
    return word;
  });
}

interface TextItem {
  readonly str: string;
  readonly transform: readonly number[];
  readonly width: number;
  readonly height: number;
}

/** pdf.js's legacy build, for Node. A variable specifier, so a browser bundler never pulls it in (Storybook passes
 * its own `pdfjs-dist`). */
const NODE_PDFJS = 'pdfjs-dist/legacy/build/pdf.mjs';

async function loadPdfjs(): Promise<PdfjsModule> {
  return (await import(/* @vite-ignore */ NODE_PDFJS)) as PdfjsModule;
}

/**
 * Words and ruling segments of every page of a PDF. `pdfjs` defaults to pdf.js's legacy build (Node); a browser
 * passes its own `import * as pdfjs from 'pdfjs-dist'`.
 */
export async function readPdfGeometry(bytes: Uint8Array, pdfjs?: PdfjsModule): Promise<PdfPageGeometry[]> {
  const lib = pdfjs ?? (await loadPdfjs());
  const { OPS } = lib;
  // pdf.js takes ownership of the buffer it is given: pass a copy.
  const doc = await lib.getDocument({ data: bytes.slice(), isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const pages: PdfPageGeometry[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [vx0 = 0, vy0 = 0, vx1 = 0, vy1 = 0] = page.view;
      const width = vx1 - vx0;
      const height = vy1 - vy0;
      const runs: PdfWord[] = [];
      for (const raw of (await page.getTextContent()).items) {
        const item = raw as Partial<TextItem>;
        if (typeof item.str !== 'string' || item.str.trim() === '' || !item.transform) continue;
        const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = item.transform;
        const upright = Math.abs(b) < 1e-6 && Math.abs(c) < 1e-6 && a > 0 && d > 0;
        runs.push({
          page: n,
          str: item.str,
          x0: x - vx0,
          x1: x - vx0 + (item.width ?? 0),
          baseline: height - (y - vy0),
          size: upright ? d : Math.hypot(c, d),
          upright,
        });
      }
      const digits = digitAdvances(runs);
      const words = runs.flatMap((run) => splitRun(run, digits));
      const segments: PdfSegment[] = [];
      const list = await page.getOperatorList();
      let ctm: Matrix = [1, 0, 0, 1, -vx0, -vy0];
      let lineWidth = 1;
      const stack: [Matrix, number][] = [];
      for (let i = 0; i < list.fnArray.length; i++) {
        const fn = list.fnArray[i];
        const args = list.argsArray[i] as unknown[] | null;
        if (fn === OPS.save) stack.push([ctm, lineWidth]);
        else if (fn === OPS.restore) [ctm, lineWidth] = stack.pop() ?? [IDENTITY, 1];
        else if (fn === OPS.transform && args) ctm = multiply(args as unknown as Matrix, ctm);
        else if (fn === OPS.setLineWidth && args) lineWidth = Number(args[0]);
        else if (fn === OPS.constructPath && args) {
          const [paint, data] = args as [number, ArrayLike<number>[] | null];
          const stroked = paint === OPS.stroke || paint === OPS.closeStroke || paint === OPS.fillStroke;
          const path = data?.[0];
          if (!stroked || !path) continue;
          // Line width in page units: scale by the CTM (uniform scaling only in what we draw).
          const scale = Math.sqrt(Math.abs(ctm[0] * ctm[3] - ctm[1] * ctm[2]));
          segments.push(...segmentsOf(n, height, path, ctm, lineWidth * scale));
        }
      }
      pages.push({ page: n, width, height, words, segments });
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

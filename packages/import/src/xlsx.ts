import type { LocalizedText } from '@nianbao/model';
import { zipParts } from './docx.js';
import { importNote, NOTE_TEXT, type NoteCode } from './notes.js';
import type { ImportNote, ImportOptions, ImportResult } from './types.js';
import { attrOf, childrenOf, tagOf, type XmlNode, xmlParser } from './xml.js';

/*
 * XLSX in: some offices keep the three statutory tables in a workbook. The package is a zip of XML parts, read
 * with the DOCX reader's capped inflater: the shared strings, and every worksheet in workbook order. A sheet
 * becomes HTML for the web-page reader: a row holding one text cell alone (a part heading, a table's caption) is
 * a paragraph, so the part headings are found as in a page; the other rows are table rows, each merged range
 * (`<mergeCell ref="A1:C2">`) a cell with rowspan and colspan, so the grid reader sees the statute's merged
 * headers as in a web page's table.
 */

/** The most XML read out of one workbook (all sheets and shared strings): 50 MB, uncompressed. */
export const MAX_XLSX_XML_BYTES: number = 50 * 1024 * 1024;

/** A workbook read into HTML, or the note saying why it could not be. */
export type XlsxReading = { ok: true; html: string; sheets: number } | { ok: false; note: ImportNote };

/** Every descendant with the tag (local name, any prefix), in document order; iterative. */
function descendants(nodes: readonly XmlNode[], tag: string): XmlNode[] {
  const out: XmlNode[] = [];
  const stack = [...nodes].reverse();
  for (let node = stack.pop(); node; node = stack.pop()) {
    const name = tagOf(node).replace(/^.*:/, '');
    if (name === tag) out.push(node);
    const kids = childrenOf(node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as XmlNode);
  }
  return out;
}

/** The text of `<t>` elements under a node (a shared string's runs, an inline string). */
function textOf(node: XmlNode): string {
  return descendants(childrenOf(node), 't')
    .map((t) =>
      childrenOf(t)
        .map((c) => (typeof c['#text'] === 'string' ? c['#text'] : ''))
        .join(''),
    )
    .join('');
}

/** `B12` → { row: 11, col: 1 } (zero-based). */
function cellRef(ref: string): { row: number; col: number } | undefined {
  const match = /^([A-Z]{1,3})(\d{1,7})$/.exec(ref.toUpperCase());
  if (!match) return undefined;
  let col = 0;
  for (const ch of match[1] as string) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(match[2]) - 1, col: col - 1 };
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The largest sheet grid read: a statutory table is 28 × 15; a sheet past this is not a report's table. */
const MAX_ROWS = 5000;
const MAX_COLS = 200;
/** The most positions the merged ranges of one sheet may cover (表三 laid out in a sheet merges a few hundred). */
const MAX_MERGED_POSITIONS = 100_000;

/** One worksheet as HTML: text-only single-cell rows as paragraphs, the rest as table rows with merges. */
function sheetHtml(xml: string, shared: readonly string[]): string {
  const doc = xmlParser.parse(xml) as XmlNode[];
  const grid = new Map<number, Map<number, string>>();
  let rows = 0;
  let cols = 0;
  for (const c of descendants(doc, 'c')) {
    const at = cellRef(attrOf(c, 'r') ?? '');
    if (!at || at.row >= MAX_ROWS || at.col >= MAX_COLS) continue;
    const type = attrOf(c, 't');
    const v = descendants(childrenOf(c), 'v')[0];
    const raw = v
      ? childrenOf(v)
          .map((t) => (typeof t['#text'] === 'string' ? t['#text'] : ''))
          .join('')
      : '';
    let text: string;
    if (type === 's') text = shared[Number(raw)] ?? '';
    else if (type === 'inlineStr') text = textOf(c);
    else text = raw;
    text = text.replace(/\s+/g, ' ').trim();
    if (text === '') continue;
    const row = grid.get(at.row) ?? new Map<number, string>();
    row.set(at.col, text);
    grid.set(at.row, row);
    rows = Math.max(rows, at.row + 1);
    cols = Math.max(cols, at.col + 1);
  }
  // Merged ranges: the top-left cell spans; the others are covered.
  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  // Covered positions, with the row of the cell covering them; and the rows holding any.
  const covered = new Map<string, number>();
  const coveredRows = new Set<number>();
  // Positions merges may still cover: a 746-byte workbook of 16 merges of A2:GR5000 took 66 s. Past the budget a
  // merge is read as separate cells (their text kept).
  let budget = MAX_MERGED_POSITIONS;
  for (const merge of descendants(doc, 'mergeCell')) {
    const [from, to] = (attrOf(merge, 'ref') ?? '').split(':');
    const a = cellRef(from ?? '');
    const b = cellRef(to ?? from ?? '');
    if (!a || !b || b.row >= MAX_ROWS || b.col >= MAX_COLS || b.row < a.row || b.col < a.col) continue;
    const area = (b.row - a.row + 1) * (b.col - a.col + 1);
    if (area > budget) continue;
    budget -= area;
    spans.set(`${a.row},${a.col}`, { rowSpan: b.row - a.row + 1, colSpan: b.col - a.col + 1 });
    for (let r = a.row; r <= b.row; r++) {
      for (let c = a.col; c <= b.col; c++) {
        if (r !== a.row || c !== a.col) {
          covered.set(`${r},${c}`, a.row);
          coveredRows.add(r);
        }
      }
    }
    rows = Math.max(rows, b.row + 1);
    cols = Math.max(cols, b.col + 1);
  }
  /** A row of one text cell, spanning no row below and under no cell above: a heading or caption. */
  const paragraphRow = (r: number, row: Map<number, string> | undefined): string | undefined => {
    if (row?.size !== 1) return undefined;
    const [[col, text]] = [...row] as [[number, string]];
    if (/^[\d.,\s/—-]+$/.test(text)) return undefined;
    for (let c = 0; c < cols; c++) {
      const origin = covered.get(`${r},${c}`);
      if (origin !== undefined && origin < r) return undefined;
      if ((spans.get(`${r},${c}`)?.rowSpan ?? 1) > 1) return undefined;
    }
    return col >= 0 ? text : undefined;
  };
  const out: string[] = [];
  let table: string[] = [];
  const flush = (): void => {
    if (table.length > 0) out.push(`<table>${table.join('')}</table>`);
    table = [];
  };
  for (let r = 0; r < rows; r++) {
    const row = grid.get(r);
    const underSpan = coveredRows.has(r);
    if (!row && !underSpan) {
      flush();
      continue;
    }
    const paragraph = paragraphRow(r, row);
    if (paragraph !== undefined) {
      flush();
      out.push(`<p>${escapeHtml(paragraph)}</p>`);
      continue;
    }
    let html = '<tr>';
    for (let c = 0; c < cols; c++) {
      if (covered.has(`${r},${c}`)) continue;
      const span = spans.get(`${r},${c}`);
      const rowspan = span && span.rowSpan > 1 ? ` rowspan="${span.rowSpan}"` : '';
      const colspan = span && span.colSpan > 1 ? ` colspan="${span.colSpan}"` : '';
      const attrs = rowspan + colspan;
      html += `<td${attrs}>${escapeHtml(row?.get(c) ?? '')}</td>`;
    }
    table.push(`${html}</tr>`);
  }
  flush();
  return out.join('\n');
}

/** The largest workbook taken (images included; only its XML is inflated): 100 MB, as for Word files. */
export const MAX_XLSX_BYTES: number = 100 * 1024 * 1024;

function refused(code: NoteCode, message: LocalizedText): { ok: false; note: ImportNote } {
  return { ok: false, note: importNote(code, message) };
}

/** Reads a workbook's sheets (in workbook order) into HTML. Never throws. */
export function xlsxToHtml(bytes: Uint8Array): XlsxReading {
  if (bytes.length > MAX_XLSX_BYTES) {
    const mb = (bytes.length / 1048576).toFixed(1);
    return refused(
      'input-too-large',
      NOTE_TEXT['input-too-large'].xlsx({ mb, limitMb: MAX_XLSX_BYTES / 1048576 }),
    );
  }
  const read = zipParts(
    bytes,
    (name) =>
      name === 'xl/sharedStrings.xml' ||
      name === 'xl/workbook.xml' ||
      /^xl\/worksheets\/[^/]+\.xml$/.test(name),
    MAX_XLSX_XML_BYTES,
  );
  if (!read.ok) {
    return read.reason === 'too-large'
      ? refused(
          'input-too-large',
          NOTE_TEXT['input-too-large'].xlsxXml({ limitMb: MAX_XLSX_XML_BYTES / 1048576 }),
        )
      : refused('input-unreadable', NOTE_TEXT['input-unreadable'].xlsxZip({ detail: read.detail }));
  }
  try {
    const sharedXml = read.parts.get('xl/sharedStrings.xml');
    const shared = sharedXml
      ? descendants(xmlParser.parse(sharedXml) as XmlNode[], 'si').map((si) => textOf(si))
      : [];
    const sheets = [...read.parts.keys()]
      .filter((name) => name.startsWith('xl/worksheets/'))
      .sort((p, q) => (Number(/(\d+)\.xml$/.exec(p)?.[1]) || 0) - (Number(/(\d+)\.xml$/.exec(q)?.[1]) || 0));
    const html = sheets.map((name) => sheetHtml(read.parts.get(name) ?? '', shared)).join('\n');
    return { ok: true, html: `<html><body>${html}</body></html>`, sheets: sheets.length };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return refused('input-unreadable', NOTE_TEXT['input-unreadable'].xlsx({ error: why }));
  }
}

/**
 * Imports a workbook: its sheets read into HTML ({@link xlsxToHtml}) and that HTML imported by `importHtml` (the
 * importer itself, passed in to keep the modules acyclic); a refusal says it was an Excel file.
 */
export function importXlsx(
  bytes: Uint8Array,
  options: ImportOptions,
  importHtml: (html: string, options: ImportOptions) => ImportResult,
): ImportResult {
  const reading = xlsxToHtml(bytes);
  if (!reading.ok) return { ok: false, notes: [reading.note] };
  const result = importHtml(reading.html, { ...options, kind: 'html' });
  const read = importNote('input-format', NOTE_TEXT['input-format'].xlsx({ sheets: reading.sheets }));
  return { ...result, notes: [...result.notes, read] } as ImportResult;
}

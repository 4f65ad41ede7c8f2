import { inflateRawSync } from 'node:zlib';
import type { LocalizedText } from '@nianbao/model';
import { importNote, NOTE_TEXT, type NoteCode } from './notes.js';
import type { ImportNote, ImportOptions, ImportResult } from './types.js';
import { attrOf, childrenOf, tagOf, type XmlNode, xmlParser } from './xml.js';

/*
 * DOCX in: the package is unzipped here, synchronously (importReport is synchronous; jszip has only an async
 * API), with node:zlib's inflateRawSync and its maxOutputLength, so a zip bomb stops at the limit while it
 * inflates instead of after. word/document.xml (and styles.xml for the heading levels) is parsed with
 * fast-xml-parser, and the body becomes the same HTML the web-page reader takes: paragraphs as <p>, headings as
 * <h1>–<h6> from their style's or their own outline level, a bold lead-in as <strong>, and each Word table as a
 * <table> whose gridSpan is colspan and whose vMerge restart/continue is rowspan. The HTML reader then builds
 * the cell grid exactly as for a web page.
 */

/** The most XML read out of one DOCX (document.xml and styles.xml together): 50 MB, uncompressed. */
export const MAX_DOCX_XML_BYTES: number = 50 * 1024 * 1024;

/** The largest DOCX file taken (images included; only its XML is inflated): 100 MB. */
export const MAX_DOCX_BYTES: number = 100 * 1024 * 1024;

/** A DOCX read into HTML, or the note saying why it could not be. */
export type DocxReading = { ok: true; html: string; tables: number } | { ok: false; note: ImportNote };

const MB = 1024 * 1024;

function note(code: NoteCode, message: LocalizedText): { ok: false; note: ImportNote } {
  return { ok: false, note: importNote(code, message) };
}

/** True when the bytes are a zip archive (a local file header `PK\x03\x04` first). */
export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
  );
}

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  offset: number;
}

class ZipError extends Error {}
class TooLarge extends Error {}

/** The central directory of a zip: every entry's name, method, sizes and local header offset. */
function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory: 22 bytes plus a comment of up to 65535 bytes, at the end.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ZipError('no end of central directory');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (count === 0xffff || at === 0xffffffff) throw new ZipError('zip64 archive');
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder('utf-8');
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) {
      throw new ZipError(`central directory entry ${i} damaged`);
    }
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength > bytes.length) throw new ZipError('central directory truncated');
    entries.push({
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      offset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The names of a zip's entries (from its central directory), or undefined when the archive is damaged. */
export function zipNames(bytes: Uint8Array): string[] | undefined {
  try {
    return zipEntries(bytes).map((entry) => entry.name);
  } catch (error) {
    if (error instanceof ZipError) return undefined;
    throw error;
  }
}

/** Zip parts read for another Office format (XLSX): their texts, or why they could not be read. */
export type ZipParts =
  | { ok: true; parts: Map<string, string> }
  | { ok: false; reason: 'damaged' | 'too-large'; detail: string };

/**
 * The UTF-8 text of the zip entries `wanted` picks, inflated together within `budget` bytes (a zip bomb stops at
 * the budget while it inflates). Never throws.
 */
export function zipParts(bytes: Uint8Array, wanted: (name: string) => boolean, budget: number): ZipParts {
  try {
    const decoder = new TextDecoder('utf-8');
    const parts = new Map<string, string>();
    let left = budget;
    for (const entry of zipEntries(bytes)) {
      if (!wanted(entry.name)) continue;
      const data = entryBytes(bytes, entry, left);
      left -= data.length;
      parts.set(entry.name, decoder.decode(data));
    }
    return { ok: true, parts };
  } catch (error) {
    if (error instanceof TooLarge) return { ok: false, reason: 'too-large', detail: '' };
    return { ok: false, reason: 'damaged', detail: error instanceof Error ? error.message : String(error) };
  }
}

/** One entry's bytes, inflated to at most `budget` bytes (TooLarge past it). */
function entryBytes(bytes: Uint8Array, entry: ZipEntry, budget: number): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (entry.offset + 30 > bytes.length || view.getUint32(entry.offset, true) !== 0x04034b50) {
    throw new ZipError(`${entry.name}: local header damaged`);
  }
  const start =
    entry.offset + 30 + view.getUint16(entry.offset + 26, true) + view.getUint16(entry.offset + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length < entry.compressedSize) throw new ZipError(`${entry.name}: truncated`);
  if (entry.method === 0) {
    if (data.length > budget) throw new TooLarge();
    return data;
  }
  if (entry.method !== 8) throw new ZipError(`${entry.name}: compression method ${entry.method}`);
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, budget) });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new TooLarge();
    throw new ZipError(`${entry.name}: ${(error as Error).message}`);
  }
}

function child(node: XmlNode, tag: string): XmlNode | undefined {
  return childrenOf(node).find((c) => tagOf(c) === tag);
}

/** An on/off property (`<w:b/>`, `<w:b w:val="0"/>`): present and not switched off. */
function isOn(node: XmlNode | undefined): boolean {
  if (!node) return false;
  const value = attrOf(node, 'w:val');
  return value === undefined || !['0', 'false', 'off'].includes(value);
}

interface StyleInfo {
  outline?: number;
  title?: boolean;
  bold?: boolean;
  basedOn?: string;
}

/** Paragraph styles' outline levels and title flag, character styles' bold, basedOn resolved. */
function readStyles(xml: string | undefined): Map<string, StyleInfo> {
  const raw = new Map<string, StyleInfo>();
  if (!xml) return raw;
  const root = (xmlParser.parse(xml) as XmlNode[]).find((n) => tagOf(n) === 'w:styles');
  for (const style of root ? childrenOf(root) : []) {
    if (tagOf(style) !== 'w:style') continue;
    const id = attrOf(style, 'w:styleId');
    if (!id) continue;
    const info: StyleInfo = {};
    const name = attrOf(child(style, 'w:name') ?? {}, 'w:val') ?? '';
    const heading = /^heading\s*(\d)$/i.exec(name);
    if (heading) info.outline = Number(heading[1]) - 1;
    if (/^title$/i.test(name) || id === 'Title') info.title = true;
    const level = child(child(style, 'w:pPr') ?? {}, 'w:outlineLvl');
    if (level) info.outline = Number(attrOf(level, 'w:val'));
    const bold = child(child(style, 'w:rPr') ?? {}, 'w:b');
    if (bold) info.bold = isOn(bold);
    const basedOn = child(style, 'w:basedOn');
    if (basedOn) info.basedOn = attrOf(basedOn, 'w:val');
    raw.set(id, info);
  }
  const resolved = new Map<string, StyleInfo>();
  for (const id of raw.keys()) {
    const out: StyleInfo = {};
    let at: string | undefined = id;
    for (let depth = 0; at !== undefined && depth < 20; depth++) {
      const info = raw.get(at);
      if (!info) break;
      out.outline ??= info.outline;
      out.title ??= info.title;
      out.bold ??= info.bold;
      at = info.basedOn;
    }
    resolved.set(id, out);
  }
  return resolved;
}

/** Text escaped for HTML element content. */
export const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Containers whose content is part of the text flow; everything else (deletions, fields' code, drawings) is not. */
const INLINE_CONTAINERS = new Set([
  'w:hyperlink',
  'w:ins',
  'w:smartTag',
  'w:customXml',
  'w:fldSimple',
  'w:sdt',
  'w:sdtContent',
  'w:moveTo',
  'w:dir',
  'w:bdo',
]);

/** A run's text: `w:t`, tabs and breaks as spaces. */
function runText(run: XmlNode): string {
  let text = '';
  for (const part of childrenOf(run)) {
    const tag = tagOf(part);
    if (tag === 'w:t') {
      for (const t of childrenOf(part)) if (tagOf(t) === '#text') text += String(t['#text']);
    } else if (tag === 'w:tab' || tag === 'w:br' || tag === 'w:cr') text += ' ';
    else if (tag === 'w:noBreakHyphen') text += '-';
  }
  return text;
}

/** A paragraph's runs in order, each with its text and whether it is bold. */
function paragraphRuns(
  paragraph: XmlNode,
  styles: Map<string, StyleInfo>,
): { text: string; bold: boolean }[] {
  const runs: { text: string; bold: boolean }[] = [];
  const stack: XmlNode[] = [...childrenOf(paragraph)].reverse();
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    const tag = tagOf(node);
    if (tag === 'w:r') {
      const props = child(node, 'w:rPr');
      const direct = child(props ?? {}, 'w:b');
      const style = attrOf(child(props ?? {}, 'w:rStyle') ?? {}, 'w:val');
      const bold = direct ? isOn(direct) : style ? styles.get(style)?.bold === true : false;
      const text = runText(node);
      if (text) runs.push({ text, bold });
    } else if (INLINE_CONTAINERS.has(tag)) {
      const children = childrenOf(node);
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as XmlNode);
    }
  }
  return runs;
}

/** The heading tag of a paragraph (`h1` for the title, `h2` for outline level 0 …), or undefined for body text. */
function headingTag(paragraph: XmlNode, styles: Map<string, StyleInfo>): string | undefined {
  const props = child(paragraph, 'w:pPr') ?? {};
  const style = styles.get(attrOf(child(props, 'w:pStyle') ?? {}, 'w:val') ?? 'Normal');
  const own = child(props, 'w:outlineLvl');
  const outline = own ? Number(attrOf(own, 'w:val')) : style?.outline;
  if (outline !== undefined && Number.isInteger(outline) && outline >= 0 && outline <= 8) {
    return `h${Math.min(6, outline + 2)}`;
  }
  return style?.title ? 'h1' : undefined;
}

/** A paragraph as HTML: a heading, or a `<p>` with its bold lead-in as `<strong>`. */
function paragraphHtml(paragraph: XmlNode, styles: Map<string, StyleInfo>): string {
  const runs = paragraphRuns(paragraph, styles);
  const text = runs.map((r) => r.text).join('');
  if (text.trim() === '') return '';
  const tag = headingTag(paragraph, styles);
  if (tag) return `<${tag}>${escapeHtml(text)}</${tag}>\n`;
  let lead = '';
  let i = 0;
  for (; i < runs.length && (runs[i] as { bold: boolean }).bold; i++)
    lead += (runs[i] as { text: string }).text;
  const rest = runs
    .slice(i)
    .map((r) => r.text)
    .join('');
  return lead.trim() && rest.trim()
    ? `<p><strong>${escapeHtml(lead)}</strong>${escapeHtml(rest)}</p>\n`
    : `<p>${escapeHtml(text)}</p>\n`;
}

/** The text of a cell: its paragraphs (and those of tables nested in it), separated by spaces. */
function cellText(cell: XmlNode, styles: Map<string, StyleInfo>): string {
  const out: string[] = [];
  const stack: XmlNode[] = [...childrenOf(cell)].reverse();
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    const tag = tagOf(node);
    if (tag === 'w:p')
      out.push(
        paragraphRuns(node, styles)
          .map((r) => r.text)
          .join(''),
      );
    else if (
      tag === 'w:tbl' ||
      tag === 'w:tr' ||
      tag === 'w:tc' ||
      tag === 'w:sdt' ||
      tag === 'w:sdtContent'
    ) {
      const children = childrenOf(node);
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as XmlNode);
    }
  }
  return out.join(' ').trim();
}

/** The elements of a container with content controls (`w:sdt`) and custom XML unwrapped. */
function unwrapped(nodes: readonly XmlNode[], wanted: string): XmlNode[] {
  const out: XmlNode[] = [];
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === wanted) out.push(node);
    else if (tag === 'w:sdt') out.push(...unwrapped(childrenOf(child(node, 'w:sdtContent') ?? {}), wanted));
    else if (tag === 'w:customXml') out.push(...unwrapped(childrenOf(node), wanted));
  }
  return out;
}

/** One cell of a word processor's table row, before its vertical merges are resolved. */
export interface GridCell {
  /** The grid column the cell starts in. */
  col: number;
  /** How many grid columns it spans. */
  span: number;
  /** A vertical merge: `restart` opens one, `continue` extends the one above in the same column. */
  merge: 'restart' | 'continue' | undefined;
  /** The cell's text. */
  text: string;
}

/** One row of a word processor's table: empty grid columns before its first cell, then its cells. */
export interface GridRow {
  before: number;
  cells: GridCell[];
}

/**
 * A word processor's table (Word's DOCX, Word 97–2003) as an HTML table: a span is a colspan; a `restart` cell
 * gets a rowspan over the `continue` cells below it in the same grid column with the same span (a continue cell
 * with nothing to continue is an empty cell); `before` is an empty leading cell, so every cell keeps its column.
 */
export function gridTableHtml(rows: readonly GridRow[]): string {
  const placed = rows.map((row) => row.cells.map((cell) => ({ cell, rowspan: 1, emitted: true })));
  // The open merge of each grid column: the restart cell (or an orphan continue cell) that continue cells extend.
  let open = new Map<number, { cell: GridCell; rowspan: number; emitted: boolean }>();
  for (const row of placed) {
    const next = new Map<number, { cell: GridCell; rowspan: number; emitted: boolean }>();
    for (const at of row) {
      const above = open.get(at.cell.col);
      if (at.cell.merge === 'continue' && above && above.cell.span === at.cell.span) {
        above.rowspan++;
        at.emitted = false;
        next.set(at.cell.col, above);
      } else if (at.cell.merge !== undefined) {
        next.set(at.cell.col, at);
      }
    }
    open = next;
  }
  const html = ['<table>'];
  rows.forEach((row, r) => {
    let tr = '<tr>';
    if (row.before > 0) tr += `<td${row.before > 1 ? ` colspan="${row.before}"` : ''}></td>`;
    for (const { cell, rowspan, emitted } of placed[r] ?? []) {
      if (!emitted) continue;
      const attrs =
        (cell.span > 1 ? ` colspan="${cell.span}"` : '') + (rowspan > 1 ? ` rowspan="${rowspan}"` : '');
      tr += `<td${attrs}>${escapeHtml(cell.text)}</td>`;
    }
    html.push(`${tr}</tr>`);
  });
  html.push('</table>\n');
  return html.join('');
}

/** A Word table as an HTML table ({@link gridTableHtml}): `w:gridSpan` → span, `w:vMerge` → merge. */
function tableHtml(table: XmlNode, styles: Map<string, StyleInfo>): string {
  const rows: GridRow[] = [];
  for (const row of unwrapped(childrenOf(table), 'w:tr')) {
    const before = Number(attrOf(child(child(row, 'w:trPr') ?? {}, 'w:gridBefore') ?? {}, 'w:val') ?? 0) || 0;
    let col = before;
    const cells: GridCell[] = [];
    for (const tc of unwrapped(childrenOf(row), 'w:tc')) {
      const props = child(tc, 'w:tcPr') ?? {};
      const span = Math.max(
        1,
        Math.min(50, Number(attrOf(child(props, 'w:gridSpan') ?? {}, 'w:val') ?? 1) || 1),
      );
      const vMerge = child(props, 'w:vMerge');
      const merge = vMerge ? (attrOf(vMerge, 'w:val') === 'restart' ? 'restart' : 'continue') : undefined;
      cells.push({ col, span, merge, text: cellText(tc, styles) });
      col += span;
    }
    rows.push({ before, cells });
  }
  return gridTableHtml(rows);
}

/** The body of document.xml as HTML, with the number of Word tables in it. */
function bodyHtml(xml: string, styles: Map<string, StyleInfo>): { html: string; tables: number } {
  const document = (xmlParser.parse(xml) as XmlNode[]).find((n) => tagOf(n) === 'w:document');
  const body = document ? child(document, 'w:body') : undefined;
  if (!body) throw new ZipError('word/document.xml has no w:body');
  const out: string[] = ['<!doctype html><html><body>\n'];
  let tables = 0;
  const stack: XmlNode[] = [...childrenOf(body)].reverse();
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    const tag = tagOf(node);
    if (tag === 'w:p') out.push(paragraphHtml(node, styles));
    else if (tag === 'w:tbl') {
      tables++;
      out.push(tableHtml(node, styles));
    } else if (tag === 'w:sdt' || tag === 'w:customXml') {
      const content = tag === 'w:sdt' ? childrenOf(child(node, 'w:sdtContent') ?? {}) : childrenOf(node);
      for (let i = content.length - 1; i >= 0; i--) stack.push(content[i] as XmlNode);
    }
  }
  out.push('</body></html>\n');
  return { html: out.join(''), tables };
}

/**
 * Reads a DOCX (zip bytes) into the HTML the web-page reader takes. Never throws: a damaged archive, a zip that
 * is not a Word document, or XML past {@link MAX_DOCX_XML_BYTES} is a note saying so.
 */
export function docxToHtml(bytes: Uint8Array): DocxReading {
  if (bytes.length > MAX_DOCX_BYTES) {
    const mb = (bytes.length / MB).toFixed(1);
    return note('input-too-large', NOTE_TEXT['input-too-large'].docx({ mb, limitMb: MAX_DOCX_BYTES / MB }));
  }
  let entries: ZipEntry[];
  try {
    entries = zipEntries(bytes);
  } catch (error) {
    const why = (error as Error).message;
    return note('input-unreadable', NOTE_TEXT['input-unreadable'].docxZip({ error: why }));
  }
  const document = entries.find((e) => e.name === 'word/document.xml');
  if (!document) {
    return note('input-binary', NOTE_TEXT['input-binary'].zipNotWord());
  }
  const stylesEntry = entries.find((e) => e.name === 'word/styles.xml');
  const limit = `${MAX_DOCX_XML_BYTES / MB} MB`;
  try {
    const documentBytes = entryBytes(bytes, document, MAX_DOCX_XML_BYTES);
    const stylesBytes = stylesEntry
      ? entryBytes(bytes, stylesEntry, MAX_DOCX_XML_BYTES - documentBytes.length)
      : undefined;
    const decoder = new TextDecoder('utf-8');
    const styles = readStyles(stylesBytes ? decoder.decode(stylesBytes) : undefined);
    const { html, tables } = bodyHtml(decoder.decode(documentBytes), styles);
    return { ok: true, html, tables };
  } catch (error) {
    if (error instanceof TooLarge) {
      return note('input-too-large', NOTE_TEXT['input-too-large'].docxXml({ limit }));
    }
    const why = error instanceof Error ? error.message : String(error);
    return note('input-unreadable', NOTE_TEXT['input-unreadable'].docx({ error: why }));
  }
}

/**
 * Imports a DOCX: its body read into HTML ({@link docxToHtml}) and that HTML imported by `importHtml` (the
 * importer itself, passed in to keep the modules acyclic). A DOCX without Word tables is still read (the tables
 * may be typed as text), with a note; when nothing is found either, the refusal says it was a Word file.
 */
export function importDocx(
  bytes: Uint8Array,
  options: ImportOptions,
  importHtml: (html: string, options: ImportOptions) => ImportResult,
): ImportResult {
  const reading = docxToHtml(bytes);
  if (!reading.ok) return { ok: false, notes: [reading.note] };
  const result = importHtml(reading.html, { ...options, kind: 'html' });
  if (reading.tables > 0) return result;
  const noTables = importNote('no-tables', NOTE_TEXT['no-tables'].docx());
  if (!result.ok)
    return { ok: false, notes: [noTables, ...result.notes.filter((n) => n.code !== 'no-tables')] };
  return { ...result, notes: [{ ...noTables, severity: 'info' }, ...result.notes] };
}

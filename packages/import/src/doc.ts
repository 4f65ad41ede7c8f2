import type { LocalizedText } from '@nianbao/model';
import { type CFB$Container, find, read } from 'cfb';
import { escapeHtml, type GridCell, type GridRow, gridTableHtml } from './docx.js';
import { importNote, NOTE_TEXT, type NoteCode } from './notes.js';
import type { ImportNote, ImportOptions, ImportResult } from './types.js';

/*
 * Word 97–2003 (.doc) in. The OLE compound file is opened with SheetJS's `cfb`; inside it, Word's own binary
 * format ([MS-DOC]) is read here, because no maintained reader keeps the tables: word-extractor (the usual one)
 * turns every cell mark (U+0007) into a TAB, and a row's end is a cell mark too, so an empty cell and the end of a
 * row come out the same and the rows are lost. What this reads, and no more:
 * - the FIB (file information block): encryption flag, which table stream, the main text's length, where the
 *   piece table (CLX), the paragraph property bin table (PlcBtePapx) and the stylesheet are;
 * - the piece table: the main text, each piece 8-bit (cp1252, "compressed") or UTF-16LE;
 * - each paragraph mark's properties from the PAPX FKPs: in a table, row end (TTP), table depth, the row's
 *   cell boundaries and merges (sprmTDefTable, sprmTVertMerge, sprmTMerge), the style and outline level;
 * - the stylesheet's built-in style ids, so `Heading 1…9` and `Title` paragraphs become headings.
 * The result is the same HTML the DOCX reader makes, fed to the web-page reader: the cell grid comes from the
 * rows' cell boundaries (every row's boundaries snapped onto one set of columns), so merged labels keep their
 * columns and empty cells stay cells.
 */

/** The largest .doc file taken (images included): 100 MB. */
export const MAX_DOC_BYTES: number = 100 * 1024 * 1024;

/** A .doc read into HTML, or the note saying why it could not be. */
export type DocReading = { ok: true; html: string; tables: number } | { ok: false; note: ImportNote };

const MB = 1024 * 1024;

/** Why the Word binary could not be read, in both languages (turned into a note, never shown as a stack). */
class DocError extends Error {
  constructor(
    readonly code: NoteCode,
    readonly text: LocalizedText,
  ) {
    super(text.en);
  }
}

function fail(code: NoteCode, message: LocalizedText): { ok: false; note: ImportNote } {
  return { ok: false, note: importNote(code, message) };
}

const damaged = (where: string): DocError =>
  new DocError('input-unreadable', NOTE_TEXT['input-unreadable'].docDamaged({ where }));

/** Little-endian reads that say where a structure runs past its stream instead of reading garbage. */
class Bytes {
  constructor(
    readonly data: Uint8Array,
    readonly name: string,
  ) {}
  private check(at: number, size: number, what: string): void {
    if (!Number.isInteger(at) || at < 0 || at + size > this.data.length) {
      throw damaged(`${what} (${this.name} @${at}) past the end of the stream (${this.data.length} bytes)`);
    }
  }
  u8(at: number, what: string): number {
    this.check(at, 1, what);
    return this.data[at] as number;
  }
  u16(at: number, what: string): number {
    this.check(at, 2, what);
    return (this.data[at] as number) | ((this.data[at + 1] as number) << 8);
  }
  i16(at: number, what: string): number {
    const v = this.u16(at, what);
    return v >= 0x8000 ? v - 0x10000 : v;
  }
  u32(at: number, what: string): number {
    this.check(at, 4, what);
    return (
      ((this.data[at] as number) |
        ((this.data[at + 1] as number) << 8) |
        ((this.data[at + 2] as number) << 16) |
        ((this.data[at + 3] as number) << 24)) >>>
      0
    );
  }
  slice(at: number, size: number, what: string): Uint8Array {
    this.check(at, size, what);
    return this.data.subarray(at, at + size);
  }
}

/** Windows-1252's 0x80–0x9F, which 8-bit ("compressed") pieces use; the rest of the byte range is Latin-1. */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

interface Piece {
  cpStart: number;
  cpEnd: number;
  /** Byte offset of the piece's first character in the WordDocument stream. */
  fc: number;
  /** Bytes per character: 1 (cp1252) or 2 (UTF-16LE). */
  bpc: 1 | 2;
}

interface Fib {
  table: string;
  ccpText: number;
  fcClx: number;
  lcbClx: number;
  fcPlcfBteChpx: number;
  lcbPlcfBteChpx: number;
  fcPlcfBtePapx: number;
  lcbPlcfBtePapx: number;
  fcStshf: number;
  lcbStshf: number;
}

/** The FIB fields this reader uses ([MS-DOC] 2.5.1); an encrypted or pre-97 file is refused here. */
function readFib(word: Bytes): Fib {
  if (word.u16(0, 'FIB') !== 0xa5ec)
    throw damaged('the WordDocument stream does not start with a Word FIB (wIdent 0xA5EC)');
  const nFib = word.u16(2, 'FIB nFib');
  const flags = word.u16(0x0a, 'FIB flags');
  if (flags & 0x0100) {
    throw new DocError('input-unsupported', NOTE_TEXT['input-unsupported'].docEncrypted());
  }
  if (nFib < 0x00c1) {
    throw new DocError('input-unsupported', NOTE_TEXT['input-unsupported'].docTooOld({ nFib }));
  }
  let at = 32;
  const csw = word.u16(at, 'FIB csw');
  at += 2 + csw * 2;
  const cslw = word.u16(at, 'FIB cslw');
  const lw = at + 2;
  const ccpText = word.u32(lw + 3 * 4, 'FIB ccpText');
  at = lw + cslw * 4;
  const cbRgFcLcb = word.u16(at, 'FIB cbRgFcLcb');
  const blob = at + 2;
  if (cbRgFcLcb < 34) throw damaged(`FIB has ${cbRgFcLcb} fc/lcb pairs (Word 97 has 93)`);
  const pair = (index: number, what: string): [number, number] => [
    word.u32(blob + index * 8, what),
    word.u32(blob + index * 8 + 4, what),
  ];
  const [fcStshf, lcbStshf] = pair(1, 'FIB fcStshf');
  const [fcPlcfBteChpx, lcbPlcfBteChpx] = pair(12, 'FIB fcPlcfBteChpx');
  const [fcPlcfBtePapx, lcbPlcfBtePapx] = pair(13, 'FIB fcPlcfBtePapx');
  const [fcClx, lcbClx] = pair(33, 'FIB fcClx');
  return {
    table: flags & 0x0200 ? '1Table' : '0Table',
    ccpText,
    fcClx,
    lcbClx,
    fcPlcfBteChpx,
    lcbPlcfBteChpx,
    fcPlcfBtePapx,
    lcbPlcfBtePapx,
    fcStshf,
    lcbStshf,
  };
}

/** The piece table (the Pcdt in the CLX, after any Prc property blocks). */
function readPieces(table: Bytes, fib: Fib): Piece[] {
  let at = fib.fcClx;
  const end = fib.fcClx + fib.lcbClx;
  while (at < end && table.u8(at, 'CLX') === 0x01) at += 3 + table.i16(at + 1, 'CLX Prc');
  if (at >= end || table.u8(at, 'CLX Pcdt') !== 0x02) throw damaged('no piece table (Pcdt) in the CLX');
  const lcb = table.u32(at + 1, 'CLX Pcdt size');
  const plc = at + 5;
  const n = Math.floor((lcb - 4) / 12);
  if (n < 1 || plc + lcb > table.data.length) throw damaged(`piece table of ${lcb} bytes`);
  const pieces: Piece[] = [];
  for (let i = 0; i < n; i++) {
    const cpStart = table.u32(plc + i * 4, 'piece CP');
    const cpEnd = table.u32(plc + (i + 1) * 4, 'piece CP');
    const raw = table.u32(plc + (n + 1) * 4 + i * 8 + 2, 'piece FC');
    const compressed = (raw & 0x40000000) !== 0;
    const fc = raw & 0x3fffffff;
    if (cpEnd < cpStart) throw damaged(`piece ${i} ends (CP ${cpEnd}) before it starts (CP ${cpStart})`);
    pieces.push({ cpStart, cpEnd, fc: compressed ? fc / 2 : fc, bpc: compressed ? 1 : 2 });
  }
  return pieces;
}

/** The main document's text (CP 0 to ccpText), and each character's byte offset in the WordDocument stream. */
function readText(word: Bytes, pieces: readonly Piece[], ccpText: number): { text: string; fcs: number[] } {
  const utf16 = new TextDecoder('utf-16le');
  let text = '';
  const fcs: number[] = [];
  for (const piece of pieces) {
    if (piece.cpStart >= ccpText) break;
    const count = Math.min(piece.cpEnd, ccpText) - piece.cpStart;
    const bytes = word.slice(piece.fc, count * piece.bpc, 'text piece');
    if (piece.bpc === 2) text += utf16.decode(bytes);
    else
      for (const b of bytes) text += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
    for (let i = 0; i < count; i++) fcs.push(piece.fc + i * piece.bpc);
  }
  return { text, fcs };
}

/** What a paragraph mark's properties say, as far as this reader needs. */
interface ParagraphProps {
  istd: number;
  inTable: boolean;
  ttp: boolean;
  depth: number;
  outline?: number;
  /** From sprmTDefTable on a row's end mark: the cells' boundaries (twips) and their merge flags. */
  boundaries?: number[];
  vertical?: ('restart' | 'continue' | undefined)[];
  horizontal?: boolean[];
}

/** The operand size of a sprm ([MS-DOC] 2.2.5.1 spra), or -1 when it is variable (first byte, or sprmTDefTable). */
function operandSize(sprm: number): number {
  return [1, 1, 2, 4, 2, 2, -1, 3][(sprm >> 13) & 7] as number;
}

/** Applies a grpprl (a list of sprms) to the paragraph properties; `data` is the Data stream (sprmPHugePapx). */
function applySprms(
  grpprl: Bytes,
  start: number,
  end: number,
  props: ParagraphProps,
  data: Bytes | undefined,
): void {
  let at = start;
  while (at + 2 <= end) {
    const sprm = grpprl.u16(at, 'sprm');
    at += 2;
    let size = operandSize(sprm);
    let operand = at;
    if (size < 0) {
      if (sprm === 0xd608) {
        // sprmTDefTable: a two-byte size first, the size of the rest plus one.
        size = grpprl.u16(at, 'sprmTDefTable size') - 1;
        operand = at + 2;
        at += 2;
      } else if (sprm === 0xc615) {
        // sprmPChgTabs: a one-byte size; 255 means the size is computed from its content (never used here).
        size = grpprl.u8(at, 'sprmPChgTabs size');
        if (size === 255) return;
        operand = at + 1;
        at += 1;
      } else {
        size = grpprl.u8(at, 'sprm size');
        operand = at + 1;
        at += 1;
      }
    }
    if (operand + size > end) return;
    switch (sprm) {
      case 0x2416: // sprmPFInTable
        props.inTable = grpprl.u8(operand, 'sprmPFInTable') !== 0;
        break;
      case 0x2417: // sprmPFTtp
        props.ttp = grpprl.u8(operand, 'sprmPFTtp') !== 0;
        break;
      case 0x6649: // sprmPItap
        props.depth = grpprl.u32(operand, 'sprmPItap');
        break;
      case 0x6646: {
        // sprmPHugePapx: the properties are too long for the FKP and live in the Data stream (a row of many cells).
        if (!data) throw damaged('sprmPHugePapx points into a Data stream the file does not have');
        const offset = grpprl.u32(operand, 'sprmPHugePapx');
        const cb = data.u16(offset, 'PrcData');
        applySprms(data, offset + 2, offset + 2 + cb, props, undefined);
        break;
      }
      case 0x2640: // sprmPOutLvl
        props.outline = grpprl.u8(operand, 'sprmPOutLvl');
        break;
      case 0xd608:
        readTableDef(grpprl, operand, size, props);
        break;
      case 0xd62b: {
        // sprmTVertMerge: cb (=2), itc, vertMerge (0 none, 1 continue, 3 restart).
        const itc = grpprl.u8(operand, 'sprmTVertMerge');
        const flag = grpprl.u8(operand + 1, 'sprmTVertMerge');
        if (props.vertical && itc < props.vertical.length)
          props.vertical[itc] = flag === 3 ? 'restart' : flag === 1 ? 'continue' : undefined;
        break;
      }
      case 0x5624: {
        // sprmTMerge: cells itcFirst … itcLim-1 merged into the first.
        const first = grpprl.u8(operand, 'sprmTMerge');
        const lim = grpprl.u8(operand + 1, 'sprmTMerge');
        if (props.horizontal)
          for (let i = first + 1; i < lim && i < props.horizontal.length; i++) props.horizontal[i] = true;
        break;
      }
      default:
        break;
    }
    at = operand + size;
  }
}

/** sprmTDefTable's operand: the number of cells, their boundaries (rgdxaCenter) and each cell's TC80 flags. */
function readTableDef(bytes: Bytes, at: number, size: number, props: ParagraphProps): void {
  const n = bytes.u8(at, 'sprmTDefTable cells');
  if (n === 0 || 1 + (n + 1) * 2 > size) return;
  const boundaries: number[] = [];
  for (let i = 0; i <= n; i++) boundaries.push(bytes.i16(at + 1 + i * 2, 'rgdxaCenter'));
  const vertical: ('restart' | 'continue' | undefined)[] = [];
  const horizontal: boolean[] = [];
  const tcs = at + 1 + (n + 1) * 2;
  for (let i = 0; i < n; i++) {
    const tc = tcs + i * 20;
    const flags = tc + 2 <= at + size ? bytes.u16(tc, 'TC80') : 0;
    // TC80.tcgrf: horzMerge bits 0–1 (2, 3: merged into the cell before), vertMerge bits 5–6 (1 continue, 3 restart).
    horizontal.push((flags & 3) >= 2);
    const vert = (flags >> 5) & 3;
    vertical.push(vert === 3 ? 'restart' : vert === 1 ? 'continue' : undefined);
  }
  props.boundaries = boundaries;
  props.vertical = vertical;
  props.horizontal = horizontal;
}

interface PapxRun {
  fcStart: number;
  fcEnd: number;
  page: number;
  offset: number;
}

/** Every paragraph run of the PAPX FKPs ([MS-DOC] 2.9.175), sorted by file position. */
function readPapxRuns(word: Bytes, table: Bytes, fib: Fib): PapxRun[] {
  const n = Math.floor((fib.lcbPlcfBtePapx - 4) / 8);
  const runs: PapxRun[] = [];
  for (let i = 0; i < n; i++) {
    const pn = table.u32(fib.fcPlcfBtePapx + (n + 1) * 4 + i * 4, 'PlcBtePapx') & 0x3fffff;
    const page = pn * 512;
    const crun = word.u8(page + 511, 'PAPX FKP crun');
    for (let r = 0; r < crun; r++) {
      const bx = word.u8(page + (crun + 1) * 4 + r * 13, 'PAPX FKP BxPap');
      runs.push({
        fcStart: word.u32(page + r * 4, 'PAPX FKP rgfc'),
        fcEnd: word.u32(page + (r + 1) * 4, 'PAPX FKP rgfc'),
        page,
        offset: bx * 2,
      });
    }
  }
  return runs.sort((a, b) => a.fcStart - b.fcStart);
}

/** A run of characters (by byte offset in the WordDocument stream) and whether its direct formatting is bold. */
interface BoldRun {
  fcStart: number;
  fcEnd: number;
  bold: boolean;
}

/**
 * The character runs of the CHPX FKPs ([MS-DOC] 2.9.34) with their direct bold (sprmCFBold: 1 on, 0x81 the
 * opposite of the style's, taken as on), sorted by file position; a bold lead-in of a paragraph is read from these.
 */
function readBoldRuns(word: Bytes, table: Bytes, fib: Fib, styles: readonly DocStyle[]): BoldRun[] {
  const n = Math.floor((fib.lcbPlcfBteChpx - 4) / 8);
  const runs: BoldRun[] = [];
  for (let i = 0; i < n; i++) {
    const pn = table.u32(fib.fcPlcfBteChpx + (n + 1) * 4 + i * 4, 'PlcBteChpx') & 0x3fffff;
    const page = pn * 512;
    const crun = word.u8(page + 511, 'CHPX FKP crun');
    for (let r = 0; r < crun; r++) {
      const offset = word.u8(page + (crun + 1) * 4 + r, 'CHPX FKP rgb') * 2;
      let bold = false;
      if (offset > 0) {
        const cb = word.u8(page + offset, 'Chpx cb');
        const end = page + offset + 1 + cb;
        let at = page + offset + 1;
        while (at + 2 <= end) {
          const sprm = word.u16(at, 'CHPX sprm');
          at += 2;
          let size = operandSize(sprm);
          if (size < 0) {
            size = word.u8(at, 'CHPX sprm size');
            at += 1;
          }
          if (sprm === 0x0835 && at < end) {
            const v = word.u8(at, 'sprmCFBold');
            bold = v === 1 || v === 0x81;
          } else if (sprm === 0x4a30 && at + 2 <= end) {
            // sprmCIstd: a character style; its bold counts unless a direct sprmCFBold says otherwise.
            bold = styles[word.u16(at, 'sprmCIstd')]?.bold === true || bold;
          }
          at += size;
        }
      }
      runs.push({
        fcStart: word.u32(page + r * 4, 'CHPX FKP rgfc'),
        fcEnd: word.u32(page + (r + 1) * 4, 'CHPX FKP rgfc'),
        bold,
      });
    }
  }
  return runs.sort((a, b) => a.fcStart - b.fcStart);
}

/** Whether the character at byte `fc` is set bold by direct formatting. */
function boldAt(runs: readonly BoldRun[], fc: number): boolean {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = runs[mid] as BoldRun;
    if (fc < r.fcStart) hi = mid - 1;
    else if (fc >= r.fcEnd) lo = mid + 1;
    else return r.bold;
  }
  return false;
}

/** The properties of the paragraph whose mark is at byte `fc` (the run holding it, or defaults). */
function propsAt(word: Bytes, data: Bytes | undefined, runs: readonly PapxRun[], fc: number): ParagraphProps {
  const props: ParagraphProps = { istd: 0, inTable: false, ttp: false, depth: 0 };
  let lo = 0;
  let hi = runs.length - 1;
  let run: PapxRun | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = runs[mid] as PapxRun;
    if (fc < r.fcStart) hi = mid - 1;
    else if (fc >= r.fcEnd) lo = mid + 1;
    else {
      run = r;
      break;
    }
  }
  if (!run || run.offset === 0) return props;
  const at = run.page + run.offset;
  let cb = word.u8(at, 'PapxInFkp cb');
  let start = at + 1;
  let size: number;
  if (cb === 0) {
    cb = word.u8(at + 1, 'PapxInFkp cb');
    start = at + 2;
    size = cb * 2;
  } else size = cb * 2 - 1;
  if (size < 2) return props;
  props.istd = word.u16(start, 'PAPX istd');
  applySprms(word, start + 2, Math.min(start + size, word.data.length), props, data);
  if (props.inTable && props.depth === 0) props.depth = 1;
  return props;
}

/** What the stylesheet says of one style: its built-in id, and the bold and outline level it gives (inherited). */
interface DocStyle {
  sti: number;
  bold: boolean | undefined;
  outline: number | undefined;
  base: number;
}

/** The sprms of a UPX grpprl applied to `style` (bold from sprmCFBold, outline level from sprmPOutLvl). */
function styleSprms(table: Bytes, start: number, end: number, style: DocStyle): void {
  let at = start;
  while (at + 2 <= end) {
    const sprm = table.u16(at, 'style sprm');
    at += 2;
    let size = operandSize(sprm);
    if (size < 0) {
      size = table.u8(at, 'style sprm size');
      at += 1;
    }
    if (at + size > end) return;
    if (sprm === 0x0835) style.bold = table.u8(at, 'sprmCFBold') === 1;
    else if (sprm === 0x2640) style.outline = table.u8(at, 'sprmPOutLvl');
    at += size;
  }
}

/**
 * The stylesheet's styles by istd ([MS-DOC] 2.9.271): built-in id (1–9 Heading 1–9, 62 Title), and the bold and
 * outline level their UPXs set, inherited from the style each is based on.
 */
function readStyles(table: Bytes, fib: Fib): DocStyle[] {
  if (fib.lcbStshf < 6) return [];
  const cbStshi = table.u16(fib.fcStshf, 'STSH');
  const cstd = table.u16(fib.fcStshf + 2, 'STSH cstd');
  const cbBase = table.u16(fib.fcStshf + 4, 'STSH cbSTDBaseInFile');
  const styles: DocStyle[] = [];
  let at = fib.fcStshf + 2 + cbStshi;
  const end = fib.fcStshf + fib.lcbStshf;
  for (let i = 0; i < cstd && at + 2 <= end; i++) {
    const cbStd = table.u16(at, 'LPStd');
    const std = at + 2;
    const style: DocStyle = { sti: -1, bold: undefined, outline: undefined, base: 0x0fff };
    if (cbStd >= 10) {
      style.sti = table.u16(std, 'StdfBase') & 0x0fff;
      const kind = table.u16(std + 2, 'StdfBase stk') & 0x000f;
      style.base = table.u16(std + 2, 'StdfBase istdBase') >> 4;
      const cupx = table.u16(std + 4, 'StdfBase cupx') & 0x000f;
      let x = std + cbBase;
      const cch = table.u16(x, 'xstzName');
      x += 2 + (cch + 1) * 2;
      const stdEnd = std + cbStd;
      for (let u = 0; u < cupx && x + 2 <= stdEnd; u++) {
        const cbUpx = table.u16(x, 'UPX');
        const body = x + 2;
        // A paragraph style's first UPX is its PAPX (istd first), the second its CHPX; a character style's is a CHPX.
        if (kind === 1 && u === 0) styleSprms(table, body + 2, Math.min(body + cbUpx, stdEnd), style);
        else styleSprms(table, body, Math.min(body + cbUpx, stdEnd), style);
        x = body + cbUpx + (cbUpx % 2);
      }
    }
    styles.push(style);
    at += 2 + cbStd;
  }
  for (const style of styles) {
    let base = styles[style.base];
    for (let depth = 0; base && depth < 10; depth++) {
      style.bold ??= base.bold;
      style.outline ??= base.outline;
      base = styles[base.base];
    }
  }
  return styles;
}

/**
 * The text of one paragraph with Word's marks resolved: a field keeps its result (between 0x14 and 0x15) and
 * drops its code; object anchors (pictures, footnote and comment references) go; a line break or TAB is a space
 * (as the DOCX reader does); a non-breaking hyphen is a hyphen; an optional hyphen is dropped.
 */
function cleanText(raw: string): string {
  let out = '';
  // Field nesting: for each open field, whether its code part is over (the result shows).
  const fields: boolean[] = [];
  for (const ch of raw) {
    const c = ch.charCodeAt(0);
    if (c === 0x13) {
      fields.push(false);
      continue;
    }
    if (c === 0x14) {
      if (fields.length > 0) fields[fields.length - 1] = true;
      continue;
    }
    if (c === 0x15) {
      fields.pop();
      continue;
    }
    if (fields.some((shown) => !shown)) continue;
    if (c === 0x09 || c === 0x0b || c === 0x0c) out += ' ';
    else if (c === 0x1e) out += '-';
    else if (c >= 0x20 || c === 0x0a) out += ch;
  }
  return out;
}

interface OpenTable {
  rows: { props: ParagraphProps; cells: string[] }[];
}

/** The boundaries of every row snapped onto one sorted set (within 20 twips, about 0.35 mm, is one line). */
function columnLines(rows: OpenTable['rows']): number[] {
  const all = rows.flatMap((row) => row.props.boundaries ?? []).sort((a, b) => a - b);
  const lines: number[] = [];
  for (const x of all) if (lines.length === 0 || x - (lines[lines.length - 1] as number) > 20) lines.push(x);
  return lines;
}

/** A Word table's rows on one column grid: spans from each cell's boundaries, merges from the TC flags. */
function tableRows(table: OpenTable): GridRow[] {
  const lines = columnLines(table.rows);
  const lineOf = (x: number): number => {
    let best = 0;
    for (let i = 1; i < lines.length; i++)
      if (Math.abs((lines[i] as number) - x) < Math.abs((lines[best] as number) - x)) best = i;
    return best;
  };
  return table.rows.map(({ props, cells }) => {
    const bounds = props.boundaries;
    if (!bounds || bounds.length !== cells.length + 1) {
      // No usable cell definition: the cells in order, one grid column each.
      return {
        before: 0,
        cells: cells.map((text, col): GridCell => ({ col, span: 1, merge: undefined, text })),
      };
    }
    const out: GridCell[] = [];
    cells.forEach((text, i) => {
      const from = lineOf(bounds[i] as number);
      const to = Math.max(from + 1, lineOf(bounds[i + 1] as number));
      const last = out[out.length - 1];
      if (props.horizontal?.[i] && last) {
        // Merged into the cell before it (Word 6-style horizontal merge): widen that one, keep any text.
        last.span = to - last.col;
        if (text) last.text = last.text ? `${last.text} ${text}` : text;
        return;
      }
      out.push({ col: from, span: to - from, merge: props.vertical?.[i], text });
    });
    const first = out[0];
    return { before: first ? first.col : 0, cells: out };
  });
}

/** Reads a legacy Word file's main text into HTML: paragraphs, headings and each table as a `<table>`. */
function wordHtml(container: CFB$Container): { html: string; tables: number } {
  const wordEntry = find(container, 'WordDocument');
  if (!wordEntry) throw damaged('no WordDocument stream');
  const word = new Bytes(Uint8Array.from(wordEntry.content), 'WordDocument');
  const fib = readFib(word);
  const tableEntry = find(container, fib.table);
  if (!tableEntry) throw damaged(`no ${fib.table} stream`);
  const table = new Bytes(Uint8Array.from(tableEntry.content), fib.table);
  const pieces = readPieces(table, fib);
  const { text, fcs } = readText(word, pieces, fib.ccpText);
  const runs = readPapxRuns(word, table, fib);
  const styles = readStyles(table, fib);
  const boldRuns = readBoldRuns(word, table, fib, styles);
  const dataEntry = find(container, 'Data');
  const data = dataEntry ? new Bytes(Uint8Array.from(dataEntry.content), 'Data') : undefined;

  const out: string[] = ['<!doctype html><html><body>\n'];
  let tables = 0;
  let open: OpenTable | undefined;
  let cell: string[] = [];
  let cells: string[] = [];
  const closeTable = (): void => {
    if (!open) return;
    if (open.rows.length > 0) {
      tables++;
      out.push(gridTableHtml(tableRows(open)));
    }
    open = undefined;
    cell = [];
    cells = [];
  };
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x0d && c !== 0x07) continue;
    const raw = text.slice(start, i);
    const paragraph = cleanText(raw).trim();
    // The bold characters the paragraph starts with (its lead-in), as the DOCX reader takes a bold first run.
    let boldEnd = 0;
    while (boldEnd < raw.length && boldAt(boldRuns, fcs[start + boldEnd] as number)) boldEnd++;
    const lead = cleanText(raw.slice(0, boldEnd)).trim();
    const rest = cleanText(raw.slice(boldEnd)).trim();
    start = i + 1;
    const props = propsAt(word, data, runs, fcs[i] as number);
    if (props.depth >= 1) {
      open ??= { rows: [] };
      if (c === 0x07 && props.ttp) {
        // The row's end mark: its properties define the row's cells.
        open.rows.push({ props, cells });
        cells = [];
        cell = [];
      } else if (c === 0x07) {
        if (paragraph) cell.push(paragraph);
        cells.push(cell.join(' '));
        cell = [];
      } else if (paragraph) cell.push(paragraph);
      continue;
    }
    closeTable();
    if (!paragraph) continue;
    const style = styles[props.istd];
    const sti = style?.sti ?? -1;
    props.outline ??= style?.outline;
    const level =
      props.outline !== undefined && props.outline <= 8
        ? props.outline + 1
        : sti >= 1 && sti <= 9
          ? sti
          : undefined;
    if (level !== undefined)
      out.push(`<h${Math.min(6, level + 1)}>${escapeHtml(paragraph)}</h${Math.min(6, level + 1)}>\n`);
    else if (sti === 62) out.push(`<h1>${escapeHtml(paragraph)}</h1>\n`);
    else if (lead && rest) out.push(`<p><strong>${escapeHtml(lead)}</strong>${escapeHtml(rest)}</p>\n`);
    else out.push(`<p>${escapeHtml(paragraph)}</p>\n`);
  }
  closeTable();
  out.push('</body></html>\n');
  return { html: out.join(''), tables };
}

/** Names an OLE compound file that is not a Word document by the streams it holds. */
function notWord(container: CFB$Container): { zh: string; en: string } | undefined {
  if (find(container, 'WordDocument')) return undefined;
  if (find(container, 'EncryptedPackage') || find(container, 'EncryptionInfo'))
    return {
      zh: '加密的 Office 文件（设有打开密码的 .docx/.xlsx）：请输入密码后另存为不加密的文件',
      en: 'an encrypted Office file (a password-protected .docx/.xlsx): open it with its password and save it without one',
    };
  if (find(container, 'Workbook') || find(container, 'Book'))
    return { zh: '旧版 Excel 工作簿（.xls）', en: 'a legacy Excel workbook (.xls)' };
  if (find(container, 'PowerPoint Document'))
    return { zh: '旧版 PowerPoint 演示文稿（.ppt）', en: 'a legacy PowerPoint deck (.ppt)' };
  return {
    zh: 'OLE 复合文档，但不是 Word 文件（没有 WordDocument 流）',
    en: 'an OLE compound file, but not a Word document (no WordDocument stream)',
  };
}

/**
 * Reads a legacy Word file (.doc, Word 97–2003) into the HTML the web-page reader takes. Never throws: a damaged
 * or truncated file, an encrypted one, or an OLE file that is not Word (an .xls) is a note saying so.
 */
export function docToHtml(bytes: Uint8Array): DocReading {
  if (bytes.length > MAX_DOC_BYTES) {
    const mb = (bytes.length / MB).toFixed(1);
    return fail('input-too-large', NOTE_TEXT['input-too-large'].doc({ mb, limitMb: MAX_DOC_BYTES / MB }));
  }
  let container: CFB$Container;
  try {
    container = read(bytes, { type: 'buffer' });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return fail('input-unreadable', NOTE_TEXT['input-unreadable'].ole({ error: why }));
  }
  const other = notWord(container);
  if (other) {
    return fail(
      other.zh.startsWith('加密') ? 'input-unsupported' : 'input-binary',
      NOTE_TEXT['input-binary'].oleNotWord({ what: other }),
    );
  }
  try {
    return { ok: true, ...wordHtml(container) };
  } catch (error) {
    if (error instanceof DocError) return fail(error.code, error.text);
    const why = error instanceof Error ? error.message : String(error);
    return fail('input-unreadable', NOTE_TEXT['input-unreadable'].doc({ error: why }));
  }
}

/**
 * Imports a legacy Word file: read into HTML ({@link docToHtml}) and imported by `importHtml` (the importer
 * itself, passed in to keep the modules acyclic), with an `input-format` note saying what was read.
 */
export function importDoc(
  bytes: Uint8Array,
  options: ImportOptions,
  importHtml: (html: string, options: ImportOptions) => ImportResult,
): ImportResult {
  const reading = docToHtml(bytes);
  if (!reading.ok) return { ok: false, notes: [reading.note] };
  const result = importHtml(reading.html, { ...options, kind: 'html' });
  const what = importNote('input-format', NOTE_TEXT['input-format'].doc({ tables: reading.tables }));
  if (!result.ok) return { ok: false, notes: [what, ...result.notes] };
  return { ...result, notes: [what, ...result.notes] };
}

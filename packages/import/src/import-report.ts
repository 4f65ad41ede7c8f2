import {
  type Block,
  type CellAddress,
  checkReport,
  type LocalizedText,
  NARRATIVE_HEADINGS,
  parseReport,
  parseReportJson,
  type Report,
  type ReportMeta,
  type ReportSections,
  readCell,
  statutoryCells,
  type TableId,
  writeCell,
} from '@nianbao/model';
import { PAGE_NUMBER } from './aliases.js';
import { decodeText, sniffFormat, type TextEncodingName } from './detect.js';
import { importDoc } from './doc.js';
import { type Line, textLines } from './document.js';
import { importDocx } from './docx.js';
import { htmlLines } from './html.js';
import { readMeta } from './meta.js';
import { narrativeBlocks } from './narrative.js';
import { fold } from './normalise.js';
import { importNote, NOTE_TEXT, type NoteCode } from './notes.js';
import { findParts, type PartKey, type PartStart, splitInlineHeadings } from './parts.js';
import { importPdf, MAX_PDF_BYTES } from './pdf.js';
import { type Region, readRegion } from './records.js';
import { newReading } from './tables/reading.js';
import { readT2, T2_PHRASES } from './tables/t2.js';
import { readT3, T3_PHRASES } from './tables/t3.js';
import { readT4, T4_PHRASES } from './tables/t4.js';
import type { ImportKind, ImportNote, ImportOptions, ImportResult, LayoutName } from './types.js';
import { importXlsx } from './xlsx.js';

/** The largest input read: 20 MB, as for Report JSON. A real report page is well under 1 MB. */
export const MAX_IMPORT_BYTES: number = 20 * 1024 * 1024;

function failure(code: NoteCode, message: LocalizedText): ImportResult {
  return { ok: false, notes: [importNote(code, message)] };
}

/** Screens text input: too large, NUL characters (a binary file read as text), empty. */
function screen(input: string): string | ImportResult {
  if (input.length > MAX_IMPORT_BYTES) {
    return failure(
      'input-too-large',
      NOTE_TEXT['input-too-large'].size({ limitMb: MAX_IMPORT_BYTES / 1048576 }),
    );
  }
  if (input.includes('\u0000')) {
    return failure('input-binary', NOTE_TEXT['input-binary'].nul());
  }
  if (input.trim() === '') return failure('input-empty', NOTE_TEXT['input-empty'].empty());
  return input.replace(/^\uFEFF/, '');
}

function tooLarge(bytes: Uint8Array): ImportResult {
  return failure(
    'input-too-large',
    NOTE_TEXT['input-too-large'].size({
      mb: (bytes.length / 1048576).toFixed(1),
      limitMb: MAX_IMPORT_BYTES / 1048576,
    }),
  );
}

/** The note saying which text encoding bytes were read in. */
function encodingNote(encoding: TextEncodingName, bom: boolean): ImportNote {
  return importNote('input-encoding', NOTE_TEXT['input-encoding'].read({ encoding, bom }));
}

/** The most notes returned: a hostile or broken input can raise one per line, and nobody reads 10,000. */
export const MAX_NOTES = 100;

/** The first {@link MAX_NOTES} notes, then one saying how many more were left out. */
export function capNotes(notes: readonly ImportNote[]): ImportNote[] {
  if (notes.length <= MAX_NOTES) return [...notes];
  const more = notes.length - MAX_NOTES;
  return [
    ...notes.slice(0, MAX_NOTES),
    importNote('notes-capped', NOTE_TEXT['notes-capped'].more({ more, total: notes.length, max: MAX_NOTES })),
  ];
}

/** Guesses the kind of a text: HTML when it has table or block markup, markdown when it has pipe tables. */
export function detectKind(text: string): Exclude<ImportKind, 'auto'> {
  const head = text.slice(0, 200_000);
  if (/<(?:html|body|table|tr|td|p|div|br|h[1-6])[\s>/]/i.test(head)) return 'html';
  if (/^\s*\|?\s*:?-{3,}\s*\|/m.test(head) || /^#{1,6}\s/m.test(head)) return 'markdown';
  return 'text';
}

/** The lines of a part: from its heading (heading text removed) to the next part found. */
function partLines(lines: readonly Line[], parts: readonly PartStart[], key: PartKey): Line[] | undefined {
  const at = parts.findIndex((p) => p.part === key);
  if (at < 0) return undefined;
  const start = parts[at] as PartStart;
  const end = parts[at + 1]?.index ?? lines.length;
  const first = lines[start.index] as Line;
  const out: Line[] = [];
  if (first.kind === 'text') {
    const rest = first.text.slice(first.text.indexOf(start.heading) + start.heading.length);
    if (rest.trim()) out.push({ ...first, text: rest });
  }
  // A loop, not push(...): spreading a huge slice as arguments overflows the call stack.
  for (let i = start.index + 1; i < end; i++) out.push(lines[i] as Line);
  return out;
}

const PREAMBLE_START = /根据《|依据《|本报告|按照《|为贯彻/;

/** The preamble: the text before 一、总体情况, from where the report's own words begin. */
function preambleLines(lines: readonly Line[], parts: readonly PartStart[]): Line[] {
  const end = parts[0]?.index ?? 0;
  const before = lines.slice(0, end).filter((l) => l.kind !== 'row' && l.kind !== 'heading');
  const at = before.findIndex((l) => PREAMBLE_START.test(fold(l.text)));
  if (at < 0) return [];
  const first = before[at] as Line;
  const offset = fold(first.text).search(PREAMBLE_START);
  return [{ ...first, text: first.text.slice(offset) }, ...before.slice(at + 1)];
}

/** Drops the signature closing a report (the agency's name, the date) from the end of part 六. */
function trimSignature(lines: Line[] | undefined): Line[] | undefined {
  if (!lines) return lines;
  const out = [...lines];
  for (;;) {
    const last = out[out.length - 1];
    if (!last) break;
    const text = fold(last.text).trim();
    const date = /^(20\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/.test(text);
    const name =
      text.length <= 25 &&
      /(?:局|委员会|委|办公室|人民政府|政府|中心|院|办)$/.test(text) &&
      !/[，。,;；:：]/.test(text);
    if (text === '' || date || name) out.pop();
    else break;
  }
  return out;
}

function isWrapped(lines: readonly Line[]): boolean {
  const text = lines.filter((l) => l.kind === 'text' && l.text.trim() !== '' && !PAGE_NUMBER.test(l.text));
  if (text.length < 30) return false;
  const ended = text.filter((l) => /[。；;:：！？」”）)]\s*$/.test(l.text)).length;
  return ended < text.length * 0.4;
}

/** Where lines came from: the text kinds, or a PDF read by its geometry. */
export type ReadKind = Exclude<ImportKind, 'auto'> | 'pdf';

function layoutOf(region: Region, kind: ReadKind): LayoutName {
  // A PDF's table is 'pdf' when its values came from a rebuilt grid, however many label lines stood around them.
  if (kind === 'pdf')
    return region.layout === 'html' || region.records.some((r) => r.columns) ? 'pdf' : region.layout;
  return kind === 'html' ? 'html' : region.layout;
}

/**
 * Imports a published 政府信息公开工作年度报告 into Report JSON: text, pdftotext output, markdown or HTML as a
 * string, or the bytes of a file, whose format is told from the bytes (never the file name): DOCX (a zip with
 * word/), XLSX (a zip with xl/), text in UTF-8, UTF-16 with a BOM or GB18030/GBK (a note says which). A PDF
 * needs the asynchronous {@link importDocument}. A legacy Word file (.doc, an OLE compound file) is read from
 * Word's binary format (`doc.ts`); another OLE file (.xls, .ppt) is refused naming it.
 * Tables are read by their labels; run-together digits are split by the tables' identities; cells the
 * input does not give are `null` (never 0). Never throws for bad input: `ok: false` says why.
 */
export function importReport(input: string | Uint8Array, options: ImportOptions = {}): ImportResult {
  if (typeof input === 'string') {
    const screened = screen(input);
    if (typeof screened !== 'string') return screened;
    return importText(screened, options, []);
  }
  const sniffed = sniffFormat(input);
  // A Word document may be larger than a text file (images): the DOCX reader has its own limits.
  if (sniffed.format === 'docx') return importDocx(input, options, importReport);
  if (sniffed.format === 'xlsx') return importXlsx(input, options, importReport);
  if (sniffed.format === 'doc') return importDoc(input, options, importReport);
  if (input.length > MAX_IMPORT_BYTES) return tooLarge(input);
  switch (sniffed.format) {
    case 'pdf':
      return failure('pdf-async', NOTE_TEXT['pdf-async'].sync());
    case 'binary':
      return failure('input-binary', NOTE_TEXT['input-binary'].sniffed({ what: sniffed.what }));
    default:
      break;
  }
  const decoded = decodeText(input);
  if (!decoded.ok) return failure('input-binary', { zh: decoded.zh, en: decoded.en });
  const screened = screen(decoded.text);
  if (typeof screened !== 'string') return screened;
  return importText(screened, options, [encodingNote(decoded.encoding, decoded.bom)]);
}

/**
 * Imports a published report from a string or a file's bytes of any format importReport takes, and PDF (text
 * layer read with pdf.js; tables rebuilt from their geometry). Never rejects for bad input.
 */
export async function importDocument(
  input: string | Uint8Array,
  options: ImportOptions = {},
): Promise<ImportResult> {
  if (typeof input !== 'string' && sniffFormat(input).format === 'pdf') {
    if (input.length > MAX_PDF_BYTES) return tooLarge(input);
    return importPdf(input, options, importLines);
  }
  return importReport(input, options);
}

/**
 * Report JSON (nianbao's own data format, e.g. what `nianbao import` wrote or data entry saved) read as it is:
 * validated exactly as `nianbao validate` validates it, every cell taken as given (`read`, or `missing` when
 * blank), nothing inferred. So an audit can mix published files with reports kept as data. Invalid JSON is
 * refused with the validator's first located problem and the count of the others.
 */
function importReportJson(text: string, before: readonly ImportNote[]): ImportResult {
  const parsed = parseReportJson(text);
  if (!parsed.ok) {
    const first = parsed.errors[0]?.message ?? { zh: '无法解析', en: 'cannot be parsed' };
    const note = importNote(
      'report-invalid',
      NOTE_TEXT['report-invalid'].json({ why: first, more: parsed.errors.length - 1 }),
    );
    return { ok: false, notes: [note, ...before] };
  }
  const report = parsed.report;
  const read: CellAddress[] = [];
  const missing: CellAddress[] = [];
  for (const cell of statutoryCells()) {
    (readCell(report, cell.address) === null ? missing : read).push(cell.address);
  }
  return {
    ok: true,
    report,
    findings: checkReport(report),
    confidence: { read, inferred: [], missing },
    notes: [...before, importNote('input-format', NOTE_TEXT['input-format'].json())],
    layouts: {},
  };
}

/** Text (decoded and screened) into a report. */
function importText(text: string, options: ImportOptions, before: ImportNote[]): ImportResult {
  // A published report never opens with `{`; a JSON document always does.
  if ((options.kind === undefined || options.kind === 'auto') && /^\s*\{/.test(text))
    return importReportJson(text, before);
  const kind = options.kind === undefined || options.kind === 'auto' ? detectKind(text) : options.kind;
  const lines = kind === 'html' ? htmlLines(text) : splitInlineHeadings(textLines(text));
  return importLines(lines, kind, options, before);
}

/**
 * The importer proper, on the lines of a document however they were obtained (text, HTML, a PDF's geometry).
 * `kind` says where the lines came from: `html` and `pdf` lines carry their structure (paragraphs, grid rows).
 */
export function importLines(
  lines: readonly Line[],
  kind: ReadKind,
  options: ImportOptions,
  before: readonly ImportNote[] = [],
): ImportResult {
  const ambiguous = options.ambiguous ?? 'best';
  const parts = findParts(lines);
  const notes: ImportNote[] = [...before];
  const reading = newReading();
  const layouts: Partial<Record<TableId, LayoutName>> = {};

  const t2Lines = partLines(lines, parts, 't2');
  const t3Lines = partLines(lines, parts, 't3');
  const t4Lines = partLines(lines, parts, 't4');
  let legacy = false;
  let t4Region: Region | undefined;
  if (t2Lines) {
    const region = readRegion(t2Lines, T2_PHRASES, 3);
    layouts.t2 = layoutOf(region, kind);
    legacy = readT2(region, reading, ambiguous).legacy || legacy;
  }
  if (t3Lines) {
    const region = readRegion(t3Lines, T3_PHRASES, 7);
    layouts.t3 = layoutOf(region, kind);
    legacy = readT3(region, reading, ambiguous).legacy || legacy;
  }
  if (t4Lines) {
    t4Region = readRegion(t4Lines, T4_PHRASES, 15);
    layouts.t4 = layoutOf(t4Region, kind);
    readT4(t4Region, reading, ambiguous);
  }
  if (!t2Lines && !t3Lines && !t4Lines) {
    const noTables = failure('no-tables', NOTE_TEXT['no-tables'].none());
    return { ok: false, notes: [...noTables.notes, ...before] };
  }
  const tableCaptions = { t2: t2Lines, t3: t3Lines, t4: t4Lines };
  for (const id of ['t2', 't3', 't4'] as const) {
    const found = tableCaptions[id];
    const cells = statutoryCells().filter((cell) => cell.table === id);
    const anyRead = cells.some((cell) => reading.values.has(cell.address));
    if (!found || !anyRead) {
      notes.push(
        importNote('missing-table', NOTE_TEXT['missing-table'].table({ table: id, headingFound: !!found })),
      );
    }
  }
  if (legacy) {
    notes.push(importNote('format-legacy', NOTE_TEXT['format-legacy'].report()));
  }
  for (const note of reading.notes) notes.push(note);

  // Narrative.
  const wrapped = kind === 'text' || kind === 'markdown' ? isWrapped(lines) : false;
  const sections: ReportSections = {};
  const overview = partLines(lines, parts, 'overview');
  if (overview) sections.overview = narrativeBlocks(overview, wrapped);
  let problems = partLines(lines, parts, 'problems');
  if (!problems && t4Lines && t4Region && t4Region.lastTableLine < t4Lines.length) {
    const after = t4Lines.slice(t4Region.lastTableLine).filter((l) => l.text.trim() !== '');
    if (after.length > 0) {
      problems = after;
      notes.push(
        importNote(
          'missing-part',
          NOTE_TEXT['missing-part'].problemsAfterT4({ heading: NARRATIVE_HEADINGS.problems }),
        ),
      );
    }
  }
  if (problems) sections.problems = narrativeBlocks(problems, wrapped);
  const other = trimSignature(partLines(lines, parts, 'other'));
  if (other) sections.other = narrativeBlocks(other, wrapped);
  for (const key of ['overview', 'problems', 'other'] as const) {
    if (!sections[key] && !(key === 'problems' && problems)) {
      notes.push(importNote('missing-part', NOTE_TEXT['missing-part'].part({ key })));
    }
  }
  const preambleBlocks = narrativeBlocks(preambleLines(lines, parts), wrapped);
  const preamble = preambleBlocks.map((b: Block) => b.text).filter((t) => t.trim() !== '');

  // Meta.
  const { meta: found } = readMeta(lines.map((l) => l.text).join('\n'), preamble.join('\n'));
  // Unknown stays unknown: a year or agency neither the text nor the caller states is never guessed or filled
  // with a placeholder (the JSON would not validate, or would assert what nobody said). The caller may state it
  // (`options.meta`, `nianbao import --year/--agency`); without it the import fails with a located note.
  const year = found.year ?? options.meta?.year;
  const agency = found.agency ?? options.meta?.agency?.trim();
  const unknown: ImportNote[] = [];
  if (year === undefined) {
    unknown.push(importNote('meta-missing', NOTE_TEXT['meta-missing'].year()));
  }
  if (!agency) {
    unknown.push(importNote('meta-missing', NOTE_TEXT['meta-missing'].agency()));
  }
  if (year === undefined || !agency) return { ok: false, notes: capNotes([...unknown, ...notes]) };
  const meta: ReportMeta = { agency, year };
  if (found.year === undefined || found.agency === undefined) {
    notes.push(
      importNote(
        'meta-missing',
        NOTE_TEXT['meta-missing'].fromCaller({ what: found.year === undefined ? 'year' : 'agency' }),
        [],
        { severity: 'info' },
      ),
    );
  }
  if (found.kind) meta.kind = found.kind;
  if (found.contact) meta.contact = found.contact;
  if (found.publishedAt) meta.publishedAt = found.publishedAt;
  if (found.title) meta.title = found.title;

  // The report: every statutory cell, null unless read.
  let tables = {} as Pick<Report, TableId>;
  const read: string[] = [];
  const inferred: string[] = [];
  const missing: string[] = [];
  for (const cell of statutoryCells()) {
    const value = reading.values.get(cell.address);
    tables = writeCell(tables, cell.address, value ?? null);
    if (value === undefined) missing.push(cell.address);
    else if (reading.status.get(cell.address) === 'inferred') inferred.push(cell.address);
    else read.push(cell.address);
  }
  const report: Report = {
    formatVersion: '2021',
    meta,
    ...(preamble.length > 0 ? { preamble } : {}),
    ...(Object.keys(sections).length > 0 ? { sections } : {}),
    t2: tables.t2,
    t3: tables.t3,
    t4: tables.t4,
  };
  // The model's own validator is the gate: what `nianbao validate` would refuse (a year outside the contract's
  // range, say) is never returned as a successful import.
  const valid = parseReport(report);
  if (!valid.ok) {
    const refused: ImportNote[] = valid.errors.map((error) =>
      importNote('report-invalid', NOTE_TEXT['report-invalid'].refused({ why: error.message })),
    );
    return { ok: false, notes: capNotes([...refused, ...notes]) };
  }
  return {
    ok: true,
    report,
    findings: checkReport(report),
    confidence: { read, inferred, missing },
    notes: capNotes(notes),
    layouts,
  };
}

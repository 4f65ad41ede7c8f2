import { checkReport, type Report } from '@nianbao/model/core';
import { Packer } from 'docx';
import {
  buildDocument,
  type DocxDocumentOptions,
  type DocxDraftFinding,
  type DocxProperties,
  documentProperties,
} from './document.js';
import { type DocxFontOptions, fontTableXml, resolveDocxFonts } from './fonts.js';
import { type DocxGlyphWarning, docxGlyphWarnings } from './glyphs.js';

/** Options of {@link renderReportDocx}. */
export interface DocxRenderOptions extends DocxDocumentOptions {
  /** Font names per role (`title`, `heading`, `subheading`, `body`, `bodyBold`, `table`, `fallback`). */
  readonly fonts?: DocxFontOptions;
  /** The findings the draft lists. @default checkReport(report, { previous }) */
  readonly findings?: readonly DocxDraftFinding[];
  /** Last year's report, for the cross-year rules of the draft's findings. */
  readonly previous?: Report;
  /** The document's creation and modification date (core properties). @default now */
  readonly creationDate?: Date;
  /** Receives warnings (characters the named fonts lack…). @default print them with console.warn */
  readonly onWarning?: (warning: DocxGlyphWarning) => void;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** `docProps/core.xml` with `dc:language` (docx writes no language there). */
function coreXml(props: DocxProperties & { date: Date }): string {
  const date = `${props.date.toISOString().slice(0, 19)}Z`;
  const el = (name: string, value: string): string => `<${name}>${escapeXml(value)}</${name}>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    el('dc:title', props.title) +
    el('dc:subject', props.subject) +
    el('dc:creator', props.creator) +
    el('cp:keywords', props.keywords) +
    el('dc:description', props.description) +
    el('cp:lastModifiedBy', props.creator) +
    el('dc:language', 'zh-CN') +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${date}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${date}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/** A rendered document and what the renderer noticed. */
export interface DocxRenderResult {
  readonly bytes: Uint8Array;
  readonly warnings: readonly DocxGlyphWarning[];
}

/** Renders a report to DOCX bytes and returns them with the warnings. No Node API: runs in a browser too. */
export async function renderReportDocxWithWarnings(
  report: Report,
  options: DocxRenderOptions = {},
): Promise<DocxRenderResult> {
  const fonts = resolveDocxFonts(options.fonts);
  const findings = options.draft
    ? (options.findings ?? checkReport(report, options.previous ? { previous: options.previous } : {}))
    : undefined;
  const { document, text } = buildDocument({
    report,
    fonts,
    ...(options.tableFontSize !== undefined ? { tableFontSize: options.tableFontSize } : {}),
    ...(options.margins ? { margins: options.margins } : {}),
    ...(options.draft ? { draft: true } : {}),
    ...(findings ? { findings } : {}),
  });
  const bytes = await Packer.pack(document, 'uint8array', false, [
    { path: 'word/fontTable.xml', data: fontTableXml(fonts) },
    {
      path: 'docProps/core.xml',
      data: coreXml({ ...documentProperties(report), date: options.creationDate ?? new Date() }),
    },
  ]);
  return { bytes, warnings: docxGlyphWarnings(text, fonts) };
}

/**
 * Renders a report to DOCX bytes: an editable Word document in 公文 format. Warnings go to `onWarning`. No Node
 * API on this path: the same function serves a browser's "download as Word" button.
 */
export async function renderReportDocx(report: Report, options: DocxRenderOptions = {}): Promise<Uint8Array> {
  const { bytes, warnings } = await renderReportDocxWithWarnings(report, options);
  const warn = options.onWarning ?? ((w: DocxGlyphWarning) => console.warn(`@nianbao/docx: ${w.message.en}`));
  for (const warning of warnings) warn(warning);
  return bytes;
}

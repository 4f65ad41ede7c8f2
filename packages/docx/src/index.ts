/**
 * @nianbao/docx — the statutory 政府信息公开工作年度报告 as an editable Word document in 公文 format (GB/T 9704-2012
 * as Word styles), its tables drawn from the same `TableLayout` as the web components and the PDF. No Node API:
 * works in a browser too. `renderReportDocxToFile` is in `@nianbao/docx/node`.
 */

export {
  type BuildInput,
  type BuiltDocument,
  buildDocument,
  type DocxDocumentOptions,
  type DocxDraftFinding,
  type DocxProperties,
  documentGrid,
  documentProperties,
  textBlockWidth,
} from './document.js';
export {
  DEFAULT_DOCX_FONTS,
  type DocxFont,
  type DocxFontOptions,
  type DocxFonts,
  fontTableXml,
  resolveDocxFonts,
} from './fonts.js';
export { type Charset, charset, type DocxGlyphWarning, docxGlyphWarnings, knownCharset } from './glyphs.js';
export {
  type DocxRenderOptions,
  type DocxRenderResult,
  renderReportDocx,
  renderReportDocxWithWarnings,
} from './render.js';
export { documentStyles, STYLE } from './styles.js';
export { columnTwips, type DocxTableStyle, reportTable } from './table.js';
export { A4_TWIPS, type DocxMargins, GB9704_MARGINS_MM, GRID, mm, pt, SIZES } from './units.js';

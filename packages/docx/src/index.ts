/**
 * @nianbao/docx — the statutory 政府信息公开工作年度报告 as an editable Word document in 公文 format (GB/T 9704-2012
 * as Word styles), its tables drawn from the same `TableLayout` as the web components and the PDF. No Node API:
 * works in a browser too. `renderReportDocxToFile` is in `@nianbao/docx/node`.
 */

/** What a document carries beyond the report: properties, margins, the draft's findings, the sign-off. */
export type { DocxDocumentOptions, DocxDraftFinding, DocxProperties } from './document.js';
/**
 * The fonts a document names (Word substitutes installed ones): the 公文 defaults and the options that replace
 * them.
 */
export { DEFAULT_DOCX_FONTS, type DocxFont, type DocxFontOptions, type DocxFonts } from './fonts.js';
/** A character the document's fonts may not have, reported with where it is. */
export type { DocxGlyphWarning } from './glyphs.js';
/**
 * Renders a report to DOCX bytes; `renderReportDocxWithWarnings` also returns the characters the fonts may lack.
 */
export {
  type DocxRenderOptions,
  type DocxRenderResult,
  renderReportDocx,
  renderReportDocxWithWarnings,
} from './render.js';
/** Page margins in millimetres, and GB/T 9704-2012's. */
export { type DocxMargins, GB9704_MARGINS_MM } from './units.js';

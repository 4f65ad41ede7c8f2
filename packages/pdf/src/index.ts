/**
 * @nianbao/pdf — the statutory 政府信息公开工作年度报告 as a print-quality PDF (GB/T 9704-2012 layout), drawn
 * from the same `TableLayout` as the web components.
 */

export {
  type DocumentOptions,
  type DraftFinding,
  ReportDocument,
  type ReportDocumentProps,
} from './document.js';
export {
  defaultFontSources,
  type FontFamilies,
  type FontSource,
  type FontSources,
  type GlyphFont,
  loadFonts,
  rareFallbackFamilies,
  registerFonts,
} from './fonts.js';
export { type GlyphWarning, glyphWarnings, textByRole } from './glyphs.js';
export { cjkHyphenationCallback } from './line-break.js';
export {
  type PoolOptions,
  type PoolRenderOptions,
  poolUsesWorkers,
  type RenderJob,
  type RenderJobResult,
  renderPdfFiles,
} from './pool.js';
export { type RenderOptions, renderReportPdf, renderReportPdfToFile } from './render.js';
export { FONT_ROLES, type FontRole } from './roles.js';
export { ReportTable, type ReportTableProps, type TableStyle } from './table.js';
export { A4, GB9704_MARGINS, LANDSCAPE_MARGINS, type Margins, MM, TYPE } from './typography.js';

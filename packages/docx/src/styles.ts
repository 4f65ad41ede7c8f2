import { AlignmentType, ImportedXmlComponent, type IStylesOptions, LineRuleType } from 'docx';
import { type DocxFonts, runFont } from './fonts.js';
import { BODY_LINE_PT, pt, SIZES } from './units.js';

/*
 * Every piece of typography is a named Word style, never direct formatting on a paragraph, so that staff can
 * restyle the whole document from Word's style pane (修改样式) the way an office's 公文 template does. Runs carry
 * no formatting except the lead-in's character style. Headings are Word's built-in Heading 1 / Heading 2 (so the
 * navigation pane and a table of contents see them) restyled to GB/T 9704.
 */

/** Style ids the document uses. */
export const STYLE: {
  readonly title: 'Title';
  readonly heading: 'Heading1';
  readonly subheading: 'Heading2';
  readonly minorHeading: 'NbMinorHeading';
  readonly body: 'Normal';
  readonly lead: 'NbLead';
  readonly table: 'NbTable';
  readonly tableLabel: 'NbTableLabel';
  readonly tableRowLabel: 'NbTableRowLabel';
  readonly tableNumber: 'NbTableNumber';
  readonly tableNote: 'NbTableNote';
  readonly pageNumberOdd: 'NbPageNumberOdd';
  readonly pageNumberEven: 'NbPageNumberEven';
  readonly findings: 'NbFindings';
  readonly findingsTitle: 'NbFindingsTitle';
  readonly findingsCells: 'NbFindingsCells';
  readonly afterTable: 'NbAfterTable';
  readonly offGrid: 'NbOffGrid';
} = {
  title: 'Title',
  heading: 'Heading1',
  subheading: 'Heading2',
  minorHeading: 'NbMinorHeading',
  body: 'Normal',
  lead: 'NbLead',
  table: 'NbTable',
  tableLabel: 'NbTableLabel',
  tableRowLabel: 'NbTableRowLabel',
  tableNumber: 'NbTableNumber',
  tableNote: 'NbTableNote',
  pageNumberOdd: 'NbPageNumberOdd',
  pageNumberEven: 'NbPageNumberEven',
  findings: 'NbFindings',
  findingsTitle: 'NbFindingsTitle',
  findingsCells: 'NbFindingsCells',
  afterTable: 'NbAfterTable',
  offGrid: 'NbOffGrid',
};

/*
 * The line grid (22 lines) is for body text. Everything else — title, tables, page numbers, findings — is based on
 * a style that does not snap to it (`w:snapToGrid w:val="0"`), or LibreOffice gives each of its lines a whole
 * grid line (28.95 pt) even when its spacing is exact. docx has no option for that paragraph property, so this
 * one style is written as XML.
 */
const OFF_GRID_STYLE =
  `<w:style w:type="paragraph" w:styleId="${'NbOffGrid'}"><w:name w:val="不对齐网格"/><w:basedOn w:val="Normal"/>` +
  '<w:pPr><w:snapToGrid w:val="0"/></w:pPr></w:style>';

const half = (points: number): number => Math.round(points * 2);
const LANGUAGE = { value: 'zh-CN', eastAsia: 'zh-CN' } as const;
/** Body text: 固定值 28 磅, first line indented two characters. */
const BODY_SPACING = { line: pt(BODY_LINE_PT), lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const;
/*
 * 28 characters a line: the 156 mm text block holds 27.6 characters of 16 pt, so body text is tracked −0.25 pt
 * (15.75 pt a character, 441 pt a line). Word's own "28 characters a line" is a character grid (docGrid
 * linesAndChars, charSpace −841), which Word honours but LibreOffice does not: it gives each 16 pt character
 * two cells of the 15.79 pt pitch, 14 characters a line. Tracking in the style gives 28 in both, and staff can
 * change it in the style. Other sizes (title, tables, page numbers) are not tracked.
 */
const BODY_TRACKING = -5;
const OFF_GRID = { characterSpacing: 0 } as const;
const TWO_CHARS = { firstLineChars: 200, firstLine: pt(2 * SIZES.body) } as const;

/** The document's styles: GB/T 9704-2012 typography with the given fonts. */
export function documentStyles(fonts: DocxFonts, tableFontSize: number): IStylesOptions {
  // Exact line heights wherever text is not body text: an "auto" line would snap to the 28.95 pt line grid.
  const tableLine = { line: Math.round(tableFontSize * 1.3 * 20), lineRule: LineRuleType.EXACT } as const;
  const noIndent = { firstLine: 0, firstLineChars: 0, left: 0, right: 0 } as const;
  return {
    default: {
      document: {
        // The document grid's character pitch is counted from this size (三号), so it must stay 16 pt.
        run: { font: runFont(fonts.body), size: half(SIZES.body), language: LANGUAGE },
        paragraph: { spacing: BODY_SPACING },
      },
    },
    paragraphStyles: [
      {
        id: STYLE.body,
        name: 'Normal',
        quickFormat: true,
        run: {
          font: runFont(fonts.body),
          size: half(SIZES.body),
          language: LANGUAGE,
          characterSpacing: BODY_TRACKING,
        },
        // Left-aligned, as the PDF: with justification LibreOffice drops a 、 that ends a line before an opening
        // quote (seen in the seed: 议政网、“12345”); fixed-width CJK lines look justified anyway.
        paragraph: { alignment: AlignmentType.LEFT, spacing: BODY_SPACING, indent: TWO_CHARS },
      },
      {
        id: STYLE.title,
        name: 'Title',
        basedOn: STYLE.offGrid,
        next: STYLE.body,
        quickFormat: true,
        run: { font: runFont(fonts.title), size: half(SIZES.title), ...OFF_GRID },
        paragraph: {
          alignment: AlignmentType.CENTER,
          // Two body lines for each title line keeps a two-line title readable; one blank line after it.
          spacing: {
            line: pt(BODY_LINE_PT * 1.3),
            lineRule: LineRuleType.EXACT,
            before: 0,
            after: pt(BODY_LINE_PT),
          },
          indent: noIndent,
          keepNext: true,
        },
      },
      {
        id: STYLE.heading,
        name: 'heading 1',
        basedOn: STYLE.body,
        next: STYLE.body,
        quickFormat: true,
        run: { font: runFont(fonts.heading), size: half(SIZES.body), bold: false },
        paragraph: { outlineLevel: 0, keepNext: true, keepLines: true, alignment: AlignmentType.LEFT },
      },
      {
        id: STYLE.subheading,
        name: 'heading 2',
        basedOn: STYLE.body,
        next: STYLE.body,
        quickFormat: true,
        run: { font: runFont(fonts.subheading), size: half(SIZES.body), bold: false },
        paragraph: { outlineLevel: 1, keepNext: true, keepLines: true, alignment: AlignmentType.LEFT },
      },
      {
        // 1. and （1） headings are set in the body font (GB/T 9704 §7.3.3), like the PDF.
        id: STYLE.minorHeading,
        name: '小标题（正文字体）',
        basedOn: STYLE.body,
        next: STYLE.body,
        run: { font: runFont(fonts.body), size: half(SIZES.body) },
        paragraph: { outlineLevel: 2, keepNext: true, keepLines: true, alignment: AlignmentType.LEFT },
      },
      {
        id: STYLE.table,
        name: '表格文字',
        basedOn: STYLE.offGrid,
        run: { font: runFont(fonts.table), size: half(tableFontSize), ...OFF_GRID },
        paragraph: {
          spacing: { ...tableLine, before: 0, after: 0 },
          indent: noIndent,
          alignment: AlignmentType.CENTER,
        },
      },
      {
        id: STYLE.tableLabel,
        name: '表格表头',
        basedOn: STYLE.table,
        paragraph: { alignment: AlignmentType.CENTER },
      },
      {
        id: STYLE.tableRowLabel,
        name: '表格行标题',
        basedOn: STYLE.table,
        paragraph: { alignment: AlignmentType.LEFT },
      },
      {
        id: STYLE.tableNumber,
        name: '表格数字',
        basedOn: STYLE.table,
        paragraph: { alignment: AlignmentType.RIGHT },
      },
      {
        id: STYLE.tableNote,
        name: '表格注释',
        basedOn: STYLE.table,
        run: { size: half(tableFontSize * 0.85) },
        paragraph: { alignment: AlignmentType.LEFT },
      },
      {
        id: 'Footer',
        name: 'footer',
        basedOn: STYLE.offGrid,
        run: { font: runFont(fonts.fallback), size: half(SIZES.pageNumber), ...OFF_GRID },
        paragraph: {
          spacing: { line: pt(SIZES.pageNumber * 1.2), lineRule: LineRuleType.EXACT },
          indent: noIndent,
        },
      },
      {
        // GB/T 9704 §7.5: 4号 Arabic numerals between dashes; odd pages right, even left, one character in.
        id: STYLE.pageNumberOdd,
        name: '页码（单页）',
        basedOn: 'Footer',
        paragraph: { alignment: AlignmentType.RIGHT, indent: { ...noIndent, right: pt(SIZES.pageNumber) } },
      },
      {
        id: STYLE.pageNumberEven,
        name: '页码（双页）',
        basedOn: 'Footer',
        paragraph: { alignment: AlignmentType.LEFT, indent: { ...noIndent, left: pt(SIZES.pageNumber) } },
      },
      {
        id: STYLE.findingsTitle,
        name: '校核结果标题',
        basedOn: STYLE.heading,
        next: STYLE.findings,
        paragraph: { alignment: AlignmentType.CENTER, indent: noIndent, spacing: { after: pt(8) } },
      },
      {
        id: STYLE.findings,
        name: '校核结果',
        basedOn: STYLE.offGrid,
        run: { size: half(11), ...OFF_GRID },
        paragraph: {
          spacing: { line: pt(11 * 1.5), lineRule: LineRuleType.EXACT, before: 0, after: pt(3) },
          indent: noIndent,
          alignment: AlignmentType.LEFT,
        },
      },
      {
        id: STYLE.findingsCells,
        name: '校核结果单元格',
        basedOn: STYLE.findings,
        run: { size: half(8), color: '555555' },
      },
      {
        // Half a body line between a table and what follows, as in the PDF.
        id: STYLE.afterTable,
        name: '表后空行',
        basedOn: STYLE.offGrid,
        run: { size: half(SIZES.body / 2) },
        paragraph: {
          spacing: { line: pt(BODY_LINE_PT / 2), lineRule: LineRuleType.EXACT },
          indent: noIndent,
        },
      },
    ],
    importedStyles: [ImportedXmlComponent.fromXmlString(OFF_GRID_STYLE)],
    characterStyles: [
      {
        id: STYLE.lead,
        name: '段首语（加粗）',
        run: { font: runFont(fonts.bodyBold), bold: true },
      },
    ],
  };
}

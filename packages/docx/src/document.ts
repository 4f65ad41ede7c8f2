import type { Block, FontRole, LocalizedText, Report, TableId } from '@nianbao/model/core';
import {
  DRAFT_WATERMARK,
  FINDINGS_TITLE,
  findingCellsInWords,
  NARRATIVE_HEADINGS,
  reportTitle,
  SEVERITY_ZH,
  STATUS_ZH,
  STATUTORY_TABLES,
  statutoryLayout,
} from '@nianbao/model/core';
import {
  Document,
  DocumentGridType,
  type FileChild,
  Footer,
  Header,
  PageNumber,
  Paragraph,
  TextRun,
} from 'docx';
import { TextWatermark } from 'docx/watermarks';
import type { DocxFonts } from './fonts.js';
import { documentStyles, STYLE } from './styles.js';
import { reportTable } from './table.js';
import { A4_TWIPS, type DocxMargins, GB9704_MARGINS_MM, GRID, mm, SIZES } from './units.js';

/** A finding as the draft's findings section lists it (structurally the model's `Finding`). */
export interface DocxDraftFinding {
  readonly rule: string;
  readonly severity: 'error' | 'warning' | 'info';
  readonly status: 'fail' | 'uncertain';
  readonly cells: readonly string[];
  readonly message: LocalizedText;
}

/** Layout options of the Word document. */
export interface DocxDocumentOptions {
  /** Table text size in points. @default 10.5 (五号) */
  readonly tableFontSize?: number;
  /** Page margins in millimetres. @default GB/T 9704: 37 / 26 / 35 / 28 */
  readonly margins?: Partial<DocxMargins>;
  /** A 草稿 watermark on every page and the findings as a last section. @default false */
  readonly draft?: boolean;
}

/** The document as docx objects, with every string it prints by the font role that prints it. */
export interface BuiltDocument {
  readonly document: Document;
  readonly text: Record<FontRole, string[]>;
}

/** Everything `buildDocument` needs. */
export interface BuildInput extends DocxDocumentOptions {
  readonly report: Report;
  readonly fonts: DocxFonts;
  /** Listed in the last section when `draft`. */
  readonly findings?: readonly DocxDraftFinding[];
}

/**
 * The line grid of GB/T 9704: 22 lines in the text block (225 mm / 22 = 28.95 pt, in twips). The 28 characters of
 * a line come from the body style's tracking (see styles.ts), not a character grid, which LibreOffice misreads.
 */
export function documentGrid(margins: DocxMargins): { linePitch: number } {
  const height = A4_TWIPS.height - mm(margins.top) - mm(margins.bottom);
  return { linePitch: Math.floor(height / GRID.lines) };
}

/** The document properties (core.xml) of a report: the same as the PDF's metadata. */
export interface DocxProperties {
  readonly title: string;
  readonly subject: string;
  /** The agency (`dc:creator`, Word's 作者). */
  readonly creator: string;
  readonly keywords: string;
  readonly description: string;
}

/** The document properties of a report. */
export function documentProperties(report: Report): DocxProperties {
  const title = reportTitle(report.meta);
  return {
    title,
    subject: '政府信息公开工作年度报告',
    creator: report.meta.agency,
    keywords: `政府信息公开, 年度报告, ${report.meta.year}, ${report.meta.agency}`,
    description: `${title}（nianbao 生成）`,
  };
}

/** The width of the text block in twips. */
export function textBlockWidth(margins: DocxMargins): number {
  return A4_TWIPS.width - mm(margins.left) - mm(margins.right);
}

/**
 * The whole report as a docx `Document`: title, preamble, 一 to 六 in statutory order with the three tables under
 * 二、三、四 from `statutoryLayout`, GB/T 9704 page setup and styles, page numbers, metadata; a draft adds the
 * watermark and the findings.
 */
export function buildDocument(input: BuildInput): BuiltDocument {
  const { report, fonts } = input;
  const margins: DocxMargins = { ...GB9704_MARGINS_MM, ...input.margins };
  const text: Record<FontRole, string[]> = {
    title: [],
    heading: [],
    subheading: [],
    body: [],
    bodyBold: [],
    table: [],
    fallback: [],
  };
  const run = (role: FontRole, content: string, style?: string): TextRun => {
    text[role].push(content);
    return new TextRun(style ? { text: content, style } : content);
  };
  const para = (style: string, role: FontRole, content: string): Paragraph =>
    new Paragraph({ style, children: [run(role, content)] });

  const blocks = (list: readonly Block[] | undefined): Paragraph[] =>
    (list ?? []).map((block) => {
      if (block.type === 'heading') {
        return block.level === 2
          ? para(STYLE.subheading, 'subheading', block.text)
          : para(STYLE.minorHeading, 'body', block.text);
      }
      const children: TextRun[] = [];
      if (block.lead) children.push(run('bodyBold', block.lead, STYLE.lead));
      children.push(run('body', block.text));
      return new Paragraph({ style: STYLE.body, children });
    });

  const title = reportTitle(report.meta);
  const sections = report.sections ?? {};
  const tableStyle = { width: textBlockWidth(margins), borderSize: 6 };
  // Draft: the cells of failing checks are shaded in the tables themselves, as in the PDF.
  const marked = new Set(
    input.draft ? (input.findings ?? []).filter((f) => f.status === 'fail').flatMap((f) => f.cells) : [],
  );
  const children: FileChild[] = [
    para(STYLE.title, 'title', title),
    ...(report.preamble ?? []).map((p) => para(STYLE.body, 'body', p)),
    para(STYLE.heading, 'heading', NARRATIVE_HEADINGS.overview),
    ...blocks(sections.overview),
  ];
  for (const spec of STATUTORY_TABLES) {
    const layout = statutoryLayout(spec.id as TableId);
    children.push(
      para(STYLE.heading, 'heading', layout.caption),
      reportTable(layout, report, { ...tableStyle, marked }, (t) => text.table.push(t)),
      new Paragraph({ style: STYLE.afterTable }),
    );
  }
  children.push(
    para(STYLE.heading, 'heading', NARRATIVE_HEADINGS.problems),
    ...blocks(sections.problems),
    para(STYLE.heading, 'heading', NARRATIVE_HEADINGS.other),
    ...blocks(sections.other),
  );

  // Page numbers: "— N —" in 四号 at the foot; the odd-page footer is Word's default one, the even-page footer
  // its own (evenAndOddHeaders), so odd numbers sit right and even ones left, each one character in.
  const pageNumber = (style: string): Footer =>
    new Footer({
      children: [
        new Paragraph({ style, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })] }),
      ],
    });
  text.fallback.push('— 0123456789 —');
  const watermark = (): Header =>
    new Header({
      children: [
        new Paragraph({
          style: 'Header',
          // As the PDF's: 120 pt, light grey, turned 35° anticlockwise, centred on the page behind the text.
          children: [
            new TextWatermark({
              text: DRAFT_WATERMARK,
              font: fonts.title.name,
              fontSize: 120,
              width: 300,
              height: 150,
              rotation: -35,
              color: 'C4C4C4',
              opacity: 0.6,
            }),
          ],
        }),
      ],
    });
  const grid = documentGrid(margins);
  const chrome = () => ({
    properties: {
      page: {
        size: { width: A4_TWIPS.width, height: A4_TWIPS.height },
        margin: {
          top: mm(margins.top),
          right: mm(margins.right),
          bottom: mm(margins.bottom),
          left: mm(margins.left),
          // The page number's top edge 7 mm below the text block (GB/T 9704 §7.5): its 14 pt line ends about
          // 12 mm lower.
          footer: mm(Math.max(margins.bottom - 7 - 5, 5)),
          header: mm(15),
        },
      },
      grid: { type: DocumentGridType.LINES, linePitch: grid.linePitch },
    },
    footers: { default: pageNumber(STYLE.pageNumberOdd), even: pageNumber(STYLE.pageNumberEven) },
    ...(input.draft ? { headers: { default: watermark(), even: watermark() } } : {}),
  });

  const docSections = [{ ...chrome(), children }];
  if (input.draft) {
    text.heading.push(FINDINGS_TITLE, DRAFT_WATERMARK);
    const findings = input.findings ?? [];
    const items: Paragraph[] =
      findings.length === 0
        ? [para(STYLE.findings, 'body', '未发现问题。No findings.')]
        : // As the PDF's: severity and the Chinese message first, then the cells by the statute's names, then in small
          // print the English message, rule id and dotted paths.
          findings.flatMap((finding, i) => [
            new Paragraph({
              style: STYLE.findings,
              keepNext: true,
              children: [
                run(
                  'bodyBold',
                  `${i + 1}. 【${SEVERITY_ZH[finding.severity]}·${STATUS_ZH[finding.status]}】${finding.message.zh}`,
                  STYLE.lead,
                ),
              ],
            }),
            ...(finding.cells.length > 0
              ? [para(STYLE.findings, 'body', findingCellsInWords(finding.cells))]
              : []),
            para(
              STYLE.findingsCells,
              'body',
              [finding.message.en, finding.rule, finding.cells.join(', ')].filter(Boolean).join(' · '),
            ),
          ]);
    docSections.push({
      ...chrome(),
      children: [para(STYLE.findingsTitle, 'heading', FINDINGS_TITLE), ...items],
    });
  }

  const props = documentProperties(report);
  const document = new Document({
    ...props,
    lastModifiedBy: props.creator,
    evenAndOddHeaderAndFooters: true,
    styles: documentStyles(fonts, input.tableFontSize ?? SIZES.table),
    sections: docSections,
  });
  return { document, text };
}

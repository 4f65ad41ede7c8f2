import type { Block, LocalizedText, Report, TableId, TableLayout } from '@nianbao/model/core';
import {
  cellName,
  DRAFT_WATERMARK,
  FINDINGS_TITLE,
  NARRATIVE_HEADINGS as PART_HEADINGS,
  reportTitle,
  SEVERITY_ZH,
  STATUS_ZH,
  STATUTORY_TABLES,
  statutoryLayout,
  textWidth,
} from '@nianbao/model/core';
import { Document, Page, Text, View } from '@react-pdf/renderer';
import { type ComponentProps, createElement as h, type ReactElement, type ReactNode } from 'react';
import type { FontFamilies } from './fonts.js';
import { cjkHyphenationCallback, printable } from './line-break.js';
import { estimateTableLead, ReportTable, type TableStyle } from './table.js';
import { A4, GB9704_MARGINS, LANDSCAPE_MARGINS, type Margins, MM, TYPE } from './typography.js';

/** A finding as the draft page prints it (structurally the model's `Finding`). */
export interface DraftFinding {
  readonly rule: string;
  readonly severity: 'error' | 'warning' | 'info';
  readonly status: 'fail' | 'uncertain';
  readonly cells: readonly string[];
  readonly expected?: number;
  readonly actual?: number;
  readonly message: LocalizedText;
}

/** Layout options of the document. */
export interface DocumentOptions {
  /** Put 二、三、四 (the tables) on landscape pages. @default false */
  readonly landscapeTables?: boolean;
  /** Table text size in points. @default 10.5 */
  readonly tableFontSize?: number;
  /** Page margins in millimetres (portrait pages). @default GB/T 9704: 37 / 26 / 35 / 28 */
  readonly margins?: Partial<Margins>;
  /** Print a 草稿 watermark on every page and end with the findings page. @default false */
  readonly draft?: boolean;
  /** The findings listed on the draft page (`checkReport(report)`); only read when `draft`. */
  readonly findings?: readonly DraftFinding[];
  /**
   * End with the 落款: the agency and, below it, the publication date (`meta.publishedAt`, as 2025年1月20日), set
   * right as GB/T 9704 §7.3.5 sets 发文机关署名 and 成文日期. Only a report that says when it is published has a
   * date to print, so a report without `publishedAt` never gets one.
   * @default true (printed whenever `meta.publishedAt` is given)
   */
  readonly signOff?: boolean;
  /** The PDF's creation date. @default now */
  readonly creationDate?: Date;
}

/** Props of {@link ReportDocument}. */
export interface ReportDocumentProps extends DocumentOptions {
  /** The report to print. */
  readonly report: Report;
  /** Font families per role, from `registerFonts()` (or `prepareFonts()`). */
  readonly fonts: FontFamilies;
}

function stack(primary: string, fonts: FontFamilies): string {
  // react-pdf takes a fallback list (per glyph); its style types say string.
  return [primary, fonts.fallback, ...(fonts.rare ?? [])] as unknown as string;
}

const INDENT = 2 * TYPE.body;
const BODY_LINE = TYPE.pitch / TYPE.body;

function paragraph(key: string, family: string, children: ReactNode[]): ReactElement {
  return h(
    Text,
    {
      key,
      hyphenationCallback: cjkHyphenationCallback,
      orphans: 2,
      widows: 2,
      style: {
        fontFamily: family,
        fontSize: TYPE.body,
        lineHeight: BODY_LINE,
        textIndent: INDENT,
        textAlign: 'left',
      },
    },
    ...children,
  );
}

function heading(key: string, text: string, family: string, keepWith: number): ReactElement {
  return h(
    Text,
    {
      key,
      hyphenationCallback: cjkHyphenationCallback,
      minPresenceAhead: keepWith,
      style: { fontFamily: family, fontSize: TYPE.body, lineHeight: BODY_LINE, textIndent: INDENT },
    },
    printable(text),
  );
}

function partHeading(
  key: string,
  text: string,
  fonts: FontFamilies,
  keepWith = TYPE.pitch * 2,
): ReactElement {
  return heading(key, text, stack(fonts.heading, fonts), keepWith);
}

function blocks(list: readonly Block[] | undefined, fonts: FontFamilies, prefix: string): ReactElement[] {
  return (list ?? []).map((block, i) => {
    const key = `${prefix}-${i}`;
    if (block.type === 'heading') {
      const family = block.level === 2 ? fonts.subheading : fonts.body;
      return heading(key, block.text, stack(family, fonts), TYPE.pitch * 2);
    }
    const children: ReactNode[] = [];
    if (block.lead) {
      // textIndent is read from a paragraph's first run, so the lead-in carries it too.
      children.push(
        h(
          Text,
          { key: 'lead', style: { fontFamily: stack(fonts.bodyBold, fonts), textIndent: INDENT } },
          printable(block.lead),
        ),
      );
    }
    children.push(printable(block.text));
    return paragraph(key, stack(fonts.body, fonts), children);
  });
}

function pageNumber(fonts: FontFamilies, margins: Margins, pageHeight: number): ReactElement {
  // GB/T 9704 §7.5: 4号 Arabic numerals between dashes, 7 mm below the text block; odd pages right, even left,
  // one character (一字) in from the edge of the text block. textAlign inside a render prop is laid out against
  // the first pass's text (odd numbers came out near the centre), so the side is a flex row's justification: the
  // box spans the text block less one character each side and the number sits at its right or left end.
  // nianbaoReadsTotals: this render prop reads only the page number, never totalPages, so the bundled engine skips
  // the paginator's second round that a total would need (scripts/build-engine.mjs); react-pdf ignores the prop.
  const props: ComponentProps<typeof View> & { key: string; nianbaoReadsTotals: false } = {
    key: 'page-number',
    fixed: true,
    nianbaoReadsTotals: false,
    style: {
      position: 'absolute',
      top: pageHeight - margins.bottom * MM + 7 * MM,
      left: margins.left * MM + TYPE.pageNumber,
      right: margins.right * MM + TYPE.pageNumber,
    },
    render: ({ pageNumber: n }: { pageNumber: number }) =>
      h(
        View,
        { style: { flexDirection: 'row', justifyContent: n % 2 === 1 ? 'flex-end' : 'flex-start' } },
        h(
          Text,
          {
            hyphenationCallback: cjkHyphenationCallback,
            style: { fontFamily: stack(fonts.body, fonts), fontSize: TYPE.pageNumber },
          },
          `— ${n} —`,
        ),
      ),
  };
  return h(View, props);
}

function watermark(fonts: FontFamilies, width: number, height: number): ReactElement {
  const size = 120;
  // Two em wide plus slack; no fixed height, because react-pdf silently drops text a fixed-height box cannot hold.
  const boxWidth = size * 2.4;
  const lineHeight = 1.4;
  return h(
    View,
    {
      key: 'watermark',
      fixed: true,
      style: {
        position: 'absolute',
        top: (height - size * lineHeight) / 2,
        left: (width - boxWidth) / 2,
        width: boxWidth,
        transform: 'rotate(-35deg)',
      },
    },
    h(
      Text,
      {
        hyphenationCallback: cjkHyphenationCallback,
        style: {
          fontFamily: fonts.title,
          fontSize: size,
          lineHeight,
          // Light and translucent: react-pdf draws fixed chrome over the flow, and an opaque grey 草稿 hid the
          // table rules and figures it crossed; at this opacity a rule under it stays a dark line.
          color: '#b0b0b0',
          opacity: 0.3,
          textAlign: 'center',
        },
      },
      DRAFT_WATERMARK,
    ),
  );
}

/** A react-pdf text style (the renderer does not export its `Style` type). */
type TextStyle = Extract<NonNullable<ComponentProps<typeof Text>['style']>, { fontSize?: unknown }>;

/** The title of the draft's findings page (the model's, shared with the DOCX renderer). */
export { FINDINGS_TITLE };

/** How many cells a finding names in words before it counts the rest (a column sum reads up to 22). */
const CELLS_NAMED = 6;

/*
 * The findings page speaks to the staff who fix the report: per finding, its severity and the Chinese message
 * first, then the cells by the names the statute gives them (「三、（七）总计 · 自然人」, the model's `cellName`),
 * and only then, in small grey print, the English message, rule id and dotted paths for whoever files a bug.
 */
function findingsPage(findings: readonly DraftFinding[], fonts: FontFamilies): ReactElement {
  const small = { fontFamily: stack(fonts.body, fonts), fontSize: 11, lineHeight: 1.5 };
  const fine = { ...small, fontSize: 8, lineHeight: 1.4, color: '#555' };
  const text = (key: string, style: TextStyle, content: string): ReactElement =>
    h(Text, { key, hyphenationCallback: cjkHyphenationCallback, style }, printable(content));
  const named = (cells: readonly string[]): string => {
    const names = cells.slice(0, CELLS_NAMED).map((cell) => `「${cellName(cell)}」`);
    const rest = cells.length > CELLS_NAMED ? `等共 ${cells.length} 格` : '';
    return `涉及：${names.join('、')}${rest}`;
  };
  const items =
    findings.length === 0
      ? [text('none', small, '未发现问题。No findings.')]
      : findings.map((finding, i) =>
          h(
            View,
            { key: `f-${i}`, wrap: false, style: { marginBottom: 8 } },
            text(
              'm',
              { ...small, fontFamily: stack(fonts.bodyBold, fonts) },
              `${i + 1}. 【${SEVERITY_ZH[finding.severity]}·${STATUS_ZH[finding.status]}】${finding.message.zh}`,
            ),
            finding.cells.length > 0 ? text('c', small, named(finding.cells)) : null,
            text(
              'r',
              fine,
              [finding.message.en, finding.rule, finding.cells.join(', ')].filter(Boolean).join(' · '),
            ),
          ),
        );
  return h(
    View,
    { key: 'findings', break: true },
    h(
      Text,
      {
        hyphenationCallback: cjkHyphenationCallback,
        style: {
          fontFamily: stack(fonts.heading, fonts),
          fontSize: TYPE.body,
          lineHeight: BODY_LINE,
          textAlign: 'center',
          marginBottom: 8,
        },
      },
      FINDINGS_TITLE,
    ),
    ...items,
  );
}

/** Width of a title line in characters (the model's estimate: CJK 1, Latin and digits about half). */
const TITLE_MEASURE = (A4.width - (GB9704_MARGINS.left + GB9704_MARGINS.right) * MM) / TYPE.title;

/**
 * The title's lines. One line when it fits; otherwise broken after the agency name, or, in a custom `meta.title`
 * that does not start with it (平罗县头闸镇2022年…), before the year, so that 2022年政府信息公开工作年度报告 stays
 * whole on the line below (GB/T 9704 §7.3.3: 回行时词意完整, 梯形 or 菱形). A title with neither is left to the
 * line breaker.
 */
export function titleLines(title: string, agency: string, year: number | string): string[] {
  if (textWidth(title) <= TITLE_MEASURE) return [title];
  let at = agency !== '' && title.startsWith(agency) ? agency.length : -1;
  if (at <= 0 || at >= title.length) at = title.search(new RegExp(`${year}\\s*年`));
  return at > 0 ? [title.slice(0, at).trimEnd(), title.slice(at)] : [title];
}

/** `2025-01-20` → `2025年1月20日` (GB/T 9704 §7.3.5: the year, month and day in full, no leading zeros). */
function chineseDate(iso: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return undefined;
  const [, y, m, d] = match;
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/*
 * The 落款 after the last part: one blank line, the agency 右空二字, the date on the next line with its first
 * character two characters right of the agency's first (GB/T 9704 §7.3.5.1); a date longer than the agency is
 * set 右空二字 and the agency centred over it. Kept together on one page.
 */
function signOff(agency: string, publishedAt: string | undefined, fonts: FontFamilies): ReactElement[] {
  const date = publishedAt === undefined ? undefined : chineseDate(publishedAt);
  if (date === undefined || agency === '') return [];
  const agencyEm = textWidth(agency);
  const dateEm = textWidth(date);
  const dateRight = Math.max(agencyEm - dateEm, 2);
  const agencyRight = agencyEm - dateEm >= 2 ? 2 : 2 + (dateEm - agencyEm) / 2;
  const line = (key: string, text: string, right: number): ReactElement =>
    h(
      Text,
      {
        key,
        hyphenationCallback: cjkHyphenationCallback,
        style: {
          fontFamily: stack(fonts.body, fonts),
          fontSize: TYPE.body,
          lineHeight: BODY_LINE,
          textAlign: 'right',
          paddingRight: right * TYPE.body,
        },
      },
      printable(text),
    );
  return [
    h(
      View,
      { key: 'sign-off', wrap: false, style: { marginTop: TYPE.pitch } },
      line('agency', agency, agencyRight),
      line('date', date, dateRight),
    ),
  ];
}

/** The height of the text block (pt): 225 mm, 22 lines. */
const BLOCK_HEIGHT = 22 * TYPE.pitch;

/**
 * Whether a table goes whole, with its heading, in one unsplittable box: a table that never splits (表二: no
 * repeated head, `ReportTable` keeps it whole), and a small one (表四, four rows: splitting it would leave a head
 * with one row) whose estimated height is under a third of the text block.
 */
function keptWhole(layout: TableLayout, style: TableStyle): boolean {
  if (!layout.sections.some((section) => section.kind === 'head')) return true;
  const row = style.fontSize * style.lineHeight + style.fontSize * 0.6;
  return layout.rowCount * row * 2 < BLOCK_HEIGHT / 3;
}

/*
 * A table kept whole moves to the next page whole when it does not fit, so its heading goes in one unsplittable box
 * with it: together on this page when both fit, on the next otherwise, never the heading alone. A table that splits
 * between rows (表三) keeps only its head and first rows with its heading (`estimateTableLead`): a whole-table lead
 * would push a table that could start here onto the next page and leave this one half empty.
 */
function keepWithTable(layout: TableLayout, style: TableStyle, items: ReactElement[]): ReactElement[] {
  if (!keptWhole(layout, style)) return items;
  const [heading, table, ...rest] = items;
  return [h(View, { key: `${layout.id}-keep`, wrap: false }, heading, table), ...rest];
}

function headingLead(layout: TableLayout, style: TableStyle): number {
  return keptWhole(layout, style) ? 0 : estimateTableLead(layout, style);
}

interface PageSetup {
  readonly width: number;
  readonly height: number;
  readonly margins: Margins;
}

function pageStyle(setup: PageSetup): Record<string, number> {
  return {
    paddingTop: setup.margins.top * MM,
    paddingRight: setup.margins.right * MM,
    paddingBottom: setup.margins.bottom * MM,
    paddingLeft: setup.margins.left * MM,
  };
}

/**
 * The whole report as a react-pdf `<Document>`: title, preamble, 一 to 六 in statutory order with the three
 * tables under 二、三、四 drawn from `statutoryLayout`, GB/T 9704 typography, page numbers, metadata.
 */
export function ReportDocument(props: ReportDocumentProps): ReactElement {
  const { report, fonts } = props;
  const margins: Margins = { ...GB9704_MARGINS, ...props.margins };
  const portrait: PageSetup = { width: A4.width, height: A4.height, margins };
  const landscape: PageSetup = { width: A4.height, height: A4.width, margins: { ...LANDSCAPE_MARGINS } };
  const title = reportTitle(report.meta);
  const sections = report.sections ?? {};

  const tableSetup = props.landscapeTables ? landscape : portrait;
  const tableStyle: TableStyle = {
    width: tableSetup.width - (tableSetup.margins.left + tableSetup.margins.right) * MM,
    fontFamily: stack(fonts.table, fonts),
    fontSize: props.tableFontSize ?? TYPE.table,
    lineHeight: 1.3,
    borderWidth: 0.75,
  };

  // Heading and a table that splits are siblings in the page flow (not wrapped together): minPresenceAhead only
  // moves a node that has something before it on the page, so a wrapped heading would stay orphaned at a page
  // bottom. A table that never splits is wrapped with its heading instead (keepWithTable).
  const tables = STATUTORY_TABLES.flatMap((spec) => {
    const layout = statutoryLayout(spec.id as TableId);
    return keepWithTable(layout, tableStyle, [
      partHeading(`${spec.id}-h`, layout.caption, fonts, headingLead(layout, tableStyle)),
      h(ReportTable, {
        key: `${spec.id}-t`,
        layout,
        report,
        style: tableStyle,
        // Draft: the cells of failing checks are marked in the tables themselves.
        markCells: props.draft
          ? (props.findings ?? []).filter((f) => f.status === 'fail').flatMap((f) => f.cells)
          : [],
      }),
      h(View, { key: `${spec.id}-s`, style: { height: TYPE.pitch / 2 } }),
    ]);
  });

  const chrome = (setup: PageSetup): ReactElement[] => [
    pageNumber(fonts, setup.margins, setup.height),
    ...(props.draft ? [watermark(fonts, setup.width, setup.height)] : []),
  ];

  const lines = titleLines(title, report.meta.agency, report.meta.year);
  const opening: ReactElement[] = [
    ...lines.map((line, i) =>
      h(
        Text,
        {
          key: `title-${i}`,
          hyphenationCallback: cjkHyphenationCallback,
          style: {
            fontFamily: stack(fonts.title, fonts),
            fontSize: TYPE.title,
            lineHeight: 1.45,
            textAlign: 'center',
            ...(i === lines.length - 1 ? { marginBottom: TYPE.pitch } : {}),
          },
        },
        printable(line),
      ),
    ),
    ...(report.preamble ?? []).map((text, i) =>
      paragraph(`pre-${i}`, stack(fonts.body, fonts), [printable(text)]),
    ),
    partHeading('overview-h', PART_HEADINGS.overview, fonts),
    ...blocks(sections.overview, fonts, 'overview'),
  ];
  const closing: ReactElement[] = [
    partHeading('problems-h', PART_HEADINGS.problems, fonts),
    ...blocks(sections.problems, fonts, 'problems'),
    partHeading('other-h', PART_HEADINGS.other, fonts),
    ...blocks(sections.other, fonts, 'other'),
    ...(props.signOff === false ? [] : signOff(report.meta.agency, report.meta.publishedAt, fonts)),
    ...(props.draft ? [findingsPage(props.findings ?? [], fonts)] : []),
  ];

  // react-pdf's box/glue/penalty paginator (`experimentalPagination`) is about twice as fast and keeps a table
  // head from ending a page alone (minPresenceAhead on a repeated node). With a landscape Page in the document it
  // drops the fixed page chrome (page numbers, watermark) of that Page, so landscape documents use the classic one.
  const nextEngine = !props.landscapeTables;
  const page = (
    key: string,
    setup: PageSetup,
    children: ReactElement[],
    orientation?: 'landscape',
  ): ReactElement =>
    h(
      Page,
      {
        key,
        size: 'A4',
        ...(orientation ? { orientation } : {}),
        experimentalPagination: nextEngine,
        style: pageStyle(setup),
      },
      ...chrome(setup),
      ...children,
    );
  const pages = props.landscapeTables
    ? [
        page('p1', portrait, opening),
        page('p2', landscape, tables, 'landscape'),
        page('p3', portrait, closing),
      ]
    : [page('p1', portrait, [...opening, ...tables, ...closing])];

  return h(
    Document,
    {
      title,
      author: report.meta.agency,
      subject: '政府信息公开工作年度报告',
      keywords: `政府信息公开, 年度报告, ${report.meta.year}, ${report.meta.agency}`,
      creator: 'nianbao',
      producer: 'nianbao (@nianbao/pdf, react-pdf)',
      language: 'zh-CN',
      creationDate: props.creationDate ?? new Date(),
    },
    ...pages,
  );
}

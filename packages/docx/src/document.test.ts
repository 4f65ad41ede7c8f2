import {
  checkReport,
  FINDINGS_TITLE,
  findingCellsInWords,
  formatCellValue,
  NARRATIVE_HEADINGS,
  type Report,
  readCell,
  reportTitle,
  STATUTORY_TABLES,
} from '@nianbao/model';
import { busyReport, failingFixtures, seedReport } from '@nianbao/model/fixtures';
import { describe, expect, it } from 'vitest';
import { renderReportDocx, renderReportDocxWithWarnings } from './render.js';
import { STYLE } from './styles.js';
import { MARK } from './table.js';
import { all, docxPart, kid, kids, parseXml, textOf, unzipDocx, type XmlNode } from './test-support/ooxml.js';
import { longReport, narrativeStrings } from './test-support/reports.js';

const quiet = { onWarning: () => {} };

function style(styles: XmlNode, id: string): XmlNode {
  const found = kids(styles, 'w:style').find((s) => s.attrs['w:styleId'] === id);
  if (!found) throw new Error(`no style ${id}`);
  return found;
}
const rPr = (s: XmlNode): XmlNode | undefined => kid(s, 'w:rPr');
const pPr = (s: XmlNode): XmlNode | undefined => kid(s, 'w:pPr');
const val = (node: XmlNode | undefined, name: string, attr = 'w:val'): string | undefined =>
  kid(node, name)?.attrs[attr];

/** The body's paragraphs and tables, in order, as [style, text]. */
function flow(doc: XmlNode): [string, string][] {
  const body = kid(doc, 'w:body') as XmlNode;
  return body.children
    .filter((n) => n.name === 'w:p' || n.name === 'w:tbl')
    .map((n) => (n.name === 'w:tbl' ? ['table', ''] : [val(pPr(n), 'w:pStyle') ?? 'Normal', textOf(n)]));
}

describe('GB/T 9704-2012 as Word styles', () => {
  it('defines the title, headings, body, table and page-number styles with the statutory sizes and fonts', async () => {
    const styles = await docxPart(await renderReportDocx(seedReport, quiet), 'word/styles.xml');
    const fontOf = (id: string): string | undefined => val(rPr(style(styles, id)), 'w:rFonts', 'w:eastAsia');
    const sizeOf = (id: string): string | undefined => val(rPr(style(styles, id)), 'w:sz');
    // 二号 22 pt = 44 half-points; 三号 16 pt = 32; 四号 14 pt = 28; 五号 10.5 pt = 21.
    expect([fontOf(STYLE.title), sizeOf(STYLE.title)]).toEqual(['方正小标宋简体', '44']);
    expect([fontOf(STYLE.heading), sizeOf(STYLE.heading)]).toEqual(['黑体', '32']);
    expect([fontOf(STYLE.subheading), sizeOf(STYLE.subheading)]).toEqual(['楷体_GB2312', '32']);
    expect([fontOf(STYLE.body), sizeOf(STYLE.body)]).toEqual(['仿宋_GB2312', '32']);
    expect([fontOf(STYLE.table), sizeOf(STYLE.table)]).toEqual(['仿宋_GB2312', '21']);
    expect(sizeOf('Footer')).toBe('28');
    for (const id of [STYLE.title, STYLE.heading, STYLE.subheading, STYLE.body]) {
      const fonts = kid(rPr(style(styles, id)), 'w:rFonts')?.attrs ?? {};
      expect(fonts['w:ascii'], id).toBe(fonts['w:eastAsia']);
    }
    const body = pPr(style(styles, STYLE.body));
    // Exactly 28 pt (560 twips) a line; first line indented two characters.
    expect(kid(body, 'w:spacing')?.attrs).toMatchObject({ 'w:line': '560', 'w:lineRule': 'exact' });
    expect(kid(body, 'w:ind')?.attrs).toMatchObject({ 'w:firstLineChars': '200', 'w:firstLine': '640' });
    expect(val(rPr(style(styles, STYLE.body)), 'w:lang')).toBe('zh-CN');
    expect(val(rPr(style(styles, STYLE.body)), 'w:lang', 'w:eastAsia')).toBe('zh-CN');
    // Headings are Word's built-in Heading 1 / 2, in the outline.
    expect(val(pPr(style(styles, STYLE.heading)), 'w:outlineLvl')).toBe('0');
    expect(val(pPr(style(styles, STYLE.subheading)), 'w:outlineLvl')).toBe('1');
    expect(val(pPr(style(styles, STYLE.pageNumberOdd)), 'w:jc')).toBe('right');
    expect(val(pPr(style(styles, STYLE.pageNumberEven)), 'w:jc')).toBe('left');
    // Off-grid text (tables, title, page numbers) inherits snapToGrid off from one style.
    expect(val(pPr(style(styles, STYLE.offGrid)), 'w:snapToGrid')).toBe('0');
    expect(val(style(styles, STYLE.table), 'w:basedOn')).toBe(STYLE.offGrid);
  });

  it('sets A4, the GB/T 9704 margins, 22 lines a page, and odd/even page-number footers', async () => {
    const parts = await unzipDocx(await renderReportDocx(seedReport, quiet));
    const doc = parseXml(parts.get('word/document.xml') ?? '');
    const sectPr = all(doc, 'w:sectPr');
    expect(sectPr).toHaveLength(1);
    const sect = sectPr[0] as XmlNode;
    expect(kid(sect, 'w:pgSz')?.attrs).toMatchObject({ 'w:w': '11906', 'w:h': '16838' });
    // 37 / 26 / 35 / 28 mm in twips.
    expect(kid(sect, 'w:pgMar')?.attrs).toMatchObject({
      'w:top': '2098',
      'w:right': '1474',
      'w:bottom': '1984',
      'w:left': '1587',
    });
    // 225 mm / 22 lines.
    expect(kid(sect, 'w:docGrid')?.attrs).toMatchObject({ 'w:type': 'lines', 'w:linePitch': '579' });
    const settings = parseXml(parts.get('word/settings.xml') ?? '');
    expect(kid(settings, 'w:evenAndOddHeaders')).toBeDefined();
    const refs = kids(sect, 'w:footerReference').map((f) => f.attrs['w:type']);
    expect(refs.sort()).toEqual(['default', 'even']);
    const rels = parseXml(parts.get('word/_rels/document.xml.rels') ?? '');
    const target = (type: string): string => {
      const id = kids(sect, 'w:footerReference').find((f) => f.attrs['w:type'] === type)?.attrs['r:id'];
      return kids(rels, 'Relationship').find((r) => r.attrs.Id === id)?.attrs.Target ?? '';
    };
    for (const [type, styleId] of [
      ['default', STYLE.pageNumberOdd],
      ['even', STYLE.pageNumberEven],
    ] as const) {
      const footer = parseXml(parts.get(`word/${target(type)}`) ?? '');
      const p = all(footer, 'w:p')[0] as XmlNode;
      expect(val(pPr(p), 'w:pStyle')).toBe(styleId);
      const instr = all(footer, 'w:instrText').map((i) => i.children.map((c) => c.text).join(''));
      expect(instr.join('').trim()).toBe('PAGE');
      expect(textOf(footer)).toBe('—  —');
    }
  });

  it('writes the document properties: title, the agency as author, subject, keywords, zh-CN', async () => {
    const bytes = await renderReportDocx(busyReport, {
      ...quiet,
      creationDate: new Date('2025-01-15T08:00:00Z'),
    });
    const core = await docxPart(bytes, 'docProps/core.xml');
    const get = (name: string): string => textOfNode(kid(core, name));
    expect(get('dc:title')).toBe(reportTitle(busyReport.meta));
    expect(get('dc:creator')).toBe(busyReport.meta.agency);
    expect(get('dc:subject')).toBe('政府信息公开工作年度报告');
    expect(get('cp:keywords')).toContain(String(busyReport.meta.year));
    expect(get('dc:language')).toBe('zh-CN');
    expect(get('dcterms:created')).toBe('2025-01-15T08:00:00Z');
  });
});

function textOfNode(node: XmlNode | undefined): string {
  return node?.children.map((c) => c.text ?? '').join('') ?? '';
}

describe('content and order', () => {
  it('prints title, preamble, 一 to 六 with their narrative and the tables under 二、三、四, as the PDF does', async () => {
    for (const report of [seedReport, busyReport]) {
      const doc = await docxPart(await renderReportDocx(report, quiet), 'word/document.xml');
      const items = flow(doc);
      const headings = items.filter(([s]) => s === STYLE.heading).map(([, t]) => t);
      expect(headings).toEqual([
        NARRATIVE_HEADINGS.overview,
        ...STATUTORY_TABLES.map((t) => t.caption),
        NARRATIVE_HEADINGS.problems,
        NARRATIVE_HEADINGS.other,
      ]);
      expect(items[0]).toEqual([STYLE.title, reportTitle(report.meta)]);
      // Each table right after its heading.
      for (const spec of STATUTORY_TABLES) {
        const at = items.findIndex(([, t]) => t === spec.caption);
        expect(items[at + 1]?.[0]).toBe('table');
      }
      // Every narrative string, whole and in order, in a paragraph of its own.
      const texts = items.map(([, t]) => t);
      let from = 0;
      for (const piece of narrativeStrings(report)) {
        const at = texts.indexOf(piece, from);
        expect(at, piece).toBeGreaterThanOrEqual(from);
        from = at + 1;
      }
    }
  });

  it('prints lead-ins in the bold character style, then the paragraph text, with no direct formatting', async () => {
    const report = busyReport;
    const lead = (report.sections?.overview ?? []).find((b) => b.type === 'paragraph' && b.lead);
    expect(lead).toBeDefined();
    const doc = await docxPart(await renderReportDocx(report, quiet), 'word/document.xml');
    const runs = all(doc, 'w:r');
    const leadRuns = runs.filter((r) => val(kid(r, 'w:rPr'), 'w:rStyle') === STYLE.lead);
    expect(leadRuns.length).toBeGreaterThan(0);
    // Runs carry no formatting of their own beyond a character style (restyling is done in the styles).
    for (const r of runs) {
      const props = kid(r, 'w:rPr')?.children.map((c) => c.name) ?? [];
      expect(
        props.filter((n) => n !== 'w:rStyle' && n !== 'w:noProof'),
        JSON.stringify(props),
      ).toEqual([]);
    }
  });
});

describe('draft', () => {
  it('adds a 草稿 watermark to both headers and the findings as a last section', async () => {
    const report = failingFixtures[0]?.report ?? busyReport;
    const findings = checkReport(report);
    expect(findings.length).toBeGreaterThan(0);
    const parts = await unzipDocx(await renderReportDocx(report, { ...quiet, draft: true }));
    const doc = parseXml(parts.get('word/document.xml') ?? '');
    const sections = all(doc, 'w:sectPr');
    expect(sections).toHaveLength(2);
    const headers = [...parts.keys()].filter((p) => /^word\/header\d+\.xml$/.test(p));
    const withMark = headers.filter((p) => /<v:textpath[^>]*string="草稿"/.test(parts.get(p) ?? ''));
    expect(withMark.length).toBeGreaterThanOrEqual(2);
    for (const sect of sections) {
      expect(
        kids(sect, 'w:headerReference')
          .map((h) => h.attrs['w:type'])
          .sort(),
      ).toEqual(['default', 'even']);
    }
    const items = flow(doc);
    const at = items.findIndex(([, t]) => t === FINDINGS_TITLE);
    expect(at).toBeGreaterThan(items.findIndex(([, t]) => t === NARRATIVE_HEADINGS.other));
    const rest = items
      .slice(at)
      .map(([, t]) => t)
      .join('\n');
    for (const finding of findings) {
      expect(rest).toContain(finding.message.zh);
      if (finding.cells.length > 0) expect(rest).toContain(findingCellsInWords(finding.cells));
      expect(rest).toContain(finding.rule);
    }
    // The cells of failing checks are shaded in the tables, and only those.
    const failing = new Set(findings.filter((f) => f.status === 'fail').flatMap((f) => f.cells));
    expect(failing.size).toBeGreaterThan(0);
    const shaded = all(doc, 'w:tc').filter(
      (tc) => kid(kid(tc, 'w:tcPr'), 'w:shd')?.attrs['w:fill'] === MARK.fill,
    );
    expect(shaded.length).toBe(failing.size);
    const values = new Set([...failing].map((address) => formatCellValue(readCell(report, address))));
    for (const tc of shaded) expect(values.has(textOf(tc)), textOf(tc)).toBe(true);
  });

  it('has no watermark and no findings when not a draft', async () => {
    const parts = await unzipDocx(await renderReportDocx(seedReport, quiet));
    expect([...parts.values()].some((x) => x.includes('草稿'))).toBe(false);
    expect(parts.get('word/document.xml')).not.toContain(FINDINGS_TITLE);
    expect(parts.get('word/document.xml')).not.toContain('w:shd');
  });
});

describe('bad input', () => {
  it('lists characters outside the named fonts’ character sets as warnings', async () => {
    const report: Report = structuredClone(seedReport) as Report;
    report.preamble = ['本报告由王镕（GBK，非 GB 2312）与𠮷（扩展 B，GBK 之外）撰写。'];
    const { warnings } = await renderReportDocxWithWarnings(report);
    const substituted = warnings.find((w) => w.fallback);
    const missing = warnings.find((w) => !w.fallback);
    expect(substituted?.characters).toEqual(['镕']);
    expect(substituted?.roles).toEqual(['body']);
    expect(missing?.characters).toEqual(['𠮷']);
    expect(missing?.message.zh).toContain('U+20BB7');
    // A font of unknown coverage is not claimed to lack anything; a GBK font lacks only 𠮷.
    const named = await renderReportDocxWithWarnings(report, { fonts: { body: 'Noto Serif CJK SC' } });
    expect(named.warnings).toEqual([]);
    const gbk = await renderReportDocxWithWarnings(report, { fonts: { body: '仿宋' } });
    expect(gbk.warnings.map((w) => w.characters)).toEqual([['𠮷']]);
  });

  it('passes warnings to onWarning and none for the seed', async () => {
    const seen: string[] = [];
    await renderReportDocx(seedReport, { onWarning: (w) => seen.push(...w.characters) });
    expect(seen).toEqual([]);
  });

  it('writes a 200-page narrative as a valid document', async () => {
    // The seed narrative is about 3.5 pages; 60 copies of it are over 200 pages of text.
    const report = longReport(60);
    const chars = narrativeStrings(report).join('').length;
    expect(chars).toBeGreaterThan(200 * 22 * 28 * 0.8);
    const started = performance.now();
    const bytes = await renderReportDocx(report, quiet);
    const ms = performance.now() - started;
    const doc = await docxPart(bytes, 'word/document.xml');
    const paragraphs = flow(doc).filter(([s]) => s !== 'table');
    expect(paragraphs.length).toBeGreaterThan(narrativeStrings(report).length);
    expect(ms).toBeLessThan(30_000);
  });
});

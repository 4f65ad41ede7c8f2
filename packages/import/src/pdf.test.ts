import { renderReportDocx } from '@nianbao/docx';
import type { Report } from '@nianbao/model';
import { busyReport, seedReport } from '@nianbao/model/fixtures';
import { renderReportPdf } from '@nianbao/pdf/node';
import { renderReportHtml } from '@nianbao/react/server';
import fc from 'fast-check';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDocument } from './import-report.js';
import { simplified } from './normalise.js';
import { launchChromium } from './test-support/chromium.js';
import { convertDocx } from './test-support/libreoffice.js';
import { cells, narrativeText, randomReport } from './test-support/random-report.js';

async function imported(bytes: Uint8Array): Promise<Report> {
  const result = await importDocument(bytes);
  if (!result.ok) throw new Error(JSON.stringify(result.notes));
  expect(result.layouts).toEqual({ t2: 'pdf', t3: 'pdf', t4: 'pdf' });
  expect(result.confidence.inferred).toEqual([]);
  return result.report;
}

describe('PDF import: @nianbao/pdf → importDocument', () => {
  for (const [name, report] of [
    ['seed', seedReport],
    ['busy', busyReport],
  ] as const) {
    it(`${name}: every statutory cell, the meta and the narrative text come back`, async () => {
      const back = await imported(await renderReportPdf(report));
      expect(cells(back)).toEqual(cells(report));
      expect(narrativeText(back)).toEqual(narrativeText(report));
      expect(back.meta.year).toBe(report.meta.year);
    });
  }

  it('random reports: every cell identical, narrative text identical after whitespace normalisation', async () => {
    await fc.assert(
      fc.asyncProperty(randomReport, async (report) => {
        const back = await imported(await renderReportPdf(report));
        expect(cells(back)).toEqual(cells(report));
        expect(narrativeText(back)).toEqual(narrativeText(report));
      }),
      { numRuns: 8, endOnFailure: true },
    );
  }, 120_000);
});

describe('PDF import: Chromium printing renderReportHtml → importDocument', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** The page's tables with every border styled away, as some portals print them: no ruling lines in the PDF. */
  const BORDERLESS =
    '<style>table,tr,th,td,thead,tbody{border:none !important;outline:none !important}</style>';
  /** Header rows printed once, not repeated on the pages a table continues on. */
  const ONCE = '<style>thead{display:table-row-group !important}</style>';

  async function printed(
    report: Report,
    page: { width: string; height: string },
    borderless = false,
    pageNumbers = false,
    headersOnce = false,
  ): Promise<Uint8Array> {
    const tab = await browser.newPage();
    try {
      const style = (borderless ? BORDERLESS : '') + (headersOnce ? ONCE : '');
      const html = renderReportHtml(report).replace('</head>', `${style}</head>`);
      await tab.setContent(html, {
        waitUntil: 'load',
      });
      return new Uint8Array(
        await tab.pdf({
          ...page,
          printBackground: true,
          margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' },
          // A page number in the footer, as offices print them (— 3 —), under a table continued over the page.
          ...(pageNumbers
            ? {
                displayHeaderFooter: true,
                headerTemplate: '<span></span>',
                footerTemplate:
                  '<div style="font-size:12px;width:100%;text-align:center">— <span class="pageNumber"></span> —</div>',
              }
            : {}),
        }),
      );
    } finally {
      await tab.close();
    }
  }

  for (const [name, report] of [
    ['seed', seedReport],
    ['busy', busyReport],
  ] as const) {
    for (const [size, page, borderless, numbered = false, once = false] of [
      ['A4', { width: '210mm', height: '297mm' }, false],
      ['a narrow page that wraps labels', { width: '150mm', height: '240mm' }, false],
      ['an A4 landscape page', { width: '297mm', height: '210mm' }, false],
      ['A4 without any border (grid from text positions alone)', { width: '210mm', height: '297mm' }, true],
      ['a narrow page without any border', { width: '150mm', height: '240mm' }, true],
      [
        'A4 without any border, with page numbers in the footer',
        { width: '210mm', height: '297mm' },
        true,
        true,
      ],
      [
        'A4, headers not repeated where a table continues',
        { width: '210mm', height: '297mm' },
        false,
        false,
        true,
      ],
      ['A4 without any border, headers not repeated', { width: '210mm', height: '297mm' }, true, false, true],
    ] as const) {
      it(`${name} on ${size}: every cell and the narrative text come back`, async () => {
        const back = await imported(await printed(report, page, borderless, numbered, once));
        expect(cells(back)).toEqual(cells(report));
        // Chromium's font subsetter writes one code point per glyph, and Noto CJK SC draws some simplified and
        // traditional characters with one glyph (户/戶): the PDF itself says 戶, so the text is compared with
        // traditional variants folded. (@nianbao/pdf's PDFs above are compared exactly.)
        const folded = (text: Record<string, string>): Record<string, string> =>
          Object.fromEntries(Object.entries(text).map(([k, v]) => [k, simplified(v)]));
        expect(folded(narrativeText(back))).toEqual(folded(narrativeText(report)));
      });
    }
  }

  it('random reports printed without borders: every cell identical (blank cells are blank space)', async () => {
    await fc.assert(
      fc.asyncProperty(randomReport, async (report) => {
        const back = await imported(await printed(report, { width: '210mm', height: '297mm' }, true));
        expect(cells(back)).toEqual(cells(report));
      }),
      { numRuns: 6, endOnFailure: true },
    );
  }, 120_000);
});

describe("PDF import: a word processor's PDF (@nianbao/docx → LibreOffice) → importDocument", () => {
  it('seed and busy: every cell and the narrative text come back', async () => {
    const reports = [seedReport, busyReport];
    const docs = await Promise.all(reports.map((r) => renderReportDocx(r, { onWarning: () => {} })));
    // Written as Word lays these tables out (gridSpan, vMerge, header rows repeated), printed by LibreOffice: merged
    // cells continued on a new page are drawn as empty boxes.
    const pdfs = convertDocx(docs, 'pdf');
    for (const [i, report] of reports.entries()) {
      const back = await imported(pdfs[i] as Uint8Array);
      expect(cells(back)).toEqual(cells(report));
      const folded = (text: Record<string, string>): Record<string, string> =>
        Object.fromEntries(Object.entries(text).map(([k, v]) => [k, simplified(v)]));
      expect(folded(narrativeText(back))).toEqual(folded(narrativeText(report)));
    }
  }, 240_000);
});

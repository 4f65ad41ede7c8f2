import type { Report } from '@nianbao/model';
import { busyReport, seedReport } from '@nianbao/model/fixtures';
import { renderReportPdf } from '@nianbao/pdf/node';
import { renderReportHtml } from '@nianbao/react/server';
import fc from 'fast-check';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDocument } from './import-report.js';
import { simplified } from './normalise.js';
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

/** Debian's Chromium (as the react package's browser tests use it); these tests never download one. */
const CHROMIUM = '/usr/bin/chromium';

describe('PDF import: Chromium printing renderReportHtml → importDocument', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function printed(report: Report, page: { width: string; height: string }): Promise<Uint8Array> {
    const tab = await browser.newPage();
    try {
      await tab.setContent(renderReportHtml(report), { waitUntil: 'load' });
      return new Uint8Array(
        await tab.pdf({
          ...page,
          printBackground: true,
          margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' },
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
    for (const [size, page] of [
      ['A4', { width: '210mm', height: '297mm' }],
      ['a narrow page that wraps labels', { width: '150mm', height: '240mm' }],
    ] as const) {
      it(`${name} on ${size}: every cell and the narrative text come back`, async () => {
        const back = await imported(await printed(report, page));
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
});

import type { Report } from '@nianbao/model';
import { busyReport, seedReport } from '@nianbao/model/fixtures';
import { renderReportHtml } from '@nianbao/react/server';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDocument, importLines } from './import-report.js';
import { type PdfPage, type PdfWord, pdfDocumentLines, readPdfPages } from './pdf.js';
import { launchChromium } from './test-support/chromium.js';
import { cells } from './test-support/random-report.js';

/*
 * PDFs in layouts the round trips in pdf.test.ts do not print: the page printed by Chromium with its merged
 * label cells (every cell with a rowspan: 三、本年度办理结果, （三）不予公开 …, and the header cells) set as offices
 * set them — one character per line in a narrow column, stacked upright (vertical writing), or turned 90°
 * (sideways text: pdf.js gives those items a rotated transform).
 */

const LABEL_STYLES: readonly [string, string][] = [
  [
    'one character per line (a narrow label column)',
    '[rowspan]{width:1.1em;max-width:1.1em;word-break:break-all;white-space:normal}',
  ],
  ['vertical writing, characters upright', '[rowspan]{writing-mode:vertical-rl;text-orientation:upright}'],
  ['vertical writing, text turned 90°', '[rowspan]{writing-mode:vertical-rl;text-orientation:sideways}'],
];

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function printed(report: Report, css: string): Promise<Uint8Array> {
  const tab = await browser.newPage();
  try {
    await tab.setContent(renderReportHtml(report).replace('</head>', `<style>${css}</style></head>`), {
      waitUntil: 'load',
    });
    return new Uint8Array(
      await tab.pdf({
        width: '210mm',
        height: '297mm',
        printBackground: true,
        margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' },
      }),
    );
  } finally {
    await tab.close();
  }
}

describe('PDF import: label cells set vertically or turned', () => {
  for (const [name, css] of LABEL_STYLES) {
    for (const [which, report] of [
      ['seed', seedReport],
      ['busy', busyReport],
    ] as const) {
      it(`${which}, ${name}: every cell comes back`, async () => {
        const result = await importDocument(await printed(report, css));
        if (!result.ok) throw new Error(JSON.stringify(result.notes));
        const got = cells(result.report);
        const want = cells(report);
        const wrong = Object.keys(want).filter((k) => got[k] !== null && got[k] !== want[k]);
        const right = Object.keys(want).filter((k) => got[k] === want[k]);
        console.log(`PDFLAYOUT ${which} / ${name}: ${right.length}/200 right, ${wrong.length} wrong`);
        expect(wrong).toEqual([]);
        expect(got).toEqual(want);
      });
    }
  }
});

/**
 * The pages as a WPS-like writer emits them: every character its own text item, placed at its share of the
 * word's width (no item holds a whole cell, a label or a number).
 */
function perCharacter(pages: readonly PdfPage[]): PdfPage[] {
  return pages.map((page) => ({
    ...page,
    words: page.words.flatMap((word): PdfWord[] => {
      const chars = [...word.str];
      const step = (word.x1 - word.x0) / chars.length;
      return chars.map((str, i) => ({
        ...word,
        str,
        x0: word.x0 + i * step,
        x1: word.x0 + (i + 1) * step,
        spaced: i === 0 ? word.spaced : false,
      }));
    }),
  }));
}

describe('PDF import: every character its own text item (as WPS writes them)', () => {
  for (const [which, report] of [
    ['seed', seedReport],
    ['busy', busyReport],
  ] as const) {
    for (const [name, css] of [
      ['ruled', ''],
      ['without borders', 'table,tr,th,td{border:none !important}'],
    ] as const) {
      it(`${which}, ${name}: every cell comes back`, async () => {
        const read = await readPdfPages(await printed(report, css));
        if (!read.ok) throw new Error(JSON.stringify(read.note));
        const split = perCharacter(read.pages);
        expect(split[0]?.words.every((w) => [...w.str].length === 1)).toBe(true);
        const result = importLines(pdfDocumentLines(split).lines, 'pdf', {}, []);
        if (!result.ok) throw new Error(JSON.stringify(result.notes));
        const got = cells(result.report);
        const want = cells(report);
        const wrong = Object.keys(want).filter((k) => got[k] !== null && got[k] !== want[k]);
        const right = Object.keys(want).filter((k) => got[k] === want[k]);
        console.log(
          `PDFLAYOUT ${which} / per character, ${name}: ${right.length}/200 right, ${wrong.length} wrong`,
        );
        expect(wrong).toEqual([]);
        expect(got).toEqual(want);
      });
    }
  }
});

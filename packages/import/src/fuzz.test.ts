import { readFileSync } from 'node:fs';
import { renderReportDocx } from '@nianbao/docx';
import { parseReportJson } from '@nianbao/model';
import { seedReport } from '@nianbao/model/fixtures';
import { renderReportPdf } from '@nianbao/pdf/node';
import { renderReportHtml } from '@nianbao/react/server';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { importDocument, importLines, importReport } from './import-report.js';
import { pdfDocumentLines } from './pdf.js';
import { xlsxOf, zipSync, zipTexts } from './test-support/documents.js';
import {
  fuzzRuns,
  generatedText,
  mutated,
  mutatedBytes,
  mutatedXml,
  regressionInputs,
  timed,
  timedAsync,
} from './test-support/fuzz.js';
import {
  generatedDocx,
  generatedHtml,
  generatedPdf,
  generatedPdfPages,
} from './test-support/fuzz-documents.js';
import type { ImportResult } from './types.js';

/*
 * importReport and importDocument on generated and mutated inputs: they never throw, never take long on one
 * input, every note has a code, a message in both languages and a line number in the input when it names one,
 * and the report they emit is one parseReportJson accepts. Inputs: generated texts, web pages, Word files, PDF
 * page geometry (what pdf.js hands the PDF reader) and one-page PDFs; mutated published HTML and pdftotext output,
 * Word documents and workbooks with their XML mutated (re-zipped) or their bytes damaged, and PDFs with their
 * bytes damaged. `pnpm bench` runs this with FUZZ_RUNS=100000 (see bench/fuzz.bench.mjs for each count).
 */

/**
 * Inputs per property: generated texts, web pages and PDF page geometry are cheap (2,000 in CI, FUZZ_RUNS in the
 * bench); tiny PDFs a tenth of that, generated Word files a fortieth; mutated whole reports a hundredth (20 each in CI), and
 * mutated whole PDFs a four-hundredth (pdf.js takes tens of milliseconds a report).
 */
const RUNS = fuzzRuns(2000);
const SMALL = Math.max(1, Math.round(RUNS / 10));
/** Generated Word files took ~95 ms each (200 in 19 s on the shared machine): 50 in CI, 2,500 in the bench. */
const WORD = Math.max(1, Math.round(RUNS / 40));
const MUTATED = Math.max(1, Math.round(RUNS / 100));
const PDFS = Math.max(1, Math.round(RUNS / 400));
/** Per-input time cap: generous for a loaded CI machine, far below what a super-linear path takes. */
const CAP_MS = 5000;

function verify(result: ImportResult): void {
  for (const note of result.notes) {
    expect(note.code).toMatch(/^[a-z-]+$/);
    expect(note.message.zh).not.toBe('');
    expect(note.message.en).not.toBe('');
    if (note.line !== undefined) expect(Number.isInteger(note.line) && note.line >= 1).toBe(true);
  }
  if (!result.ok) {
    expect(result.notes.length).toBeGreaterThan(0);
    return;
  }
  const parsed = parseReportJson(JSON.stringify(result.report));
  if (!parsed.ok)
    throw new Error(`import emitted JSON that validate refuses: ${JSON.stringify(parsed.errors)}`);
}

const check = timed<string | Uint8Array>(CAP_MS, (input) => verify(importReport(input)));
const checkDocument = timedAsync<Uint8Array>(CAP_MS, async (input) => verify(await importDocument(input)));

describe('importReport fuzzed', () => {
  const html = renderReportHtml(seedReport);
  const text = readFileSync(
    new URL('../fixtures/corpus/010-huaian-city-2024-pdftotext-layout.txt', import.meta.url),
    'utf8',
  );

  it(`generated texts (${RUNS})`, () => {
    fc.assert(fc.property(generatedText, check), { numRuns: RUNS });
  });

  it(`generated web pages (${RUNS})`, () => {
    fc.assert(
      fc.property(generatedHtml, (html) => check(html)),
      { numRuns: RUNS },
    );
  });

  it(`generated PDF page geometry, read and imported (${RUNS})`, () => {
    fc.assert(
      fc.property(generatedPdfPages, (pages) => {
        const start = performance.now();
        verify(importLines(pdfDocumentLines(pages).lines, 'pdf', {}, []));
        const elapsed = performance.now() - start;
        if (elapsed > CAP_MS) {
          throw new Error(`took ${elapsed.toFixed(0)} ms (cap ${CAP_MS} ms) on ${pages.length} page(s)`);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it(`generated Word files (${WORD})`, () => {
    fc.assert(fc.property(generatedDocx, check), { numRuns: WORD });
  });

  it(`mutated published HTML (${MUTATED})`, () => {
    fc.assert(fc.property(mutated(html), check), { numRuns: MUTATED });
  });

  it(`mutated pdftotext output (${MUTATED})`, () => {
    fc.assert(fc.property(mutated(text), check), { numRuns: MUTATED });
  });
});

describe('importReport fuzzed: Word and Excel files', () => {
  let docx: Uint8Array;
  let docxParts: Record<string, string>;
  let xlsx: Uint8Array;
  let xlsxParts: Record<string, string>;
  beforeAll(async () => {
    docx = await renderReportDocx(seedReport, { onWarning: () => {} });
    docxParts = await zipTexts(docx);
    // A workbook of the report as the web page lays it out: a paragraph row, then labels, numbers and a merge.
    const rows = [
      '<row r="1"><c r="A1" t="s"><v>0</v></c></row>',
      '<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" t="s"><v>2</v></c></row>',
      '<row r="3"><c r="A3" t="s"><v>3</v></c><c r="B3"><v>12</v></c><c r="C3"><v>3</v></c></row>',
      '<row r="4"><c r="A4" t="inlineStr"><is><t>（二）上年结转政府信息公开申请数量</t></is></c><c r="B4"><v>0</v></c></row>',
    ].join('');
    xlsx = await xlsxOf({
      rows,
      merges: ['B2:C2'],
      shared: [
        '三、收到和处理政府信息公开申请情况',
        '本列数据的勾稽关系',
        '申请人情况',
        '一、本年新收政府信息公开申请数量',
      ],
    });
    xlsxParts = await zipTexts(xlsx);
  });

  /** The package with one of its XML parts mutated, re-zipped. */
  const withPart = (
    parts: () => Record<string, string>,
    names: readonly string[],
  ): fc.Arbitrary<Uint8Array> =>
    fc
      .constantFrom(...names)
      .chain((name) => mutatedXml(parts()[name] ?? '').map((xml) => zipSync({ ...parts(), [name]: xml })));

  it(`DOCX with document.xml or styles.xml mutated (${MUTATED})`, () => {
    fc.assert(
      fc.property(
        withPart(() => docxParts, ['word/document.xml', 'word/styles.xml']),
        check,
      ),
      {
        numRuns: MUTATED,
      },
    );
  });

  it(`DOCX bytes damaged (${MUTATED})`, () => {
    fc.assert(fc.property(mutatedBytes(docx), check), { numRuns: MUTATED });
  });

  it(`XLSX with a sheet or the shared strings mutated (${MUTATED})`, () => {
    fc.assert(
      fc.property(
        withPart(() => xlsxParts, ['xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml']),
        check,
      ),
      { numRuns: MUTATED },
    );
  });

  it(`XLSX bytes damaged (${MUTATED})`, () => {
    fc.assert(fc.property(mutatedBytes(xlsx), check), { numRuns: MUTATED });
  });
});

describe('importDocument fuzzed: PDF files', () => {
  let pdf: Uint8Array;
  beforeAll(async () => {
    pdf = await renderReportPdf(seedReport);
  }, 60_000);

  it(`generated one-page PDFs (${SMALL})`, async () => {
    await fc.assert(fc.asyncProperty(generatedPdf, checkDocument), { numRuns: SMALL });
  }, 600_000);

  it(`PDF bytes damaged (${PDFS})`, async () => {
    await fc.assert(fc.asyncProperty(mutatedBytes(pdf), checkDocument), { numRuns: PDFS });
  }, 600_000);
});

describe('importReport fuzzed: regressions', () => {
  it('every input that ever failed (fuzz-regressions/)', async () => {
    const inputs = regressionInputs(new URL('../fuzz-regressions/', import.meta.url));
    expect(inputs.length).toBeGreaterThan(0);
    for (const { name, text: input, bytes } of inputs) {
      try {
        if (bytes) await checkDocument(bytes);
        else check(input);
      } catch (error) {
        throw new Error(`fuzz-regressions/${name}: ${String(error)}`);
      }
    }
  });
});

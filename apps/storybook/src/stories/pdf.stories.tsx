import {
  checkReport,
  FINDINGS_TITLE,
  type Report,
  reportTitle,
  STATUTORY_TABLES,
  statutoryLayout,
  type TableId,
} from '@nianbao/model';
import { busyPreviousReport, busyReport, seedReport } from '@nianbao/model/fixtures';
import type { Meta, StoryObj } from '@storybook/react-vite';
import * as pdfjs from 'pdfjs-dist';
import { getDocument } from 'pdfjs-dist';
import { expect, waitFor } from 'storybook/test';
// The PDF package's position reader (pure pdf.js, browser-safe) and table checker, shared with its Node tests.
import { readPdfGeometry } from '../../../../packages/pdf/src/test-support/pdf-positions.js';
import { checkTablePlacement } from '../../../../packages/pdf/src/test-support/pdf-tables.js';
import { PdfViewer } from '../support/pdf-viewer.js';
import { failing, withRareCharacters } from '../support/reports.js';

const meta: Meta<typeof PdfViewer> = {
  title: 'PDF',
  component: PdfViewer,
  // Rendering a PDF takes seconds; keep it out of the all-stories docs page.
  tags: ['!autodocs'],
  argTypes: { report: { control: false } },
};
export default meta;
type Story = StoryObj<typeof PdfViewer>;

/** The bytes of the PDF behind the download link. */
async function pdfBytes(root: HTMLElement): Promise<Uint8Array> {
  const link = root.querySelector<HTMLAnchorElement>('a[download]');
  if (!link) throw new Error('no download link');
  return new Uint8Array(await (await fetch(link.href)).arrayBuffer());
}

/**
 * Every value of 表二, 表三 and 表四 in its own cell, rebuilt from the ruling lines pdf.js reads from the PDF: the
 * row band of its row label × the x-range of its column header, holding exactly the report's value. (This story
 * once showed 表三's （七）总计 row one column to the left, and only a look noticed.)
 */
async function expectValuesInTheirCells(root: HTMLElement, report: Report): Promise<void> {
  const pages = await readPdfGeometry(await pdfBytes(root), pdfjs);
  const layouts = STATUTORY_TABLES.map((spec) => statutoryLayout(spec.id as TableId));
  const result = checkTablePlacement(pages, layouts, report);
  expect(result.problems).toEqual([]);
  expect(result.checked).toEqual(Object.fromEntries(layouts.map((l) => [l.id, l.dataCells.length])));
}

/** The text of every page of the PDF behind the download link, read back with pdf.js. */
async function pdfText(root: HTMLElement): Promise<{ pages: string[]; head: string }> {
  const bytes = await pdfBytes(root);
  const head = new TextDecoder().decode(bytes.slice(0, 5));
  const doc = await getDocument({ data: bytes }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n += 1) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  await doc.destroy();
  return { pages, head };
}

/** The PDF rendered, every page drawn on a canvas, the download a real PDF of those pages. */
async function expectPdf(root: HTMLElement): Promise<string[]> {
  await waitFor(() => expect(root.querySelector('.sb-pdf')?.getAttribute('data-phase')).toBe('done'), {
    timeout: 90_000,
  });
  const { pages, head } = await pdfText(root);
  expect(head).toBe('%PDF-');
  expect(pages.length).toBeGreaterThanOrEqual(2);
  const canvases = root.querySelectorAll<HTMLCanvasElement>('canvas[data-page]');
  expect(canvases.length).toBe(pages.length);
  // A drawn page is not blank: some pixel in its middle band is dark (text).
  const first = canvases[0] as HTMLCanvasElement;
  const context = first.getContext('2d') as CanvasRenderingContext2D;
  const band = context.getImageData(
    0,
    Math.floor(first.height * 0.1),
    first.width,
    Math.floor(first.height * 0.3),
  );
  let dark = 0;
  for (let i = 0; i < band.data.length; i += 4) if ((band.data[i] ?? 255) < 128) dark += 1;
  expect(dark, 'the first page shows text').toBeGreaterThan(100);
  expect(root.querySelector('a[download]')?.getAttribute('download')).toMatch(/\.pdf$/);
  return pages;
}

export const Seed: Story = {
  name: '样例报告 Seed report',
  args: { report: seedReport, fileName: 'seed-report.pdf' },
  play: async ({ canvasElement }) => {
    const pages = await expectPdf(canvasElement);
    expect(pages.join('').replace(/\s/g, '')).toContain(reportTitle(seedReport.meta).replace(/\s/g, ''));
    expect(pages.join('')).not.toContain(FINDINGS_TITLE);
    await expectValuesInTheirCells(canvasElement, seedReport);
  },
};

export const Busy: Story = {
  name: '大型机关 Busy report',
  args: { report: busyReport, previous: busyPreviousReport, fileName: 'busy-report.pdf' },
  play: async ({ canvasElement }) => {
    await expectPdf(canvasElement);
    await expectValuesInTheirCells(canvasElement, busyReport);
  },
};

export const Draft: Story = {
  name: '草稿与校核结果 Draft with findings page',
  args: { report: failing('t3-balance').report, draft: true, fileName: 'draft.pdf' },
  play: async ({ canvasElement }) => {
    const pages = await expectPdf(canvasElement);
    const last = (pages.at(-1) ?? '').replace(/\s/g, '');
    expect(last).toContain(FINDINGS_TITLE);
    const finding = checkReport(failing('t3-balance').report)[0];
    expect(finding?.rule).toBe('t3-balance');
    expect(pages.join('')).toContain('草稿');
    await expectValuesInTheirCells(canvasElement, failing('t3-balance').report);
  },
};

/**
 * Characters the fonts lack: the render goes on, and the warnings under the PDF name them. (In Node the bundled
 * Noto Sans JP/HK print 𠮷; in a browser pass a font that has them as `fonts.fallback`.)
 */
export const RareCharacters: Story = {
  name: '缺字提示 Characters the fonts lack',
  args: { report: withRareCharacters(), fileName: 'rare-characters.pdf' },
  play: async ({ canvasElement }) => {
    await expectPdf(canvasElement);
    const warnings = canvasElement.querySelector('.sb-pdf-warnings')?.textContent ?? '';
    expect(warnings).toContain('𠮷');
    expect(warnings).toContain('𪚥');
    expect(warnings).toContain('U+20BB7');
  },
};

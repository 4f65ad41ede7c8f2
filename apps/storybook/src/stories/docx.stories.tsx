import { formatCellValue, readCell, reportTitle, statutoryCells } from '@nianbao/model';
import { seedReport } from '@nianbao/model/fixtures';
import type { Meta, StoryObj } from '@storybook/react-vite';
import JSZip from 'jszip';
import { expect, waitFor } from 'storybook/test';
import { DOCX_TYPE, DocxDownload } from '../support/docx-download.js';
import { failing } from '../support/reports.js';

const meta: Meta<typeof DocxDownload> = {
  title: 'Word 文档 DOCX',
  component: DocxDownload,
  tags: ['!autodocs'],
  argTypes: { report: { control: false } },
};
export default meta;
type Story = StoryObj<typeof DocxDownload>;

/** The blob behind the download link, unzipped: its type and word/document.xml's text. */
async function downloadedDocx(root: HTMLElement): Promise<{ type: string; head: string; xml: string }> {
  await waitFor(() => expect(root.querySelector('.sb-docx')?.getAttribute('data-phase')).toBe('done'), {
    timeout: 60_000,
  });
  const link = root.querySelector<HTMLAnchorElement>('a[download]');
  if (!link) throw new Error('no download link');
  expect(link.getAttribute('download')).toMatch(/\.docx$/);
  const blob = await (await fetch(link.href)).blob();
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const zip = await JSZip.loadAsync(bytes);
  const document = zip.file('word/document.xml');
  if (!document) throw new Error('the download has no word/document.xml');
  return {
    type: blob.type,
    head: String.fromCharCode(...bytes.subarray(0, 4)),
    xml: await document.async('string'),
  };
}

/** The text of a document.xml: every w:t joined. */
function documentText(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

export const Seed: Story = {
  name: '样例报告 Seed report',
  args: { report: seedReport, fileName: 'seed-report.docx' },
  play: async ({ canvasElement }) => {
    const { type, head, xml } = await downloadedDocx(canvasElement);
    expect(head).toBe('PK\u0003\u0004');
    expect(type).toBe(DOCX_TYPE);
    // Real merged tables, and the title and every number of the tables in the text.
    expect(xml).toContain('<w:gridSpan');
    expect(xml).toContain('<w:vMerge w:val="restart"');
    const text = documentText(xml);
    expect(text.replace(/\s/g, '')).toContain(reportTitle(seedReport.meta).replace(/\s/g, ''));
    for (const cell of statutoryCells()) {
      const value = readCell(seedReport, cell.address);
      if (typeof value === 'number') expect(text).toContain(formatCellValue(value));
    }
    expect(text).not.toContain('草稿');
  },
};

export const Draft: Story = {
  name: '草稿与校核结果 Draft with findings',
  args: { report: failing('t3-balance').report, draft: true, fileName: 'draft.docx' },
  play: async ({ canvasElement }) => {
    const { xml } = await downloadedDocx(canvasElement);
    expect(documentText(xml)).toContain('t3-balance');
  },
};

import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderReportDocx } from '@nianbao/docx';
import type { Report } from '@nianbao/model';
import { busyReport, seedReport } from '@nianbao/model/fixtures';
import { renderReportHtml } from '@nianbao/react/server';
import fc from 'fast-check';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { docxToHtml, MAX_DOCX_XML_BYTES } from './docx.js';
import { importReport } from './import-report.js';
import { importFile } from './pool.js';
import { cells, narrative, randomReport } from './test-support/random-report.js';

async function roundTrip(report: Report): Promise<Report> {
  const bytes = await renderReportDocx(report, { onWarning: () => {} });
  const result = importReport(bytes);
  if (!result.ok) throw new Error(JSON.stringify(result.notes));
  expect(result.layouts).toEqual({ t2: 'html', t3: 'html', t4: 'html' });
  return result.report;
}

describe('DOCX import: renderReportDocx → importReport', () => {
  for (const [name, report] of [
    ['seed', seedReport],
    ['busy', busyReport],
  ] as const) {
    it(`${name}: every statutory cell and the narrative come back`, async () => {
      const back = await roundTrip(report);
      expect(cells(back)).toEqual(cells(report));
      expect(narrative(back)).toEqual(narrative(report));
      // Meta is read from the text as for the web page (the seed's title names the town, not 人民政府).
      const page = importReport(renderReportHtml(report));
      expect(page.ok && back.meta).toEqual(page.ok && page.report.meta);
      expect(back.meta.year).toBe(report.meta.year);
    });
  }

  it('random reports: every cell identical, narrative identical after whitespace normalisation', async () => {
    await fc.assert(
      fc.asyncProperty(randomReport, async (report) => {
        const back = await roundTrip(report);
        expect(cells(back)).toEqual(cells(report));
        expect(narrative(back)).toEqual(narrative(report));
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});

async function zip(files: Record<string, string | Uint8Array>): Promise<Uint8Array> {
  const archive = new JSZip();
  for (const [name, content] of Object.entries(files)) archive.file(name, content);
  return archive.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const p = (text: string, style?: string): string =>
  `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tc = (text: string, props = ''): string => `<w:tc><w:tcPr>${props}</w:tcPr>${p(text)}</w:tc>`;

describe('DOCX import: Word tables and bad input', () => {
  it('gridSpan and vMerge become the same cell grid as colspan and rowspan', async () => {
    const document =
      `<w:document ${W}><w:body>` +
      `<w:tbl><w:tr>${tc('A', '<w:vMerge w:val="restart"/>')}${tc('B', '<w:gridSpan w:val="2"/>')}</w:tr>` +
      `<w:tr>${tc('', '<w:vMerge/>')}${tc('1')}${tc('2')}</w:tr>` +
      `<w:tr>${tc('C')}${tc('3', '<w:gridSpan w:val="2"/>')}</w:tr></w:tbl>` +
      '</w:body></w:document>';
    const reading = docxToHtml(await zip({ 'word/document.xml': document }));
    expect(reading.ok && reading.html).toContain(
      '<table><tr><td rowspan="2">A</td><td colspan="2">B</td></tr><tr><td>1</td><td>2</td></tr><tr><td>C</td><td colspan="2">3</td></tr></table>',
    );
  });

  it('headings from style outline levels (styles.xml) and a bold lead-in', async () => {
    const styles =
      `<w:styles ${W}><w:style w:type="paragraph" w:styleId="H"><w:name w:val="我的标题"/>` +
      '<w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="H2"><w:name w:val="heading 2"/></w:style></w:styles>';
    const lead = '<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>要点。</w:t></w:r><w:r><w:t>正文</w:t></w:r></w:p>';
    const document = `<w:document ${W}><w:body>${p('一、总体情况', 'H')}${p('（一）主动公开', 'H2')}${lead}</w:body></w:document>`;
    const reading = docxToHtml(await zip({ 'word/document.xml': document, 'word/styles.xml': styles }));
    expect(reading.ok && reading.html).toContain(
      '<h2>一、总体情况</h2>\n<h3>（一）主动公开</h3>\n<p><strong>要点。</strong>正文</p>',
    );
  });

  it('a zip bomb (XML expanding past the limit) is refused with a note, not read', async () => {
    const filler = `<w:p><w:r><w:t>${'零'.repeat(1000)}</w:t></w:r></w:p>`.repeat(
      Math.ceil(MAX_DOCX_XML_BYTES / 3000) + 10,
    );
    const bytes = await zip({
      'word/document.xml': `<w:document ${W}><w:body>${filler}</w:body></w:document>`,
    });
    expect(bytes.length).toBeLessThan(2 * 1024 * 1024);
    const result = importReport(bytes);
    expect(result.ok).toBe(false);
    expect(result.notes[0]?.code).toBe('input-too-large');
    expect(result.notes[0]?.message.zh).toContain('压缩炸弹');
    expect(result.notes[0]?.message.en).toContain('zip bomb');
  }, 60_000);

  it('a damaged DOCX (truncated, or its data corrupted) gets an unreadable note', async () => {
    const bytes = await renderReportDocx(seedReport, { onWarning: () => {} });
    const truncated = importReport(bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(truncated.ok).toBe(false);
    expect(truncated.notes[0]?.code).toBe('input-unreadable');
    expect(truncated.notes[0]?.message.zh).toContain('已损坏');
    const corrupted = new Uint8Array(bytes);
    // The archive's first entry is [Content_Types].xml; corrupt every entry's data, headers kept.
    for (let i = 200; i < corrupted.length - 2000; i += 7) corrupted[i] = (corrupted[i] as number) ^ 0x5a;
    const result = importReport(corrupted);
    expect(result.ok).toBe(false);
    expect(result.notes[0]?.code).toMatch(/^input-(unreadable|binary)$/);
  });

  it('damaged DOCX bytes (random bytes flipped, random truncation) never throw', async () => {
    const bytes = await renderReportDocx(seedReport, { onWarning: () => {} });
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.nat(bytes.length - 1), xor: fc.integer({ min: 1, max: 255 }) }), {
          maxLength: 20,
        }),
        fc.nat(bytes.length),
        (flips, cut) => {
          const damaged = new Uint8Array(bytes.subarray(0, Math.max(4, cut)));
          for (const { at, xor } of flips)
            if (at >= 4 && at < damaged.length) damaged[at] = (damaged[at] as number) ^ xor;
          const result = importReport(damaged);
          expect(Array.isArray(result.notes)).toBe(true);
          if (!result.ok) expect(result.notes[0]?.message.en).toBeTruthy();
        },
      ),
      { numRuns: 60 },
    );
  }, 60_000);

  it('a DOCX with no tables and no report text says so; a zip that is not Word says so', async () => {
    const noTables = importReport(
      await zip({ 'word/document.xml': `<w:document ${W}><w:body>${p('会议纪要')}</w:body></w:document>` }),
    );
    expect(noTables.ok).toBe(false);
    expect(noTables.notes[0]?.code).toBe('no-tables');
    expect(noTables.notes[0]?.message.zh).toContain('Word 文件中没有表格');
    const notWord = importReport(await zip({ 'content/data.xml': '<data/>' }));
    expect(notWord.ok).toBe(false);
    expect(notWord.notes[0]?.code).toBe('input-binary');
    expect(notWord.notes[0]?.message.en).toContain('not a Word or Excel file');
  });

  it('is detected from the bytes, whatever the kind option says', async () => {
    const bytes = await renderReportDocx(seedReport, { onWarning: () => {} });
    const result = importReport(bytes, { kind: 'text' });
    expect(result.ok && cells(result.report)).toEqual(cells(seedReport));
  });

  it('a 30 MB DOCX (a large image) is read from a file; a 30 MB text file is still refused unread', async () => {
    const archive = await JSZip.loadAsync(await renderReportDocx(seedReport, { onWarning: () => {} }));
    archive.file('word/media/image1.png', randomBytes(30 * 1024 * 1024), { compression: 'STORE' });
    const bytes = await archive.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(bytes.length).toBeGreaterThan(30 * 1024 * 1024);
    const dir = await mkdtemp(join(tmpdir(), 'nianbao-docx-'));
    try {
      await writeFile(join(dir, 'big.docx'), bytes);
      const result = await importFile('big.docx', { cwd: dir });
      expect(result.ok && cells(result.report)).toEqual(cells(seedReport));
      await writeFile(join(dir, 'big.txt'), 'x'.repeat(30 * 1024 * 1024));
      const text = await importFile('big.txt', { cwd: dir });
      expect(text.ok).toBe(false);
      expect(text.notes[0]?.code).toBe('input-too-large');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

import { type Report, readCell, statutoryCells } from '@nianbao/model';
import { seedReport } from '@nianbao/model/fixtures';
import { renderReportHtml } from '@nianbao/react/server';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { decodeText, sniffFormat } from './detect.js';
import { importDocument, importReport } from './import-report.js';
import { encodeGbk, encodeUtf16 } from './test-support/encode.js';

function cells(report: Report): Record<string, unknown> {
  return Object.fromEntries(statutoryCells().map((cell) => [cell.address, readCell(report, cell.address)]));
}

async function zip(files: Record<string, string>): Promise<Uint8Array> {
  const archive = new JSZip();
  for (const [name, text] of Object.entries(files)) archive.file(name, text);
  return archive.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

// The seed page without the characters GBK lacks (the page is UTF-8 and may use any): what a GBK site would serve.
const page = renderReportHtml(seedReport).replace(
  /[^\u0020-\u007f\n\u3000-\u9fff\uff00-\uffef“”‘’—…·《》、。]/gu,
  ' ',
);

describe('text encodings, told from the bytes', () => {
  for (const [name, bytes, encoding] of [
    ['UTF-8', new TextEncoder().encode(page), 'UTF-8'],
    ['UTF-8 with a BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(page)]), 'UTF-8'],
    ['UTF-16 LE with a BOM', encodeUtf16(page, 'le'), 'UTF-16LE'],
    ['UTF-16 BE with a BOM', encodeUtf16(page, 'be'), 'UTF-16BE'],
    ['GBK', encodeGbk(page), 'GB18030'],
  ] as const) {
    it(`${name}: read, every cell as from the string, and a note says ${encoding}`, () => {
      const fromBytes = importReport(bytes);
      const fromText = importReport(page);
      if (!fromBytes.ok || !fromText.ok) throw new Error(JSON.stringify(fromBytes.notes));
      expect(cells(fromBytes.report)).toEqual(cells(fromText.report));
      expect(fromBytes.report.sections).toEqual(fromText.report.sections);
      const note = fromBytes.notes.find((n) => n.code === 'input-encoding');
      expect(note?.severity).toBe('info');
      expect(note?.message.en).toContain(encoding);
      expect(note?.message.zh).toContain(encoding);
    });
  }

  it('GB18030 decodes GBK text in Node (full ICU)', () => {
    const decoded = decodeText(encodeGbk('政府信息公开工作年度报告'));
    expect(decoded).toEqual({ ok: true, text: '政府信息公开工作年度报告', encoding: 'GB18030', bom: false });
  });

  it('bytes that are neither UTF-8 nor GB18030, or hold control characters, are refused as not text', () => {
    for (const bytes of [
      new Uint8Array([0x81, 0x20, 0x81, 0x20]),
      new Uint8Array([0x41, 0x01, 0x02, 0x03, 0x42]),
      new Uint8Array([0x41, 0x00, 0x42]),
    ]) {
      const result = importReport(bytes);
      expect(result.ok).toBe(false);
      expect(result.notes[0]?.code).toBe('input-binary');
      expect(result.notes[0]?.message.zh).toMatch(/不是/);
    }
  });
});

describe('formats, told from the bytes', () => {
  it('names each container by its magic bytes and parts, never by a file name', async () => {
    expect(sniffFormat(new TextEncoder().encode('%PDF-1.7\n'))).toEqual({ format: 'pdf' });
    expect(sniffFormat(new TextEncoder().encode('\n\n%PDF-1.4'))).toEqual({ format: 'pdf' });
    expect(sniffFormat(await zip({ 'word/document.xml': '<w/>' }))).toEqual({ format: 'docx' });
    expect(sniffFormat(await zip({ 'xl/workbook.xml': '<w/>' }))).toEqual({ format: 'xlsx' });
    expect(sniffFormat(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).toEqual({
      format: 'doc',
    });
    expect(sniffFormat(new TextEncoder().encode('<html><p>年报</p>'))).toEqual({ format: 'text' });
  });

  it('refuses what it cannot read with a note naming the detected type, in Chinese and English', async () => {
    const cases: [Uint8Array, string, RegExp, RegExp][] = [
      [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'input-binary', /PNG/, /PNG image/],
      [new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'input-binary', /JPEG/, /JPEG image/],
      [await zip({ 'ppt/presentation.xml': '<p/>' }), 'input-binary', /PowerPoint/, /PowerPoint/],
      [await zip({ 'other.txt': 'x' }), 'input-binary', /zip/, /zip archive/],
      [
        // An OLE signature and nothing after it: a truncated legacy Word/Excel file (doc.test.ts reads whole ones).
        new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
        'input-unreadable',
        /OLE 复合文档/,
        /OLE compound file/,
      ],
    ];
    for (const [bytes, code, zh, en] of cases) {
      for (const result of [importReport(bytes), await importDocument(bytes)]) {
        expect(result.ok).toBe(false);
        expect(result.notes[0]?.code).toBe(code);
        expect(result.notes[0]?.message.zh).toMatch(zh);
        expect(result.notes[0]?.message.en).toMatch(en);
      }
    }
  });

  it('a PDF given to the synchronous importReport says to use importDocument', () => {
    const result = importReport(new TextEncoder().encode('%PDF-1.7\n%%EOF\n'));
    expect(result.ok).toBe(false);
    expect(result.notes[0]?.code).toBe('pdf-async');
    expect(result.notes[0]?.message.en).toContain('importDocument');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPdfPages } from './pdf.js';

/*
 * PDFs that name a CJK font without embedding it (Acrobat's STSong-Light, with the predefined UniGB-UCS2-H
 * encoding) are read through pdf.js's CMaps alone: UniGB-UCS2-H maps the codes to Adobe-GB1 CIDs and
 * Adobe-GB1-UCS2 maps those back to text. unpdf ships no CMaps; the build copies pdfjs-dist's into pdfjs-data/,
 * and without them this text reads back as nothing. The PDF is written by hand, byte offsets and all, so no
 * writer embeds a font behind the test's back.
 */

/** A one-page PDF showing `cjk` in non-embedded STSong-Light (UniGB-UCS2-H) and `latin` in non-embedded Helvetica. */
function nonEmbeddedPdf(cjk: string, latin: string): Uint8Array {
  const hex = [...cjk].map((ch) => (ch.codePointAt(0) ?? 0).toString(16).padStart(4, '0')).join('');
  const content = `BT /F1 14 Tf 72 720 Td <${hex}> Tj ET\nBT /F2 12 Tf 72 690 Td (${latin}) Tj ET\n`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R /F2 8 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}endstream`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

/** The words of the first page, joined with spaces, top to bottom. */
async function text(bytes: Uint8Array): Promise<string> {
  const read = await readPdfPages(bytes);
  if (!read.ok) throw new Error(`not read: ${read.note.message.en}`);
  return (read.pages[0]?.words ?? []).map((w) => w.str).join(' ');
}

describe('PDFs with fonts that are not embedded', () => {
  it('reads STSong-Light text through the UniGB-UCS2-H and Adobe-GB1 CMaps, and Helvetica beside it', async () => {
    expect(await text(nonEmbeddedPdf('政府信息公开工作年度报告', 'Report 2024'))).toBe(
      '政府信息公开工作年度报告 Report 2024',
    );
  });

  it('reads back any run of CJK unified ideographs (U+4E00–U+9FA5, all in Adobe-GB1) as written', async () => {
    const hanzi = fc
      .array(
        fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((code) => String.fromCodePoint(code)),
        { minLength: 1, maxLength: 30 },
      )
      .map((chars) => chars.join(''));
    await fc.assert(
      fc.asyncProperty(hanzi, async (cjk) => {
        expect(await text(nonEmbeddedPdf(cjk, 'x'))).toBe(`${cjk} x`);
      }),
      { numRuns: 25 },
    );
  });
});

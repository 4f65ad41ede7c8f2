import { crc32, deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import PDFDocument from 'pdfkit';

/*
 * Binary documents for the scaling and fuzz tests, built from parts: a Word document or a workbook is a zip of
 * the XML the readers take (the rest of an Office package is never read), a PDF is drawn by pdfkit. Each builder
 * takes the XML or the drawing, so a test states the shape it grows.
 */

/** The WordprocessingML namespace declaration for a document.xml root. */
export const W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A Word paragraph of one run. */
export function wordParagraph(text: string): string {
  return `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
}

/** A Word table cell holding `inner` (paragraphs or a nested table; a cell needs a paragraph, so one is added). */
export function wordCell(inner: string): string {
  return `<w:tc><w:tcPr/>${inner}${wordParagraph('')}</w:tc>`;
}

/** A zip (DEFLATE) of the given files. */
export function zipOf(files: Record<string, string | Uint8Array>): Promise<Uint8Array> {
  const archive = new JSZip();
  for (const [name, content] of Object.entries(files)) archive.file(name, content);
  return archive.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/**
 * A zip of the given files written synchronously (each entry deflated, CRC and sizes set, a central directory and
 * its end record): the fuzz tests re-zip a mutated part for every input, which JSZip only does asynchronously.
 */
export function zipSync(files: Record<string, string | Uint8Array>): Uint8Array {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
    const packed = deflateRawSync(data);
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    central.push(entry, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/** The text entries of a zip (its XML parts), for a test to mutate and re-zip with {@link zipSync}. */
export async function zipTexts(bytes: Uint8Array): Promise<Record<string, string>> {
  const archive = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const [name, file] of Object.entries(archive.files)) {
    if (!file.dir && /\.(xml|rels)$/.test(name)) out[name] = await file.async('string');
  }
  return out;
}

/** A DOCX made from `docx` with `xml` inserted at the start of its body (paragraphs, tables). */
export async function docxWithBody(docx: Uint8Array, xml: string): Promise<Uint8Array> {
  const archive = await JSZip.loadAsync(docx);
  const document = await archive.file('word/document.xml')?.async('string');
  if (document === undefined) throw new Error('not a DOCX: no word/document.xml');
  const at = document.indexOf('>', document.indexOf('<w:body')) + 1;
  archive.file('word/document.xml', document.slice(0, at) + xml + document.slice(at));
  return archive.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const S_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** The column letters of a 0-based column index (A, …, Z, AA, …). */
export function columnName(c: number): string {
  let name = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** A workbook of one sheet: its `<sheetData>` rows, merged ranges (`A1:B2`) and shared strings. */
export function xlsxOf(sheet: {
  rows: string;
  merges?: readonly string[];
  shared?: readonly string[];
}): Promise<Uint8Array> {
  const merges = sheet.merges ?? [];
  return zipOf({
    '[Content_Types].xml': '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    'xl/workbook.xml': `<workbook ${S_NS}><sheets><sheet name="年报" sheetId="1"/></sheets></workbook>`,
    'xl/sharedStrings.xml': `<sst ${S_NS}>${(sheet.shared ?? []).map((s) => `<si><t>${escapeXml(s)}</t></si>`).join('')}</sst>`,
    'xl/worksheets/sheet1.xml':
      `<worksheet ${S_NS}><sheetData>${sheet.rows}</sheetData>` +
      (merges.length > 0
        ? `<mergeCells>${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`
        : '') +
      '</worksheet>',
  });
}

/** A PDF drawn by pdfkit (uncompressed streams unless told), as bytes. */
export function pdfOf(
  draw: (doc: PDFKit.PDFDocument) => void,
  options: PDFKit.PDFDocumentOptions = {},
): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ compress: true, ...options });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
    draw(doc);
    doc.end();
  });
}

/**
 * Draws a table of `rows` rows on the current page from (`x`, `y`): a label and `values` numbers per row, ruled
 * (every border stroked) or not (the text alone, as a web page printed with its borders styled away).
 */
export function drawTable(
  doc: PDFKit.PDFDocument,
  {
    rows,
    values,
    ruled,
    x = 40,
    y = 40,
  }: { rows: number; values: number; ruled: boolean; x?: number; y?: number },
): void {
  const rowHeight = 16;
  const labelWidth = 120;
  const valueWidth = 40;
  const width = labelWidth + values * valueWidth;
  doc.fontSize(9);
  for (let r = 0; r < rows; r++) {
    const top = y + r * rowHeight;
    doc.text(`Row ${r + 1} label`, x + 4, top + 4, { lineBreak: false });
    for (let c = 0; c < values; c++) {
      doc.text(String((r * 7 + c * 3) % 100), x + labelWidth + c * valueWidth + 12, top + 4, {
        lineBreak: false,
      });
    }
  }
  if (!ruled) return;
  doc.lineWidth(0.5);
  for (let r = 0; r <= rows; r++) {
    doc
      .moveTo(x, y + r * rowHeight)
      .lineTo(x + width, y + r * rowHeight)
      .stroke();
  }
  for (const at of [
    0,
    labelWidth,
    ...Array.from({ length: values }, (_, c) => labelWidth + (c + 1) * valueWidth),
  ]) {
    doc
      .moveTo(x + at, y)
      .lineTo(x + at, y + rows * rowHeight)
      .stroke();
  }
}

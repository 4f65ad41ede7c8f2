import { isUtf8 } from 'node:buffer';
import { isZip, zipNames } from './docx.js';

/*
 * What a file is, told from its bytes (never from its name): the magic numbers of the container formats, then,
 * for anything else, whether it decodes as text and in which encoding. Published reports arrive as PDF, Word
 * (DOCX, or the OLE compound file of Word 97–2003), Excel workbooks, web pages saved by browsers (often GBK on
 * older government sites) and text copied out of them (UTF-16 from Windows Notepad's "Unicode").
 */

/** A format told from the bytes. `binary` is anything else that is not text, with its kind when known. */
export type SniffedFormat =
  | { format: 'pdf' }
  | { format: 'docx' }
  | { format: 'xlsx' }
  | { format: 'doc' }
  | { format: 'text' }
  | { format: 'binary'; what: { zh: string; en: string } };

/** The text encodings the importer reads. */
export type TextEncodingName = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'GB18030';

function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  return magic.every((b, i) => bytes[at + i] === b);
}

/** Where `%PDF-` starts: PDF readers accept it within the first 1024 bytes (some writers put junk before it). */
export function pdfStart(bytes: Uint8Array): number {
  const head = bytes.subarray(0, 1024);
  for (let i = 0; i + 5 <= head.length; i++) {
    if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d], i)) return i;
  }
  return -1;
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Known binary formats that are not reports, named in the refusal so the user knows what they gave. */
const OTHER_BINARY: readonly { magic: readonly number[]; zh: string; en: string }[] = [
  { magic: [0x89, 0x50, 0x4e, 0x47], zh: 'PNG 图片', en: 'a PNG image' },
  { magic: [0xff, 0xd8, 0xff], zh: 'JPEG 图片', en: 'a JPEG image' },
  { magic: [0x47, 0x49, 0x46, 0x38], zh: 'GIF 图片', en: 'a GIF image' },
  { magic: [0x49, 0x49, 0x2a, 0x00], zh: 'TIFF 图片', en: 'a TIFF image' },
  { magic: [0x4d, 0x4d, 0x00, 0x2a], zh: 'TIFF 图片', en: 'a TIFF image' },
  { magic: [0x52, 0x61, 0x72, 0x21], zh: 'RAR 压缩包', en: 'a RAR archive' },
  { magic: [0x37, 0x7a, 0xbc, 0xaf], zh: '7z 压缩包', en: 'a 7z archive' },
  { magic: [0x1f, 0x8b], zh: 'gzip 压缩文件', en: 'a gzip file' },
  { magic: [0x7b, 0x5c, 0x72, 0x74, 0x66], zh: 'RTF 文档', en: 'an RTF document' },
];

/** The format of the bytes, by magic number and, for zips, by the parts inside. */
export function sniffFormat(bytes: Uint8Array): SniffedFormat {
  if (pdfStart(bytes) >= 0) return { format: 'pdf' };
  if (isZip(bytes)) {
    const names = zipNames(bytes);
    // A damaged zip is most likely a damaged Word file: the DOCX reader says what is wrong with it.
    if (!names || names.some((n) => n.startsWith('word/'))) return { format: 'docx' };
    if (names.some((n) => n.startsWith('xl/'))) return { format: 'xlsx' };
    if (names.some((n) => n.startsWith('ppt/')))
      return {
        format: 'binary',
        what: { zh: 'PowerPoint 演示文稿（PPTX）', en: 'a PowerPoint deck (PPTX)' },
      };
    if (names.some((n) => /^(?:Doc_\d+\/|OFD\.xml$)/i.test(n)))
      return { format: 'binary', what: { zh: 'OFD 版式文档', en: 'an OFD document' } };
    if (names.includes('content.xml') || names.includes('mimetype'))
      return {
        format: 'binary',
        what: { zh: 'OpenDocument 文件（ODT/ODS）', en: 'an OpenDocument file (ODT/ODS)' },
      };
    return {
      format: 'binary',
      what: { zh: 'zip 压缩包（不是 Word 或 Excel 文件）', en: 'a zip archive (not a Word or Excel file)' },
    };
  }
  if (startsWith(bytes, OLE)) return { format: 'doc' };
  for (const known of OTHER_BINARY) {
    if (startsWith(bytes, known.magic)) return { format: 'binary', what: { zh: known.zh, en: known.en } };
  }
  return { format: 'text' };
}

/** Text decoded from bytes, with the encoding it was read in; or why it is not text. */
export type DecodedText =
  | { ok: true; text: string; encoding: TextEncodingName; bom: boolean }
  | { ok: false; zh: string; en: string };

/** Share of C0 control characters (other than TAB, LF, CR, FF) above which decoded "text" is binary. */
const MAX_CONTROL_SHARE = 0.01;

function controlShare(text: string): number {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) controls++;
  }
  return text.length === 0 ? 0 : controls / text.length;
}

/**
 * Decodes text bytes: a BOM decides (UTF-8, UTF-16 LE/BE); otherwise UTF-8 when the bytes are valid UTF-8, and
 * GB18030 (a superset of GBK and GB2312) when they decode as that without error. NUL bytes or control characters
 * in the result mean it is not text.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  let encoding: TextEncodingName;
  let body = bytes;
  let bom = true;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    encoding = 'UTF-8';
    body = bytes.subarray(3);
  } else if (startsWith(bytes, [0xff, 0xfe])) {
    encoding = 'UTF-16LE';
    body = bytes.subarray(2);
  } else if (startsWith(bytes, [0xfe, 0xff])) {
    encoding = 'UTF-16BE';
    body = bytes.subarray(2);
  } else {
    bom = false;
    const nul = bytes.indexOf(0);
    if (nul >= 0) {
      return {
        ok: false,
        zh: `不是文本（第 ${nul} 字节为 NUL），也不是能识别的 PDF、Word 或 Excel 文件`,
        en: `not text (NUL byte at offset ${nul}), nor a PDF, Word or Excel file that could be recognised`,
      };
    }
    encoding = isUtf8(bytes) ? 'UTF-8' : 'GB18030';
  }
  let text: string;
  try {
    const label =
      encoding === 'UTF-16LE' ? 'utf-16le' : encoding === 'UTF-16BE' ? 'utf-16be' : encoding.toLowerCase();
    text = new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    return {
      ok: false,
      zh: `不是 UTF-8、UTF-16 或 GB18030/GBK 文本（按 ${encoding} 解码失败）`,
      en: `not UTF-8, UTF-16 or GB18030/GBK text (it does not decode as ${encoding})`,
    };
  }
  if (text.includes('\u0000') || controlShare(text) > MAX_CONTROL_SHARE) {
    return {
      ok: false,
      zh: `不是文本（按 ${encoding} 解码后含控制字符），也不是能识别的 PDF、Word 或 Excel 文件`,
      en: `not text (control characters after decoding as ${encoding}), nor a PDF, Word or Excel file that could be recognised`,
    };
  }
  return { ok: true, text, encoding, bom };
}

import type { LocalizedText } from '../types.js';

/*
 * Report JSON arrives as bytes (a file, a request body, a multipart part). Every reader decodes them the same way:
 * UTF-8 only, because a lenient decoder turns GBK/GB18030 — what most Chinese office software saves by default —
 * into U+FFFD and a report whose agency reads as replacement characters. Browser-safe (TextDecoder only).
 */

/**
 * Why bytes are not Report JSON text: three of the codes of `ParseIssue` (the parser's codes; this module stays
 * outside the validator so that `@nianbao/model/core` can have it, and a reader that files the code as a
 * `ParseIssue` is type-checked against that union).
 */
export type DecodeIssueCode = 'empty' | 'not-utf8' | 'binary';

/** The text, or why the bytes are not UTF-8 text (one code and a zh/en message naming where). */
export type DecodeResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly code: DecodeIssueCode; readonly message: LocalizedText };

/**
 * Offset of the first byte that does not start a well-formed UTF-8 sequence (RFC 3629: no overlongs, no
 * surrogates, nothing above U+10FFFF), or -1 when all of `bytes` is UTF-8.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] as number;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    let trailing: number;
    if (lead >= 0xc2 && lead <= 0xdf) trailing = 1;
    else if (lead >= 0xe0 && lead <= 0xef) trailing = 2;
    else if (lead >= 0xf0 && lead <= 0xf4) trailing = 3;
    else return i;
    // The second byte's range is narrowed for the leads that would otherwise allow overlongs,
    // surrogates (ED A0..BF) or code points above U+10FFFF.
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k <= trailing; k++) {
      const byte = bytes[i + k];
      if (byte === undefined) return i;
      if (k === 1 ? byte < low || byte > high : byte < 0x80 || byte > 0xbf) return i;
    }
    i += trailing + 1;
  }
  return -1;
}

function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line += 1;
  return line;
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/** What {@link decodeJsonBytes} calls the input in its messages when not told. */
export const FILE_WHAT: LocalizedText = { zh: '文件', en: 'the file' };

/**
 * Decodes bytes meant as Report JSON text. A UTF-8 byte-order mark is dropped. Refuses, naming `what` (a file, a
 * request body) and where: empty or blank input, UTF-16 (what Windows Notepad calls "Unicode"), any NUL byte (a binary
 * file: JSON text never holds a raw NUL), and bytes that are not UTF-8 (line and byte offset of the first bad one).
 */
export function decodeJsonBytes(bytes: Uint8Array, what: LocalizedText = FILE_WHAT): DecodeResult {
  const refuse = (code: DecodeIssueCode, zh: string, en: string): DecodeResult => ({
    ok: false,
    code,
    message: { zh: `${what.zh}${zh}`, en: `${what.en} ${en}` },
  });
  if (bytes.length === 0) return refuse('empty', '为空', 'is empty');
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return refuse('not-utf8', '是 UTF-16 编码，应为 UTF-8', 'is encoded as UTF-16; save or send it as UTF-8');
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return refuse(
      'binary',
      `不是文本（第 ${nul} 字节为 NUL），应为 UTF-8 编码的 JSON`,
      `is not text (NUL byte at offset ${nul}); expected UTF-8 JSON`,
    );
  }
  let text: string;
  try {
    // fatal: throws on the first malformed sequence; the BOM is dropped (ignoreBOM defaults to false).
    text = STRICT_UTF8.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const line = lineOf(bytes, offset);
    return refuse(
      'not-utf8',
      `不是 UTF-8 编码（第 ${line} 行，字节偏移 ${offset}）；若为 GBK/GB18030，请转换为 UTF-8`,
      `is not UTF-8 text (line ${line}, byte offset ${offset}); if it is GBK/GB18030, convert it to UTF-8`,
    );
  }
  if (text.trim() === '') return refuse('empty', '只有空白', 'contains only whitespace');
  return { ok: true, text };
}

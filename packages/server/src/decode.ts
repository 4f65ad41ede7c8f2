import { isUtf8 } from 'node:buffer';
import type { LocalizedText, ParseIssueCode } from '@nianbao/model';

/*
 * A request body meant as JSON text, decoded the way the command line reads a report file: refused when empty,
 * UTF-16, binary or not UTF-8 (typically GBK/GB18030, which a lenient decoder would silently turn into U+FFFD and a
 * report whose agency reads as replacement characters). A byte-order mark is dropped by the JSON parser.
 */

/** The body as text, or why it is not UTF-8 JSON text. */
export type DecodeResult =
  | { ok: true; text: string }
  | { ok: false; code: Extract<ParseIssueCode, 'empty' | 'not-utf8' | 'binary'>; message: LocalizedText };

/** Decodes a request body (or a multipart part) as UTF-8 text; `what` names it in the messages. */
export function decodeUtf8(bytes: Uint8Array, what: LocalizedText): DecodeResult {
  if (bytes.length === 0)
    return { ok: false, code: 'empty', message: { zh: `${what.zh}为空`, en: `${what.en} is empty` } };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      ok: false,
      code: 'not-utf8',
      message: { zh: `${what.zh}是 UTF-16 编码，应为 UTF-8`, en: `${what.en} is UTF-16; send UTF-8` },
    };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return {
      ok: false,
      code: 'binary',
      message: {
        zh: `${what.zh}不是文本（第 ${nul} 字节为 NUL），应为 UTF-8 编码的 JSON`,
        en: `${what.en} is not text (NUL byte at offset ${nul}); expected UTF-8 JSON`,
      },
    };
  }
  if (!isUtf8(bytes)) {
    return {
      ok: false,
      code: 'not-utf8',
      message: {
        zh: `${what.zh}不是 UTF-8 编码；若为 GBK/GB18030，请转换为 UTF-8`,
        en: `${what.en} is not UTF-8; if it is GBK/GB18030, convert it to UTF-8`,
      },
    };
  }
  return { ok: true, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
}

import { isUtf8 } from 'node:buffer';
import { type FileHandle, open, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ParseIssue, ParseIssueCode, ParseResult } from '@nianbao/model';

/** The largest input `validate` reads: 20 MB. Real reports are a few tens of KB; anything near this is a mistake. */
export const MAX_INPUT_BYTES: number = 20 * 1024 * 1024;

/** A file's text, or why it could not be had (one issue at the root path `""`). */
export type ReadTextResult = { ok: true; text: string } | { ok: false; errors: ParseIssue[] };

function rootIssue(code: ParseIssueCode, zh: string, en: string): { ok: false; errors: ParseIssue[] } {
  return { ok: false, errors: [{ path: '', code, message: { zh, en } }] };
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}

function tooLarge(bytes: number): { ok: false; errors: ParseIssue[] } {
  const limit = megabytes(MAX_INPUT_BYTES).replace(/\.0$/, '');
  return rootIssue(
    'too-large',
    `文件过大（${megabytes(bytes)} MB），上限为 ${limit} MB`,
    `file too large (${megabytes(bytes)} MB); the limit is ${limit} MB`,
  );
}

function fsIssue(error: unknown): { ok: false; errors: ParseIssue[] } {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return rootIssue('not-found', '文件不存在', 'file not found');
    case 'EISDIR':
      return rootIssue('is-directory', '这是目录，不是文件', 'is a directory, not a file');
    case 'EACCES':
    case 'EPERM':
      return rootIssue('unreadable', '无法读取：没有权限', 'cannot be read: permission denied');
    default: {
      const reason = typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
      return rootIssue('unreadable', `无法读取（${reason}）`, `cannot be read (${reason})`);
    }
  }
}

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

/**
 * Decodes a file's bytes as UTF-8 text for JSON parsing. A UTF-8 byte-order mark is dropped. Refuses, with a
 * located reason: empty or blank files, UTF-16 (what Windows Notepad calls "Unicode"), any NUL byte (a binary
 * file: JSON text can never contain a raw NUL), and bytes that are not UTF-8 (typically GBK/GB18030).
 */
export function decodeText(bytes: Uint8Array): ReadTextResult {
  if (bytes.length === 0) return rootIssue('empty', '文件为空', 'file is empty');
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return rootIssue(
      'not-utf8',
      '文件是 UTF-16 编码，请另存为 UTF-8',
      'the file is encoded as UTF-16; save it as UTF-8',
    );
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return rootIssue(
      'binary',
      `不是文本文件（第 ${nul} 字节为 NUL），应为 UTF-8 编码的 JSON`,
      `not a text file (NUL byte at offset ${nul}); expected UTF-8 JSON`,
    );
  }
  if (!isUtf8(bytes)) {
    const offset = firstInvalidUtf8(bytes);
    const line = lineOf(bytes, offset);
    return rootIssue(
      'not-utf8',
      `不是 UTF-8 编码（第 ${line} 行，字节偏移 ${offset}）；若为 GBK/GB18030，请另存为 UTF-8`,
      `not UTF-8 text (line ${line}, byte offset ${offset}); if it is GBK/GB18030, save it as UTF-8`,
    );
  }
  // TextDecoder drops a leading UTF-8 BOM by default (ignoreBOM: false).
  const text = new TextDecoder('utf-8').decode(bytes);
  if (text.trim() === '') return rootIssue('empty', '文件只有空白', 'file contains only whitespace');
  return { ok: true, text };
}

async function readAtMost(handle: FileHandle, expected: number, limit: number): Promise<Buffer> {
  // One byte over the limit is enough to know a file that grew after stat() is too large.
  let buffer = Buffer.alloc(Math.min(expected, limit) + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (buffer.length > limit) break;
      const bigger = Buffer.alloc(Math.min(buffer.length * 2, limit + 1));
      buffer.copy(bigger);
      buffer = bigger;
    }
    const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
    if (bytesRead === 0) break;
    length += bytesRead;
  }
  return buffer.subarray(0, length);
}

/**
 * Reads a text file relative to `cwd`. The size is checked with `stat` before anything is read, so a huge
 * file is refused at once without loading it; directories, devices and pipes are refused too. Never throws.
 */
export async function readTextFile(
  file: string,
  cwd: string,
  limit: number = MAX_INPUT_BYTES,
): Promise<ReadTextResult> {
  const path = resolve(cwd, file);
  let handle: FileHandle | undefined;
  try {
    const info = await stat(path);
    if (info.isDirectory()) return fsIssue({ code: 'EISDIR' });
    if (!info.isFile()) {
      return rootIssue(
        'not-a-file',
        '不是普通文件（设备、管道或套接字）',
        'not a regular file (a device, pipe or socket)',
      );
    }
    if (info.size > limit) return tooLarge(info.size);
    handle = await open(path, 'r');
    const bytes = await readAtMost(handle, info.size, limit);
    if (bytes.length > limit) return tooLarge(bytes.length);
    return decodeText(bytes);
  } catch (error) {
    return fsIssue(error);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** Reads and parses a Report JSON file; every failure is a located `ParseIssue`, never an exception. */
export async function readReportFile(file: string, cwd: string): Promise<ParseResult> {
  const text = await readTextFile(file, cwd);
  if (!text.ok) return text;
  // The validator (zod) is loaded on first use: commands that read no file (render's bundled example, --help) start
  // without it.
  const { parseReportJson } = await import('@nianbao/model');
  return parseReportJson(text.text);
}

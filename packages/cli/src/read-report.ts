import { type FileHandle, open, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ParseIssue, ParseIssueCode, ParseResult } from '@nianbao/model';
import { decodeJsonBytes } from '@nianbao/model/core';

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
 * Decodes a file's bytes as UTF-8 text for JSON parsing, the model's one way (`decodeJsonBytes`): a UTF-8
 * byte-order mark dropped; empty or blank files, UTF-16, NUL bytes and non-UTF-8 bytes (typically GBK/GB18030)
 * refused with a located reason at the root path.
 */
export function decodeText(bytes: Uint8Array): ReadTextResult {
  const decoded = decodeJsonBytes(bytes);
  return decoded.ok
    ? { ok: true, text: decoded.text }
    : { ok: false, errors: [{ path: '', code: decoded.code, message: decoded.message }] };
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

import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ImportKind, ImportNote, ImportResult } from '@nianbao/import';
import { UsageError } from '../command.js';
import { type Lang, localize } from '../format/lang.js';
import type { Style } from '../format/style.js';

/** `--kind` as an ImportKind; `auto` when absent. */
export function kindOption(value: unknown): ImportKind {
  if (value === undefined) return 'auto';
  if (value === 'text' || value === 'html' || value === 'markdown' || value === 'auto') return value;
  throw new UsageError({
    zh: `--kind 只能是 text、html、markdown 或 auto，实为 "${String(value)}"`,
    en: `--kind must be text, html, markdown or auto, got "${String(value)}"`,
  });
}

/**
 * Reads and imports one file in this thread. Never throws for what a user can cause: a missing, unreadable,
 * oversized or binary file is an `ok: false` result with a note saying why (see `importFile` of @nianbao/import).
 */
export async function importFile(
  file: string,
  cwd: string,
  kind: ImportKind,
  meta?: { agency?: string; year?: number },
): Promise<ImportResult> {
  // Loaded here so that every other command starts without the importer's HTML parser.
  const { importFile: importFileAt, importDocument } = await import('@nianbao/import');
  const result = await importFileAt(file, { cwd, kind });
  // What the user stated (--year/--agency) is needed only when the text leaves it out: the file is read again
  // (it was readable, so it is within the importer's limits) with the stated values.
  const lacksMeta = !result.ok && result.notes.some((note) => note.code === 'meta-missing');
  if (!lacksMeta || meta === undefined) return result;
  const bytes = new Uint8Array(await readFile(resolve(cwd, file)));
  return importDocument(bytes, { kind, meta });
}

/** `--year N` as a whole year, `--agency NAME` as given; absent ones are left out. */
export function metaOptions(year: unknown, agency: unknown): { agency?: string; year?: number } | undefined {
  const meta: { agency?: string; year?: number } = {};
  if (year !== undefined) {
    const n = Number(year);
    if (!Number.isInteger(n)) {
      throw new UsageError({
        zh: `--year 应为整数年份，实为 "${String(year)}"`,
        en: `--year must be a whole year, got "${String(year)}"`,
      });
    }
    meta.year = n;
  }
  if (typeof agency === 'string' && agency.trim() !== '') meta.agency = agency.trim();
  return Object.keys(meta).length > 0 ? meta : undefined;
}

/** One reading note as a line: `⚠ ambiguous-run (line 13): …`. */
export function formatNote(note: ImportNote, lang: Lang, style: Style): string {
  const tag = note.severity === 'warning' ? style.yellow('⚠ 注意 warning') : style.cyan('ℹ 说明 info');
  const where = note.line
    ? ` (${localize({ zh: `第 ${note.line} 行`, en: `line ${note.line}` }, lang)})`
    : '';
  return `${tag} ${note.code}${where}: ${localize(note.message, lang)}`;
}

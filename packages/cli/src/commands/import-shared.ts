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
export async function importFile(file: string, cwd: string, kind: ImportKind): Promise<ImportResult> {
  // Loaded here so that every other command starts without the importer's HTML parser.
  const { importFile: importFileAt } = await import('@nianbao/import');
  return importFileAt(file, { cwd, kind });
}

/** One reading note as a line: `⚠ ambiguous-run (line 13): …`. */
export function formatNote(note: ImportNote, lang: Lang, style: Style): string {
  const tag = note.severity === 'warning' ? style.yellow('⚠ 注意 warning') : style.cyan('ℹ 说明 info');
  const where = note.line
    ? ` (${localize({ zh: `第 ${note.line} 行`, en: `line ${note.line}` }, lang)})`
    : '';
  return `${tag} ${note.code}${where}: ${localize(note.message, lang)}`;
}

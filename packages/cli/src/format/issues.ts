import type { ParseIssue } from '@nianbao/model';
import { cellLabel, describeCell, type Finding } from '@nianbao/model/core';
import { countFindings, type FormatOptions, formatCounts, verdict } from './findings.js';
import { localize } from './lang.js';

/**
 * How many parse issues human output lists per file; `--json` carries all the parser reports (at most
 * `MAX_PARSE_ISSUES` and a closing `too-many-issues` count of the rest).
 */
export const MAX_ISSUES_SHOWN = 30;

/**
 * One parse issue as one line: the file, the JSON path (with the cell's statutory labels when it is a
 * cell), the issue code, and the reason. `path` `""` is the file as a whole.
 */
export function formatIssue(file: string, issue: ParseIssue, options: FormatOptions): string {
  const { style, lang } = options;
  let where = style.bold(file);
  if (issue.path !== '') {
    where += `: ${issue.path}`;
    if (describeCell(issue.path)) where += style.dim(`「${cellLabel(issue.path)}」`);
  }
  return `${style.red('✗')} ${where} [${issue.code}] — ${localize(issue.message, lang)}`;
}

/** Every issue of a file that could not be read or parsed, one line each, abbreviated past a limit. */
export function formatParseFailure(
  file: string,
  errors: readonly ParseIssue[],
  options: FormatOptions,
): string[] {
  // The parser's own count of what it did not list stays the last line.
  const last = errors[errors.length - 1];
  const capped = last?.code === 'too-many-issues' ? last : undefined;
  const listed = capped ? errors.slice(0, -1) : errors;
  const lines = listed.slice(0, MAX_ISSUES_SHOWN).map((issue) => `  ${formatIssue(file, issue, options)}`);
  const rest = listed.length - MAX_ISSUES_SHOWN;
  if (rest > 0) {
    const more = capped
      ? { zh: `……另有 ${rest} 处问题（用 --json 查看）`, en: `… ${rest} more (--json lists them)` }
      : { zh: `……另有 ${rest} 处问题（用 --json 查看全部）`, en: `… ${rest} more (--json lists all)` };
    lines.push(`  ${localize(more, options.lang)}`);
  }
  if (capped) lines.push(`  ${formatIssue(file, capped, options)}`);
  return lines;
}

/** What became of one input of `validate`. */
export type FileOutcome =
  | {
      /** The report was parsed and checked. */
      kind: 'checked';
      /** The path as the user typed it. */
      file: string;
      /** Whether no error-severity finding failed. */
      ok: boolean;
      /** Everything the checker reported. */
      findings: readonly Finding[];
    }
  | {
      /** The file could not be read or parsed. */
      kind: 'unreadable';
      /** The path as the user typed it. */
      file: string;
      /** Why, located. */
      errors: readonly ParseIssue[];
    };

/** One summary line per file: `a.json: ✓ 通过 OK`, `b.json: ✗ 未通过 NOT OK — 2 个错误…`, `c.json: ✗ 无法解析…`. */
export function formatFileSummary(outcome: FileOutcome, options: FormatOptions): string {
  const { style, lang } = options;
  if (outcome.kind === 'unreadable') {
    const first = outcome.errors[0];
    const tag = style.red(`✗ ${localize({ zh: '无法解析', en: 'cannot parse' }, lang, ' ')}`);
    const reason = first ? localize(first.message, lang) : '';
    const more =
      outcome.errors.length > 1
        ? localize(
            { zh: `（另有 ${outcome.errors.length - 1} 处）`, en: ` (+${outcome.errors.length - 1} more)` },
            lang,
            '',
          )
        : '';
    return `${outcome.file}: ${tag} (${reason})${more}`;
  }
  return `${outcome.file}: ${verdict(outcome.ok, options)} — ${formatCounts(countFindings(outcome.findings), lang, false)}`;
}

/** Exit code for one outcome: 0 ok, 1 not ok, 2 cannot parse. */
export function outcomeExitCode(outcome: FileOutcome): 0 | 1 | 2 {
  if (outcome.kind === 'unreadable') return 2;
  return outcome.ok ? 0 : 1;
}

/** The total after several files: `共 3 个文件：1 个通过，1 个未通过，1 个无法解析 / 3 files: …`. */
export function formatTotal(outcomes: readonly FileOutcome[], options: FormatOptions): string {
  const ok = outcomes.filter((o) => outcomeExitCode(o) === 0).length;
  const notOk = outcomes.filter((o) => outcomeExitCode(o) === 1).length;
  const unreadable = outcomes.filter((o) => outcomeExitCode(o) === 2).length;
  const text = localize(
    {
      zh: `共 ${outcomes.length} 个文件：${ok} 个通过，${notOk} 个未通过，${unreadable} 个无法解析`,
      en: `${outcomes.length} files: ${ok} OK, ${notOk} NOT OK, ${unreadable} cannot parse`,
    },
    options.lang,
  );
  return options.style.bold(text);
}

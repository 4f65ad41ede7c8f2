import {
  type CheckOptions,
  checkReport,
  type Finding,
  isReportOk,
  type Report,
  RULES,
} from '@nianbao/model/core';
import { seedReport } from '@nianbao/model/fixtures';
import { type Command, type CommandContext, EXIT, langOption, VERBOSE_OPTION } from '../command.js';
import { type FormatOptions, formatFindings, formatSummary } from '../format/findings.js';
import { EXIT_CODES_TEXT } from '../format/help.js';
import {
  type FileOutcome,
  formatFileSummary,
  formatParseFailure,
  formatTotal,
  outcomeExitCode,
} from '../format/issues.js';
import { localize } from '../format/lang.js';
import { readReportFile } from '../read-report.js';

/** What `validate` checks: a file the user named, or the bundled seed when none is named. */
type Input = { kind: 'file'; file: string } | { kind: 'bundled' };

/** `平罗县头闸镇人民政府 2022`: how a report introduces itself in a heading. */
function reportName(report: Report): string {
  return `${report.meta.agency} ${report.meta.year}`;
}

/** The heading printed above one input's findings. */
function inputHeading(input: Input, report: Report | undefined, options: FormatOptions): string {
  const { lang, style } = options;
  if (input.kind === 'bundled') {
    return style.bold(
      `${localize({ zh: '内置示例', en: 'bundled example' }, lang)}: ${reportName(seedReport)}`,
    );
  }
  const file = `${localize({ zh: '文件', en: 'file' }, lang)}: ${input.file}`;
  return style.bold(report ? `${file} — ${reportName(report)}` : file);
}

/** Dim notes on what was not checked, so a clean result is not over-read. */
function skippedNotes(report: Report, previous: Report | undefined, options: FormatOptions): string[] {
  const notes: string[] = [];
  const needPrevious = RULES.filter((rule) => rule.needsPrevious).map((rule) => rule.id);
  if (!previous && needPrevious.length > 0) {
    notes.push(
      localize(
        {
          zh: `未提供 --previous（上年报告），未检查：${needPrevious.join(', ')}`,
          en: `no --previous (last year's report): not checked: ${needPrevious.join(', ')}`,
        },
        options.lang,
      ),
    );
  }
  if (report.sections === undefined) {
    notes.push(
      localize(
        {
          zh: '报告没有叙述部分（sections），未检查叙述规则',
          en: 'the report has no sections: narrative rules not checked',
        },
        options.lang,
      ),
    );
  }
  return notes.map((note) => options.style.dim(`ℹ ${note}`));
}

function check(report: Report, previous: Report | undefined): { findings: Finding[]; ok: boolean } {
  const checkOptions: CheckOptions = previous ? { previous } : {};
  const findings = checkReport(report, checkOptions);
  return { findings, ok: isReportOk(findings) };
}

function writeLines(context: CommandContext, lines: readonly string[]): void {
  context.io.stdout.write(`${lines.join('\n')}\n`);
}

/**
 * `nianbao validate [FILE…] [--previous FILE] [--json] [--lang zh|en]`: parses each report, runs every rule
 * and prints the findings. Exit 0 when every report is OK, 1 when one has a failing error-severity finding,
 * 2 when an input cannot be read or parsed (the worst wins; every file is still processed).
 */
export const validateCommand: Command = {
  name: 'validate',
  summary: {
    zh: '检查报告：表格勾稽关系、叙述与表格一致、发布期限',
    en: 'check reports: table arithmetic, narrative vs tables, deadlines',
  },
  usage: 'nianbao validate [FILE…] [--previous FILE] [--json] [--lang zh|en]',
  positionals: {
    name: 'FILE…',
    description: {
      zh: 'Report JSON 文件（UTF-8）；省略时检查内置示例（平罗县头闸镇人民政府 2022）',
      en: 'Report JSON files (UTF-8); none: the bundled example (平罗县头闸镇人民政府 2022)',
    },
  },
  options: {
    previous: {
      type: 'string',
      valueName: 'FILE',
      description: { zh: '上年报告，用于跨年度规则', en: "last year's report, for the cross-year rules" },
    },
    json: {
      type: 'boolean',
      description: { zh: '输出 JSON：{ "ok", "findings" }', en: 'print JSON: { "ok", "findings" }' },
    },
    lang: {
      type: 'string',
      valueName: 'zh|en',
      description: { zh: '只用一种语言输出（默认中英双语）', en: 'print one language only (default: both)' },
    },
    verbose: VERBOSE_OPTION,
  },
  notes: [
    {
      zh: '--json：一个文件时输出 { "ok": 布尔, "findings": [...] }；多个文件时每行一个对象（NDJSON），另含 "file"；无法解析时为 { "ok": false, "file": ..., "errors": [{ "path", "code", "message" }] }。',
      en: '--json: one file prints { "ok": boolean, "findings": [...] }; several files print one object per line (NDJSON) with an added "file"; a file that cannot be parsed prints { "ok": false, "file": ..., "errors": [{ "path", "code", "message" }] }.',
    },
    {
      zh: '文件大于 20 MB、不是 UTF-8 文本、不是 JSON 或不符合 Report JSON v1 时无法解析（退出码 2）。',
      en: 'Files over 20 MB, not UTF-8 text, not JSON or not Report JSON v1 cannot be parsed (exit 2).',
    },
    EXIT_CODES_TEXT,
  ],

  async run(context: CommandContext): Promise<number> {
    const { options: values, positionals, style, io } = context;
    const options: FormatOptions = { lang: langOption(values.lang), style, verbose: values.verbose === true };
    const json = values.json === true;

    let previous: Report | undefined;
    if (typeof values.previous === 'string') {
      const read = await readReportFile(values.previous, io.cwd);
      if (!read.ok) {
        if (json) {
          writeLines(context, [JSON.stringify({ ok: false, file: values.previous, errors: read.errors })]);
        } else {
          const heading = localize(
            { zh: '上年报告（--previous）', en: "last year's report (--previous)" },
            options.lang,
          );
          writeLines(context, [
            style.bold(`${heading}: ${values.previous}`),
            ...formatParseFailure(values.previous, read.errors, options),
            formatFileSummary({ kind: 'unreadable', file: values.previous, errors: read.errors }, options),
          ]);
        }
        return EXIT.usage;
      }
      previous = read.report;
    }

    const inputs: Input[] =
      positionals.length === 0 ? [{ kind: 'bundled' }] : positionals.map((file) => ({ kind: 'file', file }));
    const several = inputs.length > 1;
    const outcomes: FileOutcome[] = [];

    for (const input of inputs) {
      const read =
        input.kind === 'bundled'
          ? ({ ok: true, report: seedReport } as const)
          : await readReportFile(input.file, io.cwd);
      // Only the bundled input has no path; it can only be the single input, so "file" never shows it.
      const file = input.kind === 'bundled' ? '(bundled)' : input.file;
      const lines: string[] = [];

      if (!read.ok) {
        const outcome: FileOutcome = { kind: 'unreadable', file, errors: read.errors };
        outcomes.push(outcome);
        if (json) {
          lines.push(JSON.stringify({ ok: false, file, errors: read.errors }, null, several ? undefined : 2));
        } else {
          lines.push(
            inputHeading(input, undefined, options),
            ...formatParseFailure(file, read.errors, options),
          );
          lines.push(several ? '' : formatFileSummary(outcome, options));
        }
        writeLines(context, lines);
        continue;
      }

      const { findings, ok } = check(read.report, previous);
      outcomes.push({ kind: 'checked', file, ok, findings });
      if (json) {
        // The single-file shape is exactly the contract's { ok, findings }; NDJSON adds "file".
        const body = several ? { ok, file, findings } : { ok, findings };
        lines.push(JSON.stringify(body, null, several ? undefined : 2));
      } else {
        lines.push(inputHeading(input, read.report, options));
        if (previous) {
          const label = localize({ zh: '上年报告', en: 'previous year' }, options.lang);
          lines.push(style.dim(`${label}: ${values.previous} — ${reportName(previous)}`));
        }
        lines.push(...formatFindings(findings, options), ...skippedNotes(read.report, previous, options));
        lines.push(formatSummary(findings, ok, options));
        if (several) lines.push('');
      }
      writeLines(context, lines);
    }

    if (several && !json) {
      writeLines(context, [
        style.bold(localize({ zh: '汇总', en: 'summary' }, options.lang)),
        ...outcomes.map((outcome) => `  ${formatFileSummary(outcome, options)}`),
        formatTotal(outcomes, options),
      ]);
    }
    return Math.max(...outcomes.map(outcomeExitCode));
  },
};

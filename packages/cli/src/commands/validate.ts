import type { ParseIssue } from '@nianbao/model';
import {
  type CheckOptions,
  checkReport,
  type Finding,
  type IndicatorResult,
  type IndicatorStatus,
  isReportOk,
  type LocalizedText,
  type Report,
  RULES,
  type Rulepack,
  type Scorecard,
  scoreReport,
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
import { readReportFile, readTextFile } from '../read-report.js';

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
 * Reports a file named by an option (`--previous`, `--rulepack`) that cannot be read or parsed: its error object
 * alone with `--json`, else its located issues under a heading. Returns the exit code (2): nothing is checked.
 */
function refuseOptionFile(
  context: CommandContext,
  json: boolean,
  options: FormatOptions,
  heading: LocalizedText,
  file: string,
  errors: ParseIssue[],
): number {
  if (json) {
    writeLines(context, [JSON.stringify({ ok: false, file, errors })]);
  } else {
    writeLines(context, [
      options.style.bold(`${localize(heading, options.lang)}: ${file}`),
      ...formatParseFailure(file, errors, options),
      formatFileSummary({ kind: 'unreadable', file, errors }, options),
    ]);
  }
  return EXIT.usage;
}

/** The largest rulepack read: a rulepack is a few kilobytes. */
const MAX_RULEPACK_BYTES = 1024 * 1024;

/**
 * Reads and parses `--rulepack FILE` (of `validate` and `audit`); every failure is a located issue. The validator
 * (zod) loads only here.
 */
export async function readRulepackFile(
  file: string,
  cwd: string,
): Promise<{ ok: true; rulepack: Rulepack } | { ok: false; errors: ParseIssue[] }> {
  const text = await readTextFile(file, cwd, MAX_RULEPACK_BYTES);
  if (!text.ok) return text;
  const { parseRulepackJson } = await import('@nianbao/model');
  return parseRulepackJson(text.text);
}

/** Scores one report (with last year's, when given) under the rulepack chosen on the command line. */
type Scorer = (report: Report, previous: Report | undefined) => Scorecard;

function scorerFor(rulepack: Rulepack | undefined): Scorer {
  return (report, previous) =>
    scoreReport(report, { ...(previous ? { previous } : {}), ...(rulepack ? { rulepack } : {}) });
}

const STATUS_WORDS: Record<IndicatorStatus, { symbol: string; word: LocalizedText }> = {
  pass: { symbol: '✓', word: { zh: '通过', en: 'pass' } },
  partial: { symbol: '◐', word: { zh: '部分', en: 'partial' } },
  fail: { symbol: '✗', word: { zh: '未通过', en: 'fail' } },
  'not-applicable': { symbol: '–', word: { zh: '不适用', en: 'n/a' } },
};

/** Points as printed: at most two decimals, no trailing zeros (7.5, 10, 0.25). */
function pointsText(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** One indicator line: `✓ 通过 pass  10/10  on-time  按期发布… — reason`. Never colour alone: symbol and word too. */
function indicatorLine(result: IndicatorResult, options: FormatOptions): string {
  const { style, lang } = options;
  const { symbol, word } = STATUS_WORDS[result.status];
  const tag = `${symbol} ${localize(word, lang, ' ')}`;
  const coloured =
    result.status === 'pass'
      ? style.green(tag)
      : result.status === 'fail'
        ? style.red(tag)
        : result.status === 'partial'
          ? style.yellow(tag)
          : style.dim(tag);
  const score =
    result.status === 'not-applicable'
      ? `—/${pointsText(result.weight)}`
      : `${pointsText(result.score)}/${pointsText(result.weight)}`;
  const reason = localize(result.reason, lang);
  return `  ${coloured} ${style.bold(score)} ${result.id} ${style.dim(localize(result.description, lang))}\n      ${reason}`;
}

/** The scorecard as text lines, after the findings. */
function formatScorecard(card: Scorecard, options: FormatOptions): string[] {
  const { style, lang } = options;
  const heading = localize(
    { zh: `评分（规则包：${card.rulepack}）`, en: `scorecard (rulepack: ${card.rulepack})` },
    lang,
  );
  const lines = [style.bold(heading), ...card.indicators.map((result) => indicatorLine(result, options))];
  for (const deduction of card.deductions) {
    const applied = deduction.status === 'applied';
    const mark = applied
      ? style.red(`−${pointsText(deduction.points)}`)
      : style.dim(`(−${pointsText(deduction.points)})`);
    const state = localize(
      applied
        ? { zh: '扣分', en: 'deducted' }
        : deduction.status === 'not-applied'
          ? { zh: '未扣分', en: 'not deducted' }
          : { zh: '无法判断', en: 'cannot be decided' },
      lang,
      ' ',
    );
    lines.push(
      `  ${mark} ${deduction.id} ${state}: ${localize(deduction.description, lang)} — ${localize(deduction.reason, lang)}`,
    );
  }
  for (const item of card.manual) {
    const label = localize({ zh: '人工评分', en: 'scored by hand' }, lang, ' ');
    lines.push(
      style.dim(`  ? ${label} ${pointsText(item.weight)} ${item.id}: ${localize(item.description, lang)}`),
    );
  }
  // "earned − deducted = total" only when something was deducted; otherwise the total alone.
  const total =
    card.deducted > 0
      ? `${pointsText(card.earned)} − ${pointsText(card.deducted)} = ${pointsText(card.total)}`
      : pointsText(card.total);
  lines.push(
    style.bold(
      localize(
        {
          zh: `得分 ${total}，满分 ${pointsText(card.maximum)}（不含不适用与人工评分项）`,
          en: `score ${total} of ${pointsText(card.maximum)} (not counting n/a and hand-scored items)`,
        },
        lang,
      ),
    ),
  );
  return lines;
}

/**
 * `nianbao validate [FILE…] [--previous FILE] [--score] [--rulepack FILE] [--json] [--lang zh|en]`: parses each
 * report, runs every rule and prints the findings; with `--score` (or `--rulepack`) also its scorecard. Exit 0 when every report is OK, 1 when one has a failing error-severity finding,
 * 2 when an input cannot be read or parsed (the worst wins; every file is still processed).
 */
export const validateCommand: Command = {
  name: 'validate',
  summary: {
    zh: '检查报告：表格勾稽关系、叙述与表格一致、发布期限',
    en: 'check reports: table arithmetic, narrative vs tables, deadlines',
  },
  usage: 'nianbao validate [FILE…] [--previous FILE] [--score] [--rulepack FILE] [--json] [--lang zh|en]',
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
    score: {
      type: 'boolean',
      description: {
        zh: '同时输出评分：各指标通过/部分/未通过/不适用及理由，总分与满分',
        en: 'also print the scorecard: each indicator pass/partial/fail/n/a with its reason, the total and maximum',
      },
    },
    rulepack: {
      type: 'string',
      valueName: 'FILE',
      description: {
        zh: '按此规则包（JSON）评分，隐含 --score；默认为全国默认指标',
        en: 'score by this rulepack (JSON); implies --score; default: the national indicators',
      },
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
      zh: '--score：--json 时另含 "score"（评分卡：indicators、deductions、manual、earned、deducted、total、maximum）。规则包无法解析时退出码为 2，并列出每个错误的 JSON 路径。',
      en: '--score: with --json the object also has "score" (the scorecard: indicators, deductions, manual, earned, deducted, total, maximum). A rulepack that cannot be parsed exits 2, listing each error with its JSON path.',
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
        const heading = { zh: '上年报告（--previous）', en: "last year's report (--previous)" };
        return refuseOptionFile(context, json, options, heading, values.previous, read.errors);
      }
      previous = read.report;
    }

    let scorer: Scorer | undefined;
    if (typeof values.rulepack === 'string') {
      const read = await readRulepackFile(values.rulepack, io.cwd);
      if (!read.ok) {
        const heading = { zh: '规则包（--rulepack）', en: 'rulepack (--rulepack)' };
        return refuseOptionFile(context, json, options, heading, values.rulepack, read.errors);
      }
      scorer = scorerFor(read.rulepack);
    } else if (values.score === true) {
      scorer = scorerFor(undefined);
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
      const score = scorer?.(read.report, previous);
      if (json) {
        // The single-file shape is exactly the contract's { ok, findings }; NDJSON adds "file"; --score adds "score".
        const body = several ? { ok, file, findings } : { ok, findings };
        lines.push(JSON.stringify(score ? { ...body, score } : body, null, several ? undefined : 2));
      } else {
        lines.push(inputHeading(input, read.report, options));
        if (previous) {
          const label = localize({ zh: '上年报告', en: 'previous year' }, options.lang);
          lines.push(style.dim(`${label}: ${values.previous} — ${reportName(previous)}`));
        }
        lines.push(...formatFindings(findings, options), ...skippedNotes(read.report, previous, options));
        lines.push(formatSummary(findings, ok, options));
        if (score) lines.push(...formatScorecard(score, options));
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

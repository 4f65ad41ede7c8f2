import { type FileHandle, mkdir, open, readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { AuditRow, ImportFileResult } from '@nianbao/import';
import type { AuditInput, ExpectedUnit, LocalizedText, RegionAudit, Rulepack } from '@nianbao/model';
import { type Command, type CommandContext, EXIT, langOption, UsageError } from '../command.js';
import { localize } from '../format/lang.js';
import { writeOutput } from '../write-output.js';
import { kindOption } from './import-shared.js';

/** The options that need the whole audit document (`buildRegionAudit`), not only the per-file rows. */
const AUDIT_OUTPUTS = ['html', 'json', 'xlsx', 'dataset', 'notices', 'expected', 'own', 'rulepack'] as const;

/** File names audit picks up inside a directory. */
const REPORT_FILE = /\.(?:txt|html?|md|markdown|pdf|docx|doc|xlsx|json)$/i;

/** `--jobs` as a worker count; undefined (one per core) when absent. */
function jobsOption(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const jobs = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (jobs >= 1 && jobs <= 256) return jobs;
  throw new UsageError({
    zh: `--jobs 应为 1 到 256 的整数，实为 "${String(value)}"`,
    en: `--jobs must be a whole number from 1 to 256, got "${String(value)}"`,
  });
}

/** One audited file as the CSV has it: the import's audit row with its reasons in the chosen language(s). */
interface CsvRow extends Omit<AuditRow, 'reasons'> {
  /** Why the file could not be imported. */
  reason: string;
}

/** How much of a directory's `.json` file is read to tell a Report JSON from other JSON. */
const JSON_SNIFF_BYTES = 256 * 1024;

/**
 * Whether a `.json` file found in a directory is a Report JSON (it names `formatVersion`): a folder of reports also
 * holds other JSON (an earlier `--json audit.json`, a tool's settings), which is not a report and is not listed.
 * A JSON file given by name is always audited, and refused with its reason when it is not a report.
 */
async function isReportJson(path: string): Promise<boolean> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(path, 'r');
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(JSON_SNIFF_BYTES), 0, JSON_SNIFF_BYTES, 0);
    return /"formatVersion"\s*:/.test(buffer.subarray(0, bytesRead).toString('utf8'));
  } catch {
    // Unreadable: listed, so importFile says why.
    return true;
  } finally {
    await handle?.close();
  }
}

/** Expands directories (one level, report-like file names, sorted; Report JSON only) and keeps files as given. */
async function collect(inputs: readonly string[], cwd: string): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    try {
      const info = await stat(resolve(cwd, input));
      if (info.isDirectory()) {
        const names = (await readdir(resolve(cwd, input))).filter((name) => REPORT_FILE.test(name)).sort();
        for (const name of names) {
          if (/\.json$/i.test(name) && !(await isReportJson(resolve(cwd, input, name)))) continue;
          files.push(join(input, name));
        }
        continue;
      }
    } catch {
      // A missing path is reported per file by importFile.
    }
    files.push(input);
  }
  return files;
}

const CSV_COLUMNS: readonly (keyof CsvRow)[] = [
  'file',
  'ok',
  'agency',
  'year',
  'format',
  'layouts',
  'errors',
  'warnings',
  'read',
  'inferred',
  'missing',
  'reason',
];

/** One CSV field: quoted when it holds a separator, quote or line break; a leading =+-@ neutralised. */
export function csvField(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  // Quote fields with separators, quotes or line breaks; a leading =+-@ is neutralised for spreadsheets.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The rows as CSV (UTF-8 with BOM so spreadsheet programs read the Chinese correctly). */
export function auditCsv(rows: readonly CsvRow[]): string {
  const lines = [
    CSV_COLUMNS.join(','),
    ...rows.map((row) => CSV_COLUMNS.map((c) => csvField(row[c])).join(',')),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** One import as the audit document takes it (`buildRegionAudit`'s input). */
function auditInput({ file, result }: ImportFileResult, row: AuditRow): AuditInput {
  if (!result.ok) return { file, ok: false, reasons: result.notes.map((note) => note.message) };
  return {
    file,
    ok: true,
    report: result.report,
    findings: result.findings,
    notes: result.notes,
    confidence: {
      read: result.confidence.read.length,
      inferred: result.confidence.inferred.length,
      missing: result.confidence.missing.length,
    },
    format: row.format === '2019' ? '2019' : '2021',
    layouts: row.layouts,
  };
}

/** `--expected FILE`: the unit list, or every problem in it located as `FILE:line:column`. */
async function readUnits(file: string, cwd: string): Promise<ExpectedUnit[] | LocalizedText> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(resolve(cwd, file));
  } catch {
    return { zh: `无法读取单位名单 ${file}`, en: `cannot read the unit list ${file}` };
  }
  const { parseUnitList } = await import('@nianbao/model/core');
  const parsed = parseUnitList(bytes);
  if (parsed.ok) return parsed.units;
  const at = (e: (typeof parsed.errors)[number]): string => `${file}:${e.line}:${e.column}`;
  return {
    zh: parsed.errors.map((e) => `${at(e)}: ${e.message.zh}`).join('\n'),
    en: parsed.errors.map((e) => `${at(e)}: ${e.message.en}`).join('\n'),
  };
}

/** The lines `--expected` adds to the terminal output: who has not reported, who is late, who is not in the list. */
function coverageLines(audit: RegionAudit): LocalizedText[] {
  const expected = audit.expected;
  if (!expected) return [];
  const { summary } = expected;
  const names = (status: string, separator: string): string =>
    expected.units
      .filter((unit) => unit.status === status)
      .map((unit) => unit.name)
      .join(separator);
  const lines: LocalizedText[] = [
    {
      zh: `应报 ${summary.expected} 个单位：已报 ${summary.reported}，未报 ${summary.missing}，逾期 ${summary.late}，无发布日期 ${summary.noDate}；不在名单中的文件 ${summary.unmatched}`,
      en: `${summary.expected} unit(s) expected: ${summary.reported} reported, ${summary.missing} missing, ${summary.late} late, ${summary.noDate} without a date; ${summary.unmatched} file(s) match no unit`,
    },
  ];
  if (summary.missing > 0)
    lines.push({ zh: `未报：${names('missing', '、')}`, en: `missing: ${names('missing', ', ')}` });
  if (summary.late > 0)
    lines.push({ zh: `逾期：${names('late', '、')}`, en: `late: ${names('late', ', ')}` });
  if (summary.unmatched > 0) {
    const zh = expected.unmatched.map((file) => `${file.agency}（${file.file}）`).join('、');
    const en = expected.unmatched.map((file) => `${file.agency} (${file.file})`).join(', ');
    lines.push({ zh: `不在名单中：${zh}`, en: `not in the list: ${en}` });
  }
  return lines;
}

/** A notice's language: one of them, or both (`undefined`). */
const noticeLang = (lang: ReturnType<typeof langOption>): 'zh' | 'en' | undefined =>
  lang === 'both' ? undefined : lang;

/** `--notices DIR`: one markdown 整改 notice per report that does not pass; returns the files written. */
async function writeNotices(
  audit: RegionAudit,
  directory: string,
  cwd: string,
  lang: 'zh' | 'en' | undefined,
): Promise<LocalizedText | undefined> {
  const { rectificationMarkdown } = await import('@nianbao/model/core');
  const { noticeFileName } = await import('./audit-dataset.js');
  try {
    await mkdir(resolve(cwd, directory), { recursive: true });
  } catch {
    return { zh: `无法创建目录 ${directory}`, en: `cannot create the directory ${directory}` };
  }
  let index = 0;
  for (const report of audit.reports) {
    if (!report.notice) continue;
    const name = join(directory, noticeFileName(index, report.notice));
    index += 1;
    const failure = await writeOutput(name, cwd, rectificationMarkdown(report.notice, lang), true);
    if (failure) return failure.message;
  }
  return undefined;
}

/**
 * `--json` and `--html`: the audit document (`buildRegionAudit`, with last year's reports from `--previous`
 * imported the same way) written as JSON and/or as the dashboard page. Returns what went wrong, if anything.
 */
async function writeAudit(
  results: readonly ImportFileResult[],
  options: CommandContext['options'],
  read: { cwd: string; kind: ReturnType<typeof kindOption>; concurrency: number | undefined },
  print: (lines: readonly LocalizedText[]) => void,
): Promise<LocalizedText | undefined> {
  const { auditRow, importFiles } = await import('@nianbao/import');
  const { buildRegionAudit } = await import('@nianbao/model/core');
  const inputsOf = (list: readonly ImportFileResult[]): AuditInput[] =>
    list.map((result) => auditInput(result, auditRow(result.file, result.result)));
  let previous: AuditInput[] | undefined;
  if (options.previous !== undefined) {
    if (typeof options.previous !== 'string')
      return { zh: '--previous 需要一个目录', en: '--previous needs a directory' };
    const directory = await stat(resolve(read.cwd, options.previous)).then(
      (info) => info.isDirectory(),
      () => false,
    );
    if (!directory)
      return {
        zh: `--previous 应为目录，"${options.previous}" 不是目录或不存在`,
        en: `--previous must be a directory; "${options.previous}" is not one or does not exist`,
      };
    const files = await collect([options.previous], read.cwd);
    if (files.length === 0) {
      return {
        zh: `--previous 目录 "${options.previous}" 中没有找到报告文件`,
        en: `no report files found in the --previous directory "${options.previous}"`,
      };
    }
    previous = inputsOf(await importFiles(files, read));
  }
  let expected: ExpectedUnit[] | undefined;
  if (options.expected !== undefined) {
    if (typeof options.expected !== 'string')
      return { zh: '--expected 需要一个 CSV 文件', en: '--expected needs a CSV file' };
    const units = await readUnits(options.expected, read.cwd);
    if (!Array.isArray(units)) return units;
    expected = units;
  }
  let rulepack: Rulepack | undefined;
  if (typeof options.rulepack === 'string') {
    const { readRulepackFile } = await import('./validate.js');
    const pack = await readRulepackFile(options.rulepack, read.cwd);
    if (!pack.ok) {
      const file = options.rulepack;
      return {
        zh: pack.errors.map((issue) => `${file}: ${issue.message.zh}`).join('\n'),
        en: pack.errors.map((issue) => `${file}: ${issue.message.en}`).join('\n'),
      };
    }
    rulepack = pack.rulepack;
  }
  if (options.own !== undefined && typeof options.own !== 'string')
    return { zh: '--own 需要文件名或机关名称', en: '--own needs a file or an agency name' };
  const audit = buildRegionAudit(inputsOf(results), {
    ...(previous ? { previous } : {}),
    ...(expected ? { expected } : {}),
    ...(rulepack ? { rulepack } : {}),
    ...(typeof options.own === 'string' ? { own: options.own } : {}),
  });
  if (audit.own && audit.own.file === undefined) {
    const by = audit.own.identifiedBy === 'option' ? '--own' : `${String(options.expected)}（本级）`;
    return {
      zh: `${by} "${audit.own.given}" 与任何已读取的报告（文件名或机关名称）都不对应`,
      en: `${by} "${audit.own.given}" matches no report read (by file or agency name)`,
    };
  }
  print(coverageLines(audit));
  if (typeof options.xlsx === 'string') {
    const { auditXlsx } = await import('./audit-xlsx.js');
    const failure = await writeOutput(options.xlsx, read.cwd, await auditXlsx(audit), true);
    if (failure) return failure.message;
  }
  if (typeof options.dataset === 'string') {
    const { auditDataset } = await import('./audit-dataset.js');
    const failure = await writeOutput(options.dataset, read.cwd, auditDataset(audit), true);
    if (failure) return failure.message;
  }
  if (typeof options.notices === 'string') {
    const failure = await writeNotices(
      audit,
      options.notices,
      read.cwd,
      noticeLang(langOption(options.lang)),
    );
    if (failure) return failure;
  }
  if (typeof options.json === 'string') {
    const failure = await writeOutput(options.json, read.cwd, `${JSON.stringify(audit)}\n`, true);
    if (failure) return failure.message;
  }
  if (typeof options.html === 'string') {
    const { renderAuditHtml } = await import('@nianbao/react/server');
    // The charts are drawn by @nianbao/charts (Observable Plot), which the react package does not carry.
    const { barChartSvg } = await import('@nianbao/charts');
    const failure = await writeOutput(
      options.html,
      read.cwd,
      renderAuditHtml(audit, { chart: barChartSvg }),
      true,
    );
    if (failure) return failure.message;
  }
  return undefined;
}

/**
 * `nianbao audit DIR|FILE… [--csv out.csv]`: imports and checks many published reports in parallel (a worker
 * thread per core, see `importFiles`), with a progress bar on a terminal; one line per report and a summary on stdout; a CSV for spreadsheets.
 */
export const auditCommand: Command = {
  name: 'audit',
  summary: {
    zh: '批量导入并核对已发布的年度报告，逐份列出问题',
    en: 'import and check many published reports, one line each',
  },
  usage:
    'nianbao audit DIR|FILE… [--csv FILE] [--html FILE] [--json FILE] [--xlsx FILE] [--dataset FILE] [--notices DIR] [--expected FILE] [--own FILE|NAME] [--rulepack FILE] [--previous DIR] [--kind KIND] [--jobs N] [--lang zh|en]',
  positionals: {
    name: 'DIR|FILE…',
    description: {
      zh: '报告文件，或含报告文件（.txt .html .htm .md .pdf .docx .doc .xlsx，以及报告 JSON .json）的目录',
      en: 'report files, or directories of them (.txt .html .htm .md .pdf .docx .doc .xlsx, and Report JSON .json)',
    },
  },
  options: {
    csv: {
      type: 'string',
      valueName: 'FILE',
      description: { zh: '另写一份 CSV（覆盖已有文件）', en: 'also write a CSV (replacing FILE)' },
    },
    html: {
      type: 'string',
      valueName: 'FILE',
      description: {
        zh: '另写一份审核页面（单个 HTML 文件，离线可用：概况、各机关、逐个机关、汇总、与上年比较）',
        en: 'also write the audit dashboard (one self-contained HTML file: overview, agencies, drill-downs, roll-up, year over year)',
      },
    },
    json: {
      type: 'string',
      valueName: 'FILE',
      description: {
        zh: '另写一份完整审核结果 JSON（nianbao-audit/1：逐份结果、问题、评分、汇总、与上年比较）',
        en: 'also write the whole audit as JSON (nianbao-audit/1: per-report rows, findings, scorecards, roll-up, comparison)',
      },
    },
    xlsx: {
      type: 'string',
      valueName: 'FILE',
      description: {
        zh: '另写一份 Excel 工作簿：总览、应报单位（有 --expected 时）、每个机关与汇总各一个工作表，三张统计表按法定格式合并表头，空白单元格留空（不作 0）',
        en: 'also write an Excel workbook: an overview, the units (with --expected), one sheet per agency and for the roll-up with the three tables under the statute’s merged headers; blanks stay empty (never 0)',
      },
    },
    dataset: {
      type: 'string',
      valueName: 'FILE',
      description: {
        zh: '另写一份平铺数据 CSV：每个机关每个单元格一行（agency,file,year,table,address,cell,value,blank），UTF-8 带 BOM',
        en: 'also write a flat dataset CSV: one row per agency and cell (agency,file,year,table,address,cell,value,blank), UTF-8 with BOM',
      },
    },
    notices: {
      type: 'string',
      valueName: 'DIR',
      description: {
        zh: '为每份未通过的报告在 DIR 中写一份整改通知（markdown，按 --lang 的语言；目录不存在时创建）',
        en: 'write one rectification notice (整改, markdown, in --lang’s language) per report that does not pass into DIR (created if missing)',
      },
    },
    expected: {
      type: 'string',
      valueName: 'FILE',
      description: {
        zh: '应报单位名单（CSV，UTF-8 或 GBK；表头含“名称”，可选“代码”“层级”“类型”“本级”“别名”）：列出未报、逾期和不在名单中的文件',
        en: 'the list of bodies expected to report (CSV, UTF-8 or GBK; a header with name, optionally code, level, kind, own, aliases): lists who is missing, who is late, and files matching no unit',
      },
    },
    rulepack: {
      type: 'string',
      valueName: 'FILE',
      description: {
        zh: '按此规则包评分并取其发布期限（JSON；默认全国指标与条例期限）',
        en: 'score by this rulepack and take its deadlines (JSON; default: the national indicators and statutory deadlines)',
      },
    },
    own: {
      type: 'string',
      valueName: 'FILE|NAME',
      description: {
        zh: '本级报告（文件名或机关名称；不给时取名单中标为本级的单位）：与其余报告的合计分开列出',
        en: 'the office’s own (本级) report, by file or agency name (default: the unit marked own in --expected): kept apart from the others’ total',
      },
    },
    previous: {
      type: 'string',
      valueName: 'DIR',
      description: {
        zh: '上年报告所在目录：按机关名称配对，核对上年结转、比较申请与办理结果、正文重复（用于 --html 和 --json）',
        en: 'last year’s reports: matched by agency name for carry-over, applications and outcomes, copied text (for --html and --json)',
      },
    },
    kind: {
      type: 'string',
      valueName: 'KIND',
      description: {
        zh: '输入类型（默认 auto：逐个判断）',
        en: 'input kind (default auto: detect per file)',
      },
    },
    jobs: {
      type: 'string',
      valueName: 'N',
      description: {
        zh: '同时导入的文件数（工作线程数；默认为 CPU 核数；1 表示在主线程中逐个导入）',
        en: 'files imported at once (worker threads; default: one per CPU core; 1 imports one by one in the main thread)',
      },
    },
    lang: {
      type: 'string',
      valueName: 'zh|en',
      description: { zh: '只用一种语言输出（默认中英双语）', en: 'print one language only (default: both)' },
    },
  },
  notes: [
    {
      zh: '每行：文件、机关、年度、格式（2021 或 2019）、错误数、警告数（含读取说明中的警告）。退出码：0 全部导入且无错误；1 有报告存在错误；2 有文件无法导入；70 内部错误。',
      en: 'Each line: file, agency, year, format (2021 or 2019), errors, warnings (including reading-note warnings). Exit codes: 0 all imported without errors; 1 some report has errors; 2 some file could not be imported; 70 internal error.',
    },
    {
      zh: '--expected 名单中未报或逾期的单位不改变退出码（它们列在输出中）；名单无法读取、--own 找不到对应报告时退出码为 2。',
      en: 'Units of --expected that are missing or late do not change the exit code (they are listed); an unreadable unit list or an --own that matches no report exits 2.',
    },
  ],

  async run({ options, positionals, io, style }: CommandContext): Promise<number> {
    if (positionals.length === 0)
      throw new UsageError({ zh: '缺少文件或目录', en: 'missing file or directory' });
    const lang = langOption(options.lang);
    const kind = kindOption(options.kind);
    const files = await collect(positionals, io.cwd);
    if (files.length === 0) {
      io.stderr.write(
        `nianbao audit: ${localize({ zh: '没有找到报告文件', en: 'no report files found' }, lang)}\n`,
      );
      return EXIT.usage;
    }
    const concurrency = jobsOption(options.jobs);
    const tty = io.stderr.isTTY === true;
    const progress = (done: number): void => {
      if (!tty) return;
      const width = 30;
      const filled = Math.round((done / files.length) * width);
      io.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${files.length}`);
    };
    progress(0);
    // Worker threads read and import the files; results come back in input order whatever order they finish in.
    // Loaded here so that every other command starts without the importer.
    const { auditRow, auditSummary, importFiles } = await import('@nianbao/import');
    const results = await importFiles(files, {
      cwd: io.cwd,
      kind,
      concurrency,
      onResult: (_result, done) => progress(done),
    });
    // The rows and their totals come from @nianbao/import, which the HTTP service's /v1/audit uses too.
    const audited = results.map(({ file, result }) => auditRow(file, result));
    const summary = auditSummary(audited);
    const rows: CsvRow[] = audited.map(({ reasons, ...row }) => ({
      ...row,
      reason: reasons.map((reason) => localize(reason, lang)).join('; '),
    }));
    if (tty) io.stderr.write('\r\u001b[K');

    const lines: string[] = [];
    for (const row of rows) {
      if (!row.ok) {
        lines.push(
          `${style.red('✗')} ${row.file}  ${style.red(localize({ zh: '无法导入', en: 'not imported' }, lang))}: ${row.reason}`,
        );
        continue;
      }
      const mark = row.errors > 0 ? style.red('✗') : row.warnings > 0 ? style.yellow('⚠') : style.green('✓');
      const counts = localize(
        {
          zh: `错误 ${row.errors}，警告 ${row.warnings}`,
          en: `${row.errors} error(s), ${row.warnings} warning(s)`,
        },
        lang,
      );
      lines.push(`${mark} ${row.file}  ${row.agency}  ${row.year ?? '?'}  ${row.format}  ${counts}`);
    }
    lines.push(
      style.bold(
        localize(
          {
            zh: `共 ${summary.files} 份：导入 ${summary.imported}，无法导入 ${summary.notImported}；有错误 ${summary.withErrors}；2019 年格式 ${summary.legacy}`,
            en: `${summary.files} file(s): ${summary.imported} imported, ${summary.notImported} not imported; ${summary.withErrors} with errors; ${summary.legacy} in the 2019 format`,
          },
          lang,
        ),
      ),
    );
    io.stdout.write(`${lines.join('\n')}\n`);
    if (typeof options.csv === 'string') {
      const failure = await writeOutput(options.csv, io.cwd, auditCsv(rows), true);
      if (failure) {
        io.stderr.write(`nianbao audit: ${localize(failure.message, lang)}\n`);
        return EXIT.usage;
      }
      io.stderr.write(`${localize({ zh: '已写入', en: 'wrote' }, lang)} ${options.csv}\n`);
    }
    if (AUDIT_OUTPUTS.some((name) => options[name] !== undefined)) {
      const failure = await writeAudit(results, options, { cwd: io.cwd, kind, concurrency }, (more) =>
        io.stdout.write(more.map((line) => `${localize(line, lang)}\n`).join('')),
      );
      if (failure) {
        io.stderr.write(`nianbao audit: ${localize(failure, lang)}\n`);
        return EXIT.usage;
      }
      for (const file of [options.json, options.html, options.xlsx, options.dataset, options.notices])
        if (typeof file === 'string')
          io.stderr.write(`${localize({ zh: '已写入', en: 'wrote' }, lang)} ${file}\n`);
    }
    if (summary.notImported > 0) return EXIT.usage;
    return summary.withErrors > 0 ? EXIT.notOk : EXIT.ok;
  },
};

import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { AuditRow, ImportFileResult } from '@nianbao/import';
import type { AuditInput, LocalizedText } from '@nianbao/model';
import { type Command, type CommandContext, EXIT, langOption, UsageError } from '../command.js';
import { localize } from '../format/lang.js';
import { writeOutput } from '../write-output.js';
import { kindOption } from './import-shared.js';

/** File names audit picks up inside a directory. */
const REPORT_FILE = /\.(?:txt|html?|md|markdown|pdf|docx|doc|xlsx)$/i;

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

/** Expands directories (one level, report-like file names, sorted) and keeps files as given. */
async function collect(inputs: readonly string[], cwd: string): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    try {
      const info = await stat(resolve(cwd, input));
      if (info.isDirectory()) {
        const names = (await readdir(resolve(cwd, input))).filter((name) => REPORT_FILE.test(name)).sort();
        files.push(...names.map((name) => join(input, name)));
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

function csvField(value: unknown): string {
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

/**
 * `--json` and `--html`: the audit document (`buildRegionAudit`, with last year's reports from `--previous`
 * imported the same way) written as JSON and/or as the dashboard page. Returns what went wrong, if anything.
 */
async function writeAudit(
  results: readonly ImportFileResult[],
  options: CommandContext['options'],
  read: { cwd: string; kind: ReturnType<typeof kindOption>; concurrency: number | undefined },
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
  const audit = buildRegionAudit(inputsOf(results), previous ? { previous } : {});
  if (typeof options.json === 'string') {
    const failure = await writeOutput(options.json, read.cwd, `${JSON.stringify(audit)}\n`, true);
    if (failure) return failure.message;
  }
  if (typeof options.html === 'string') {
    const { renderAuditHtml } = await import('@nianbao/react/server');
    const failure = await writeOutput(options.html, read.cwd, renderAuditHtml(audit), true);
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
    'nianbao audit DIR|FILE… [--csv FILE] [--html FILE] [--json FILE] [--previous DIR] [--kind KIND] [--jobs N] [--lang zh|en]',
  positionals: {
    name: 'DIR|FILE…',
    description: {
      zh: '报告文件，或含报告文件（.txt .html .htm .md .pdf .docx .xlsx；.doc 列为无法读取）的目录',
      en: 'report files, or directories of them (.txt .html .htm .md .pdf .docx .xlsx; .doc is listed as unreadable)',
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
    if (typeof options.html === 'string' || typeof options.json === 'string') {
      const failure = await writeAudit(results, options, { cwd: io.cwd, kind, concurrency });
      if (failure) {
        io.stderr.write(`nianbao audit: ${localize(failure, lang)}\n`);
        return EXIT.usage;
      }
      for (const file of [options.json, options.html])
        if (typeof file === 'string')
          io.stderr.write(`${localize({ zh: '已写入', en: 'wrote' }, lang)} ${file}\n`);
    }
    if (summary.notImported > 0) return EXIT.usage;
    return summary.withErrors > 0 ? EXIT.notOk : EXIT.ok;
  },
};

import { mkdir, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { checkReport, type Finding, isReportOk, type Report } from '@nianbao/model/core';
import { seedReport } from '@nianbao/model/fixtures';
import type { PoolRenderOptions, RenderJob, RenderJobResult } from '@nianbao/pdf/node';
import { FONT_ROLES, type FontRole } from '@nianbao/pdf/roles';
import { type Command, type CommandContext, EXIT, langOption, UsageError } from '../command.js';
import { countFindings, type FormatOptions, formatCounts, formatFinding } from '../format/findings.js';
import { formatParseFailure } from '../format/issues.js';
import { localize } from '../format/lang.js';
import { readReportFile } from '../read-report.js';
import { type DocxJobResult, outputFormats, renderDocxJobs, withExtension } from './render-docx.js';

/** The file the bundled example renders to when no `-o` is given. */
const BUNDLED_OUTPUT = 'report.pdf';

/**
 * `--font role=FILE` (repeatable; `role=FILE,role=FILE` also accepted) → fonts per role, each file checked to
 * exist. A role given twice is a usage error rather than a silent "last one wins".
 */
async function parseFonts(
  value: string | boolean | readonly string[] | undefined,
  cwd: string,
): Promise<Partial<Record<FontRole, string>>> {
  const items = (typeof value === 'string' ? [value] : Array.isArray(value) ? value : []).flatMap(
    (v: string) => v.split(',').filter(Boolean),
  );
  const fonts: Partial<Record<FontRole, string>> = {};
  for (const item of items) {
    const eq = item.indexOf('=');
    const role = item.slice(0, eq) as FontRole;
    const path = item.slice(eq + 1);
    if (eq < 1 || !FONT_ROLES.includes(role) || path === '') {
      throw new UsageError({
        zh: `--font 应为 角色=字体文件，角色为 ${FONT_ROLES.join('、')}，实为 "${item}"`,
        en: `--font takes role=FILE with role one of ${FONT_ROLES.join(', ')}, got "${item}"`,
      });
    }
    if (fonts[role] !== undefined) {
      throw new UsageError({
        zh: `--font 重复指定了角色 ${role}`,
        en: `--font gives role ${role} more than once`,
      });
    }
    const absolute = resolve(cwd, path);
    const info = await stat(absolute).catch(() => undefined);
    if (!info?.isFile()) {
      throw new UsageError({ zh: `字体文件不存在：${path}`, en: `font file not found: ${path}` });
    }
    fonts[role] = absolute;
  }
  return fonts;
}

function outputFor(file: string, outDir: string | undefined, cwd: string): string {
  const name = `${basename(file, extname(file))}.pdf`;
  return resolve(cwd, outDir ?? dirname(file), name);
}

/**
 * The lines `render` prints under a report whose checks fail: a warning with the counts, naming what was written
 * all the same (`written`: PDF, DOCX or both), then each failing error or warning (status fail; uncertain findings and 提示 are `validate`'s to
 * list) with its cells in words. Empty when nothing fails.
 */
function checkWarning(
  source: string,
  findings: readonly Finding[],
  format: FormatOptions,
  written: readonly string[],
): string[] {
  const failing = findings.filter((finding) => finding.status === 'fail' && finding.severity !== 'info');
  if (failing.length === 0) return [];
  const { style } = format;
  const counts = formatCounts({ ...countFindings(failing), uncertain: 0 }, format.lang, false);
  const head = localize(
    {
      zh: `${source}：校核未通过（${counts}），${written.join(' 和 ')} 仍已生成；请先改正，详见 nianbao validate`,
      en: `${source}: the report fails its checks (${counts}); the ${written.join(' and ')} ${written.length > 1 ? 'were' : 'was'} written anyway; fix it first, see nianbao validate`,
    },
    format.lang,
  );
  return [
    `  ${style.yellow('⚠')} ${head}`,
    ...failing.map((finding) => `      ${formatFinding(finding, format)}`),
  ];
}

function progressBar(done: number, total: number): string {
  const width = 24;
  const filled = Math.round((done / total) * width);
  return `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`;
}

/**
 * `nianbao render [FILE…] [-o out.pdf | --out-dir DIR] [--font role=path]… [--draft] [--landscape] [--strict]`:
 * each report as a print-quality PDF. Several files render in parallel on a worker pool sized to the cores; a file
 * that cannot be parsed or rendered is reported with its reason while the others complete (exit 1). A report that
 * fails its checks is still rendered, with a warning naming the failing rules and cells; `--strict` makes a failing
 * error-severity check exit 1 (the PDF is written all the same, for review).
 */
export const renderCommand: Command = {
  name: 'render',
  summary: {
    zh: '生成 PDF 或可编辑的 Word 文档（GB/T 9704 版式）',
    en: 'render reports as print-quality PDFs or editable Word documents (GB/T 9704 layout)',
  },
  usage:
    'nianbao render [FILE…] [-o OUT.pdf | --out-dir DIR] [--format pdf|docx|both] [--font ROLE=FILE]… [--draft] [--landscape] [--strict]',
  positionals: {
    name: 'FILE…',
    description: {
      zh: 'Report JSON 文件；省略时生成内置示例（平罗县头闸镇人民政府 2022）到 report.pdf',
      en: 'Report JSON files; none: the bundled example (平罗县头闸镇人民政府 2022) to report.pdf',
    },
  },
  options: {
    out: {
      type: 'string',
      short: 'o',
      valueName: 'OUT.pdf',
      description: { zh: '输出文件（仅一个输入时）', en: 'output file (one input only)' },
    },
    'out-dir': {
      type: 'string',
      valueName: 'DIR',
      description: {
        zh: '输出目录（默认与输入文件同目录）',
        en: 'output directory (default: beside each input)',
      },
    },
    font: {
      type: 'string',
      multiple: true,
      valueName: 'ROLE=FILE',
      description: {
        zh: `指定字体（TTF/OTF），角色：${FONT_ROLES.join('、')}；可重复使用`,
        en: `use a font (TTF/OTF) for a role: ${FONT_ROLES.join(', ')}; repeat for several roles`,
      },
    },
    draft: {
      type: 'boolean',
      description: {
        zh: '草稿：加“草稿”水印并附校核结果页',
        en: 'draft: 草稿 watermark and a findings page',
      },
    },
    format: {
      type: 'string',
      valueName: 'pdf|docx|both',
      description: {
        zh: '输出格式：pdf（默认；-o 为 .docx 文件时为 docx）、docx（可编辑的 Word 公文）或 both',
        en: 'output format: pdf (default; docx when -o names a .docx file), docx (an editable Word document) or both',
      },
    },
    landscape: {
      type: 'boolean',
      description: { zh: '表格页横排', en: 'put the table pages in landscape' },
    },
    strict: {
      type: 'boolean',
      description: {
        zh: '校核有错误时退出码为 1（PDF 仍生成）',
        en: 'exit 1 when a report fails an error-severity check (the PDF is still written)',
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
      zh: '退出码：0 全部生成；1 有文件无法解析或生成（其余文件照常生成），或加 --strict 时有报告校核出错误；2 用法错误。',
      en: 'Exit codes: 0 all rendered; 1 a file could not be parsed or rendered (the others still are), or with --strict a report has errors; 2 usage error.',
    },
    {
      zh: '校核未通过的报告照常生成 PDF，并列出未通过的规则和单元格。',
      en: 'A report that fails its checks is still rendered, with a warning listing the failing rules and cells.',
    },
  ],

  async run(context: CommandContext): Promise<number> {
    const { options: values, positionals, style, io } = context;
    const format: FormatOptions = { lang: langOption(values.lang), style };
    const out = typeof values.out === 'string' ? values.out : undefined;
    const outDir = typeof values['out-dir'] === 'string' ? values['out-dir'] : undefined;
    if (out && positionals.length > 1) {
      throw new UsageError({
        zh: '多个输入文件时请用 --out-dir，不能用 -o',
        en: 'with several input files use --out-dir, not -o',
      });
    }
    if (out && outDir) {
      throw new UsageError({ zh: '-o 与 --out-dir 只能选一个', en: 'use either -o or --out-dir, not both' });
    }
    const formats = outputFormats(typeof values.format === 'string' ? values.format : undefined, out);
    const options: PoolRenderOptions = {
      fonts: await parseFonts(values.font, io.cwd),
      ...(values.draft === true ? { draft: true } : {}),
      ...(values.landscape === true ? { landscapeTables: true } : {}),
    };
    if (outDir) await mkdir(resolve(io.cwd, outDir), { recursive: true });

    // Parse everything first (cheap), then render what parsed on the pool.
    const jobs: RenderJob[] = [];
    const sources: string[] = [];
    // The checker's findings per job (same index), for the warning under each rendered report.
    const checks: Finding[][] = [];
    let failed = 0;
    const lines: string[] = [];
    if (positionals.length === 0) {
      const report: Report = seedReport;
      jobs.push({ report, path: resolve(io.cwd, out ?? join(outDir ?? '.', BUNDLED_OUTPUT)), options });
      checks.push(checkReport(report));
      sources.push(localize({ zh: '内置示例', en: 'bundled example' }, format.lang));
    }
    for (const file of positionals) {
      const read = await readReportFile(file, io.cwd);
      if (!read.ok) {
        failed += 1;
        lines.push(...formatParseFailure(file, read.errors, format));
        continue;
      }
      jobs.push({
        report: read.report,
        path: out ? resolve(io.cwd, out) : outputFor(file, outDir, io.cwd),
        options,
      });
      checks.push(checkReport(read.report));
      sources.push(file);
    }
    if (lines.length > 0) io.stderr.write(`${lines.join('\n')}\n`);

    // A PDF goes to the job's path as before; a DOCX to the same path ending in .docx (-o x.docx: that file).
    const pdfJobs = formats.includes('pdf') ? jobs : [];
    const docxJobs = formats.includes('docx')
      ? jobs.map((job, index) => ({
          index,
          report: job.report,
          path: withExtension(job.path, 'docx'),
          draft: values.draft === true,
        }))
      : [];
    const total = pdfJobs.length + docxJobs.length;
    const tty = io.stderr.isTTY === true && total > 1;
    let done = 0;
    const progress = (): void => {
      done += 1;
      if (tty) io.stderr.write(progressBar(done, total));
    };
    // Loaded here, not at the top, and from the Node entry: its pool renders with the bundled, code-cached renderer
    // and does not import react-pdf's modules, which every other command (and `render --help`) would otherwise pay.
    const results: (RenderJobResult | DocxJobResult)[] =
      pdfJobs.length > 0
        ? await (await import('@nianbao/pdf/node')).renderPdfFiles(pdfJobs, { onResult: progress })
        : [];
    results.push(...(await renderDocxJobs(docxJobs, progress)));
    if (tty) io.stderr.write('\n');

    let strictFailures = 0;
    const checked = new Set<number>();
    for (const result of results) {
      const source = sources[result.index] ?? '';
      const findings = checks[result.index] ?? [];
      if (!result.ok) {
        failed += 1;
        io.stderr.write(
          `  ${style.red('✗')} ${style.bold(source)} — ${localize({ zh: `无法生成 ${result.path.endsWith('.docx') ? 'DOCX' : 'PDF'}：${result.error}`, en: `cannot render: ${result.error}` }, format.lang)}\n`,
        );
        continue;
      }
      io.stdout.write(`  ${style.green('✓')} ${source} → ${result.path} (${Math.round(result.ms)} ms)\n`);
      for (const warning of result.warnings) {
        io.stderr.write(`  ${style.yellow('⚠')} ${source}: ${localize(warning.message, format.lang)}\n`);
      }
      // The checks once per report, though it may be written in two formats.
      if (checked.has(result.index)) continue;
      checked.add(result.index);
      // Name what was written for this report: PDF, DOCX, or both.
      const written = results
        .filter((r) => r.ok && r.index === result.index)
        .map((r) => (r.path.endsWith('.docx') ? 'DOCX' : 'PDF'));
      const warning = checkWarning(source, findings, format, [...new Set(written)]);
      if (warning.length > 0) io.stderr.write(`${warning.join('\n')}\n`);
      if (!isReportOk(findings)) strictFailures += 1;
    }
    return failed > 0 || (values.strict === true && strictFailures > 0) ? EXIT.notOk : EXIT.ok;
  },
};

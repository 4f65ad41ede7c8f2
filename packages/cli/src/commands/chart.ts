import { extname } from 'node:path';
import type { Report } from '@nianbao/model';
import { type CliIo, type Command, type CommandContext, EXIT, UsageError } from '../command.js';
import type { FormatOptions } from '../format/findings.js';
import { formatFileSummary, formatParseFailure } from '../format/issues.js';
import { localize } from '../format/lang.js';
import type { Style } from '../format/style.js';
import { readReportFile } from '../read-report.js';
import { writeOutput } from '../write-output.js';
import { formatNote, importFile } from './import-shared.js';

/**
 * Reads one report: Report JSON as `validate` reads it, any other file (PDF, DOCX, XLSX, HTML, text) through the
 * importer. Failure: the same located lines the other commands print, on stderr, and `undefined`.
 */
async function readAnyReport(file: string, io: CliIo, style: Style): Promise<Report | undefined> {
  if (extname(file).toLowerCase() === '.json') {
    const read = await readReportFile(file, io.cwd);
    if (read.ok) return read.report;
    const format: FormatOptions = { lang: 'both', style };
    const lines = [
      ...formatParseFailure(file, read.errors, format),
      formatFileSummary({ kind: 'unreadable', file, errors: read.errors }, format),
    ];
    io.stderr.write(`${lines.join('\n')}\n`);
    return undefined;
  }
  const imported = await importFile(file, io.cwd, 'auto');
  if (imported.ok) return imported.report;
  const lines = [
    `${file}: ${localize({ zh: '无法读取报告', en: 'the report could not be read' }, 'both')}`,
    ...imported.notes.map((note) => `  ${formatNote(note, 'both', style)}`),
  ];
  io.stderr.write(`${lines.join('\n')}\n`);
  return undefined;
}

function outputKind(output: string): 'svg' | 'png' {
  const ext = extname(output).toLowerCase();
  if (ext === '.svg') return 'svg';
  if (ext === '.png') return 'png';
  throw new UsageError({
    zh: `-o 的文件名应以 .svg 或 .png 结尾，实为 "${output}"`,
    en: `-o must name a .svg or .png file, got "${output}"`,
  });
}

async function write(command: string, io: CliIo, file: string, data: string | Uint8Array): Promise<boolean> {
  const failure = await writeOutput(file, io.cwd, data, true);
  if (!failure) {
    io.stdout.write(`${localize({ zh: '已写入', en: 'wrote' }, 'both')} ${file}\n`);
    return true;
  }
  io.stderr.write(`nianbao ${command}: ${localize(failure.message, 'both')}\n`);
  return false;
}

/**
 * `nianbao chart FILE [--previous FILE] -o chart.svg|chart.png [--alt alt.txt]`: the year's figures as an
 * infographic (图解) — 表二's figures, applications by applicant and by outcome, 复议/诉讼 results, and with
 * `--previous` both years and the changes — as SVG or PNG, with its text alternative on stdout or in `--alt`.
 */
export const chartCommand: Command = {
  name: 'chart',
  summary: {
    zh: '把报告的数字画成图解（SVG 或 PNG），附文字说明',
    en: "draw the report's figures as an infographic (SVG or PNG) with a text alternative",
  },
  usage: 'nianbao chart FILE [--previous FILE] -o chart.svg|chart.png [--alt FILE] [--text outlines|fonts]',
  positionals: {
    name: 'FILE',
    description: {
      zh: 'Report JSON 文件，或 import 能读取的 PDF、DOCX、XLSX、HTML、文本文件',
      en: 'a Report JSON file, or a PDF, DOCX, XLSX, HTML or text file that import reads',
    },
  },
  options: {
    output: {
      type: 'string',
      short: 'o',
      valueName: 'FILE',
      description: {
        zh: '写入图解：.svg（矢量）或 .png（用内置 Noto 字体绘制）；覆盖已有文件',
        en: 'write the chart: .svg (vector) or .png (drawn with the bundled Noto fonts); replaces the file',
      },
    },
    previous: {
      type: 'string',
      valueName: 'FILE',
      description: {
        zh: '上一年度的报告：每幅图同时画两年，并列出增减（箭头与百分比）',
        en: "last year's report: each chart shows both years, and the changes are listed (arrows and percentages)",
      },
    },
    text: {
      type: 'string',
      valueName: 'outlines|fonts',
      description: {
        zh: 'SVG 中的文字：outlines（默认，内置 Noto 字体的字形轮廓，任何电脑上显示相同）或 fonts（<text>，按名称引用 Noto 字体，文件更小，可选中复制）',
        en: 'text in the SVG: outlines (default: the bundled Noto glyph outlines, the same on every machine) or fonts (<text> naming the Noto fonts: smaller, selectable)',
      },
    },
    alt: {
      type: 'string',
      valueName: 'FILE',
      description: {
        zh: '把文字说明（图中全部数字）写入文件，而非标准输出',
        en: 'write the text alternative (every figure in the chart) to FILE instead of stdout',
      },
    },
  },
  notes: [
    {
      zh: '标签取自法定表格原文；未填写的单元格显示为“未填报”，不画成 0。退出码：0 成功；2 用法错误或输入无法读取/解析；70 内部错误',
      en: "Labels are the statutory tables' own; a blank cell reads 未填报 and is never drawn as 0. Exit codes: 0 OK; 2 bad usage or unreadable/unparsable input; 70 internal error",
    },
  ],

  async run({ options, positionals, io, style }: CommandContext): Promise<number> {
    if (positionals.length !== 1) {
      throw new UsageError({ zh: '需要恰好一个报告文件', en: 'give exactly one report file' });
    }
    if (typeof options.output !== 'string') {
      throw new UsageError({
        zh: '缺少 -o chart.svg 或 -o chart.png',
        en: 'missing -o chart.svg or -o chart.png',
      });
    }
    const kind = outputKind(options.output);
    const text = options.text ?? 'outlines';
    if (text !== 'outlines' && text !== 'fonts') {
      throw new UsageError({
        zh: `--text 只能是 outlines 或 fonts，实为 "${String(text)}"`,
        en: `--text must be outlines or fonts, got "${String(text)}"`,
      });
    }
    const report = await readAnyReport(positionals[0] as string, io, style);
    if (!report) return EXIT.usage;
    let previous: Report | undefined;
    if (typeof options.previous === 'string') {
      previous = await readAnyReport(options.previous, io, style);
      if (!previous) return EXIT.usage;
    }
    // Loaded on use: Plot, its DOM shim and resvg would otherwise add to every command's start-up.
    const { reportChartSvg } = await import('@nianbao/charts');
    const chart = reportChartSvg(report, { ...(previous ? { previous } : {}), text });
    let data: string | Uint8Array = chart.svg;
    if (kind === 'png') {
      const { svgToPng } = await import('@nianbao/charts/png');
      data = svgToPng(chart.svg);
    }
    if (!(await write('chart', io, options.output, data))) return EXIT.usage;
    if (typeof options.alt === 'string') {
      if (!(await write('chart', io, options.alt, chart.alt))) return EXIT.usage;
    } else {
      io.stdout.write(chart.alt);
    }
    return EXIT.ok;
  },
};

import { isReportOk, statutoryCells } from '@nianbao/model/core';
import {
  type Command,
  type CommandContext,
  EXIT,
  langOption,
  OUTPUT_OPTION,
  UsageError,
  VERBOSE_OPTION,
} from '../command.js';
import { type FormatOptions, formatFindings, formatSummary } from '../format/findings.js';
import { localize } from '../format/lang.js';
import { writeOutput } from '../write-output.js';
import { formatNote, importFile, kindOption, metaOptions } from './import-shared.js';

/**
 * `nianbao import FILE [-o report.json] [--kind text|html|markdown|auto] [--lang zh|en]`: a published report
 * (PDF, DOCX, text, pdftotext output, markdown, HTML; the format told from the bytes) in, Report JSON out (stdout or -o); how it was read (notes) and
 * what the checks found go to stderr. Exit 0 imported, 1 imported but the report has failing errors,
 * 2 the file cannot be read or holds no report tables.
 */
export const importCommand: Command = {
  name: 'import',
  summary: {
    zh: '把已发布的年度报告（PDF、Word 文档、Excel 工作簿、文本、HTML、markdown）读成报告 JSON',
    en: 'read a published report (PDF, Word document, Excel workbook, text, HTML, markdown) into report JSON',
  },
  usage:
    'nianbao import FILE [-o FILE] [--kind text|html|markdown|auto] [--year N] [--agency NAME] [--lang zh|en]',
  positionals: {
    name: 'FILE',
    description: {
      zh: '报告的 PDF（有文字层）、Word 文档（.docx 或 Word 97–2003 的 .doc）、Excel 工作簿（.xlsx）、网页（HTML）、网页文字、pdftotext -layout 输出或 markdown（UTF-8、UTF-16 或 GBK）；格式按文件内容识别，不看扩展名',
      en: 'the report as a PDF (with a text layer), a Word document (.docx, or .doc from Word 97–2003), an Excel workbook (.xlsx), its page (HTML), its text, pdftotext -layout output or markdown (UTF-8, UTF-16 or GBK); the format is recognised from the bytes, not the name',
    },
  },
  options: {
    output: OUTPUT_OPTION,
    kind: {
      type: 'string',
      valueName: 'KIND',
      description: { zh: '输入类型（默认 auto：自动判断）', en: 'input kind (default auto: detect)' },
    },
    year: {
      type: 'string',
      valueName: 'N',
      description: {
        zh: '报告年度，仅在文中没有写明时使用（文中写明的优先）',
        en: 'the report year, used only when the text does not state it (what the text states wins)',
      },
    },
    agency: {
      type: 'string',
      valueName: 'NAME',
      description: {
        zh: '报告机关名称，仅在文中没有写明时使用',
        en: 'the reporting body, used only when the text does not name it',
      },
    },
    lang: {
      type: 'string',
      valueName: 'zh|en',
      description: {
        zh: '说明只用一种语言（默认中英双语）',
        en: 'print notes in one language (default: both)',
      },
    },
    verbose: VERBOSE_OPTION,
  },
  notes: [
    {
      zh: '读取说明（格式为 2019 年版、数字连写有多种读法、单元格附注、缺少的表格等）和核对结果写到标准错误。没有的数值留空（null），从不补 0。退出码：0 已导入；1 已导入但报告有错误；2 无法读取或没有报告表格；70 内部错误。',
      en: 'Reading notes (2019 format, run-together digits with several readings, cell notes, missing tables…) and check findings go to stderr. Values the input does not give are null, never 0. Exit codes: 0 imported; 1 imported but the report has errors; 2 unreadable or no report tables; 70 internal error.',
    },
  ],

  async run({ options, positionals, io, style }: CommandContext): Promise<number> {
    const file = positionals[0];
    if (file === undefined || positionals.length > 1) {
      throw new UsageError({ zh: '需要且只能给一个文件', en: 'give exactly one file' });
    }
    const lang = langOption(options.lang);
    const format: FormatOptions = { lang, style, verbose: options.verbose === true };
    const result = await importFile(
      file,
      io.cwd,
      kindOption(options.kind),
      metaOptions(options.year, options.agency),
    );
    if (!result.ok) {
      const reasons = result.notes.map((note) => localize(note.message, lang));
      io.stderr.write(`nianbao import: ${file}: ${reasons.join('; ')}\n`);
      return EXIT.usage;
    }
    const json = `${JSON.stringify(result.report, null, 2)}\n`;
    if (typeof options.output === 'string') {
      const failure = await writeOutput(options.output, io.cwd, json, true);
      if (failure) {
        io.stderr.write(`nianbao import: ${localize(failure.message, lang)}\n`);
        return EXIT.usage;
      }
    } else {
      io.stdout.write(json);
    }
    const { read, inferred, missing } = result.confidence;
    const layouts = Object.entries(result.layouts)
      .map(([table, layout]) => `${table}=${layout}`)
      .join(' ');
    const lines = [
      style.bold(
        `${localize({ zh: '文件', en: 'file' }, lang)}: ${file} — ${result.report.meta.agency} ${result.report.meta.year}`,
      ),
      localize(
        {
          zh: `单元格：读取 ${read.length}，推断 ${inferred.length}，缺失 ${missing.length}（共 ${statutoryCells().length}）；版式 ${layouts}`,
          en: `cells: ${read.length} read, ${inferred.length} inferred, ${missing.length} missing (of ${statutoryCells().length}); layouts ${layouts}`,
        },
        lang,
      ),
      ...result.notes.map((note) => formatNote(note, lang, style)),
      ...formatFindings(result.findings, format),
      formatSummary(result.findings, isReportOk(result.findings), format),
    ];
    if (typeof options.output === 'string')
      lines.push(`${localize({ zh: '已写入', en: 'wrote' }, lang)} ${options.output}`);
    io.stderr.write(`${lines.join('\n')}\n`);
    return isReportOk(result.findings) ? EXIT.ok : EXIT.notOk;
  },
};

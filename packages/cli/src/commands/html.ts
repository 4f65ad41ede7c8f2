import type { Report } from '@nianbao/model';
import { seedReport } from '@nianbao/model/fixtures';
import { type Command, type CommandContext, EXIT, OUTPUT_OPTION, UsageError } from '../command.js';
import type { FormatOptions } from '../format/findings.js';
import { formatFileSummary, formatParseFailure } from '../format/issues.js';
import { readReportFile } from '../read-report.js';
import { printOrWrite } from '../write-output.js';

/**
 * `nianbao html [FILE] [-o out.html] [--fragment] [--checks]`: the report as self-contained HTML (stylesheet
 * inlined) for a CMS editor to paste: a whole document, or with `--fragment` one `<div class="nb-report">`. By
 * default only the statute's content (publishable); `--checks` adds the cross-check rows for a review page. No
 * FILE: the bundled example. A file that cannot be read or parsed is reported as `validate` reports it (exit 2).
 */
export const htmlCommand: Command = {
  name: 'html',
  summary: {
    zh: '把报告输出为可粘贴到网站的 HTML（样式内嵌）',
    en: 'print the report as self-contained HTML to paste into a website',
  },
  usage: 'nianbao html [FILE] [-o FILE] [--fragment] [--checks]',
  positionals: {
    name: 'FILE',
    description: {
      zh: 'Report JSON 文件（UTF-8）；省略时输出内置示例（平罗县头闸镇人民政府 2022）',
      en: 'a Report JSON file (UTF-8); none: the bundled example (平罗县头闸镇人民政府 2022)',
    },
  },
  options: {
    output: OUTPUT_OPTION,
    fragment: {
      type: 'boolean',
      description: {
        zh: '只输出一个 <div class="nb-report">（含 <style>），供粘贴到已有页面',
        en: 'print one <div class="nb-report"> (with its <style>) to paste into an existing page',
      },
    },
    checks: {
      type: 'boolean',
      description: {
        zh: '审核用：在表格下加勾稽关系核对行并标出有问题的单元格（这些行不属于法定格式，请勿发布）',
        en: 'for review: add the cross-check rows under the tables and mark failing cells (not part of the statutory format; do not publish)',
      },
    },
  },
  notes: [
    {
      zh: '默认只输出法定的表格和正文，可直接发布；--checks 的输出供内部审核',
      en: "By default only the statute's tables and text, ready to publish; output with --checks is for internal review",
    },
    {
      zh: '所有报告文字都经过转义；输出不含脚本。退出码：0 成功；2 用法错误或输入无法读取/解析；70 内部错误',
      en: 'All report text is escaped; the output has no scripts. Exit codes: 0 OK; 2 bad usage or unreadable/unparsable input; 70 internal error',
    },
  ],

  async run({ options, positionals, io, style }: CommandContext): Promise<number> {
    if (positionals.length > 1) {
      throw new UsageError({ zh: '只能给一个文件', en: 'give at most one file' });
    }
    const file = positionals[0];
    let report: Report = seedReport;
    if (file !== undefined) {
      const read = await readReportFile(file, io.cwd);
      if (!read.ok) {
        // The same lines `validate` prints for an unreadable file, on stderr: stdout is reserved for the HTML.
        const format: FormatOptions = { lang: 'both', style };
        const lines = [
          ...formatParseFailure(file, read.errors, format),
          formatFileSummary({ kind: 'unreadable', file, errors: read.errors }, format),
        ];
        io.stderr.write(`${lines.join('\n')}\n`);
        return EXIT.usage;
      }
      report = read.report;
    }
    // Loaded on use: React's server renderer would otherwise add to every command's start-up.
    const { renderReportHtml } = await import('@nianbao/react/server');
    const html = renderReportHtml(report, {
      fragment: options.fragment === true,
      checks: options.checks === true,
    });
    const text = html.endsWith('\n') ? html : `${html}\n`;
    return printOrWrite('html', typeof options.output === 'string' ? options.output : undefined, io, text);
  },
};

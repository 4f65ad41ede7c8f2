import type { LocalizedText } from '@nianbao/model';
import type { Command, OptionSpec } from '../command.js';
import { localize } from './lang.js';

/** The options every command accepts besides its own. */
export const HELP_OPTION: OptionSpec = {
  type: 'boolean',
  short: 'h',
  description: { zh: '显示帮助', en: 'show this help' },
};

const TAGLINE: LocalizedText = {
  zh: '政府信息公开工作年度报告（2021 年格式）检查工具',
  en: "checks China's annual government information disclosure reports (2021 format)",
};

/** Exit codes as help prints them. */
export const EXIT_CODES_TEXT: LocalizedText = {
  zh: '退出码：0 通过；1 发现错误；2 用法错误或输入无法读取/解析；70 内部错误',
  en: 'exit codes: 0 OK; 1 errors found; 2 bad usage or unreadable/unparsable input; 70 internal error',
};

function optionSynopsis(name: string, spec: OptionSpec): string {
  const long = `--${name}${spec.type === 'string' ? ` ${spec.valueName ?? 'VALUE'}` : ''}`;
  return spec.short ? `-${spec.short}, ${long}` : `    ${long}`;
}

/** Two-column rows `left  right`, the left column padded to its widest entry. */
function table(rows: readonly [string, string][]): string[] {
  const width = Math.max(0, ...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`);
}

/** `nianbao --help`: what nianbao is, the commands, the global options, the exit codes. */
export function formatMainHelp(commands: readonly Command[], version: string): string {
  const lines = [
    `nianbao ${version} — ${localize(TAGLINE, 'both')}`,
    '',
    '用法 usage: nianbao <命令 command> [选项 options]',
    '',
    '命令 commands:',
    ...table(commands.map((command) => [command.name, localize(command.summary, 'both')])),
    '',
    '选项 options:',
    ...table([
      ['-h, --help', localize({ zh: '显示帮助', en: 'show this help' }, 'both')],
      ['-v, --version', localize({ zh: '显示版本', en: 'show the version' }, 'both')],
    ]),
    '',
    localize(
      { zh: '每个命令的选项：nianbao <命令> --help', en: "a command's options: nianbao <command> --help" },
      'both',
    ),
    localize(EXIT_CODES_TEXT, 'both'),
  ];
  return `${lines.join('\n')}\n`;
}

/** `nianbao <command> --help`: usage, arguments, options (with `-h, --help`), notes. */
export function formatCommandHelp(command: Command): string {
  const lines = [
    `nianbao ${command.name} — ${localize(command.summary, 'both')}`,
    '',
    `用法 usage: ${command.usage}`,
  ];
  if (command.positionals) {
    lines.push(
      '',
      '参数 arguments:',
      ...table([[command.positionals.name, localize(command.positionals.description, 'both')]]),
    );
  }
  const options: [string, string][] = Object.entries(command.options).map(([name, spec]) => [
    optionSynopsis(name, spec),
    localize(spec.description, 'both'),
  ]);
  options.push([optionSynopsis('help', HELP_OPTION), localize(HELP_OPTION.description, 'both')]);
  lines.push('', '选项 options:', ...table(options));
  for (const note of command.notes ?? []) lines.push('', localize(note, 'both', '\n'));
  return `${lines.join('\n')}\n`;
}

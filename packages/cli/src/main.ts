import { readFileSync } from 'node:fs';
import { parseCommandArgs } from './args.js';
import { type CliIo, type Command, EXIT, UsageError } from './command.js';
import { auditCommand } from './commands/audit.js';
import { chartCommand } from './commands/chart.js';
import { htmlCommand } from './commands/html.js';
import { importCommand } from './commands/import.js';
import { initCommand } from './commands/init.js';
import { renderCommand } from './commands/render.js';
import { schemaCommand } from './commands/schema.js';
import { serveCommand } from './commands/serve.js';
import { validateCommand } from './commands/validate.js';
import { formatCommandHelp, formatMainHelp } from './format/help.js';
import { localize } from './format/lang.js';
import { styleFor } from './format/style.js';

export type { CliIo, CliStream } from './command.js';
export { processIo } from './process-io.js';

/**
 * Every command, in help order. Adding a command is one file in `commands/` and one entry here.
 */
export const COMMANDS: readonly Command[] = [
  validateCommand,
  renderCommand,
  htmlCommand,
  importCommand,
  auditCommand,
  chartCommand,
  schemaCommand,
  initCommand,
  serveCommand,
];

/** The CLI's version, from its package.json (one directory above both `src/` and `dist/`). */
export function cliVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version?: unknown;
  };
  return typeof manifest.version === 'string' ? manifest.version : '0.0.0';
}

function usageError(io: CliIo, command: Command | undefined, error: UsageError): number {
  const who = command ? `nianbao ${command.name}` : 'nianbao';
  const lines = [`${who}: ${localize(error.text, 'both')}`];
  if (command) {
    lines.push(
      `用法 usage: ${command.usage}`,
      `${localize({ zh: '帮助', en: 'help' }, 'both')}: ${who} --help`,
    );
  } else {
    lines.push('', formatMainHelp(COMMANDS, cliVersion()).trimEnd());
  }
  io.stderr.write(`${lines.join('\n')}\n`);
  return EXIT.usage;
}

async function dispatch(
  argv: readonly string[],
  io: CliIo,
  env: Readonly<Record<string, string | undefined>>,
): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    return usageError(io, undefined, new UsageError({ zh: '缺少命令', en: 'missing command' }));
  }
  if (first === '-h' || first === '--help') {
    io.stdout.write(formatMainHelp(COMMANDS, cliVersion()));
    return EXIT.ok;
  }
  if (first === '-v' || first === '--version') {
    io.stdout.write(`${cliVersion()}\n`);
    return EXIT.ok;
  }
  if (first === 'help') {
    const topic = COMMANDS.find((command) => command.name === rest[0]);
    io.stdout.write(topic ? formatCommandHelp(topic) : formatMainHelp(COMMANDS, cliVersion()));
    return EXIT.ok;
  }
  if (first.startsWith('-')) {
    return usageError(
      io,
      undefined,
      new UsageError({ zh: `未知选项 ${first}`, en: `unknown option ${first}` }),
    );
  }
  const command = COMMANDS.find((candidate) => candidate.name === first);
  if (!command) {
    return usageError(
      io,
      undefined,
      new UsageError({ zh: `未知命令 "${first}"`, en: `unknown command "${first}"` }),
    );
  }
  try {
    const { options, positionals } = parseCommandArgs(command, rest);
    if (options.help === true) {
      io.stdout.write(formatCommandHelp(command));
      return EXIT.ok;
    }
    return await command.run({ options, positionals, io, env, style: styleFor(io.stdout, env) });
  } catch (error) {
    if (error instanceof UsageError) return usageError(io, command, error);
    throw error;
  }
}

/**
 * Runs `nianbao` with `argv` (the arguments after the program name) and resolves to the exit code:
 * 0 OK, 1 a report has errors, 2 bad usage or unreadable input, 70 internal error. Never rejects: an
 * unexpected exception becomes a one-line bilingual message on stderr (the stack only with
 * `NIANBAO_DEBUG=1`) and exit 70.
 */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const env = io.env ?? process.env;
  try {
    return await dispatch(argv, io, env);
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ');
    const debug = env.NIANBAO_DEBUG === '1';
    const hint = debug ? '' : ' (NIANBAO_DEBUG=1 显示调用栈 / shows the stack)';
    try {
      io.stderr.write(`nianbao: 内部错误 / internal error: ${message}${hint}\n`);
      if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    } catch {
      // Nothing is left to report to if stderr itself fails.
    }
    return EXIT.internal;
  }
}

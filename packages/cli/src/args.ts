import { parseArgs } from 'node:util';
import type { Command, OptionSpec, OptionValues } from './command.js';
import { UsageError } from './command.js';
import { HELP_OPTION } from './format/help.js';

/** A command line split into option values and positionals. */
export interface ParsedArgs {
  /** Long option name → value (`true` for a flag, a string otherwise); absent options are `undefined`. */
  options: OptionValues;
  /** Positional arguments, in order. */
  positionals: string[];
}

/** The first `'…'`-quoted token of a `parseArgs` error message, without its ` <value>` placeholder. */
function quoted(message: string): string | undefined {
  return /'([^']*)'/.exec(message)?.[1]?.replace(/ <value>$/, '');
}

/** `-o, --output` for a declared option named by `-o`, `--output` or `-o, --output`; the token itself otherwise. */
function optionDisplay(token: string, options: Readonly<Record<string, OptionSpec>>): string {
  const word = token.split(',')[0]?.trim() ?? token;
  for (const [name, spec] of Object.entries(options)) {
    if (word === `--${name}` || (spec.short !== undefined && word === `-${spec.short}`)) {
      return spec.short ? `-${spec.short}, --${name}` : `--${name}`;
    }
  }
  return token;
}

/**
 * Turns `parseArgs`' English error into a bilingual `UsageError`. Node's messages are not a stable API, so
 * the code decides the kind and the quoted token is only used when present.
 */
export function translateParseError(error: unknown, command: Pick<Command, 'name' | 'options'>): UsageError {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  const token = optionDisplay(quoted(message) ?? '', command.options);
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new UsageError({ zh: `未知选项 ${token}`, en: `unknown option ${token}` });
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return new UsageError({
        zh: `${command.name} 命令不接受参数 "${token}"`,
        en: `${command.name} takes no arguments, got "${token}"`,
      });
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (message.includes('does not take an argument')) {
        return new UsageError({ zh: `选项 ${token} 不接受值`, en: `option ${token} does not take a value` });
      }
      // "argument missing", or "ambiguous" when the next word starts with "-" (e.g. `-o --force`).
      return new UsageError({ zh: `选项 ${token} 需要一个值`, en: `option ${token} needs a value` });
    default:
      return new UsageError({
        zh: `无法解析命令行：${message}`,
        en: `cannot parse the command line: ${message}`,
      });
  }
}

/**
 * Parses a command's arguments strictly (unknown options and unexpected positionals are errors), with
 * `-h, --help` added to every command.
 * @throws UsageError with a bilingual message.
 */
export function parseCommandArgs(command: Command, argv: readonly string[]): ParsedArgs {
  const specs: Record<string, OptionSpec> = { ...command.options, help: HELP_OPTION };
  const options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {};
  for (const [name, spec] of Object.entries(specs)) {
    options[name] = {
      type: spec.type,
      ...(spec.short ? { short: spec.short } : {}),
      ...(spec.multiple ? { multiple: true } : {}),
    };
  }
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options,
      strict: true,
      allowPositionals: command.positionals !== undefined,
    });
    return { options: values as OptionValues, positionals };
  } catch (error) {
    throw translateParseError(error, { name: command.name, options: specs });
  }
}

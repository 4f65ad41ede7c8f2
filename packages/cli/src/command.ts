import type { LocalizedText } from '@nianbao/model';
import type { Lang } from './format/lang.js';
import type { Style } from './format/style.js';

/** A stream the CLI writes to: `process.stdout`, `process.stderr`, or a test's collector. */
export interface CliStream {
  /** Writes text as is (the CLI adds its own newlines). */
  write(text: string): unknown;
  /** True when the stream is a terminal; colour is used only then. */
  isTTY?: boolean;
}

/** Everything the CLI touches outside itself, so `main()` runs in-process in tests. */
export interface CliIo {
  /** Reports, schemas and help go here. */
  stdout: CliStream;
  /** Usage errors and internal errors go here. */
  stderr: CliStream;
  /** The directory relative paths are resolved against. */
  cwd: string;
  /** Environment (`NO_COLOR`, `NIANBAO_DEBUG`); `process.env` when absent. */
  env?: Record<string, string | undefined>;
}

/** One option a command accepts, as `node:util` `parseArgs` declares it plus what help prints. */
export interface OptionSpec {
  /** `boolean` for a flag, `string` for an option that takes a value. */
  type: 'boolean' | 'string';
  /** One-letter alias, e.g. `o` for `-o`. */
  short?: string;
  /** The option may be given several times; its value is then every occurrence, in order. */
  multiple?: boolean;
  /** Placeholder shown in help for a string option's value, e.g. `FILE`. */
  valueName?: string;
  /** What the option does. */
  description: LocalizedText;
}

/** The values of a command's options after parsing: flags are booleans, the rest strings (arrays when `multiple`). */
export type OptionValues = Readonly<Record<string, string | boolean | readonly string[] | undefined>>;

/** What a command's `run` receives. */
export interface CommandContext {
  /** Parsed option values, keyed by long option name. */
  options: OptionValues;
  /** Positional arguments, in order. */
  positionals: readonly string[];
  /** The streams, working directory and environment. */
  io: CliIo;
  /** `NIANBAO_DEBUG`-aware environment, already defaulted to `process.env`. */
  env: Readonly<Record<string, string | undefined>>;
  /** Colour or plain styling for stdout (colour only on a TTY without `NO_COLOR`). */
  style: Style;
}

/**
 * A subcommand of `nianbao`. Each lives in `src/commands/<name>.ts` and is registered in the one table in
 * `main.ts`; `main` parses its options (strict), handles `--help`, and maps usage errors to exit 2.
 */
export interface Command {
  /** The word after `nianbao`, e.g. `validate`. */
  readonly name: string;
  /** One line for the command list in `nianbao --help`. */
  readonly summary: LocalizedText;
  /** The synopsis, e.g. `nianbao schema [-o FILE]`. */
  readonly usage: string;
  /** Long option name → spec. `--help`/`-h` is added to every command by `main`. */
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** What positional arguments mean; absent when the command takes none. */
  readonly positionals?: { readonly name: string; readonly description: LocalizedText };
  /** Extra paragraphs for `nianbao <command> --help` (exit codes, output formats). */
  readonly notes?: readonly LocalizedText[];
  /** Runs the command and resolves to its exit code. May throw `UsageError` for bad option values. */
  run(context: CommandContext): Promise<number>;
}

/** Exit codes shared by every command. */
export const EXIT = {
  /** Success; for `validate`, the report(s) have no failing error-severity finding. */
  ok: 0,
  /** `validate`: at least one report has a failing error-severity finding. */
  notOk: 1,
  /** Bad usage or input that cannot be read, parsed or written. */
  usage: 2,
  /** A bug in nianbao (EX_SOFTWARE): an unexpected exception. */
  internal: 70,
} as const;

/** A mistake in how the command was called; `main` prints the message and the command's usage, exit 2. */
export class UsageError extends Error {
  /** The bilingual explanation printed to the user. */
  readonly text: LocalizedText;

  /** @param text what was wrong, in Chinese and English. */
  constructor(text: LocalizedText) {
    super(text.en);
    this.name = 'UsageError';
    this.text = text;
  }
}

/** `-o FILE` of the commands that write one document (html, import, schema): stdout unless given. */
export const OUTPUT_OPTION: OptionSpec = {
  type: 'string',
  short: 'o',
  valueName: 'FILE',
  description: {
    zh: '写入文件（覆盖已有文件）而非标准输出',
    en: 'write to FILE (replacing it) instead of stdout',
  },
};

/** `--verbose` of the commands that print check findings: list every uncertain finding instead of counting them. */
export const VERBOSE_OPTION: OptionSpec = {
  type: 'boolean',
  description: {
    zh: '逐条列出待定的核对（默认超过 3 条时按规则计数）',
    en: 'list every undecided check (by default more than 3 are counted by rule)',
  },
};

/** Lang choice `--lang` gives a command that prints messages; `both` when the flag is absent. */
export function langOption(value: OptionValues[string]): Lang {
  if (value === undefined) return 'both';
  if (value === 'zh' || value === 'en') return value;
  throw new UsageError({
    zh: `--lang 只能是 zh 或 en，实为 "${String(value)}"`,
    en: `--lang must be zh or en, got "${String(value)}"`,
  });
}

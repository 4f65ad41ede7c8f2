/**
 * @nianbao/cli — the `nianbao` command: validate, schema, init, render (PDF), html, import and audit.
 * The package's public API is `main`, for running the CLI in-process (tests, wrappers).
 */

export type {
  CliIo,
  CliStream,
  Command,
  CommandContext,
  OptionSpec,
  OptionValues,
} from './command.js';
export { EXIT, UsageError } from './command.js';
export { COMMANDS, cliVersion, main } from './main.js';
export { processIo } from './process-io.js';

import { main } from '../src/main.js';

/** What one in-process run of `main` produced. */
export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr together, for "never prints X" checks. */
  all: string;
}

/** Options for `run`: the working directory, the environment, whether stdout / stderr pretend to be a terminal. */
export interface RunOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  tty?: boolean;
  stderrTty?: boolean;
}

/** Runs `main(argv)` with collecting streams; the environment is empty unless given (no NO_COLOR leaks in). */
export async function run(argv: string[], options: RunOptions = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: {
      write: (text: string) => {
        stdout += text;
        return true;
      },
      isTTY: options.tty ?? false,
    },
    stderr: {
      write: (text: string) => {
        stderr += text;
        return true;
      },
      isTTY: options.stderrTty ?? false,
    },
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? {},
  });
  return { code, stdout, stderr, all: stdout + stderr };
}

/** A line of a JavaScript stack trace, which user-facing output must never contain. */
export const STACK_LINE: RegExp = /^\s+at /m;

import { parseArgs } from 'node:util';
import type { LocalizedText } from '@nianbao/model';
import { type ServeOptions, serve } from './listen.js';

/** The string options of `nianbao serve` / `nianbao-server`, as given on the command line. */
export interface ServeArgs {
  readonly port?: string | undefined;
  readonly host?: string | undefined;
  readonly workers?: string | undefined;
  readonly queue?: string | undefined;
  readonly 'body-limit'?: string | undefined;
  readonly timeout?: string | undefined;
}

/** A command-line value that is not what the option takes. */
export class ServeArgsError extends Error {
  /** What was wrong, in Chinese and English. */
  readonly text: LocalizedText;

  /** @param text what was wrong */
  constructor(text: LocalizedText) {
    super(text.en);
    this.name = 'ServeArgsError';
    this.text = text;
  }
}

function whole(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (n >= min && n <= max) return n;
  throw new ServeArgsError({
    zh: `--${name} 应为 ${min} 到 ${max} 的整数，实为 "${value}"`,
    en: `--${name} must be a whole number from ${min} to ${max}, got "${value}"`,
  });
}

/**
 * The service's options from `--port --host --workers --queue --body-limit (MB) --timeout (ms)`; throws
 * {@link ServeArgsError} for a value out of range. Shared by `nianbao serve` and the `nianbao-server` bin.
 */
export function serveOptions(args: ServeArgs): ServeOptions {
  const port = whole('port', args.port, 0, 65_535);
  const workers = whole('workers', args.workers, 1, 256);
  const queue = whole('queue', args.queue, 0, 100_000);
  const bodyLimitMb = whole('body-limit', args['body-limit'], 1, 1024);
  const timeout = whole('timeout', args.timeout, 100, 3_600_000);
  if (args.host !== undefined && args.host.trim() === '') {
    throw new ServeArgsError({ zh: '--host 不能为空', en: '--host must not be empty' });
  }
  return {
    ...(port !== undefined ? { port } : {}),
    ...(args.host !== undefined ? { host: args.host } : {}),
    ...(workers !== undefined ? { workers } : {}),
    ...(queue !== undefined ? { queue } : {}),
    ...(bodyLimitMb !== undefined ? { bodyLimit: bodyLimitMb * 1024 * 1024 } : {}),
    ...(timeout !== undefined ? { jobTimeoutMs: timeout } : {}),
  };
}

/** Runs the service until it is stopped by a signal; resolves to the exit code (0 stopped cleanly, 2 bad usage). */
export async function runServe(
  argv: readonly string[],
  stderr: { write(text: string): unknown },
): Promise<number> {
  let options: ServeOptions;
  try {
    const { values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        workers: { type: 'string' },
        queue: { type: 'string' },
        'body-limit': { type: 'string' },
        timeout: { type: 'string' },
      },
    });
    options = serveOptions(values);
  } catch (error) {
    const text =
      error instanceof ServeArgsError
        ? `${error.text.zh} / ${error.text.en}`
        : `用法错误 / usage: ${error instanceof Error ? error.message : String(error)}`;
    stderr.write(
      `nianbao-server: ${text}\nnianbao-server [--port N] [--host ADDR] [--workers N] [--queue N] [--body-limit MB] [--timeout MS]\n`,
    );
    return 2;
  }
  const running = await serve(options);
  await running.stopped;
  return 0;
}

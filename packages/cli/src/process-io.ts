import type { CliIo, CliStream } from './command.js';

/**
 * A process stream as a `CliStream`. Once its reader has gone away (EPIPE: `nianbao validate … | head`),
 * further writes are dropped instead of crashing with an unhandled 'error' event, so the command still
 * finishes and its exit code still says what it found.
 */
export function guardedStream(stream: NodeJS.WriteStream): CliStream {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') {
      closed = true;
      return;
    }
    throw error;
  });
  return {
    write: (text: string) => (closed ? false : stream.write(text)),
    isTTY: stream.isTTY === true,
  };
}

/** The running process's stdout, stderr and working directory as a `CliIo` (environment: `process.env`). */
export function processIo(): CliIo {
  return { stdout: guardedStream(process.stdout), stderr: guardedStream(process.stderr), cwd: process.cwd() };
}

import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { LocalizedText } from '@nianbao/model';
import { type CliIo, EXIT } from './command.js';
import { localize } from './format/lang.js';

/** Why a file could not be written, or `undefined` on success. */
export type WriteFailure = { code: string; message: LocalizedText } | undefined;

/**
 * Writes `text` to `file` (relative to `cwd`) as UTF-8 (bytes as they are). Without `overwrite` the file is created exclusively
 * (`wx`), so an existing file is never clobbered, even one that appears between a check and the write.
 * Never throws for the errors a user can cause.
 */
export async function writeOutput(
  file: string,
  cwd: string,
  text: string | Uint8Array,
  overwrite: boolean,
): Promise<WriteFailure> {
  try {
    await writeFile(resolve(cwd, file), text, { encoding: 'utf8', flag: overwrite ? 'w' : 'wx' });
    return undefined;
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    switch (code) {
      case 'EEXIST':
        return {
          code: 'exists',
          message: {
            zh: `${file} 已存在；用 --force 覆盖`,
            en: `${file} already exists; use --force to overwrite it`,
          },
        };
      case 'EISDIR':
        return { code: 'is-directory', message: { zh: `${file} 是目录`, en: `${file} is a directory` } };
      case 'ENOENT':
      case 'ENOTDIR':
        return {
          code: 'no-directory',
          message: { zh: `${file} 所在的目录不存在`, en: `the directory of ${file} does not exist` },
        };
      case 'EACCES':
      case 'EPERM':
      case 'EROFS':
        return {
          code: 'not-writable',
          message: { zh: `无法写入 ${file}：没有权限`, en: `cannot write ${file}: permission denied` },
        };
      default: {
        const reason =
          typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
        return {
          code: 'not-writable',
          message: { zh: `无法写入 ${file}（${reason}）`, en: `cannot write ${file} (${reason})` },
        };
      }
    }
  }
}

/**
 * Generated output (HTML, a schema): printed on stdout, or with `-o FILE` written there (replacing an older copy,
 * which is what a user regenerating it wants) and `wrote FILE` printed. Resolves to the exit code: 0, or 2 with
 * the reason on stderr when the file cannot be written.
 */
export async function printOrWrite(
  command: string,
  output: string | undefined,
  io: CliIo,
  text: string,
): Promise<number> {
  if (output === undefined) {
    io.stdout.write(text);
    return EXIT.ok;
  }
  const failure = await writeOutput(output, io.cwd, text, true);
  if (failure) {
    io.stderr.write(`nianbao ${command}: ${localize(failure.message, 'both')}\n`);
    return EXIT.usage;
  }
  io.stdout.write(`${localize({ zh: '已写入', en: 'wrote' }, 'both')} ${output}\n`);
  return EXIT.ok;
}

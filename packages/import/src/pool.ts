import { existsSync } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { LocalizedText } from '@nianbao/model';
import { poolSize, WorkerCrashError, WorkerPool, WorkerStartError } from '@nianbao/workers';
import { sniffFormat } from './detect.js';
import { MAX_DOC_BYTES } from './doc.js';
import { isZip, MAX_DOCX_BYTES } from './docx.js';
import { importDocument, MAX_IMPORT_BYTES } from './import-report.js';
import { importNote, NOTE_TEXT } from './notes.js';
import { MAX_PDF_BYTES } from './pdf.js';
import type { ImportKind, ImportResult } from './types.js';

/*
 * Bulk importing (`nianbao audit`): importReport is synchronous CPU work, so running many files "at once" on one
 * thread is still one after the other. @nianbao/workers' pool of worker threads, sized to the cores, each
 * long-lived and taking file after file, makes it parallel. A worker is given a path (not the bytes), reads the file itself and answers
 * with the ImportResult, which is plain data and crosses back by structured clone. Node only.
 */

/** How one file went. `result` is a failed ImportResult when the file could not be read or its worker crashed. */
export interface ImportFileResult {
  /** The file's position in the input list. */
  readonly index: number;
  /** The file as given. */
  readonly file: string;
  readonly result: ImportResult;
  /** The worker thread that imported it (`threadId` of node:worker_threads; 0 = the calling thread, -1 = its thread crashed). */
  readonly threadId: number;
  /** Time spent reading and importing the file, in milliseconds. */
  readonly ms: number;
}

/** Options of {@link importFile}. */
export interface ImportFileOptions {
  /** Directory relative paths are resolved against. @default process.cwd() */
  readonly cwd?: string;
  /** How to read each file. @default 'auto' (detected per file) */
  readonly kind?: ImportKind;
}

/** Options of {@link importFiles}. */
export interface ImportFilesOptions extends ImportFileOptions {
  /** Worker threads. @default the machine's available parallelism, at most one per file; 1 imports in this thread */
  readonly concurrency?: number;
  /** Called as each file finishes, in completion order (for progress bars). */
  readonly onResult?: (result: ImportFileResult, done: number, total: number) => void;
}

/** One file to import, as posted to a worker. */
export interface ImportJob {
  readonly index: number;
  readonly file: string;
  readonly cwd: string;
  readonly kind: ImportKind;
}

function failed(message: LocalizedText): ImportResult {
  return { ok: false, notes: [importNote('input-unreadable', message)] };
}

/** Why a file could not be read at all (before importing). */
function fsReason(error: unknown): LocalizedText {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return { zh: '文件不存在', en: 'file not found' };
  if (code === 'EISDIR') return { zh: '这是目录，不是文件', en: 'is a directory, not a file' };
  if (code === 'EACCES' || code === 'EPERM')
    return { zh: '无法读取：没有权限', en: 'cannot be read: permission denied' };
  const reason = typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
  return { zh: `无法读取（${reason}）`, en: `cannot be read (${reason})` };
}

/** The largest file of this format read: a Word document or PDF (images inside) may be larger than text. */
async function sizeLimit(path: string): Promise<number> {
  const handle = await open(path, 'r');
  try {
    const head = new Uint8Array(1024);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const format = sniffFormat(head.subarray(0, bytesRead)).format;
    // sniffFormat sees only the head here: a zip is a DOCX for the limit's sake (the reader then checks it).
    if (isZip(head)) return MAX_DOCX_BYTES;
    if (format === 'doc') return MAX_DOC_BYTES;
    return format === 'pdf' ? MAX_PDF_BYTES : MAX_IMPORT_BYTES;
  } finally {
    await handle.close();
  }
}

/**
 * Reads and imports one file in this thread. Never throws: a missing, unreadable, oversized or binary file is an
 * `ok: false` result with a note saying why, and so is an importer failure (a bug), with its message.
 */
export async function importFile(file: string, options: ImportFileOptions = {}): Promise<ImportResult> {
  const path = resolve(options.cwd ?? process.cwd(), file);
  let bytes: Uint8Array;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    // A Word document or a PDF may be larger (images): the limit of the format its first bytes say.
    const limit = info.size > MAX_IMPORT_BYTES ? await sizeLimit(path) : MAX_IMPORT_BYTES;
    if (info.size > limit) {
      // Refused on its size alone: the file is never read into memory.
      const mb = (info.size / 1048576).toFixed(1);
      return {
        ok: false,
        notes: [
          importNote('input-too-large', NOTE_TEXT['input-too-large'].size({ mb, limitMb: limit / 1048576 })),
        ],
      };
    }
    bytes = await readFile(path);
  } catch (error) {
    return failed(NOTE_TEXT['input-unreadable'].file({ why: fsReason(error) }));
  }
  try {
    // Bytes, not text: the format (PDF, DOCX, text in UTF-8, UTF-16 or GBK) is told from them and noted.
    return await importDocument(bytes, { kind: options.kind ?? 'auto' });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return failed(NOTE_TEXT['input-unreadable'].importerFailed({ reason }));
  }
}

/** Imports one job in the current thread; never throws. Used by the workers and by the in-thread fallback. */
export async function runImportJob(job: ImportJob, threadId: number): Promise<ImportFileResult> {
  const started = performance.now();
  const result = await importFile(job.file, { cwd: job.cwd, kind: job.kind });
  return { index: job.index, file: job.file, result, threadId, ms: performance.now() - started };
}

/**
 * The compiled worker script, or undefined when there is none: from TypeScript sources (tests, `@nianbao/source`)
 * Node 20 cannot start a worker on a .ts file, so the built `dist/pool-worker.js` is used if present; without a
 * build the pool imports in this thread.
 */
function workerScript(): URL | undefined {
  const here = new URL(import.meta.url);
  const candidate = here.pathname.endsWith('.ts')
    ? new URL('../dist/pool-worker.js', here)
    : new URL('./pool-worker.js', here);
  return existsSync(candidate) ? candidate : undefined;
}

/** Whether {@link importFiles} will use worker threads here (false from TypeScript sources without a build). */
export function importPoolUsesWorkers(): boolean {
  return workerScript() !== undefined;
}

/**
 * Imports many files with a pool of worker threads sized to the cores (at most one per file); each worker reads
 * and imports file after file. A file that cannot be read, or whose worker crashes, gets a failed result saying
 * why; the others still complete. Results are returned in input order.
 */
export async function importFiles(
  files: readonly string[],
  options: ImportFilesOptions = {},
): Promise<ImportFileResult[]> {
  const size = poolSize(files.length, options.concurrency, availableParallelism());
  const script = size > 1 ? workerScript() : undefined;
  return runPool(files, options, size, script);
}

/**
 * The pool itself, with the worker script given (tests pass a script that misbehaves on purpose). Exported for
 * tests only; not part of the package's API.
 *
 * A worker module whose threads cannot start (a broken build) is not fatal: the files are imported in this thread
 * instead. A thread that crashes holding a file fails that file only (an `input-unreadable` note with the crash's
 * reason); a fresh thread takes its place.
 */
export async function runPool(
  files: readonly string[],
  options: ImportFilesOptions,
  size: number,
  script: URL | undefined,
): Promise<ImportFileResult[]> {
  const cwd = options.cwd ?? process.cwd();
  const kind = options.kind ?? 'auto';
  const results: ImportFileResult[] = new Array(files.length);
  let done = 0;
  const jobs: ImportJob[] = files.map((file, index) => ({ index, file, cwd, kind }));
  const finish = (result: ImportFileResult): void => {
    results[result.index] = result;
    done += 1;
    options.onResult?.(result, done, files.length);
  };
  const inThread = async (): Promise<ImportFileResult[]> => {
    for (const job of jobs) finish(await runImportJob(job, 0));
    return results;
  };
  if (!script) return inThread();
  let pool: WorkerPool<ImportJob, ImportFileResult>;
  try {
    pool = await WorkerPool.start<ImportJob, ImportFileResult>({
      filename: script,
      threads: size,
      queue: jobs.length,
      what: { zh: '导入', en: 'import' },
    });
  } catch (error) {
    if (error instanceof WorkerStartError) return inThread();
    throw error;
  }
  try {
    await Promise.all(
      jobs.map(async (job) => {
        try {
          finish(await pool.run(job));
        } catch (error) {
          if (!(error instanceof WorkerCrashError)) throw error;
          finish({ index: job.index, file: job.file, result: failed(error.text), threadId: -1, ms: 0 });
        }
      }),
    );
  } finally {
    await pool.destroy();
  }
  return results;
}

import { threadId } from 'node:worker_threads';
import { type ImportFileResult, type ImportJob, runImportJob } from './pool.js';

/*
 * A thread of the import pool (@nianbao/workers, on piscina): each task is one file to read and import. The thread
 * lives for many files, so the importer's modules are loaded once per thread (when this module loads).
 */

/** Run once when the thread starts: loading this module has loaded the importer. */
export function ready(): void {}

/** Imports one file; never throws (a failure is a result). */
export default function run(job: ImportJob): Promise<ImportFileResult> {
  return runImportJob(job, threadId);
}

import { parentPort, threadId } from 'node:worker_threads';
import { type ImportJob, runImportJob } from './pool.js';

/*
 * A worker of the import pool: says `{ ready: true }` once loaded (so the pool can tell a build that cannot start
 * from a file that crashes the importer), then answers each job (a path to read and import) with an
 * ImportFileResult. It lives for many files, so the importer's modules are loaded once per thread.
 */
parentPort?.on('message', (job: ImportJob) => {
  void runImportJob(job, threadId).then((result) => parentPort?.postMessage(result));
});
parentPort?.postMessage({ ready: true });

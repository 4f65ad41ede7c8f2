// A pool worker for pool.test.ts that misbehaves on purpose: the real worker's job runner, except that a file
// whose name contains `throw` raises an uncaught exception and one containing `exit` ends the thread.
import { threadId } from 'node:worker_threads';

const { runImportJob } = await import(new URL('../dist/pool.js', import.meta.url).href);

export function ready() {}

export default function run(job) {
  if (job.file.includes('throw')) {
    setImmediate(() => {
      throw new Error(`worker blew up on ${job.file}`);
    });
    return new Promise(() => {});
  }
  if (job.file.includes('exit')) process.exit(3);
  return runImportJob(job, threadId);
}

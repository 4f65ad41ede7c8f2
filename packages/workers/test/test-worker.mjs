// A worker for pool.test.ts: echoes, sleeps, or misbehaves on purpose (an uncaught exception, process.exit).
import { threadId } from 'node:worker_threads';

let readied = false;

/** Run once per thread when the pool starts. */
export function ready() {
  readied = true;
}

export default async function run(task) {
  switch (task.kind) {
    case 'echo':
      return { value: task.value, threadId, readied };
    case 'sleep':
      await new Promise((resolve) => setTimeout(resolve, task.ms));
      return { value: task.ms, threadId, readied };
    case 'throw':
      // Thrown outside the task's promise: the thread itself fails, as a bug in a native module would make it.
      setImmediate(() => {
        throw new Error(`worker blew up on ${task.value}`);
      });
      return new Promise(() => {});
    case 'exit':
      process.exit(task.code);
  }
  throw new Error(`unknown task ${task.kind}`);
}

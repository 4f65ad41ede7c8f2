import { existsSync } from 'node:fs';
import { WorkerPool } from '@nianbao/workers';
import type { Job, JobResult } from './jobs.js';

/*
 * Renders and imports run on @nianbao/workers' pool (piscina), so the event loop only moves bytes. That pool keeps
 * the bounded waiting line in front of piscina which lets the service refuse at once when the line is full, drop a
 * waiting job whose client went away without touching a worker, and stop a job that runs past its deadline; a
 * thread that crashes fails only its job (WorkerCrashError, zh/en) and is replaced.
 */

export {
  JobCancelledError,
  JobTimeoutError,
  QueueFullError,
  WorkerCrashError,
} from '@nianbao/workers';

/** Sizes and limits of a {@link WorkPool}. */
export interface WorkPoolOptions {
  /** Worker threads, each running one job at a time. */
  readonly workers: number;
  /** Jobs that may wait for a free thread; one more is refused with `QueueFullError`. */
  readonly queue: number;
  /** Deadline of one job from the moment it is asked for (waiting included), in milliseconds. */
  readonly timeoutMs: number;
}

/**
 * The compiled worker: beside this file in `dist/`, or, from the TypeScript sources (tests), in the package's
 * `dist/` (Node 20 starts no worker on a .ts file, so the package must be built first).
 */
function workerFile(): URL {
  const here = import.meta.url;
  const file = here.endsWith('.ts') ? new URL('../dist/worker.js', here) : new URL('./worker.js', here);
  if (!existsSync(file)) {
    throw new Error(
      `@nianbao/server: the worker ${file.pathname} is missing; build the package first (pnpm --filter @nianbao/server build)`,
    );
  }
  return file;
}

/** The service's pool of warm worker threads (renderer loaded, fonts parsed) with its limits. */
export class WorkPool {
  readonly #pool: WorkerPool<Job, JobResult>;
  readonly #options: WorkPoolOptions;

  private constructor(pool: WorkerPool<Job, JobResult>, options: WorkPoolOptions) {
    this.#pool = pool;
    this.#options = options;
  }

  /** Starts the threads and warms each one (the worker's `ready`: a real render) before resolving. */
  static async start(options: WorkPoolOptions): Promise<WorkPool> {
    const pool = await WorkerPool.start<Job, JobResult>({
      filename: workerFile(),
      threads: options.workers,
      queue: options.queue,
      timeoutMs: options.timeoutMs,
      what: { zh: '服务', en: 'service' },
    });
    return new WorkPool(pool, options);
  }

  /** Jobs waiting for a free thread. */
  get queued(): number {
    return this.#pool.queued;
  }

  /** Jobs running on a thread. */
  get running(): number {
    return this.#pool.running;
  }

  /** The pool's sizes and limits. */
  get options(): WorkPoolOptions {
    return this.#options;
  }

  /**
   * Runs a job on a free thread, or after the jobs ahead of it. Rejects with `QueueFullError` at once when the line
   * is full, `JobTimeoutError` past the deadline, `JobCancelledError` when `signal` aborts while the job is still
   * waiting, `WorkerCrashError` when its thread crashes.
   */
  run(job: Job, signal?: AbortSignal): Promise<JobResult> {
    return this.#pool.run(job, signal);
  }

  /** Refuses the waiting jobs, lets the running ones finish and ends the threads. */
  close(): Promise<void> {
    return this.#pool.close();
  }
}

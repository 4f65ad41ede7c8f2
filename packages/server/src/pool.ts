import { existsSync } from 'node:fs';
import { compiledExecArgv } from '@nianbao/model/worker-flags';
import { Piscina } from 'piscina';
import type { Job, JobResult } from './jobs.js';

/*
 * Renders and imports run on a piscina pool of worker threads, so the event loop only moves bytes. The pool keeps
 * its own bounded waiting line in front of piscina (piscina is handed a job only when a thread is free): that is
 * what lets the service refuse at once when the line is full, drop a waiting job whose client went away without
 * touching a worker, and stop a job that runs past its deadline (piscina then ends that thread and starts another).
 */

/** Sizes and limits of a {@link WorkPool}. */
export interface WorkPoolOptions {
  /** Worker threads, each running one job at a time. */
  readonly workers: number;
  /** Jobs that may wait for a free thread; one more is refused with {@link QueueFullError}. */
  readonly queue: number;
  /** Deadline of one job from the moment it is asked for (waiting included), in milliseconds. */
  readonly timeoutMs: number;
}

/** The waiting line is full: the caller should answer 503 with `Retry-After`. */
export class QueueFullError extends Error {
  constructor() {
    super('the job queue is full');
    this.name = 'QueueFullError';
  }
}

/** The job passed its deadline (waiting or running); a running one was stopped. */
export class JobTimeoutError extends Error {
  constructor(timeoutMs: number) {
    super(`the job took longer than ${timeoutMs} ms`);
    this.name = 'JobTimeoutError';
  }
}

/** The caller gave up (its client disconnected) while the job was still waiting. */
export class JobCancelledError extends Error {
  constructor() {
    super('the job was cancelled before it started');
    this.name = 'JobCancelledError';
  }
}

interface Waiter {
  readonly start: () => void;
  readonly fail: (error: Error) => void;
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

/** A pool of warm worker threads with a bounded waiting line, per-job deadlines and cancellation. */
export class WorkPool {
  readonly #piscina: Piscina<Job, JobResult>;
  readonly #options: WorkPoolOptions;
  readonly #waiting: Waiter[] = [];
  #running = 0;

  private constructor(options: WorkPoolOptions) {
    this.#options = options;
    this.#piscina = new Piscina<Job, JobResult>({
      filename: workerFile().href,
      minThreads: options.workers,
      maxThreads: options.workers,
      // Threads are kept: a thread that exits loses its parsed fonts and its warm renderer.
      idleTimeout: Number.POSITIVE_INFINITY,
      execArgv: compiledExecArgv(process.execArgv),
    });
  }

  /** Starts the threads and warms each one (renderer loaded, fonts parsed) before resolving. */
  static async start(options: WorkPoolOptions): Promise<WorkPool> {
    const pool = new WorkPool(options);
    // As many warm-up jobs as threads, all at once: piscina gives each idle thread one.
    await Promise.all(Array.from({ length: options.workers }, () => pool.#piscina.run({ kind: 'warm' })));
    return pool;
  }

  /** Jobs waiting for a free thread. */
  get queued(): number {
    return this.#waiting.length;
  }

  /** Jobs running on a thread. */
  get running(): number {
    return this.#running;
  }

  /** The pool's sizes and limits. */
  get options(): WorkPoolOptions {
    return this.#options;
  }

  /**
   * Runs a job on a free thread, or after the jobs ahead of it. Rejects with {@link QueueFullError} at once when
   * the line is full, {@link JobTimeoutError} past the deadline, {@link JobCancelledError} when `signal` aborts
   * while the job is still waiting (a job already running is left to finish: stopping it would cost the thread).
   */
  async run(job: Job, signal?: AbortSignal): Promise<JobResult> {
    const { timeoutMs, workers, queue } = this.#options;
    const deadline = AbortSignal.timeout(timeoutMs);
    if (this.#running < workers) {
      this.#running += 1;
    } else {
      if (this.#waiting.length >= queue) throw new QueueFullError();
      await new Promise<void>((resolve, reject) => {
        const waiter: Waiter = {
          start: () => {
            // Counted here, not after the await: a job asked for in between must see the thread as taken.
            this.#running += 1;
            cleanup();
            resolve();
          },
          fail: (error) => {
            cleanup();
            reject(error);
          },
        };
        const leave = (error: Error): void => {
          const index = this.#waiting.indexOf(waiter);
          if (index >= 0) this.#waiting.splice(index, 1);
          waiter.fail(error);
        };
        const onCancel = (): void => leave(new JobCancelledError());
        const onDeadline = (): void => leave(new JobTimeoutError(timeoutMs));
        const cleanup = (): void => {
          signal?.removeEventListener('abort', onCancel);
          deadline.removeEventListener('abort', onDeadline);
        };
        if (signal?.aborted) {
          reject(new JobCancelledError());
          return;
        }
        signal?.addEventListener('abort', onCancel, { once: true });
        deadline.addEventListener('abort', onDeadline, { once: true });
        this.#waiting.push(waiter);
      });
    }
    try {
      return await this.#piscina.run(job, { signal: deadline });
    } catch (error) {
      if (deadline.aborted) throw new JobTimeoutError(timeoutMs);
      throw error;
    } finally {
      this.#running -= 1;
      this.#waiting.shift()?.start();
    }
  }

  /** Refuses the waiting jobs, lets the running ones finish and ends the threads. */
  async close(): Promise<void> {
    for (const waiter of this.#waiting.splice(0)) waiter.fail(new JobCancelledError());
    await this.#piscina.close();
  }
}

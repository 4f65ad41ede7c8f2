import { Piscina } from 'piscina';
import { compiledExecArgv } from './exec-argv.js';

/*
 * The one worker pool of nianbao (PDF render batches, bulk import and audit, the HTTP service), on piscina. On top of
 * piscina it keeps its own bounded waiting line (piscina is handed a task only when a thread is free): that is what
 * lets a caller be refused at once when the line is full, drop a waiting task whose client went away without
 * touching a thread, and stop a task that runs past its deadline (piscina then ends that thread and starts
 * another). A thread that crashes (an uncaught exception, `process.exit`) fails only the task it held, with a
 * located zh/en error; piscina starts a fresh thread in its place.
 */

/** Text in Chinese and English (the shape of @nianbao/model's LocalizedText, which this package does not import). */
export interface WorkerText {
  readonly zh: string;
  readonly en: string;
}

/** Sizes and limits of a {@link WorkerPool}. */
export interface WorkerPoolOptions {
  /**
   * The compiled worker module (ESM, not TypeScript: Node 20 starts no worker on a .ts file). Its default export
   * runs one task and should never throw (a thrown error is reported as a crash); its `ready` export, if any, is
   * run once per thread when the pool starts (load fonts, warm caches).
   */
  readonly filename: URL;
  /** Worker threads, each running one task at a time. */
  readonly threads: number;
  /** Tasks that may wait for a free thread; one more is refused with {@link QueueFullError}. */
  readonly queue: number;
  /** Deadline of one task from the moment it is asked for (waiting included), in milliseconds. @default none */
  readonly timeoutMs?: number;
  /** What the threads do, for error messages: `{ zh: '导入', en: 'import' }`. */
  readonly what: WorkerText;
}

/** An error of the pool with a zh/en message that says where (which worker, which task). */
export class WorkerPoolError extends Error {
  /** The message in Chinese and English. */
  readonly text: WorkerText;
  constructor(text: WorkerText) {
    super(text.en);
    this.name = 'WorkerPoolError';
    this.text = text;
  }
}

/** The waiting line is full (an HTTP service answers 503 with `Retry-After`). */
export class QueueFullError extends WorkerPoolError {
  constructor(what: WorkerText) {
    super({ zh: `${what.zh}任务队列已满`, en: `the ${what.en} job queue is full` });
    this.name = 'QueueFullError';
  }
}

/** The task passed its deadline (waiting or running); a running one was stopped and its thread replaced. */
export class JobTimeoutError extends WorkerPoolError {
  constructor(what: WorkerText, timeoutMs: number) {
    super({
      zh: `${what.zh}任务超过 ${timeoutMs} 毫秒`,
      en: `the ${what.en} job took longer than ${timeoutMs} ms`,
    });
    this.name = 'JobTimeoutError';
  }
}

/**
 * The task did not run to its end: the caller gave up (its client disconnected) while it was still waiting, or the
 * pool was closed before it started or destroyed while it ran (`started`).
 */
export class JobCancelledError extends WorkerPoolError {
  constructor(what: WorkerText, started = false) {
    super(
      started
        ? {
            zh: `${what.zh}任务在运行中被停止（线程池已关闭）`,
            en: `the ${what.en} job was stopped: the pool was destroyed`,
          }
        : { zh: `${what.zh}任务在开始前已取消`, en: `the ${what.en} job was cancelled before it started` },
    );
    this.name = 'JobCancelledError';
  }
}

/** The thread running the task crashed (or the task threw): only this task fails; a fresh thread takes over. */
export class WorkerCrashError extends WorkerPoolError {
  /** What the thread said: the uncaught error's message, or its exit code. */
  readonly reason: string;
  constructor(what: WorkerText, reason: string) {
    super({ zh: `${what.zh}线程崩溃（${reason}）`, en: `the ${what.en} worker crashed (${reason})` });
    this.name = 'WorkerCrashError';
    this.reason = reason;
  }
}

/** No thread could start (a broken or missing build): callers that can may do the work in their own thread. */
export class WorkerStartError extends WorkerPoolError {
  constructor(what: WorkerText, file: URL, reason: string) {
    super({
      zh: `${what.zh}线程无法启动（${file.pathname}：${reason}）`,
      en: `the ${what.en} worker cannot start (${file.pathname}: ${reason})`,
    });
    this.name = 'WorkerStartError';
  }
}

interface Waiter {
  readonly start: () => void;
  readonly fail: (error: Error) => void;
}

/** Why a thread's task was rejected, in words: the error's message, or `exit code N` for a thread that exited. */
function crashReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // piscina's words for a thread that ended by itself; the exit code is what the caller can act on.
  const exit = /exited? (?:with )?(?:exit )?code:? ?(-?\d+)/i.exec(message);
  return exit ? `exit code ${exit[1]}` : message;
}

/** A pool of warm worker threads with a bounded waiting line, per-task deadlines, cancellation and crash isolation. */
export class WorkerPool<Task, Result> {
  readonly #piscina: Piscina<Task, Result>;
  readonly #options: WorkerPoolOptions;
  readonly #waiting: Waiter[] = [];
  #running = 0;
  #closed = false;

  private constructor(options: WorkerPoolOptions, execArgv: string[]) {
    this.#options = options;
    this.#piscina = new Piscina<Task, Result>({
      filename: options.filename.href,
      minThreads: options.threads,
      maxThreads: options.threads,
      // Threads are kept: a thread that exits loses what it loaded (fonts, a warm renderer, the importer's modules).
      idleTimeout: Number.POSITIVE_INFINITY,
      execArgv,
    });
    // piscina emits 'error' on the pool when a thread fails with no task on it (a module that throws as it loads,
    // before or after its ready call was handed to another thread). An EventEmitter with no listener throws that
    // as an uncaught exception in the calling process; the failure is already the task's (start rejects with
    // WorkerStartError, a running task with WorkerCrashError) and piscina replaces the thread, so it is dropped.
    this.#piscina.on('error', () => undefined);
  }

  /**
   * Starts the threads and runs the module's `ready` export on each before resolving. Node refuses some of the
   * parent's flags in a worker (a per-process flag such as `--max-old-space-size`): the threads are then started
   * again with no flags. Rejects with {@link WorkerStartError} when no thread can start.
   */
  static async start<Task, Result>(options: WorkerPoolOptions): Promise<WorkerPool<Task, Result>> {
    const attempt = async (execArgv: string[]): Promise<WorkerPool<Task, Result>> => {
      const pool = new WorkerPool<Task, Result>(options, execArgv);
      try {
        // As many ready calls as threads, all at once: piscina gives each idle thread one.
        await Promise.all(
          Array.from({ length: options.threads }, () =>
            pool.#piscina.run(undefined as Task, { name: 'ready' }),
          ),
        );
        return pool;
      } catch (error) {
        await pool.#piscina.destroy().catch(() => undefined);
        throw error;
      }
    };
    const flags = compiledExecArgv(process.execArgv);
    try {
      return await attempt(flags);
    } catch (first) {
      if (flags.length > 0) {
        try {
          return await attempt([]);
        } catch {
          // Reported with the first error: the flags were not the cause.
        }
      }
      throw new WorkerStartError(options.what, options.filename, crashReason(first));
    }
  }

  /** Tasks waiting for a free thread. */
  get queued(): number {
    return this.#waiting.length;
  }

  /** Tasks running on a thread. */
  get running(): number {
    return this.#running;
  }

  /** The pool's sizes and limits. */
  get options(): WorkerPoolOptions {
    return this.#options;
  }

  /**
   * Runs a task on a free thread, or after the tasks ahead of it. Rejects with {@link QueueFullError} at once when
   * the line is full, {@link JobTimeoutError} past the deadline, {@link JobCancelledError} when `signal` aborts
   * while the task is still waiting (a task already running is left to finish: stopping it would cost the thread),
   * and {@link WorkerCrashError} when its thread crashes.
   */
  async run(task: Task, signal?: AbortSignal): Promise<Result> {
    const { timeoutMs, threads, queue, what } = this.#options;
    if (this.#closed) throw new JobCancelledError(what);
    const deadline = timeoutMs === undefined ? undefined : AbortSignal.timeout(timeoutMs);
    if (this.#running < threads) {
      this.#running += 1;
    } else {
      if (this.#waiting.length >= queue) throw new QueueFullError(what);
      await new Promise<void>((resolve, reject) => {
        const waiter: Waiter = {
          start: () => {
            // Counted here, not after the await: a task asked for in between must see the thread as taken.
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
        const onCancel = (): void => leave(new JobCancelledError(what));
        const onDeadline = (): void => leave(new JobTimeoutError(what, timeoutMs ?? 0));
        const cleanup = (): void => {
          signal?.removeEventListener('abort', onCancel);
          deadline?.removeEventListener('abort', onDeadline);
        };
        if (signal?.aborted) {
          reject(new JobCancelledError(what));
          return;
        }
        signal?.addEventListener('abort', onCancel, { once: true });
        deadline?.addEventListener('abort', onDeadline, { once: true });
        this.#waiting.push(waiter);
      });
    }
    try {
      return await this.#piscina.run(task, deadline ? { signal: deadline } : {});
    } catch (error) {
      if (deadline?.aborted) throw new JobTimeoutError(what, timeoutMs ?? 0);
      if (this.#closed) throw new JobCancelledError(what, true);
      throw new WorkerCrashError(what, crashReason(error));
    } finally {
      this.#running -= 1;
      this.#waiting.shift()?.start();
    }
  }

  /** Refuses the waiting tasks, lets the running ones finish and ends the threads. */
  async close(): Promise<void> {
    this.#refuseWaiting();
    await this.#piscina.close();
  }

  /** Refuses the waiting tasks, stops the running ones (they fail with {@link JobCancelledError}) and ends the threads. */
  async destroy(): Promise<void> {
    this.#refuseWaiting();
    await this.#piscina.destroy();
  }

  #refuseWaiting(): void {
    this.#closed = true;
    for (const waiter of this.#waiting.splice(0)) waiter.fail(new JobCancelledError(this.#options.what));
  }
}

/** Threads for `jobs` jobs: `concurrency` (default: the machine's available parallelism), at most one per job. */
export function poolSize(jobs: number, concurrency: number | undefined, cores: number): number {
  const wanted = concurrency === undefined || !(concurrency >= 1) ? cores : concurrency;
  return Math.max(1, Math.min(Math.floor(wanted), jobs));
}

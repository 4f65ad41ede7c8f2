import { describe, expect, it } from 'vitest';
import {
  JobCancelledError,
  JobTimeoutError,
  poolSize,
  QueueFullError,
  WorkerCrashError,
  WorkerPool,
  WorkerStartError,
} from './pool.js';

const WORKER = new URL('../test/test-worker.mjs', import.meta.url);
const WHAT = { zh: '测试', en: 'test' };

type Task =
  | { kind: 'echo'; value: number }
  | { kind: 'sleep'; ms: number }
  | { kind: 'throw'; value: string }
  | { kind: 'exit'; code: number };
type Result = { value: number; threadId: number; readied: boolean };

const start = (threads: number, queue = 100, timeoutMs?: number): Promise<WorkerPool<Task, Result>> =>
  WorkerPool.start<Task, Result>({
    filename: WORKER,
    threads,
    queue,
    what: WHAT,
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
  });

describe('WorkerPool', () => {
  it('runs tasks on its threads, each thread readied first', async () => {
    const pool = await start(2);
    try {
      const results = await Promise.all([1, 2, 3, 4, 5].map((value) => pool.run({ kind: 'echo', value })));
      expect(results.map((r) => r.value)).toEqual([1, 2, 3, 4, 5]);
      expect(results.every((r) => r.readied && r.threadId > 0)).toBe(true);
    } finally {
      await pool.destroy();
    }
  }, 60_000);

  it('fails only the task whose thread crashes (uncaught exception or exit), with a zh/en reason; a fresh thread takes the rest', async () => {
    const pool = await start(2);
    try {
      const settled = await Promise.allSettled([
        pool.run({ kind: 'echo', value: 1 }),
        pool.run({ kind: 'throw', value: 'b.txt' }),
        pool.run({ kind: 'echo', value: 3 }),
        pool.run({ kind: 'exit', code: 3 }),
        pool.run({ kind: 'echo', value: 5 }),
        pool.run({ kind: 'echo', value: 6 }),
      ]);
      expect(settled.map((s) => s.status)).toEqual([
        'fulfilled',
        'rejected',
        'fulfilled',
        'rejected',
        'fulfilled',
        'fulfilled',
      ]);
      const thrown = (settled[1] as PromiseRejectedResult).reason;
      expect(thrown).toBeInstanceOf(WorkerCrashError);
      expect(thrown.text.en).toBe('the test worker crashed (worker blew up on b.txt)');
      expect(thrown.text.zh).toBe('测试线程崩溃（worker blew up on b.txt）');
      const exited = (settled[3] as PromiseRejectedResult).reason;
      expect(exited).toBeInstanceOf(WorkerCrashError);
      expect(exited.text.en).toBe('the test worker crashed (exit code 3)');
      // After two crashes the pool still has its two threads working.
      const after = await Promise.all([7, 8].map((value) => pool.run({ kind: 'echo', value })));
      expect(after.map((r) => r.value)).toEqual([7, 8]);
    } finally {
      await pool.destroy();
    }
  }, 60_000);

  it('refuses a task at once when the waiting line is full', async () => {
    const pool = await start(1, 1);
    try {
      const running = pool.run({ kind: 'sleep', ms: 300 });
      const waiting = pool.run({ kind: 'echo', value: 2 });
      await expect(pool.run({ kind: 'echo', value: 3 })).rejects.toBeInstanceOf(QueueFullError);
      expect((await running).value).toBe(300);
      expect((await waiting).value).toBe(2);
    } finally {
      await pool.destroy();
    }
  }, 60_000);

  it('stops a task past its deadline and replaces its thread', async () => {
    const pool = await start(1, 10, 200);
    try {
      await expect(pool.run({ kind: 'sleep', ms: 60_000 })).rejects.toBeInstanceOf(JobTimeoutError);
      expect((await pool.run({ kind: 'echo', value: 1 })).value).toBe(1);
    } finally {
      await pool.destroy();
    }
  }, 60_000);

  it('drops a waiting task whose signal aborts; destroy refuses the waiting and stops the running ones', async () => {
    const pool = await start(1, 10);
    const running = pool.run({ kind: 'sleep', ms: 5_000 });
    const controller = new AbortController();
    const dropped = pool.run({ kind: 'echo', value: 2 }, controller.signal);
    controller.abort();
    await expect(dropped).rejects.toBeInstanceOf(JobCancelledError);
    expect(pool.queued).toBe(0);
    const waiting = pool.run({ kind: 'echo', value: 3 });
    expect(pool.queued).toBe(1);
    const refused = expect(waiting).rejects.toThrow('the test job was cancelled before it started');
    const stopped = expect(running).rejects.toThrow('the test job was stopped: the pool was destroyed');
    await pool.destroy();
    await refused;
    await stopped;
    await expect(pool.run({ kind: 'echo', value: 4 })).rejects.toBeInstanceOf(JobCancelledError);
  }, 60_000);

  it('says, in zh and en, which module cannot start', async () => {
    const broken = new URL('../test/broken-worker.mjs', import.meta.url);
    const error = await WorkerPool.start({ filename: broken, threads: 1, queue: 1, what: WHAT }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WorkerStartError);
    expect((error as WorkerStartError).text.en).toContain('broken-worker.mjs: broken build');
    expect((error as WorkerStartError).text.zh).toContain('测试线程无法启动');
  }, 60_000);
});

describe('poolSize', () => {
  it('is the concurrency asked for (or the cores), at least 1 and at most one per job', () => {
    expect(poolSize(10, undefined, 4)).toBe(4);
    expect(poolSize(2, undefined, 4)).toBe(2);
    expect(poolSize(10, 3, 4)).toBe(3);
    expect(poolSize(10, 0, 4)).toBe(4);
    expect(poolSize(0, 3, 4)).toBe(1);
  });
});

import type { Report } from '@nianbao/model/core';
import type { WorkerPool } from '@nianbao/workers';
import type { DocumentOptions } from './document.js';
import type { FontSources } from './fonts.js';
import type { GlyphWarning } from './glyphs.js';

/*
 * Bulk rendering (a county's or city's every department) on @nianbao/workers' pool: worker threads, each a live
 * renderer that parses its fonts once and then takes job after job. Jobs and results cross threads by structured
 * clone, so options are plain data (font paths, not bytes). Node only: the pool is imported when a batch starts, so
 * the browser build never loads it.
 */

/** Render options that can cross a thread boundary. */
export interface PoolRenderOptions extends Omit<DocumentOptions, 'creationDate'> {
  /** Last year's report, for the cross-year rules on the draft page. */
  readonly previous?: Report;
  /** Fonts per role, as file paths. */
  readonly fonts?: Partial<Record<keyof FontSources, string>>;
}

/** One PDF to make. */
export interface RenderJob {
  readonly report: Report;
  /** Where the PDF goes (written atomically). */
  readonly path: string;
  readonly options?: PoolRenderOptions;
}

/** How one job went. */
export type RenderJobResult =
  | {
      readonly index: number;
      readonly path: string;
      readonly ok: true;
      readonly warnings: GlyphWarning[];
      readonly ms: number;
    }
  | {
      readonly index: number;
      readonly path: string;
      readonly ok: false;
      /** Why, in English (the renderer's error, or the crash of the thread that held the job). */
      readonly error: string;
      /** Why, in Chinese and English, when the thread rendering the job crashed. */
      readonly message?: { readonly zh: string; readonly en: string };
    };

/** Options of {@link renderPdfFiles}. */
export interface PoolOptions {
  /** Worker threads. @default the machine's available parallelism, at most one per job */
  readonly concurrency?: number;
  /** Called as each job finishes, in completion order (for progress bars). */
  readonly onResult?: (result: RenderJobResult, done: number, total: number) => void;
}

type RenderToFile = typeof import('./render.js')['renderReportPdfToFile'];

/**
 * The renderer of this thread: the bundled, code-cached one of a Node process where it was built (it starts
 * sooner), else the main entry's. The loader's specifier is computed, so bundlers leave that Node-only module (vm,
 * fs) alone, as browsers never run the pool; from the TypeScript sources (tests) it is the .ts file.
 */
async function threadRenderer(): Promise<RenderToFile> {
  const here = import.meta.url;
  const loader = new URL(here.endsWith('.ts') ? './node-engine.ts' : './node-engine.js', here).href;
  const { loadNodeEngine } = (await import(
    /* @vite-ignore */ /* webpackIgnore: true */ loader
  )) as typeof import('./node-engine.js');
  return loadNodeEngine()?.renderReportPdfToFile ?? (await import('./render.js')).renderReportPdfToFile;
}

/** Loads this thread's renderer (and so its fonts' parser): what a pool thread does before its first job. */
export async function warmRenderer(): Promise<void> {
  await threadRenderer();
}

/** Renders one job in this thread; never throws. Internal: the pool's threads and its in-thread fallback use it. */
export async function runRenderJob(job: RenderJob, index: number): Promise<RenderJobResult> {
  const warnings: GlyphWarning[] = [];
  try {
    const renderReportPdfToFile = await threadRenderer();
    const started = performance.now();
    await renderReportPdfToFile(job.report, job.path, { ...job.options, onWarning: (w) => warnings.push(w) });
    return { index, path: job.path, ok: true, warnings, ms: performance.now() - started };
  } catch (error) {
    return {
      index,
      path: job.path,
      ok: false,
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

/**
 * The compiled worker script, or undefined when running from TypeScript sources (tests, `@nianbao/source`):
 * Node 20 cannot start a worker on a .ts file, so the pool then renders in this thread.
 */
async function workerScript(): Promise<URL | undefined> {
  const here = new URL(import.meta.url);
  const candidates = here.pathname.endsWith('.ts')
    ? [new URL('../dist/pool-worker.js', here)]
    : [new URL('./pool-worker.js', here)];
  const { existsSync } = await import('node:fs');
  return candidates.find((url) => existsSync(url));
}

/** Whether {@link renderPdfFiles} will use worker threads here (false from TypeScript sources without a build). */
export async function poolUsesWorkers(): Promise<boolean> {
  return (await workerScript()) !== undefined;
}

/**
 * Renders many reports to files with a pool of worker threads sized to the cores (at most one per job). A job that
 * fails, or whose thread crashes, is reported in its result (a crashed thread is replaced); the others still
 * complete. Results are returned in job order. Without a built worker (TypeScript sources) or with one thread, the
 * jobs render in this thread.
 */
export async function renderPdfFiles(
  jobs: readonly RenderJob[],
  options: PoolOptions = {},
): Promise<RenderJobResult[]> {
  const { availableParallelism } = await import('node:os');
  // A computed specifier, so bundlers of the browser build leave the Node-only pool (piscina) alone.
  const workers = '@nianbao/workers';
  const { poolSize, WorkerCrashError, WorkerPool, WorkerStartError } = (await import(
    /* @vite-ignore */ /* webpackIgnore: true */ workers
  )) as typeof import('@nianbao/workers');
  const size = poolSize(jobs.length, options.concurrency, availableParallelism());
  const results: RenderJobResult[] = new Array(jobs.length);
  let done = 0;
  const finish = (result: RenderJobResult): void => {
    results[result.index] = result;
    done += 1;
    options.onResult?.(result, done, jobs.length);
  };
  const inThread = async (): Promise<RenderJobResult[]> => {
    for (const [index, job] of jobs.entries()) finish(await runRenderJob(job, index));
    return results;
  };
  const script = size > 1 ? await workerScript() : undefined;
  if (!script) return inThread();
  let pool: WorkerPool<PoolTask, RenderJobResult>;
  try {
    pool = await WorkerPool.start<PoolTask, RenderJobResult>({
      filename: script,
      threads: size,
      queue: jobs.length,
      what: { zh: 'PDF 生成', en: 'PDF render' },
    });
  } catch (error) {
    // No thread can start (a broken build): the jobs still render, here.
    if (error instanceof WorkerStartError) return inThread();
    throw error;
  }
  try {
    await Promise.all(
      jobs.map(async (job, index) => {
        try {
          finish(await pool.run({ index, job }));
        } catch (error) {
          if (!(error instanceof WorkerCrashError)) throw error;
          finish({ index, path: job.path, ok: false, error: error.text.en, message: error.text });
        }
      }),
    );
  } finally {
    await pool.destroy();
  }
  return results;
}

/** One job as posted to a pool thread. */
export interface PoolTask {
  readonly index: number;
  readonly job: RenderJob;
}

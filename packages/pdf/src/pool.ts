import type { Report } from '@nianbao/model/core';
import { compiledExecArgv } from '@nianbao/model/worker-flags';
import type { DocumentOptions } from './document.js';
import type { FontSources } from './fonts.js';
import type { GlyphWarning } from './glyphs.js';

/*
 * Bulk rendering (a county's or city's every department): a pool of worker threads, each a live renderer that
 * parses its fonts once and then takes job after job. Jobs and results cross threads by structured clone, so
 * options are plain data (font paths, not bytes). Node only.
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
  | { readonly index: number; readonly path: string; readonly ok: false; readonly error: string };

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

/** Renders one job in this thread; never throws. */
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

/** The parent's Node flags minus those a compiled worker must not inherit (from @nianbao/model). */
export { compiledExecArgv };

/** Whether {@link renderPdfFiles} will use worker threads here (false from TypeScript sources without a build). */
export async function poolUsesWorkers(): Promise<boolean> {
  return (await workerScript()) !== undefined;
}

/**
 * Renders many reports to files with a pool of worker threads sized to the cores. A job that fails is reported in
 * its result; the others still complete. Results are returned in job order.
 */
export async function renderPdfFiles(
  jobs: readonly RenderJob[],
  options: PoolOptions = {},
): Promise<RenderJobResult[]> {
  const { availableParallelism } = await import('node:os');
  const size = Math.max(1, Math.min(options.concurrency ?? availableParallelism(), jobs.length));
  const results: RenderJobResult[] = new Array(jobs.length);
  let done = 0;
  const finish = (result: RenderJobResult): void => {
    results[result.index] = result;
    done += 1;
    options.onResult?.(result, done, jobs.length);
  };
  const script = size > 1 ? await workerScript() : undefined;
  if (!script) {
    for (const [index, job] of jobs.entries()) finish(await runRenderJob(job, index));
    return results;
  }
  const { Worker } = await import('node:worker_threads');
  let next = 0;
  await Promise.all(
    Array.from(
      { length: size },
      () =>
        new Promise<void>((resolve) => {
          let worker: InstanceType<typeof Worker>;
          try {
            worker = new Worker(script, { execArgv: compiledExecArgv(process.execArgv) });
          } catch {
            // Node refuses per-process flags a worker cannot take (e.g. --max-old-space-size) by throwing.
            worker = new Worker(script, { execArgv: [] });
          }
          let current = -1;
          const feed = (): void => {
            if (next >= jobs.length) {
              void worker.terminate().then(() => resolve());
              return;
            }
            current = next++;
            worker.postMessage({ index: current, job: jobs[current] });
          };
          worker.on('message', (result: RenderJobResult) => {
            finish(result);
            feed();
          });
          worker.on('error', (error) => {
            // A crashed worker fails its job; the remaining jobs go to the other workers or run here.
            if (current >= 0 && !results[current]) {
              finish({ index: current, path: jobs[current]?.path ?? '', ok: false, error: error.message });
            }
            const drain = async (): Promise<void> => {
              while (next < jobs.length) {
                const index = next++;
                finish(await runRenderJob(jobs[index] as RenderJob, index));
              }
            };
            void drain().then(() => resolve());
          });
          feed();
        }),
    ),
  );
  return results;
}

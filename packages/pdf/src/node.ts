/**
 * `@nianbao/pdf/node` — the render functions for fresh Node processes (command-line tools, scripts a scheduler
 * starts, serverless handlers): the same contract and the same bytes as the main entry, loaded from a one-file
 * build of the renderer through V8's code cache, so a new process gets to its first PDF sooner. The cache lives in
 * `nianbao-compile-cache-<uid>` in the system temporary folder (`NIANBAO_COMPILE_CACHE=DIR` moves it,
 * `NIANBAO_COMPILE_CACHE=0` switches it off) and is written after the first render on a machine.
 *
 * This entry has no components: to put `<ReportDocument>` in your own react-pdf document, use the main entry.
 * @module
 */
import type { Report } from '@nianbao/model/core';
import type { CodeCacheState } from './compile-cache.js';
import { loadNodeEngine } from './node-engine.js';
import type { RenderOptions } from './render.js';

export type { CodeCacheState } from './compile-cache.js';
export type { GlyphWarning } from './glyphs.js';
export {
  type PoolOptions,
  type PoolRenderOptions,
  type RenderJob,
  type RenderJobResult,
  renderPdfFiles,
} from './pool.js';
export type { RenderOptions } from './render.js';

/** Renders a report to PDF bytes (see the main entry's `renderReportPdf`). */
export async function renderReportPdf(
  report: Report,
  options?: RenderOptions,
): Promise<Uint8Array<ArrayBuffer>> {
  // The main entry's renderer is imported only where there is no bundle: importing it loads react-pdf's modules.
  const engine = loadNodeEngine() ?? (await import('./render.js'));
  return engine.renderReportPdf(report, options);
}

/** Renders a report and writes it to `path` atomically (see the main entry's `renderReportPdfToFile`). */
export async function renderReportPdfToFile(
  report: Report,
  path: string,
  options?: RenderOptions,
): Promise<void> {
  const engine = loadNodeEngine() ?? (await import('./render.js'));
  return engine.renderReportPdfToFile(report, path, options);
}

/**
 * How this process's renderer was compiled: `hit` (from the code cache), `miss` (no cache yet; written after the
 * first render), `rejected` (a stale cache, rewritten), `off` (switched off), or `unbuilt` (no
 * `dist/engine.cjs`, as when running from the TypeScript sources without a build: the main entry's renderer is used).
 */
export function nodeEngineCache(): CodeCacheState | 'unbuilt' {
  return loadNodeEngine()?.cache ?? 'unbuilt';
}

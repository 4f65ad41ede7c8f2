import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Report } from '@nianbao/model/core';
import { type CodeCacheState, loadWithCodeCache } from './compile-cache.js';
import { packagedFontPath } from './font-path.js';
import type { RenderOptions } from './render.js';

/*
 * The render functions for fresh Node processes (the CLI, pool workers, `@nianbao/pdf/node`): loaded from the
 * one-file build `dist/engine.cjs` through V8's code cache (see compile-cache.ts). It is its own copy of react-pdf,
 * which is why it offers only whole-document functions and no components: a component would register its fonts with
 * this copy, not with the react-pdf the caller renders with.
 */

/** The bundled renderer of a Node process. */
export interface NodeEngine {
  /** Same contract as the main entry's `renderReportPdf`. */
  renderReportPdf(report: Report, options?: RenderOptions): Promise<Uint8Array<ArrayBuffer>>;
  /** Same contract as the main entry's `renderReportPdfToFile`. */
  renderReportPdfToFile(report: Report, path: string, options?: RenderOptions): Promise<void>;
  /** The bundle file. */
  readonly file: string;
  /** Whether its bytecode came from the cache (see {@link CodeCacheState}). */
  readonly cache: CodeCacheState;
}

type EngineExports = Pick<NodeEngine, 'renderReportPdf' | 'renderReportPdfToFile'>;

let loaded: NodeEngine | null | undefined;

/**
 * Where the bundle is: beside the compiled module, or in `dist/` when this runs from the TypeScript sources; and
 * where an app bundler (esbuild, webpack) moved this module into a bundle of its own, in the installed package,
 * found the way the default fonts are (from the bundle's URL, then from the working directory).
 */
export function nodeEngineFile(): string | undefined {
  const here = new URL(import.meta.url);
  const url = here.pathname.endsWith('.ts')
    ? new URL('../dist/engine.cjs', here)
    : new URL('./engine.cjs', here);
  const beside = fileURLToPath(url);
  if (existsSync(beside)) return beside;
  const manifest = packagedFontPath('@nianbao/pdf/package.json');
  const installed = manifest ? join(dirname(manifest), 'dist', 'engine.cjs') : undefined;
  return installed && existsSync(installed) ? installed : undefined;
}

/**
 * Loads the bundled renderer once per thread, or returns undefined where it was not built (TypeScript sources
 * without `pnpm build`): callers then use the main entry's functions, which give the same bytes.
 */
export function loadNodeEngine(): NodeEngine | undefined {
  if (loaded !== undefined) return loaded ?? undefined;
  const file = nodeEngineFile();
  if (!file) {
    loaded = null;
    return undefined;
  }
  const module = loadWithCodeCache(file);
  const exports = module.exports as EngineExports;
  // The cache is written after the first render, so it holds the bytecode of everything a render runs too.
  const afterFirstRender = <T>(value: T): T => {
    module.saveCache();
    return value;
  };
  loaded = {
    renderReportPdf: (report, options) => exports.renderReportPdf(report, options).then(afterFirstRender),
    renderReportPdfToFile: (report, path, options) =>
      exports.renderReportPdfToFile(report, path, options).then(afterFirstRender),
    file,
    cache: module.state,
  };
  return loaded;
}

import { extname } from 'node:path';
import type { Report } from '@nianbao/model';
import type { LocalizedText } from '@nianbao/model/core';
import { UsageError } from '../command.js';

/** What `nianbao render` writes. */
export type OutputFormat = 'pdf' | 'docx';

const FORMATS = { pdf: ['pdf'], docx: ['docx'], both: ['pdf', 'docx'] } as const;

/**
 * The formats to write: `--format pdf|docx|both`; without it, `docx` when `-o` names a `.docx` file, else `pdf`.
 * A `-o` whose extension contradicts `--format` is a usage error.
 */
export function outputFormats(format: string | undefined, out: string | undefined): readonly OutputFormat[] {
  const outExt = out ? extname(out).toLowerCase() : '';
  if (format === undefined) return outExt === '.docx' ? ['docx'] : ['pdf'];
  const formats = FORMATS[format as keyof typeof FORMATS] as readonly OutputFormat[] | undefined;
  if (!formats) {
    throw new UsageError({
      zh: `--format 应为 pdf、docx 或 both，实为 "${format}"`,
      en: `--format takes pdf, docx or both, got "${format}"`,
    });
  }
  if (formats.length === 1 && (outExt === '.pdf' || outExt === '.docx') && outExt !== `.${formats[0]}`) {
    throw new UsageError({
      zh: `-o ${out} 与 --format ${format} 不符`,
      en: `-o ${out} does not match --format ${format}`,
    });
  }
  return formats;
}

/** `path` with its extension replaced by `.ext` (added when it has none). */
export function withExtension(path: string, ext: OutputFormat): string {
  const current = extname(path);
  if (current.toLowerCase() === `.${ext}`) return path;
  return `${current ? path.slice(0, -current.length) : path}.${ext}`;
}

/** A report to write as DOCX: `index` is its place among the command's inputs. */
export interface DocxJob {
  readonly index: number;
  readonly report: Report;
  readonly path: string;
  readonly draft: boolean;
}

/** How one DOCX job went (the shape of the PDF pool's results). */
export type DocxJobResult =
  | {
      readonly index: number;
      readonly path: string;
      readonly ok: true;
      readonly warnings: readonly { readonly message: LocalizedText }[];
      readonly ms: number;
    }
  | { readonly index: number; readonly path: string; readonly ok: false; readonly error: string };

/**
 * Writes each job's DOCX (atomically), one after another in this process: a DOCX takes tens of milliseconds, less
 * than a worker takes to start. `onResult` is called as each finishes.
 */
export async function renderDocxJobs(
  jobs: readonly DocxJob[],
  onResult: (result: DocxJobResult) => void,
): Promise<DocxJobResult[]> {
  if (jobs.length === 0) return [];
  const { renderReportDocxToFile } = await import('@nianbao/docx/node');
  const results: DocxJobResult[] = [];
  for (const job of jobs) {
    const started = performance.now();
    const warnings: { message: LocalizedText }[] = [];
    let result: DocxJobResult;
    try {
      await renderReportDocxToFile(job.report, job.path, {
        ...(job.draft ? { draft: true } : {}),
        onWarning: (warning) => warnings.push(warning),
      });
      result = { index: job.index, path: job.path, ok: true, warnings, ms: performance.now() - started };
    } catch (error) {
      result = {
        index: job.index,
        path: job.path,
        ok: false,
        error: error instanceof Error ? error.message : String(error),
      };
    }
    results.push(result);
    onResult(result);
  }
  return results;
}

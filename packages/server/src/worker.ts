/*
 * A piscina worker thread of the service: each one a live renderer and importer that parses its fonts once (on the
 * warm-up job) and then takes job after job. Jobs and results cross threads by structured clone, so they are plain
 * data (a file's bytes are copied back: a few hundred KB, well under a millisecond beside a render).
 */
import type { ImportResult } from '@nianbao/import';
import type { LocalizedText } from '@nianbao/model/core';
import { seedReport } from '@nianbao/model/fixtures';
import type { Job, JobResult } from './jobs.js';

async function run(job: Job): Promise<JobResult> {
  const warnings: LocalizedText[] = [];
  const onWarning = (warning: { message: LocalizedText }): void => {
    warnings.push(warning.message);
  };
  switch (job.kind) {
    case 'pdf':
    case 'docx': {
      // The PDF from the Node entry: the bundled, code-cached renderer, the same bytes as the main entry's.
      const render =
        job.kind === 'pdf'
          ? (await import('@nianbao/pdf/node')).renderReportPdf
          : (await import('@nianbao/docx')).renderReportDocx;
      const bytes = await render(job.report, {
        ...(job.draft ? { draft: true } : {}),
        ...(job.previous ? { previous: job.previous } : {}),
        creationDate: new Date(job.created),
        onWarning,
      });
      return { kind: 'file', bytes, warnings };
    }
    case 'html': {
      const { renderReportHtml } = await import('@nianbao/react/server');
      const html = renderReportHtml(job.report, { fragment: job.fragment, checks: job.checks });
      // The command line's `nianbao html` ends its output with one newline; the service sends the same text.
      const text = html.endsWith('\n') ? html : `${html}\n`;
      return { kind: 'file', bytes: new TextEncoder().encode(text), warnings };
    }
    case 'import': {
      // importDocument: everything importReport reads, and PDFs (pdf.js, asynchronous).
      const { importDocument } = await import('@nianbao/import');
      const result: ImportResult = await importDocument(new Uint8Array(job.bytes), {
        kind: job.importKind,
        ...(job.meta ? { meta: job.meta } : {}),
      });
      return { kind: 'import', result };
    }
    case 'warm': {
      // One real render loads the renderer, parses the fonts and fills the code cache: a ready worker is a fast one.
      const { renderReportPdf } = await import('@nianbao/pdf/node');
      await renderReportPdf(seedReport, { creationDate: new Date(0), onWarning });
      await import('@nianbao/docx');
      await import('@nianbao/react/server');
      await import('@nianbao/import');
      return { kind: 'warm' };
    }
  }
}

/** Run once per thread when the pool starts: one real render, so a ready thread is a fast one. */
export async function ready(): Promise<void> {
  await run({ kind: 'warm' });
}

/** The worker's entry, called by piscina with one job at a time. */
export default function handle(job: Job): Promise<JobResult> {
  return run(job);
}

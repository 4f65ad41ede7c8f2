import type { ImportKind, ImportResult } from '@nianbao/import';
import type { LocalizedText, Report } from '@nianbao/model/core';

/*
 * What the main thread asks of a worker and what it gets back: plain data, since both cross a thread boundary by
 * structured clone.
 */

/** A report to render: its format and the options the route read from the request. */
export type RenderJob =
  | {
      readonly kind: 'pdf' | 'docx';
      readonly report: Report;
      readonly previous?: Report;
      readonly draft: boolean;
      /** The file's creation date, as epoch milliseconds. */
      readonly created: number;
    }
  | { readonly kind: 'html'; readonly report: Report; readonly fragment: boolean; readonly checks: boolean };

/** One input to import. */
export interface ImportJob {
  readonly kind: 'import';
  readonly bytes: Uint8Array;
  readonly importKind: ImportKind;
  readonly meta?: { agency?: string; year?: number };
}

/** Every job a worker takes; `warm` loads and exercises everything once, for readiness. */
export type Job = RenderJob | ImportJob | { readonly kind: 'warm' };

/** What a worker sends back. */
export type JobResult =
  | { readonly kind: 'file'; readonly bytes: Uint8Array; readonly warnings: readonly LocalizedText[] }
  | { readonly kind: 'import'; readonly result: ImportResult }
  | { readonly kind: 'warm' };

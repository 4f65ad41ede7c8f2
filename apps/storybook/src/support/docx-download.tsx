import { renderReportDocx } from '@nianbao/docx';
import type { Report } from '@nianbao/model';
import { type ReactElement, useEffect, useState } from 'react';

/** The DOCX media type, for the download's Blob. */
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Props of `<DocxDownload>`. */
export interface DocxDownloadProps {
  /** The report to write with `renderReportDocx`. */
  report: Report;
  /** Draft mode: 草稿 watermark and the findings as a last section. */
  draft?: boolean;
  /** File name of the download link. */
  fileName: string;
}

type State =
  | { phase: 'rendering' }
  | { phase: 'done'; url: string; bytes: number; millis: number }
  | { phase: 'error'; message: string };

/**
 * Writes a report as a Word document in the browser with @nianbao/docx's browser-safe entry (no Node API) and
 * offers it as a download — a portal's "download as Word" button.
 */
export function DocxDownload({ report, draft = false, fileName }: DocxDownloadProps): ReactElement {
  const [state, setState] = useState<State>({ phase: 'rendering' });
  useEffect(() => {
    let cancelled = false;
    let url: string | undefined;
    const started = performance.now();
    renderReportDocx(report, {
      draft,
      creationDate: new Date(Date.UTC(report.meta.year + 1, 0, 15)),
      onWarning: () => {},
    })
      .then((bytes) => {
        if (cancelled) return;
        url = URL.createObjectURL(new Blob([bytes.slice()], { type: DOCX_TYPE }));
        setState({ phase: 'done', url, bytes: bytes.length, millis: performance.now() - started });
      })
      .catch((error: unknown) => {
        if (!cancelled)
          setState({ phase: 'error', message: error instanceof Error ? error.message : String(error) });
      });
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [report, draft]);

  return (
    <div className="sb-docx" data-phase={state.phase}>
      <p aria-live="polite">
        {state.phase === 'rendering' && '正在生成 Word 文档… Writing the Word document…'}
        {state.phase === 'error' && `Word 文档生成失败 Writing failed: ${state.message}`}
        {state.phase === 'done' && (
          <>
            <a href={state.url} download={fileName} type={DOCX_TYPE}>
              下载 Word 文档 Download {fileName}
            </a>{' '}
            （{Math.round(state.bytes / 1024)} KB，{Math.round(state.millis)} ms）
          </>
        )}
      </p>
    </div>
  );
}

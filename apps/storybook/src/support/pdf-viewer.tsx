import type { CheckOptions, Report } from '@nianbao/model';
import { type GlyphWarning, type RenderOptions, renderReportPdf } from '@nianbao/pdf';
import { GlobalWorkerOptions, getDocument, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { type ReactElement, useEffect, useRef, useState } from 'react';
import { BROWSER_PDF_FONTS } from './fonts.js';

GlobalWorkerOptions.workerSrc = workerUrl;

/** Props of `<PdfViewer>`. */
export interface PdfViewerProps {
  /** The report to render with `renderReportPdf`. */
  report: Report;
  /** Draft mode: 草稿 watermark and the findings page at the end. */
  draft?: boolean;
  /** Last year's report, for the cross-year findings on the draft page. */
  previous?: CheckOptions['previous'];
  /** File name of the download link. */
  fileName: string;
  /** CSS width of each page image. @default 420 */
  pageWidth?: number;
}

type State =
  | { phase: 'rendering' }
  | { phase: 'done'; url: string; bytes: number; pages: number; millis: number; warnings: GlyphWarning[] }
  | { phase: 'error'; message: string };

/** Draws every page of a PDF on its own canvas, in order. */
async function drawPages(doc: PDFDocumentProxy, host: HTMLElement, width: number): Promise<void> {
  host.replaceChildren();
  for (let n = 1; n <= doc.numPages; n += 1) {
    const page = await doc.getPage(n);
    const base = page.getViewport({ scale: 1 });
    const scale = (width / base.width) * Math.min(2, window.devicePixelRatio || 1);
    const viewport = page.getViewport({ scale });
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(viewport.width);
    canvas.height = Math.ceil(viewport.height);
    canvas.style.width = `${width}px`;
    canvas.style.border = '1px solid #767676';
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', `第 ${n} 页，共 ${doc.numPages} 页 Page ${n} of ${doc.numPages}`);
    canvas.dataset.page = String(n);
    host.append(canvas);
    await page.render({ canvas, viewport }).promise;
  }
}

/**
 * Renders a report to PDF in the browser with @nianbao/pdf (fonts from URLs), then shows it page by page with
 * pdf.js and offers it as a download.
 */
export function PdfViewer({
  report,
  draft = false,
  previous,
  fileName,
  pageWidth = 420,
}: PdfViewerProps): ReactElement {
  const [state, setState] = useState<State>({ phase: 'rendering' });
  const pagesRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let cancelled = false;
    let url: string | undefined;
    const started = performance.now();
    const warnings: GlyphWarning[] = [];
    const options: RenderOptions = {
      fonts: BROWSER_PDF_FONTS,
      draft,
      creationDate: new Date(Date.UTC(report.meta.year + 1, 0, 15)),
      ...(previous ? { previous } : {}),
      onWarning: (warning) => warnings.push(warning),
    };
    (async () => {
      const bytes = await renderReportPdf(report, options);
      if (cancelled) return;
      url = URL.createObjectURL(new Blob([bytes.slice()], { type: 'application/pdf' }));
      const doc = await getDocument({ data: bytes.slice() }).promise;
      if (pagesRef.current) await drawPages(doc, pagesRef.current, pageWidth);
      if (cancelled) return;
      setState({
        phase: 'done',
        url,
        bytes: bytes.length,
        pages: doc.numPages,
        millis: performance.now() - started,
        warnings,
      });
      await doc.destroy();
    })().catch((error: unknown) => {
      if (!cancelled)
        setState({ phase: 'error', message: error instanceof Error ? error.message : String(error) });
    });
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [report, draft, previous, pageWidth]);

  return (
    <div className="sb-pdf" data-phase={state.phase}>
      <p aria-live="polite">
        {state.phase === 'rendering' && '正在生成 PDF… Rendering the PDF…'}
        {state.phase === 'error' && `PDF 生成失败 Rendering failed: ${state.message}`}
        {state.phase === 'done' && (
          <>
            <a href={state.url} download={fileName}>
              下载 PDF Download {fileName}
            </a>{' '}
            （{state.pages} 页，{Math.round(state.bytes / 1024)} KB，{Math.round(state.millis)} ms）
          </>
        )}
      </p>
      {state.phase === 'done' && state.warnings.length > 0 && (
        <ul className="sb-pdf-warnings">
          {state.warnings.map((warning) => (
            <li key={warning.characters.join('')}>
              {warning.message.zh} {warning.message.en}
            </li>
          ))}
        </ul>
      )}
      <div ref={pagesRef} style={{ display: 'flex', flexWrap: 'wrap', gap: '1rem' }} />
    </div>
  );
}

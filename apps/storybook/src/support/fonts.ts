import sansBoldUrl from '@nianbao/fonts/NotoSansSC-Bold.ttf?url';
import serifBoldUrl from '@nianbao/fonts/NotoSerifSC-Bold.ttf?url';
import serifRegularUrl from '@nianbao/fonts/NotoSerifSC-Regular.ttf?url';
import type { FontSources } from '@nianbao/pdf';

/*
 * The same three TTFs that @nianbao/pdf uses by default in Node, served by Vite as files. In a browser the PDF
 * package cannot resolve its default fonts (it reads them by path), so the PDF stories pass these URLs for every
 * role through the package's public `fonts` option, with the same role → file mapping as the defaults.
 */

/** Fonts for `renderReportPdf(report, { fonts })` in the browser: URLs Vite serves, one per role. */
export const BROWSER_PDF_FONTS: FontSources = {
  title: serifBoldUrl,
  heading: sansBoldUrl,
  subheading: serifRegularUrl,
  body: serifRegularUrl,
  bodyBold: serifBoldUrl,
  table: serifRegularUrl,
  fallback: sansBoldUrl,
};

let registered = false;

/**
 * Makes the families that `--nb-font-family` names first (Noto Serif SC, Noto Sans SC) available to the page, so
 * the stories show real CJK glyphs on machines without CJK system fonts. Chromium fetches a face only when text
 * needs it.
 */
export function registerWebFonts(): void {
  if (registered || typeof document === 'undefined' || typeof FontFace === 'undefined') return;
  registered = true;
  const faces: [string, string, string][] = [
    ['Noto Serif SC', serifRegularUrl, '400'],
    ['Noto Serif SC', serifBoldUrl, '700'],
    ['Noto Sans SC', sansBoldUrl, '700'],
  ];
  for (const [family, url, weight] of faces) {
    document.fonts.add(new FontFace(family, `url(${url}) format('truetype')`, { weight, display: 'swap' }));
  }
}

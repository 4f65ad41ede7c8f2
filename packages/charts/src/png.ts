import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';

const require = createRequire(import.meta.url);

/** The font files of @nianbao/fonts the chart's `font-family` names, resolved where the package is installed. */
function fontFiles(): string[] {
  return [
    '@nianbao/fonts/NotoSerifSC-Regular.ttf',
    '@nianbao/fonts/NotoSerifSC-Bold.ttf',
    '@nianbao/fonts/NotoSansSC-Bold.ttf',
    '@nianbao/fonts/NotoSansJP-Regular.ttf',
    '@nianbao/fonts/NotoSansHK-Regular.ttf',
  ].map((specifier) => require.resolve(specifier));
}

/** Options of `svgToPng`. */
export interface PngOptions {
  /** Output width in pixels; the height follows the SVG's aspect. @default twice the SVG's width */
  width?: number;
}

/**
 * A chart's SVG as PNG bytes, drawn by resvg with only the bundled Noto fonts (system fonts are not loaded), so the
 * same SVG gives the same pixels on every machine.
 */
export function svgToPng(svg: string, options: PngOptions = {}): Uint8Array {
  const resvg = new Resvg(svg, {
    font: { fontFiles: fontFiles(), loadSystemFonts: false, defaultFontFamily: 'Noto Serif SC' },
    fitTo: options.width === undefined ? { mode: 'zoom', value: 2 } : { mode: 'width', value: options.width },
    background: '#ffffff',
  });
  return new Uint8Array(resvg.render().asPng());
}

import { type CSSProperties, type ReactElement, type ReactNode, useLayoutEffect, useState } from 'react';

/**
 * A media condition a story shows without changing the browser: `print` (the `@media print` rules) or
 * `forced-colors` (the `@media (forced-colors: active)` rules plus a system-colour palette).
 */
export type EmulatedMedia = 'print' | 'forced-colors';

const MATCH: Record<EmulatedMedia, (condition: string) => boolean> = {
  print: (condition) => /\bprint\b/.test(condition),
  'forced-colors': (condition) => /forced-colors\s*:\s*active/.test(condition),
};

/*
 * A forced palette overrides the author's colours with system colours on every element that does not opt out
 * with `forced-color-adjust: none` (CSS Color Adjust §3), whatever the author's specificity: hence `!important`.
 * This is the part of the mode that no stylesheet of ours says, so the emulation adds it. Elements that opt out
 * (the status glyphs) get CanvasText on Canvas from the package's own forced-colors rules anyway.
 */
const FORCED_PALETTE = `
[data-nb-media~="forced-colors"] * {
  color: CanvasText !important;
  background-color: Canvas !important;
  border-color: CanvasText !important;
  box-shadow: none !important;
}
[data-nb-media~="forced-colors"] a { color: LinkText !important; }
[data-nb-media~="forced-colors"] :focus-visible { outline-color: Highlight !important; }
`;

function prefixSelectors(selectorText: string, scope: string): string {
  return selectorText
    .split(',')
    .map((selector) => `${scope} ${selector.trim()}`)
    .join(', ');
}

/** The rules of every `@media` block matching `media` in the page's stylesheets, scoped under `scope`. */
export function rulesFor(media: EmulatedMedia, scope: string): string {
  const out: string[] = [];
  const visit = (rules: CSSRuleList): void => {
    for (const rule of Array.from(rules)) {
      if (rule instanceof CSSMediaRule && MATCH[media](rule.conditionText)) {
        for (const inner of Array.from(rule.cssRules)) {
          // @page and other at-rules have no meaning inside an element.
          if (inner instanceof CSSStyleRule) {
            out.push(`${prefixSelectors(inner.selectorText, scope)} { ${inner.style.cssText} }`);
          }
        }
      } else if (rule instanceof CSSMediaRule || rule instanceof CSSSupportsRule) {
        visit(rule.cssRules);
      }
    }
  };
  for (const sheet of Array.from(document.styleSheets)) {
    try {
      visit(sheet.cssRules);
    } catch {
      // A cross-origin sheet cannot be read; ours are all same-origin.
    }
  }
  return out.join('\n');
}

/** Props of `<EmulateMedia>`. */
export interface EmulateMediaProps {
  media: EmulatedMedia;
  children?: ReactNode;
}

/**
 * Shows its children as they look under a media condition, by copying the matching `@media` rules of the page's
 * stylesheets under a scope attribute. Real emulation needs the browser (DevTools › Rendering › "Emulate CSS
 * media"); this works in every browser and in the story tests.
 */
export function EmulateMedia({ media, children }: EmulateMediaProps): ReactElement {
  const [css, setCss] = useState('');
  const scope = `[data-nb-media~="${media}"]`;
  useLayoutEffect(() => {
    setCss(rulesFor(media, scope) + (media === 'forced-colors' ? FORCED_PALETTE : ''));
  }, [media, scope]);
  const style: CSSProperties | undefined = media === 'print' ? { maxWidth: '174mm' } : undefined;
  return (
    <div data-nb-media={media} data-nb-media-ready={css ? 'true' : 'false'} style={style}>
      <style>{css}</style>
      {children}
    </div>
  );
}

/** Props of `<Zoom>`. */
export interface ZoomProps {
  /** The zoom factor: 2 shows the page as at 200 % browser zoom (half the CSS width, everything twice as big). */
  factor: number;
  children?: ReactNode;
}

/** Lays its children out as the browser does at a page zoom of `factor` (CSS `zoom`). */
export function Zoom({ factor, children }: ZoomProps): ReactElement {
  return (
    <div data-nb-zoom={factor} style={{ zoom: factor }}>
      {children}
    </div>
  );
}

/** Props of `<Viewport>`. */
export interface ViewportProps {
  /** CSS width in pixels, e.g. 360 for a small phone. */
  width: number;
  children?: ReactNode;
}

/** A fixed-width frame standing in for a narrow viewport. */
export function Viewport({ width, children }: ViewportProps): ReactElement {
  return (
    <div data-nb-viewport={width} style={{ width, maxWidth: '100%', border: '1px dashed #767676' }}>
      {children}
    </div>
  );
}

import { checkReport, type Report } from '@nianbao/model/core';
import { pdf } from '@react-pdf/renderer';
import { createElement } from 'react';
import {
  type DocumentOptions,
  type DraftFinding,
  ReportDocument,
  type ReportDocumentProps,
} from './document.js';
import {
  type FontFamilies,
  type FontSources,
  type GlyphFont,
  loadFamilies,
  loadFonts,
  rareFallbackFamilies,
  registerFonts,
} from './fonts.js';
import { type GlyphWarning, glyphWarnings, textByRole } from './glyphs.js';

/** Options of {@link renderReportPdf}. */
export interface RenderOptions extends DocumentOptions {
  /** Fonts per role (path, URL or bytes); roles left out use the bundled Noto Serif SC / Noto Sans SC. */
  readonly fonts?: FontSources;
  /** Last year's report, for the cross-year rules on the draft's findings page. */
  readonly previous?: Report;
  /** Receives warnings (characters no font has…). @default print them with console.warn */
  readonly onWarning?: (warning: GlyphWarning) => void;
}

function findingsFor(report: Report, options: RenderOptions): readonly DraftFinding[] {
  if (options.findings) return options.findings;
  return checkReport(report, options.previous ? { previous: options.previous } : {});
}

/**
 * The role fonts plus, when the report has characters none of them has, the bundled rare-character fallbacks that
 * print at least one of those characters, with the glyph warnings for that set.
 */
async function fontsFor(
  roles: FontFamilies,
  text: ReturnType<typeof textByRole>,
): Promise<{ families: FontFamilies; warnings: GlyphWarning[] }> {
  const parsed: Map<string, GlyphFont> = await loadFonts(roles);
  const warnings = glyphWarnings(text, roles, parsed);
  const missing = warnings.filter((w) => !w.fallback).flatMap((w) => w.characters);
  if (missing.length === 0) return { families: roles, warnings };
  const candidates = rareFallbackFamilies();
  const rareParsed = await loadFamilies(candidates);
  const rare = candidates.filter((family) =>
    missing.some((ch) => rareParsed.get(family)?.hasGlyphForCodePoint(ch.codePointAt(0) ?? 0)),
  );
  if (rare.length === 0) return { families: roles, warnings };
  const families: FontFamilies = { ...roles, rare };
  return { families, warnings: glyphWarnings(text, families, new Map([...parsed, ...rareParsed])) };
}

/** Renders a report to PDF bytes. Fonts are registered and parsed once per process, then reused. */
export async function renderReportPdf(
  report: Report,
  options: RenderOptions = {},
): Promise<Uint8Array<ArrayBuffer>> {
  const findings = options.draft ? findingsFor(report, options) : undefined;
  const { families, warnings } = await fontsFor(registerFonts(options.fonts), textByRole(report, findings));
  const warn = options.onWarning ?? ((w: GlyphWarning) => console.warn(`@nianbao/pdf: ${w.message.en}`));
  for (const warning of warnings) warn(warning);
  const props: ReportDocumentProps = {
    ...options,
    report,
    fonts: families,
    ...(findings ? { findings } : {}),
  };
  // react-pdf's pdf() is typed for a <Document> element; ReportDocument renders exactly one.
  const element = createElement(ReportDocument, props) as unknown as Parameters<typeof pdf>[0];
  const instance = pdf(element);
  const blob = await instance.toBlob();
  // Let go of the document: react-pdf never unmounts it, and React keeps every root it made in its schedule, so each
  // render's fibers (≈ 1,100, with their props: the whole report) and react-pdf's node tree (held by the root's
  // container, which react-pdf's unmount never clears) stayed reachable for the life of the process, ≈ 1.4–2.2 MB a
  // render. Rendering nothing frees the fibers; clearing the container frees the node tree.
  instance.updateContainer(null as unknown as Parameters<typeof instance.updateContainer>[0]);
  (instance.container as { document: unknown }).document = null;
  return new Uint8Array(await blob.arrayBuffer());
}

/**
 * Renders a report and writes it to `path` atomically: the bytes go to a temporary file beside it, which is then
 * renamed over `path`, so an interrupted render never leaves a half-written PDF. Node only.
 */
export async function renderReportPdfToFile(
  report: Report,
  path: string,
  options: RenderOptions = {},
): Promise<void> {
  const bytes = await renderReportPdf(report, options);
  const fs = await import('node:fs/promises');
  const temp = `${path}.${process.pid}.${Date.now().toString(36)}.tmp`;
  try {
    await fs.writeFile(temp, bytes);
    await fs.rename(temp, path);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

import type { LocalizedText, Report } from '@nianbao/model/core';
import {
  formatCellValue,
  NARRATIVE_HEADINGS as PART_HEADINGS,
  readCell,
  reportTitle,
  STATUTORY_TABLES,
  statutoryLayout,
} from '@nianbao/model/core';
import type { DraftFinding } from './document.js';
import type { FontFamilies, GlyphFont } from './fonts.js';
import type { FontRole } from './roles.js';

/**
 * A character the chosen font lacks. `fallback: true` means it is printed with the fallback font; `false` means no
 * registered font has it (register one that does under the `fallback` role).
 */
export interface GlyphWarning {
  readonly code: 'missing-glyph';
  /** The characters, each once, in order of first use. */
  readonly characters: readonly string[];
  /** The roles whose font lacks them. */
  readonly roles: readonly FontRole[];
  readonly fallback: boolean;
  readonly message: LocalizedText;
}

/** Every piece of text the document prints, by the font role that prints it. */
export function textByRole(report: Report, findings?: readonly DraftFinding[]): Record<FontRole, string[]> {
  const out: Record<FontRole, string[]> = {
    title: [reportTitle(report.meta)],
    heading: [PART_HEADINGS.overview, PART_HEADINGS.problems, PART_HEADINGS.other],
    subheading: [],
    body: [...(report.preamble ?? []), '— 0123456789 —'],
    bodyBold: [],
    table: [],
    fallback: [],
  };
  for (const spec of STATUTORY_TABLES) {
    const layout = statutoryLayout(spec.id);
    out.heading.push(layout.caption);
    for (const section of layout.sections) {
      for (const row of section.rows) {
        for (const cell of row.cells) {
          if (cell.label) out.table.push(cell.label);
          if (cell.address) out.table.push(formatCellValue(readCell(report, cell.address)));
        }
      }
    }
  }
  const sections = report.sections ?? {};
  for (const blocks of [sections.overview, sections.problems, sections.other]) {
    for (const block of blocks ?? []) {
      if (block.type === 'heading') (block.level === 2 ? out.subheading : out.body).push(block.text);
      else {
        out.body.push(block.text);
        if (block.lead) out.bodyBold.push(block.lead);
      }
    }
  }
  if (findings) {
    out.heading.push('校核结果（草稿附页，不属于年度报告正文）草稿');
    for (const finding of findings) out.body.push(finding.message.zh, finding.rule, ...finding.cells);
  }
  return out;
}

const IGNORED = /[\s\u00ad\u200b-\u200d\u2060\ufeff]/u;

/**
 * Finds the characters each role's font cannot print and whether a fallback font can (`families.fallback`, then
 * `families.rare` in order). Never throws; a font that failed to load counts as having no glyphs.
 */
export function glyphWarnings(
  text: Record<FontRole, string[]>,
  families: FontFamilies,
  fonts: ReadonlyMap<string, GlyphFont>,
): GlyphWarning[] {
  const fallbackFonts = [families.fallback, ...(families.rare ?? [])].map((family) => fonts.get(family));
  const fallbackFont: GlyphFont = {
    hasGlyphForCodePoint: (cp) => fallbackFonts.some((font) => font?.hasGlyphForCodePoint(cp) === true),
  };
  const missing = new Map<string, { roles: Set<FontRole>; fallback: boolean }>();
  for (const role of Object.keys(text) as FontRole[]) {
    const font = fonts.get(families[role]);
    for (const piece of text[role]) {
      for (const ch of piece) {
        if (IGNORED.test(ch)) continue;
        const cp = ch.codePointAt(0) ?? 0;
        if (font?.hasGlyphForCodePoint(cp)) continue;
        const entry = missing.get(ch) ?? {
          roles: new Set<FontRole>(),
          fallback: fallbackFont.hasGlyphForCodePoint(cp),
        };
        entry.roles.add(role);
        missing.set(ch, entry);
      }
    }
  }
  const warnings: GlyphWarning[] = [];
  for (const fallback of [true, false]) {
    const chars = [...missing].filter(([, e]) => e.fallback === fallback);
    if (chars.length === 0) continue;
    const characters = chars.map(([ch]) => ch);
    const roles = [...new Set(chars.flatMap(([, e]) => [...e.roles]))];
    const list = characters.join('、');
    const codes = characters
      .map((ch) => `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase()}`)
      .join(', ');
    warnings.push({
      code: 'missing-glyph',
      characters,
      roles,
      fallback,
      message: fallback
        ? {
            zh: `字体缺字：${list}（${codes}），已改用后备字体印出。`,
            en: `The font lacks ${list} (${codes}); printed with the fallback font.`,
          }
        : {
            zh: `字体缺字：${list}（${codes}），后备字体也没有，将印成空框；请用 --font fallback=字体文件 指定含这些字的字体。`,
            en: `No font has ${list} (${codes}), so they would print as empty boxes; register a font that does with --font fallback=FILE.`,
          },
    });
  }
  return warnings;
}

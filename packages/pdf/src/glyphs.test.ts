import { type Report, writeCell } from '@nianbao/model';
import { seedReport } from '@nianbao/model/fixtures';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  defaultFontSources,
  type FontFamilies,
  type GlyphFont,
  loadFonts,
  rareFallbackFamilies,
  registerFonts,
} from './fonts.js';
import { glyphWarnings, textByRole } from './glyphs.js';
import { type GlyphWarning, renderReportPdf } from './index.js';
import { pdfPages } from './test-support/poppler.js';

function withParagraph(text: string): Report {
  const report = structuredClone(seedReport) as Report;
  report.sections = { ...report.sections, other: [{ type: 'paragraph', text }] };
  return report;
}

describe('glyph fallback', () => {
  let families: FontFamilies;
  let fonts: Map<string, GlyphFont>;
  beforeAll(async () => {
    families = registerFonts();
    fonts = await loadFonts(families);
  });

  it('the seed report needs no fallback: the default fonts cover every character it prints', () => {
    expect(glyphWarnings(textByRole(seedReport), families, fonts)).toEqual([]);
  });

  it('names a character the body font lacks and says the fallback font prints it (𰻝 is in Noto Sans SC only)', () => {
    const warnings = glyphWarnings(textByRole(withParagraph('陕西𰻝𰻝面馆')), families, fonts);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      code: 'missing-glyph',
      characters: ['𰻝'],
      roles: ['body'],
      fallback: true,
    });
    expect(warnings[0]?.message.zh).toContain('𰻝');
    expect(warnings[0]?.message.en).toContain('U+30EDD');
  });

  it('with the role fonts alone, reports 𠮷 as unprintable, naming it and the roles', () => {
    const report = writeCell(withParagraph('𠮷林乡与𰻝'), 't2.fees.amount', 1.5);
    report.meta = { ...report.meta, agency: '𠮷林乡人民政府', title: undefined };
    const warnings = glyphWarnings(textByRole(report), families, fonts);
    const none = warnings.find((w) => !w.fallback);
    expect(none?.characters).toEqual(['𠮷']);
    expect(none?.roles).toEqual(expect.arrayContaining(['title', 'body']));
    expect(warnings.find((w) => w.fallback)?.characters).toEqual(['𰻝']);
  });

  it('the rare-character fallbacks print 𠮷 (Noto Sans JP) and 𡘙 (Noto Sans HK); 𪚥 is in none of them', async () => {
    const rare = rareFallbackFamilies();
    expect(rare).toHaveLength(2);
    const withRare: FontFamilies = { ...families, rare };
    const all = await loadFonts(withRare);
    const warnings = glyphWarnings(textByRole(withParagraph('𠮷林乡、𡘙村与𪚥')), withRare, all);
    expect(warnings.find((w) => w.fallback)?.characters).toEqual(['𠮷', '𡘙']);
    expect(warnings.find((w) => !w.fallback)?.characters).toEqual(['𪚥']);
    expect(warnings.find((w) => !w.fallback)?.message.zh).toContain('空框');
  });

  it('renders 𠮷 with a bundled fallback, warns that it did, and the character comes back out of the PDF', async () => {
    const seen: GlyphWarning[] = [];
    const report = withParagraph('𠮷林乡人民政府');
    const bytes = await renderReportPdf(report, { onWarning: (w) => seen.push(w) });
    expect(seen.map((w) => [w.characters, w.fallback])).toEqual([[['𠮷'], true]]);
    const latin = new TextDecoder('latin1').decode(bytes);
    expect(latin).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansJP-Regular/);
    // Only the fallback that has a missing character is embedded.
    expect(latin).not.toContain('NotoSansHK');
    expect(pdfPages(bytes).join('')).toContain('𠮷林乡人民政府');
  }, 60_000);

  it('a report without rare characters does not load or embed the rare-character fallbacks', async () => {
    const latin = new TextDecoder('latin1').decode(
      await renderReportPdf(seedReport, { onWarning: () => {} }),
    );
    expect(latin).not.toMatch(/NotoSans(JP|HK)/);
  }, 60_000);

  it('renderReportPdf passes the warnings to onWarning and still renders', async () => {
    const seen: GlyphWarning[] = [];
    const bytes = await renderReportPdf(withParagraph('陕西𰻝𰻝面'), { onWarning: (w) => seen.push(w) });
    expect(seen.map((w) => w.characters)).toEqual([['𰻝']]);
    expect(new TextDecoder('latin1').decode(bytes.subarray(0, 5))).toBe('%PDF-');
    // The fallback glyph comes from Noto Sans SC, so both families are embedded.
    expect(new TextDecoder('latin1').decode(bytes)).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Bold/);
  }, 60_000);
});

describe('registerFonts', () => {
  it('registers a source once per process and lets table and （一） headings follow a custom body font', () => {
    const body = defaultFontSources().fallback;
    const a = registerFonts({ body });
    const b = registerFonts({ body });
    expect(a).toEqual(b);
    expect(a.table).toBe(a.body);
    expect(a.subheading).toBe(a.body);
    expect(a.title).toBe(registerFonts().title);
    expect(a.body).not.toBe(registerFonts().body);
  });
});

import { type Report, writeCell } from '@nianbao/model';
import { seedReport } from '@nianbao/model/fixtures';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultFontSources, type FontFamilies, type GlyphFont, loadFonts, registerFonts } from './fonts.js';
import { glyphWarnings, textByRole } from './glyphs.js';
import { type GlyphWarning, renderReportPdf } from './index.js';

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

  it('reports a character no font has (𠮷) as unprintable, naming it and the role', () => {
    const report = writeCell(withParagraph('𠮷林乡与𰻝'), 't2.fees.amount', 1.5);
    report.meta = { ...report.meta, agency: '𠮷林乡人民政府', title: undefined };
    const warnings = glyphWarnings(textByRole(report), families, fonts);
    const none = warnings.find((w) => !w.fallback);
    expect(none?.characters).toEqual(['𠮷']);
    expect(none?.roles).toEqual(expect.arrayContaining(['title', 'body']));
    expect(warnings.find((w) => w.fallback)?.characters).toEqual(['𰻝']);
  });

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

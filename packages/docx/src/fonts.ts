import type { FontRole } from '@nianbao/model/core';

/*
 * Word does not embed fonts here: a DOCX names them, and the machine that opens it supplies them. The defaults are
 * the names a Chinese office machine has for GB/T 9704 (方正小标宋简体, 黑体, 楷体_GB2312, 仿宋_GB2312). Each is
 * written with `eastAsia` (the font Word uses for Chinese text) as well as `ascii`/`hAnsi`, and the font table
 * (`word/fontTable.xml`) lists every one with `altName` — the alternative names Word tries when the font is
 * missing (ECMA-376 §17.8.3.1) — plus the GB2312 character set, so a machine without 仿宋_GB2312 uses 仿宋 (Windows'
 * FangSong) rather than a Latin font. The `fallback` role's font ends every list.
 */

/** A role's font: its name, and the names tried in order when a machine lacks it. */
export interface DocxFont {
  /** The font name as Word knows it, e.g. `仿宋_GB2312`. */
  readonly name: string;
  /** Alternative names, tried in order (the font table's `altName`). @default [] */
  readonly fallbacks?: readonly string[];
}

/** Fonts per role: a name, or a name with its fallbacks. Roles left out use {@link DEFAULT_DOCX_FONTS}. */
export type DocxFontOptions = Partial<Record<FontRole, string | DocxFont>>;

/** The resolved font of every role. */
export type DocxFonts = Readonly<Record<FontRole, DocxFont>>;

/** GB/T 9704-2012's fonts under the names Chinese offices have, with the names of their common substitutes. */
export const DEFAULT_DOCX_FONTS: DocxFonts = {
  title: { name: '方正小标宋简体', fallbacks: ['方正小标宋_GBK', '华文中宋', 'STZhongsong'] },
  heading: { name: '黑体', fallbacks: ['SimHei', '方正黑体_GBK', 'Heiti SC'] },
  subheading: { name: '楷体_GB2312', fallbacks: ['楷体', 'KaiTi', 'STKaiti'] },
  body: { name: '仿宋_GB2312', fallbacks: ['仿宋', 'FangSong', 'STFangsong'] },
  bodyBold: { name: '仿宋_GB2312', fallbacks: ['仿宋', 'FangSong', 'STFangsong'] },
  table: { name: '仿宋_GB2312', fallbacks: ['仿宋', 'FangSong', 'STFangsong'] },
  fallback: { name: '宋体', fallbacks: ['SimSun', 'Songti SC'] },
};

/** Fills in the default of every role the options leave out. */
export function resolveDocxFonts(options: DocxFontOptions | undefined): DocxFonts {
  const out = { ...DEFAULT_DOCX_FONTS } as Record<FontRole, DocxFont>;
  for (const [role, value] of Object.entries(options ?? {}) as [FontRole, string | DocxFont | undefined][]) {
    if (value === undefined) continue;
    out[role] = typeof value === 'string' ? { name: value } : value;
  }
  return out;
}

/** A role's font as run properties: the same font for East Asian and Latin text. */
export function runFont(font: DocxFont): { ascii: string; eastAsia: string; hAnsi: string; cs: string } {
  return { ascii: font.name, eastAsia: font.name, hAnsi: font.name, cs: font.name };
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * `word/fontTable.xml`: every font the document names, each with its fallbacks (`altName`, then the `fallback`
 * role's font and its fallbacks), charset 86 (GB2312) and a family, which is what Word substitutes by.
 */
export function fontTableXml(fonts: DocxFonts): string {
  const seen = new Map<string, string[]>();
  const tail = [fonts.fallback.name, ...(fonts.fallback.fallbacks ?? [])];
  for (const font of Object.values(fonts)) {
    const list = seen.get(font.name) ?? [];
    for (const alt of [...(font.fallbacks ?? []), ...tail]) {
      if (alt !== font.name && !list.includes(alt)) list.push(alt);
    }
    seen.set(font.name, list);
  }
  const entries = [...seen].map(
    ([name, alts]) =>
      `<w:font w:name="${escapeXml(name)}">` +
      (alts.length > 0 ? `<w:altName w:val="${escapeXml(alts.join(','))}"/>` : '') +
      '<w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>',
  );
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    `${entries.join('')}</w:fonts>`
  );
}

import type { FontRole, LocalizedText } from '@nianbao/model/core';
import type { DocxFonts } from './fonts.js';

/*
 * What a DOCX can honestly warn about. The PDF embeds its fonts and knows every glyph; a DOCX only names fonts,
 * and the machine that opens it supplies them, so glyph coverage is unknown in general. What is known is the
 * character set that some office fonts are built to: the `…_GB2312` fonts and 方正's `…简体` fonts cover GB 2312
 * (6,763 hanzi), Windows' 黑体 / 宋体 / 仿宋 / 楷体 and the `…_GBK` fonts cover GBK (21,886 characters). A character
 * outside its role font's set is reported: printed by Word in a substitute font when the `fallback` role's font's
 * set has it (`fallback: true`), and possibly as an empty box when it is outside GBK too (`fallback: false`).
 * For a font of unknown coverage (any other name) nothing is claimed. The sets come from the platform's GBK decoder
 * (`TextDecoder('gbk')`, in every browser and in Node with ICU); without one, no warning is made.
 */

/** A character set a Word font is known to be built to. */
export type Charset = 'gb2312' | 'gbk';

/** A character that a role's font (by its known character set) lacks. */
export interface DocxGlyphWarning {
  readonly code: 'missing-glyph';
  /** The characters, each once, in order of first use. */
  readonly characters: readonly string[];
  /** The roles whose font lacks them. */
  readonly roles: readonly FontRole[];
  /** `true`: the `fallback` role's font has them (Word substitutes it); `false`: outside GBK as well. */
  readonly fallback: boolean;
  readonly message: LocalizedText;
}

const GBK_FAMILIES =
  /^(黑体|宋体|新宋体|仿宋|楷体|SimHei|SimSun|NSimSun|FangSong|KaiTi|微软雅黑|Microsoft YaHei)$/i;

/** The character set a font name is known to be built to, or `undefined` when its coverage is not known. */
export function knownCharset(fontName: string): Charset | undefined {
  if (/_GB2312$/i.test(fontName) || /^方正.*简体$/.test(fontName)) return 'gb2312';
  if (/_GBK$/i.test(fontName) || GBK_FAMILIES.test(fontName)) return 'gbk';
  return undefined;
}

const sets = new Map<Charset, ReadonlySet<number> | null>();
/** Decodes every double-byte code of the given lead/trail ranges as GBK. */
function decodeRange(
  decoder: { decode(bytes: Uint8Array): string },
  leads: [number, number],
  trails: [number, number],
): Set<number> {
  const bytes: number[] = [];
  for (let lead = leads[0]; lead <= leads[1]; lead++) {
    for (let trail = trails[0]; trail <= trails[1]; trail++) {
      if (trail === 0x7f) continue;
      bytes.push(lead, trail);
    }
  }
  const out = new Set<number>();
  for (const ch of decoder.decode(new Uint8Array(bytes))) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp !== 0xfffd) out.add(cp);
  }
  for (let cp = 0x20; cp < 0x7f; cp++) out.add(cp);
  return out;
}

/**
 * The code points of a character set, or `null` when this platform has no GBK decoder. Each is decoded once, when
 * first asked for (GBK only when a character is outside GB 2312).
 */
export function charset(name: Charset): ReadonlySet<number> | null {
  const known = sets.get(name);
  if (known !== undefined) return known;
  let set: ReadonlySet<number> | null;
  try {
    const decoder = new TextDecoder('gbk');
    // GB 2312 is GBK's rows A1–F7 × cells A1–FE; GBK is leads 81–FE × trails 40–FE (7F excluded).
    set =
      name === 'gb2312'
        ? decodeRange(decoder, [0xa1, 0xf7], [0xa1, 0xfe])
        : decodeRange(decoder, [0x81, 0xfe], [0x40, 0xfe]);
  } catch {
    set = null;
  }
  sets.set(name, set);
  return set;
}

const IGNORED = /[\s\u00ad\u200b-\u200d\u2060\ufeff]/u;

/** The characters that each role's font lacks by its known character set, grouped as the PDF groups them. */
export function docxGlyphWarnings(
  text: Readonly<Record<FontRole, readonly string[]>>,
  fonts: DocxFonts,
): DocxGlyphWarning[] {
  const fallbackSet = [fonts.fallback.name, ...(fonts.fallback.fallbacks ?? [])]
    .map(knownCharset)
    .find((c) => c !== undefined);
  const missing = new Map<string, { roles: Set<FontRole>; fallback: boolean }>();
  if (!charset('gb2312')) return [];
  // GBK contains GB 2312: a character in GB 2312 needs no look-up in GBK, so GBK is decoded only for the rare
  // character outside GB 2312.
  const has = (name: Charset, cp: number): boolean =>
    charset('gb2312')?.has(cp) === true || (name === 'gbk' && charset('gbk')?.has(cp) === true);
  for (const role of Object.keys(text) as FontRole[]) {
    const name = knownCharset(fonts[role].name);
    if (!name) continue;
    for (const piece of text[role]) {
      for (const ch of piece) {
        const cp = ch.codePointAt(0) ?? 0;
        if (has(name, cp) || IGNORED.test(ch)) continue;
        const entry = missing.get(ch) ?? {
          roles: new Set<FontRole>(),
          fallback: fallbackSet !== undefined && has(fallbackSet, cp),
        };
        entry.roles.add(role);
        missing.set(ch, entry);
      }
    }
  }
  const warnings: DocxGlyphWarning[] = [];
  for (const fallback of [true, false]) {
    const chars = [...missing].filter(([, e]) => e.fallback === fallback);
    if (chars.length === 0) continue;
    const characters = chars.map(([ch]) => ch);
    const roles = [...new Set(chars.flatMap(([, e]) => [...e.roles]))];
    const names = [...new Set(roles.map((role) => fonts[role].name))].join('、');
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
            zh: `字体缺字：${list}（${codes}）不在 ${names} 的字符集内，Word 会改用 ${fonts.fallback.name} 等字体显示，字形会与上下文不同。`,
            en: `${names} lack ${list} (${codes}): outside the fonts' character set; Word shows them in ${fonts.fallback.name} or another font, so they look different.`,
          }
        : {
            zh: `字体缺字：${list}（${codes}）不在 GBK 字符集内，办公电脑上的常用字体多半没有，可能显示为空框；请在 Word 中检查，或用含这些字的字体（--font fallback=字体名）。`,
            en: `${list} (${codes}) are outside GBK: the fonts office machines have mostly lack them and may show empty boxes; check the document in Word, or name a font that has them (--font fallback=NAME).`,
          },
    });
  }
  return warnings;
}

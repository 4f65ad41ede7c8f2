import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  exports: Record<string, string>;
  files: string[];
};
const fontExports = Object.keys(manifest.exports).filter((key) => key.endsWith('.ttf'));

/** The name table's records for one name id, decoded (Windows platform: UTF-16BE). */
function names(font: Buffer, nameId: number): string[] {
  const tables = font.readUInt16BE(4);
  for (let i = 0; i < tables; i++) {
    const entry = 12 + i * 16;
    if (font.toString('latin1', entry, entry + 4) !== 'name') continue;
    const table = font.readUInt32BE(entry + 8);
    const count = font.readUInt16BE(table + 2);
    const strings = table + font.readUInt16BE(table + 4);
    const out: string[] = [];
    for (let r = 0; r < count; r++) {
      const record = table + 6 + r * 12;
      if (font.readUInt16BE(record) !== 3 || font.readUInt16BE(record + 6) !== nameId) continue;
      const length = font.readUInt16BE(record + 8);
      const start = strings + font.readUInt16BE(record + 10);
      out.push(
        font
          .subarray(start, start + length)
          .swap16()
          .toString('utf16le'),
      );
    }
    return out;
  }
  return [];
}

describe('@nianbao/fonts', () => {
  it('exports exactly the files @nianbao/pdf uses', () => {
    expect(fontExports.sort()).toEqual([
      './NotoSansHK-Regular.ttf',
      './NotoSansJP-Regular.ttf',
      './NotoSansSC-Bold.ttf',
      './NotoSerifSC-Bold.ttf',
      './NotoSerifSC-Regular.ttf',
    ]);
  });

  it.each(fontExports)('%s resolves to a TrueType font of the family and weight its name says', (key) => {
    const font = readFileSync(fileURLToPath(import.meta.resolve(`@nianbao/fonts/${key.slice(2)}`)));
    // sfnt version 1.0: TrueType outlines, which react-pdf (fontkit) reads and subsets.
    expect(font.readUInt32BE(0)).toBe(0x00010000);
    const [family, style] = key.slice(2, -'.ttf'.length).split('-') as [string, string];
    const expectedFamily = family.replace(/(SC|JP|HK)$/, ' $1').replace(/^Noto(Sans|Serif)/, 'Noto $1');
    expect(names(font, 1).some((n) => n.startsWith(expectedFamily))).toBe(true);
    expect(names(font, 4).some((n) => n.endsWith(style))).toBe(true);
    // Han coverage is what the package is for: a CJK font is megabytes, a Latin-only one is not.
    expect(font.length).toBeGreaterThan(5_000_000);
  });

  it('ships the SIL Open Font License with the files', () => {
    expect(manifest.files).toContain('dist/LICENSE-*.txt');
    for (const family of ['NotoSerifSC', 'NotoSansSC', 'NotoSansJP', 'NotoSansHK']) {
      const text = readFileSync(new URL(`../dist/LICENSE-${family}.txt`, import.meta.url), 'utf8');
      expect(text).toContain('SIL Open Font License');
    }
  });
});

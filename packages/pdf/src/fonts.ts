import { Font } from '@react-pdf/renderer';
import { missingFontMessage, packagedFontPath } from './font-path.js';
import { FONT_ROLES, type FontRole } from './roles.js';

/*
 * Fonts by role. Each role is a react-pdf font family registered once per process (react-pdf's font store is
 * global and appends on every register, so registering per render would leak and re-parse). A family is keyed by
 * its source, so a user font registered under two roles is parsed once. Fonts are parsed lazily on first use and
 * kept parsed for the life of the process: parsing a 10–15 MB CJK TTF costs 40–60 ms.
 */

/** A font file: a path (Node), a URL or data URL (browser), or its bytes (TTF/OTF; not WOFF2, not a .ttc). */
export type FontSource = string | Uint8Array;

/** Fonts per role; a role left out uses the default. */
export type FontSources = Partial<Record<FontRole, FontSource>>;

/**
 * The react-pdf family names of each role, as `<ReportDocument>` uses them; `rare` lists further fallback families
 * tried, in order, after `fallback` (`renderReportPdf` adds the bundled rare-character fonts there when needed).
 */
export type FontFamilies = Readonly<Record<FontRole, string>> & { readonly rare?: readonly string[] };

const DEFAULT_FILES = {
  serifRegular: '@nianbao/fonts/NotoSerifSC-Regular.ttf',
  serifBold: '@nianbao/fonts/NotoSerifSC-Bold.ttf',
  sansBold: '@nianbao/fonts/NotoSansSC-Bold.ttf',
} as const;

/** Which default file each role uses: three files (two of Noto Serif SC, one of Noto Sans SC) in all. */
const DEFAULT_ROLE_FILE: Record<FontRole, keyof typeof DEFAULT_FILES> = {
  title: 'serifBold',
  heading: 'sansBold',
  subheading: 'serifRegular',
  body: 'serifRegular',
  bodyBold: 'serifBold',
  table: 'serifRegular',
  fallback: 'sansBold',
};

/**
 * Fonts for characters none of the role fonts has: Google's Noto Sans SC lacks most of CJK Extension B (𠮷 in
 * place and personal names); the JP and HK cuts add about 2,000 such characters. Parsed only when a report
 * needs them, so they cost nothing otherwise.
 */
const RARE_FALLBACK_FILES = [
  '@nianbao/fonts/NotoSansJP-Regular.ttf',
  '@nianbao/fonts/NotoSansHK-Regular.ttf',
] as const;

let defaults: Record<FontRole, string> | undefined;

/**
 * The default font files as local paths: Noto Serif SC Regular/Bold and Noto Sans SC Bold from the
 * `@nianbao/fonts` package (just those three files). Node only (in a browser pass URLs in `fonts`).
 * @throws Error when the font packages cannot be resolved (a browser build without `fonts`).
 */
export function defaultFontSources(): Record<FontRole, string> {
  if (defaults) return defaults;
  const files = {} as Record<keyof typeof DEFAULT_FILES, string>;
  for (const [key, specifier] of Object.entries(DEFAULT_FILES)) {
    const path = packagedFontPath(specifier);
    if (path === undefined) {
      throw new Error(missingFontMessage(specifier));
    }
    files[key as keyof typeof DEFAULT_FILES] = path;
  }
  const out = {} as Record<FontRole, string>;
  for (const role of FONT_ROLES) out[role] = files[DEFAULT_ROLE_FILE[role]];
  defaults = out;
  return out;
}

const familiesBySource = new Map<string, string>();
const bytesIds = new WeakMap<Uint8Array, string>();
let counter = 0;

function sourceKey(source: FontSource): string {
  if (typeof source === 'string') return source;
  let id = bytesIds.get(source);
  if (!id) {
    counter += 1;
    id = `bytes-${counter}`;
    bytesIds.set(source, id);
  }
  return id;
}

function toSrc(source: FontSource): string {
  if (typeof source === 'string') return source;
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < source.length; i += chunk) {
    binary += String.fromCharCode(...source.subarray(i, i + chunk));
  }
  return `data:font/ttf;base64,${btoa(binary)}`;
}

/** Registers (once per process per source) a family for a font file and returns its family name. */
function familyFor(source: FontSource): string {
  const key = sourceKey(source);
  let family = familiesBySource.get(key);
  if (!family) {
    family = `nianbao-${familiesBySource.size + 1}`;
    Font.register({ family, src: toSrc(source) });
    familiesBySource.set(key, family);
  }
  return family;
}

/** Resolves a role → source map (defaults filled in) to registered react-pdf families. Cheap after the first call. */
export function registerFonts(sources: FontSources = {}): FontFamilies {
  const needDefaults = FONT_ROLES.some(
    (role) => sources[role] === undefined && !((role === 'table' || role === 'subheading') && sources.body),
  );
  const base = needDefaults ? defaultFontSources() : undefined;
  const out = {} as Record<FontRole, string>;
  for (const role of FONT_ROLES) {
    // The table and （一） headings follow a user's body font unless given their own (the defaults use the body file).
    const inherited = role === 'table' || role === 'subheading' ? sources.body : undefined;
    const source = sources[role] ?? inherited ?? base?.[role];
    if (source === undefined) throw new Error(`@nianbao/pdf: no font for role ${role}`);
    out[role] = familyFor(source);
  }
  return out;
}

let rareFamilies: readonly string[] | undefined;

/**
 * The families of the bundled rare-character fallbacks (Noto Sans JP, Noto Sans HK), registered on first call.
 * Empty where the files cannot be found by path (a browser): the glyph warnings then say which characters no
 * font has, and the render goes on.
 */
export function rareFallbackFamilies(): readonly string[] {
  if (rareFamilies) return rareFamilies;
  const paths = RARE_FALLBACK_FILES.map(packagedFontPath).filter((path) => path !== undefined);
  rareFamilies = paths.map((path) => familyFor(path));
  return rareFamilies;
}

/** The parts of a parsed font that glyph checks need. */
export interface GlyphFont {
  hasGlyphForCodePoint(codePoint: number): boolean;
}

/** Parses (once per process) the fonts of the given families and returns them by family. */
export async function loadFonts(families: FontFamilies): Promise<Map<string, GlyphFont>> {
  const { rare = [], ...roles } = families;
  return loadFamilies([...Object.values(roles), ...rare]);
}

/** Parses (once per process) the fonts of registered families and returns them by family. */
export async function loadFamilies(names: Iterable<string>): Promise<Map<string, GlyphFont>> {
  const out = new Map<string, GlyphFont>();
  const unique = [...new Set(names)];
  await Promise.all(unique.map((fontFamily) => Font.load({ fontFamily })));
  for (const fontFamily of unique) {
    const data = Font.getFont({ fontFamily }).data;
    if (data) out.set(fontFamily, data as unknown as GlyphFont);
  }
  return out;
}

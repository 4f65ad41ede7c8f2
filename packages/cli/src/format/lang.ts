import type { LocalizedText } from '@nianbao/model';

/** Which language(s) the CLI prints: one of them (`--lang zh|en`) or both, Chinese first (the default). */
export type Lang = 'zh' | 'en' | 'both';

/** A bilingual text as one line: `zh / en` for `both`, otherwise the chosen language. */
export function localize(text: LocalizedText, lang: Lang, separator = ' / '): string {
  if (lang === 'zh') return text.zh;
  if (lang === 'en') return text.en;
  // Identical halves (a bare number, a path) would only repeat themselves.
  return text.zh === text.en ? text.zh : `${text.zh}${separator}${text.en}`;
}

import { CHINESE_NUMERALS } from '@nianbao/model';
import { Converter } from 'opencc-js/t2cn';

/*
 * Text folding for matching labels. Folding maps one character to one character (full-width ASCII to ASCII,
 * curly quotes to straight, the ideographic space to a space), so positions in folded text are positions in
 * the original; removing whitespace and numbering is done only on the strings that are compared.
 */

/** Folds one character: full-width forms (U+FF01–FF5E) to ASCII, curly quotes to `"`/`'`, U+3000 to space. */
function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  if (code === 0x3000 || code === 0xa0) return ' ';
  if (ch === '“' || ch === '”' || ch === '„' || ch === '〝' || ch === '〞') return '"';
  if (ch === '‘' || ch === '’') return "'";
  if (ch === '〔' || ch === '【') return '[';
  if (ch === '〕' || ch === '】') return ']';
  if (ch === '—' || ch === '–' || ch === '－') return '-';
  return ch;
}

/**
 * Traditional → simplified (OpenCC's character and phrase tables, `t` → `cn`): reports from mirrors and
 * Hong Kong / Taiwan copies print 政府資訊公開 where the statute says 政府信息公开. Used only for matching.
 */
const toSimplified: (text: string) => string = Converter({ from: 't', to: 'cn' });

/** Any CJK ideograph (only such text can need traditional folding). */
const IDEOGRAPH = /[\u3400-\u9fff]/;

/**
 * Simplified form of `text` with its length kept: OpenCC's phrase table may change a phrase's length, and
 * positions in folded text must stay positions in the original, so then each character is converted alone.
 */
export function simplified(text: string): string {
  if (!IDEOGRAPH.test(text)) return text;
  const whole = toSimplified(text);
  if (whole.length === text.length) return whole;
  let out = '';
  for (const ch of text) {
    const one = ch.length === 1 ? toSimplified(ch) : ch;
    out += one.length === ch.length ? one : ch;
  }
  return out;
}

/**
 * Folds width and quote variants and traditional characters, one character for one character (the result has
 * the input's length). For matching only: narrative text is always sliced from the original.
 */
export function fold(text: string): string {
  return simplified(text.replace(FOLDABLE, foldChar));
}

/** Every character foldChar changes (all are in the BMP, so replacing keeps positions). */
const FOLDABLE = /[\uff01-\uff5e\u3000\u00a0“”„〝〞‘’〔【〕】—–－]/g;

/** One of the statute's Chinese numerals (`三`), as a regular-expression class built from the model's list. */
export const NUMERAL_CHAR: string = `[${CHINESE_NUMERALS}]`;

/** A Chinese number as the statute writes its ordinals (`三`, `十二`): the pattern every numbering reader uses. */
export const NUMERAL: string = `${NUMERAL_CHAR}+`;

/**
 * A part's number (`一` … `七`: six parts, and `七、其他` where reports add one), as a regular-expression class.
 */
export const PART_NUMERAL_CHAR: string = `[${CHINESE_NUMERALS.slice(0, 7)}]`;

/**
 * A numbering prefix as published reports print the statute's ordinals (the model's `parseOrdinal` reads the
 * statute's own forms): `一、` `（一）` `(一)` `1.` `1、` `1．` `一)` (017 drops the opening bracket).
 */
export const NUMBERING: RegExp = new RegExp(
  `^\\s*(?:[(（]?${NUMERAL}[)）]|${NUMERAL}[、.．,，]|\\d{1,2}\\s*[.、．,，](?!\\d))\\s*`,
);

/** Drops every numbering prefix at the start, e.g. `三、（一）1.` → ``. */
export function stripNumbering(text: string): string {
  let rest = text;
  for (;;) {
    const match = NUMBERING.exec(rest);
    if (!match || match[0].length === 0) return rest;
    rest = rest.slice(match[0].length);
  }
}

const PUNCT = /[\s"'“”‘’（）()，,、。.．:：;；!！?？\-—–_|/／·…《》〈〉<>[\]【】〔〕]/g;

/** The comparable core of a label: folded, numbering dropped, whitespace and punctuation removed. */
export function labelCore(text: string): string {
  return fold(stripNumbering(fold(text).replace(/\s+/g, ''))).replace(PUNCT, '');
}

/** Folded text with all whitespace removed (for phrase search where spacing is noise). */
export function squash(text: string): string {
  return fold(text).replace(/\s+/g, '');
}

/** Length of the longest common substring of `a` and `b` (both short: labels). */
export function longestCommon(a: string, b: string): number {
  if (a === '' || b === '') return 0;
  let best = 0;
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      if (a[i - 1] === b[j - 1]) {
        const run = (prev[j - 1] as number) + 1;
        row[j] = run;
        if (run > best) best = run;
      }
    }
    prev = row;
  }
  return best;
}

/** Escapes a string for use in a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A pattern finding `phrase` in folded text with any whitespace between its characters (labels split by a
 * line break or a `<br>`: `商业 企业`, `本年度办 理结果`).
 */
export function spacedPattern(phrase: string): string {
  return [...squash(phrase)].map(escapeRegExp).join('\\s*');
}

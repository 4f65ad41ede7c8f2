import { labelSegments } from '@nianbao/model/core';

/*
 * Chinese line breaking for react-pdf.
 *
 * react-pdf's text engine splits a paragraph into "words" at ASCII spaces only and asks a hyphenation callback
 * for break points inside each word. A Chinese paragraph has no spaces, so without a callback it is one
 * unbreakable word: the first line overflows and everything after it is dropped. A callback that returns
 * plain syllables makes every break a hyphenation point, and react-pdf then prints a stray "-" at the end of
 * the line.
 *
 * The trick: return the break units separated by empty strings. An empty syllable becomes a zero-width glue
 * node (a break point with nothing inserted), and no penalty node is emitted between a unit and an empty
 * syllable, so no hyphen is ever added. Invariant: `units.join('') === word` for every word.
 *
 * Units: one CJK character each; a run of Latin letters, digits and ASCII punctuation stays whole (years,
 * phone numbers, `12.5`, URLs). 避头尾 (GB/T 15834 usage): a character that may not start a line is glued to
 * the unit before it, and a character that may not end a line is glued to the unit after it.
 */

/** Characters that may not begin a line (行首禁则): closing punctuation, pauses and stops. */
export const NO_LINE_START: ReadonlySet<string> = new Set(
  Array.from('。，、；：？！）」』》〕】〉”’．，…—％·!),.:;?]}%〗〙〛｝'),
);

/** Characters that may not end a line (行尾禁则): opening brackets and quotes. */
export const NO_LINE_END: ReadonlySet<string> = new Set(Array.from('（「『《〔【〈“‘(［[{〖〘〚｛'));

/**
 * The space the document prints in place of U+0020. react-pdf's line breaker (Knuth–Plass) treats an ASCII
 * space as stretchable glue and, when a paragraph has any, breaks only there, leaving short ragged lines
 * (「学习 2022」 / 「年以来」). With no stretchable glue it falls back to a greedy fill, which is what Chinese
 * text wants; a no-break space prints the same and is a break unit boundary here instead.
 */
export const PRINTED_SPACE = '\u00a0';

/** Text as the document prints it: ASCII spaces become {@link PRINTED_SPACE}. */
export function printable(text: string): string {
  return text.replaceAll(' ', PRINTED_SPACE);
}

/** Whether a character belongs to a Latin-like run that must not be broken (letters, digits, ASCII). */
function isLatinLike(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp <= 0x20 || ch === PRINTED_SPACE) return false;
  // ASCII punctuation inside a Latin run belongs to it (URLs, `0951-6891008`, `12.5`); 避头尾 still applies at
  // the run's edges because the run's first and last characters are checked like any other unit's.
  if (cp < 0x7f) return true;
  if (cp < 0x2e80) return !NO_LINE_END.has(ch) && !NO_LINE_START.has(ch);
  // Full-width digits and letters behave like their ASCII forms.
  return (cp >= 0xff10 && cp <= 0xff19) || (cp >= 0xff21 && cp <= 0xff3a) || (cp >= 0xff41 && cp <= 0xff5a);
}

/** Splits text with no spaces into its smallest unbreakable pieces, before 避头尾 merging. */
function atoms(word: string): string[] {
  const out: string[] = [];
  let latin = '';
  for (const ch of word) {
    if (isLatinLike(ch)) {
      latin += ch;
      continue;
    }
    if (latin) {
      out.push(latin);
      latin = '';
    }
    const last = out[out.length - 1];
    // Keep ——, …… and similar doubled marks together: they are one mark in Chinese.
    if ((ch === '—' || ch === '…') && last !== undefined && last.endsWith(ch))
      out[out.length - 1] = last + ch;
    else out.push(ch);
  }
  if (latin) out.push(latin);
  return out;
}

/**
 * The break units of a space-free run of text: between two consecutive units a line may break with nothing
 * inserted. Joining the units gives the input back.
 */
export function breakUnits(word: string): string[] {
  const units: string[] = [];
  let glueNext = false;
  for (const atom of atoms(word)) {
    const first = Array.from(atom)[0] ?? '';
    const last = units[units.length - 1];
    // A space ends the unit before it: a line may break after a space, never before one.
    const joins = NO_LINE_START.has(first) || first === PRINTED_SPACE;
    if (last !== undefined && (glueNext || joins)) units[units.length - 1] = last + atom;
    else units.push(atom);
    const chars = Array.from(atom);
    glueNext = NO_LINE_END.has(chars[chars.length - 1] ?? '');
  }
  return units;
}

/**
 * A react-pdf hyphenation callback that breaks Chinese text between characters, never inserts a hyphen, keeps
 * Latin words and numbers whole and applies 避头尾. Pass it as `hyphenationCallback` on a `<Text>` or register
 * it with `Font.registerHyphenationCallback`.
 */
export function cjkHyphenationCallback(word: string): string[] {
  const units = breakUnits(word);
  if (units.length <= 1) return units;
  const out: string[] = [];
  for (const [index, unit] of units.entries()) {
    if (index > 0) out.push('');
    out.push(unit);
  }
  return out;
}

/**
 * A react-pdf hyphenation callback for the statute's labels in table cells: breaks only between the words the
 * model names (`labelSegments`: 自然人 and 社会/公益/组织 stay whole, never one character alone on the last line),
 * never inserts a hyphen.
 */
export function labelHyphenationCallback(word: string): string[] {
  const units = labelSegments(word);
  if (units.length <= 1) return units;
  const out: string[] = [];
  for (const [index, unit] of units.entries()) {
    if (index > 0) out.push('');
    out.push(unit);
  }
  return out;
}

/**
 * Breaks text into lines no wider than `maxWidth` (greedy, the same units as the PDF), given a width function.
 * Used to estimate heights before layout and by tests to check the rules; react-pdf does the real layout.
 */
export function breakLines(text: string, maxWidth: number, width: (s: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/( +)/).filter(Boolean)) {
    for (const unit of word.trim() === '' ? [word] : breakUnits(word)) {
      if (line !== '' && width(line + unit) > maxWidth) {
        lines.push(line);
        line = unit.trim() === '' ? '' : unit;
      } else line += unit;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

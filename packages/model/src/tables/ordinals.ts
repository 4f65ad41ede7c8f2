/*
 * The statute's ordinal grammar, in one place: its row labels and narrative headings are numbered 一、 (a part or
 * top row), （三） (a category) and 1. (an item under a category). Everything that names, splits or matches rows by
 * their number (cell names, cross-check side names, the importer's heading finder) reads them with this parser.
 */

/** The Chinese numerals the statute numbers with, in order: `一` is 1, `十` is 10. */
export const CHINESE_NUMERALS = '一二三四五六七八九十';

/**
 * Which of the three ordinal forms a label opens with: `top` `三、`, `category` `（七）`, `item` `1.` (the statute
 * writes `1.`; `1、` is read too).
 */
export type OrdinalKind = 'top' | 'category' | 'item';

/** An ordinal read from the start of a label. */
export interface Ordinal {
  readonly kind: OrdinalKind;
  /** The ordinal as written, punctuation included: `三、`, `（七）`, `1.`. */
  readonly text: string;
  /** The number without punctuation, as the statute writes it: `三`, `七`, `1`. */
  readonly numeral: string;
  /** Its value: `三、` → 3, `（十二）` → 12, `8.` → 8. */
  readonly value: number;
}

const ORDINAL = /^(?:([一二三四五六七八九十]+)、|（([一二三四五六七八九十]+)）|(\d+)[.、])/;

/** The value of a Chinese numeral up to 99 (`三` 3, `十二` 12, `二十` 20); `undefined` when it is not one. */
export function chineseNumeralValue(numeral: string): number | undefined {
  const digit = (ch: string | undefined): number =>
    ch === undefined ? -1 : CHINESE_NUMERALS.indexOf(ch) + 1;
  if (numeral.length === 1) return digit(numeral) > 0 ? digit(numeral) : undefined;
  const ten = numeral.indexOf('十');
  if (ten < 0 || numeral.indexOf('十', ten + 1) >= 0 || numeral.length > 3) return undefined;
  const tens = ten === 0 ? 1 : digit(numeral[0]);
  const ones = ten === numeral.length - 1 ? 0 : digit(numeral[ten + 1]);
  // 十二 (十 first, two characters at most), 二十 and 二十三 (十 second): nothing else is a numeral.
  if (ten > 1 || (ten === 0 && numeral.length > 2)) return undefined;
  if (tens < 1 || tens > 9 || ones < 0 || ones > 9) return undefined;
  return tens * 10 + ones;
}

/** The ordinal a label opens with (`三、本年度办理结果` → top 三, value 3), or `undefined` when it has none. */
export function parseOrdinal(label: string): Ordinal | undefined {
  const match = ORDINAL.exec(label);
  if (!match) return undefined;
  const [text, top, category, item] = match;
  if (item !== undefined) return { kind: 'item', text, numeral: item, value: Number(item) };
  const numeral = (top ?? category) as string;
  const value = chineseNumeralValue(numeral);
  if (value === undefined) return undefined;
  return { kind: top !== undefined ? 'top' : 'category', text, numeral, value };
}

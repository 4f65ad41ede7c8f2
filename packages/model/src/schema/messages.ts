import type { LocalizedText } from '../types.js';

/*
 * Wording helpers for parse messages. A message names the path, says what was expected and what was
 * found, and, where the mistake is a common one (a unit typed into a cell, full-width digits, a number in
 * quotes, a typo in a key), says what to write instead.
 */

const MAX_SHOWN = 40;

/** How a value is quoted in a message: strings as JSON (truncated), numbers as written, others by kind. */
export function show(value: unknown): LocalizedText {
  switch (typeof value) {
    case 'string': {
      const quoted = JSON.stringify(value);
      const shown = quoted.length > MAX_SHOWN ? `${quoted.slice(0, MAX_SHOWN - 2)}…"` : quoted;
      return { zh: shown, en: shown };
    }
    case 'number':
    case 'boolean':
      return same(String(value));
    case 'bigint':
      return same(`${value}n`);
    case 'undefined':
      return same('undefined');
    case 'function':
      return { zh: '函数', en: 'a function' };
    case 'symbol':
      return { zh: '符号', en: 'a symbol' };
    default:
      if (value === null) return same('null');
      if (Array.isArray(value)) return { zh: '数组', en: 'an array' };
      return { zh: '对象', en: 'an object' };
  }
}

function same(text: string): LocalizedText {
  return { zh: text, en: text };
}

/** Full-width digits, point, minus and plus (as typed with a Chinese IME) mapped to ASCII. */
export function toHalfWidth(text: string): string {
  return text.replace(/[０-９．－＋]/gu, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/** What a string in a numeric field seems to hold, when it holds a number at all. */
export interface NumberInText {
  /** The number, written as it should be. */
  value: number;
  fullWidth: boolean;
  /** A unit or other word after the number, e.g. `件`, `万元`, `年`. */
  unit?: string;
  /** Thousands separators were used (`1,234`). */
  grouped: boolean;
}

const NUMBER_IN_TEXT =
  /^[\s\u3000]*([+-]?(?:\d{1,3}(?:[,，]\d{3})+|\d+)(?:\.\d+)?)[\s\u3000]*(件|条|个|次|项|份|万元|元|年)?[\s\u3000]*$/u;

/** Reads a number out of a string such as `12`, `１２`, `12件`, `1,234`, `3.5万元`, `2022年`. */
export function numberInText(text: string): NumberInText | undefined {
  const half = toHalfWidth(text);
  const match = NUMBER_IN_TEXT.exec(half);
  if (!match?.[1]) return undefined;
  const digits = match[1].replace(/[,，]/gu, '');
  const value = Number(digits);
  if (!Number.isFinite(value)) return undefined;
  return {
    value,
    fullWidth: half !== text,
    ...(match[2] ? { unit: match[2] } : {}),
    grouped: digits !== match[1],
  };
}

export { isBlankMark } from '../tables/blank-marks.js';

/**
 * Edit distance with adjacent transpositions (optimal string alignment), so `recieved` is one edit from
 * `received`.
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  const at = (i: number, j: number): number => d[i * cols + j] ?? 0;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      d[i * cols + j] = best;
    }
  }
  return at(rows - 1, cols - 1);
}

function fold(key: string): string {
  return key.replace(/[_\-\s]/gu, '').toLowerCase();
}

/**
 * The one candidate close enough to `given` to be what was meant (a typo, other casing, snake_case),
 * or `undefined` when none is, or when two are equally close.
 */
export function closest(given: string, candidates: readonly string[]): string | undefined {
  if (given.length > 64) return undefined;
  const folded = fold(given);
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  let tie = false;
  for (const candidate of candidates) {
    const distance = fold(candidate) === folded ? 0 : editDistance(folded, fold(candidate));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
      tie = false;
    } else if (distance === bestDistance) {
      tie = true;
    }
  }
  const allowed = best === undefined ? 0 : best.length <= 4 ? 1 : best.length <= 8 ? 2 : 3;
  if (best !== undefined && !tie && bestDistance <= allowed) return best;
  // An abbreviation (`para` for `paragraph`) is far in edits but plain to a reader.
  if (folded.length < 3) return undefined;
  const extensions = candidates.filter((candidate) => fold(candidate).startsWith(folded));
  return extensions.length === 1 ? extensions[0] : undefined;
}

/** Joins quoted alternatives: `"a", "b" or "c"` / `"a"、"b" 或 "c"`. */
export function alternatives(values: readonly (string | number)[]): LocalizedText {
  const quoted = values.map((value) => JSON.stringify(value));
  if (quoted.length <= 1) return same(quoted.join(''));
  const head = quoted.slice(0, -1);
  const last = quoted[quoted.length - 1];
  return { zh: `${head.join('、')} 或 ${last}`, en: `${head.join(', ')} or ${last}` };
}

/** A list of keys for "allowed keys" and "an object with keys" phrases. */
export function keyList(keys: readonly string[]): LocalizedText {
  return { zh: keys.join('、'), en: keys.join(', ') };
}

import { formatPath, type PathSegment } from '../json-path.js';
import type { LocalizedText } from '../types.js';

/*
 * Characters that do not belong in the text of an official document: C0 and C1 control characters (other
 * than tab and line breaks), which print as garbage or nothing; lone UTF-16 surrogates, which are not
 * characters at all (text cut or mis-encoded); and bidirectional controls (U+202A–U+202E, U+2066–U+2069,
 * U+200E, U+200F, U+061C), which silently reorder how the text displays. The `text-characters` rule names the
 * field and the code point and never changes the text.
 */

/** What kind of unwanted character a code point is, or `undefined` for an ordinary one. */
export type OddCharacterKind = 'control' | 'surrogate' | 'bidi';

/** The first odd character of a string and how many there are. */
export interface OddCharacters {
  /** The code point of the first one (a lone surrogate as its own value). */
  codePoint: number;
  kind: OddCharacterKind;
  /** Its 1-based position in the string, in code points. */
  position: number;
  /** How many odd characters the string holds in all. */
  count: number;
}

function kindOf(code: number): OddCharacterKind | undefined {
  if (code < 0x20) return code === 0x09 || code === 0x0a || code === 0x0d ? undefined : 'control';
  if (code === 0x7f || (code >= 0x80 && code <= 0x9f)) return 'control';
  if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) return 'bidi';
  if (code === 0x200e || code === 0x200f || code === 0x061c) return 'bidi';
  return undefined;
}

/** The odd characters of a string (one linear pass), or `undefined` when it has none. */
export function oddCharacters(text: string): OddCharacters | undefined {
  let first: OddCharacters | undefined;
  let count = 0;
  let position = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    position += 1;
    let kind: OddCharacterKind | undefined;
    if (code >= 0xd800 && code <= 0xdfff) {
      const low = text.charCodeAt(i + 1);
      if (code <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
        i += 1;
        continue;
      }
      kind = 'surrogate';
    } else {
      kind = kindOf(code);
    }
    if (!kind) continue;
    count += 1;
    first ??= { codePoint: code, kind, position, count: 0 };
  }
  return first ? { ...first, count } : undefined;
}

/** `U+202E`. */
export function codePointName(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

const KIND_TEXT: Record<OddCharacterKind, LocalizedText> = {
  control: { zh: '控制字符', en: 'the control character' },
  surrogate: { zh: '孤立的代理码元（不是字符，文本被截断或编码有误）', en: 'a lone surrogate' },
  bidi: { zh: '双向文字控制符（会改变文字的显示顺序）', en: 'the bidirectional control' },
};

const KIND_EFFECT: Record<OddCharacterKind, string> = {
  control: 'it prints as garbage or nothing',
  surrogate: 'it is not a character: the text was cut or mis-encoded',
  bidi: 'it reorders the text as displayed',
};

/** The message of one field: `meta.agency：含有控制字符 U+0000（第 3 个字符）…`. */
export function oddCharactersMessage(path: string, found: OddCharacters): LocalizedText {
  const name = codePointName(found.codePoint);
  const others = found.count - 1;
  return {
    zh: `${path}：第 ${found.position} 个字符是${KIND_TEXT[found.kind].zh} ${name}${others > 0 ? `，另有 ${others} 个此类字符` : ''}；请删除（文本未作改动）`,
    en: `${path}: character ${found.position} is ${KIND_TEXT[found.kind].en} ${name}${others > 0 ? ` (and ${others} more such)` : ''}; ${KIND_EFFECT[found.kind]} — delete it (the text is not changed)`,
  };
}

/** One string field of a report that holds odd characters. */
export interface OddField {
  /** Dotted JSON path, e.g. `meta.agency`, `sections.overview[2].text`. */
  path: string;
  found: OddCharacters;
}

/**
 * Every string in a value (a report), depth first in key order, with odd characters, up to `limit`
 * fields; `more` counts the fields past the limit. Iterative, so a deep value cannot overflow the stack.
 */
export function oddFields(value: unknown, limit: number): { fields: OddField[]; more: number } {
  const fields: OddField[] = [];
  let more = 0;
  const stack: { value: unknown; path: PathSegment[] }[] = [{ value, path: [] }];
  const seen = new Set<object>();
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const current = item.value;
    if (typeof current === 'string') {
      const found = oddCharacters(current);
      if (!found) continue;
      if (fields.length < limit) fields.push({ path: formatPath(item.path), found });
      else more += 1;
      continue;
    }
    if (typeof current !== 'object' || current === null || seen.has(current)) continue;
    seen.add(current);
    const entries: [PathSegment, unknown][] = Array.isArray(current)
      ? current.map((element, index) => [index, element])
      : Object.entries(current);
    for (let k = entries.length - 1; k >= 0; k--) {
      const [segment, child] = entries[k] as [PathSegment, unknown];
      stack.push({ value: child, path: [...item.path, segment] });
    }
  }
  return { fields, more };
}

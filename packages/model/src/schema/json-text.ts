import type { LocalizedText } from '../types.js';
import { formatPath, type PathSegment } from './path.js';

/*
 * Locating JSON syntax errors. V8's SyntaxError gives a position for some mistakes and none for others
 * ("Unexpected token '}', "…" is not valid JSON"), and its wording changes between Node versions, so a
 * small scanner of our own (RFC 8259, same acceptance as JSON.parse) finds the offset and says what is
 * wrong in both languages, with hints for the mistakes people make by hand: trailing commas, single or
 * curly quotes, comments, full-width punctuation, NaN.
 */

/** Where a JSON text stops being JSON, and why. */
export interface JsonSyntaxProblem {
  /** UTF-16 offset into the text. */
  offset: number;
  reason: LocalizedText;
}

/** A 1-based line and column (in code points) for people to find a place in an editor. */
export interface LineColumn {
  line: number;
  column: number;
}

type Container = '{' | '[';

class Problem {
  constructor(
    readonly offset: number,
    readonly reason: LocalizedText,
  ) {}
}

function fail(offset: number, zh: string, en: string): never {
  throw new Problem(offset, { zh, en });
}

function showChar(ch: string): string {
  if (ch === '"') return "'\"'";
  const code = ch.codePointAt(0) ?? 0;
  if (code < 0x20 || code === 0x7f || code === 0xfeff || (code >= 0x2000 && code <= 0x200f)) {
    return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return `"${ch}"`;
}

const FULL_WIDTH: Record<string, string> = {
  '，': ',',
  '：': ':',
  '｛': '{',
  '｝': '}',
  '［': '[',
  '］': ']',
  '【': '[',
  '】': ']',
};

/** Explains an unexpected character at `offset`, with a hint when it is a known hand-editing mistake. */
function unexpected(text: string, offset: number, afterComma: boolean): never {
  const ch = String.fromCodePoint(text.codePointAt(offset) ?? 0);
  const shown = showChar(ch);
  const base = { zh: `意外的字符 ${shown}`, en: `unexpected ${shown}` };
  const hint = (zh: string, en: string): never => fail(offset, `${base.zh}；${zh}`, `${base.en}; ${en}`);
  if (afterComma && (ch === '}' || ch === ']')) {
    hint(
      '请删除它前面多余的逗号（JSON 不允许结尾逗号）',
      'remove the trailing comma before it (JSON allows none)',
    );
  }
  if (ch === "'") hint('JSON 的字符串和键名须用英文双引号 "', 'JSON strings and keys need double quotes "');
  if ('“”‘’'.includes(ch))
    hint('请改用英文双引号 "，不要用中文引号', 'use straight double quotes ", not curly quotes');
  if (ch === '/') hint('JSON 不允许注释', 'JSON does not allow comments');
  const ascii = FULL_WIDTH[ch];
  if (ascii) hint(`全角标点请改为半角 ${ascii}`, `full-width punctuation: write ASCII ${ascii}`);
  if (ch === '\u3000' || ch === '\u00a0') {
    hint(
      '全角空格或不换行空格不是 JSON 空白，请改为普通空格',
      'full-width or no-break space is not JSON whitespace',
    );
  }
  if (ch === '\ufeff')
    hint('文本中间有字节顺序标记（BOM），请删除', 'a byte order mark (BOM) inside the text; delete it');
  if (ch === '+') hint('数字不能以 + 开头', 'a number cannot start with +');
  if (ch === '.') hint('小数须以数字开头，如 0.5', 'a decimal needs a leading digit, e.g. 0.5');
  return fail(offset, base.zh, base.en);
}

const WORD = /[A-Za-z_$][\w$]*/y;
const LITERALS: Record<string, string> = { t: 'true', f: 'false', n: 'null' };

/** Scans a word where a value was expected: true/false/null, or a known non-JSON word. */
function scanWord(text: string, start: number, isKey: boolean): number {
  const literal = isKey ? undefined : LITERALS[text[start] ?? ''];
  if (literal && text.startsWith(literal, start)) return start + literal.length;
  WORD.lastIndex = start;
  const word = WORD.exec(text)?.[0];
  if (word === undefined) return unexpected(text, start, false);
  if (isKey) {
    fail(
      start,
      `键名 ${word} 未加引号；JSON 的键名须用双引号，如 "${word}"`,
      `unquoted key ${word}; JSON keys need double quotes, e.g. "${word}"`,
    );
  }
  const lower = word.toLowerCase();
  if (lower === 'true' || lower === 'false' || lower === 'null') {
    fail(start, `${word} 须小写：${lower}`, `${word} must be lower case: ${lower}`);
  }
  if (word === 'NaN' || word === 'Infinity' || word === 'undefined') {
    fail(
      start,
      `${word} 不是 JSON 值；空白或不详的单元格请写 null`,
      `${word} is not a JSON value; write null for a blank or unknown cell`,
    );
  }
  if (literal) {
    // A damaged true/false/null: point where it stops matching, as V8 does.
    let k = 0;
    while (text[start + k] === literal[k]) k += 1;
    const ch = text[start + k];
    fail(
      start + k,
      `${ch === undefined ? '文本意外结束' : `意外的字符 ${showChar(ch)}`}；此处应为 ${literal}`,
      `${ch === undefined ? 'unexpected end of text' : `unexpected ${showChar(ch)}`}; expected ${literal}`,
    );
  }
  return fail(
    start,
    `未加引号的文字 ${word}；字符串须用双引号`,
    `unquoted text ${word}; strings need double quotes`,
  );
}

function scanString(text: string, start: number): number {
  let i = start + 1;
  for (;;) {
    if (i >= text.length) {
      fail(i, '字符串没有结束的双引号', 'a string is not closed: no ending double quote');
    }
    const code = text.charCodeAt(i);
    if (code === 0x22) return i + 1;
    if (code === 0x5c) {
      const next = text[i + 1];
      if (next === 'u') {
        for (let k = i + 2; k < i + 6; k++) {
          if (!/[0-9a-fA-F]/.test(text[k] ?? '')) {
            fail(k, '\\u 后须跟 4 位十六进制数字', '\\u must be followed by four hex digits');
          }
        }
        i += 6;
      } else if (next !== undefined && '"\\/bfnrt'.includes(next)) {
        i += 2;
      } else {
        fail(
          i + 1,
          `字符串中有无效的转义 \\${next ?? ''}；反斜杠本身请写 \\\\`,
          `bad escape \\${next ?? ''} in a string; write a backslash as \\\\`,
        );
      }
    } else if (code < 0x20) {
      fail(
        i,
        `字符串中有未转义的控制字符 ${showChar(text[i] ?? '')}（换行请写 \\n，制表符写 \\t）`,
        `raw control character ${showChar(text[i] ?? '')} in a string (write a line break as \\n, a tab as \\t)`,
      );
    } else {
      i += 1;
    }
  }
}

function isDigit(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return code >= 0x30 && code <= 0x39;
}

/** Scans a number; an error points at the first character that cannot continue it (as V8 does). */
function scanNumber(text: string, start: number): number {
  let i = start;
  if (text[i] === '-') i += 1;
  if (!isDigit(text, i)) fail(i, '负号后须有数字', 'a digit must follow the minus sign');
  if (text[i] === '0') {
    i += 1;
    if (isDigit(text, i)) fail(i, '数字不能有前导零', 'a number cannot have leading zeros');
  } else {
    while (isDigit(text, i)) i += 1;
  }
  if (text[i] === '.') {
    i += 1;
    if (!isDigit(text, i)) fail(i, '小数点后须有数字', 'a digit must follow the decimal point');
    while (isDigit(text, i)) i += 1;
  }
  if (text[i] === 'e' || text[i] === 'E') {
    i += 1;
    if (text[i] === '+' || text[i] === '-') i += 1;
    if (!isDigit(text, i)) fail(i, '指数 e 后须有数字', 'a digit must follow the exponent e');
    while (isDigit(text, i)) i += 1;
  }
  return i;
}

function skipSpace(text: string, start: number): number {
  let i = start;
  for (;;) {
    const code = text.charCodeAt(i);
    if (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d) i += 1;
    else return i;
  }
}

/** How many missing closers a message lists; a deeper text gets the first ones and a count. */
const MAX_CLOSERS_SHOWN = 20;

function closers(stack: readonly Container[]): string {
  const shown: string[] = [];
  for (let k = stack.length - 1; k >= 0 && shown.length < MAX_CLOSERS_SHOWN; k--) {
    shown.push(stack[k] === '{' ? '}' : ']');
  }
  const rest = stack.length - shown.length;
  return rest > 0 ? `${shown.join(' ')} … (+${rest})` : shown.join(' ');
}

/** Scans one JSON text; throws a Problem at the first error. The container stack is explicit, so depth is unbounded. */
function scan(text: string): void {
  const stack: Container[] = [];
  let i = skipSpace(text, 0);
  let state: 'value' | 'key' | 'after' = 'value';
  let afterComma = false;
  for (;;) {
    if (state === 'value' || state === 'key') {
      if (i >= text.length) {
        fail(
          i,
          stack.length ? `文本意外结束，缺少 ${closers(stack)}` : '文本为空或只有空白',
          stack.length ? `unexpected end of text; missing ${closers(stack)}` : 'the text is empty',
        );
      }
      const ch = text[i] ?? '';
      if (state === 'key') {
        if (ch === '"') {
          i = skipSpace(text, scanString(text, i));
          if (text[i] !== ':') {
            if (i >= text.length)
              fail(i, '文本意外结束，键名后缺少 :', 'unexpected end of text; missing : after a key');
            if (text[i] === '：') unexpected(text, i, false);
            fail(
              i,
              `键名后应为冒号 :，实为 ${showChar(text[i] ?? '')}`,
              `expected : after a key, got ${showChar(text[i] ?? '')}`,
            );
          }
          i = skipSpace(text, i + 1);
          state = 'value';
          afterComma = false;
          continue;
        }
        if (/[A-Za-z_$]/.test(ch)) scanWord(text, i, true);
        unexpected(text, i, afterComma);
      }
      afterComma = false;
      if (ch === '{' || ch === '[') {
        stack.push(ch);
        i = skipSpace(text, i + 1);
        if (text[i] === (ch === '{' ? '}' : ']')) {
          stack.pop();
          i += 1;
          state = 'after';
        } else {
          state = ch === '{' ? 'key' : 'value';
        }
        continue;
      }
      if (ch === '"') i = scanString(text, i);
      else if (ch === '-' || (ch >= '0' && ch <= '9')) i = scanNumber(text, i);
      else if (/[A-Za-z_$]/.test(ch)) i = scanWord(text, i, false);
      else if (ch === '}' || ch === ']' || ch === ',') {
        fail(
          i,
          `意外的字符 ${showChar(ch)}；此处缺少一个值`,
          `unexpected ${showChar(ch)}; a value is missing here`,
        );
      } else unexpected(text, i, false);
      state = 'after';
      continue;
    }
    // state === 'after': a value has ended.
    i = skipSpace(text, i);
    const top = stack[stack.length - 1];
    if (top === undefined) {
      if (i < text.length) {
        fail(
          i,
          `JSON 值之后还有多余内容 ${showChar(text[i] ?? '')}`,
          `unexpected ${showChar(text[i] ?? '')} after the end of the JSON value`,
        );
      }
      return;
    }
    if (i >= text.length) {
      fail(i, `文本意外结束，缺少 ${closers(stack)}`, `unexpected end of text; missing ${closers(stack)}`);
    }
    const ch = text[i] ?? '';
    const close = top === '{' ? '}' : ']';
    if (ch === ',') {
      i = skipSpace(text, i + 1);
      state = top === '{' ? 'key' : 'value';
      afterComma = true;
      if (text[i] === close) unexpected(text, i, true);
      continue;
    }
    if (ch === close) {
      stack.pop();
      i += 1;
      continue;
    }
    if (FULL_WIDTH[ch] !== undefined || "/'“”‘’\u3000\u00a0\ufeff".includes(ch)) unexpected(text, i, false);
    const missingComma = ch === '"' || ch === '{' || ch === '[' || /[-0-9tfn]/.test(ch);
    fail(
      i,
      `应为逗号 , 或 ${close}，实为 ${showChar(ch)}${missingComma ? '（是否缺少逗号？）' : ''}`,
      `expected , or ${close}, got ${showChar(ch)}${missingComma ? ' (a missing comma?)' : ''}`,
    );
  }
}

/** The first syntax error in a JSON text, or `undefined` when `JSON.parse` would accept it. */
export function findJsonSyntaxError(text: string): JsonSyntaxProblem | undefined {
  try {
    scan(text);
    return undefined;
  } catch (error) {
    if (error instanceof Problem) return { offset: error.offset, reason: error.reason };
    throw error;
  }
}

/** The 1-based line and column of a UTF-16 offset; `\r\n`, `\n` and `\r` each end a line. */
export function lineColumn(text: string, offset: number): LineColumn {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a || (code === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line += 1;
      lineStart = i + 1;
    }
  }
  let column = 1;
  for (let i = lineStart; i < end; i++) {
    const code = text.charCodeAt(i);
    // A surrogate pair is one character.
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < end) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) i += 1;
    }
    column += 1;
  }
  return { line, column };
}

/**
 * The numbers of a valid JSON text whose text is not how JavaScript prints the parsed value
 * (`9007199254740993` parses to 9007199254740992, `1e3` to 1000, `1.50` to 1.5), by dotted path
 * (`formatPath`), so that a message can quote what the user wrote. One linear pass; for duplicate keys the
 * last one wins, as in `JSON.parse`. The text must be one that `JSON.parse` accepts.
 */
export function numberTexts(text: string): Map<string, string> {
  const out = new Map<string, string>();
  // The path to the current value: a key (string) per open object, an index per open array.
  const path: PathSegment[] = [];
  const kinds: Container[] = [];
  let i = 0;
  const n = text.length;
  let expectKey = false;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (code === 0x22) {
      const end = scanString(text, i);
      if (expectKey) {
        path[path.length - 1] = JSON.parse(text.slice(i, end)) as string;
        expectKey = false;
      }
      i = end;
    } else if (code === 0x2d || (code >= 0x30 && code <= 0x39)) {
      const end = scanNumber(text, i);
      const raw = text.slice(i, end);
      if (String(Number(raw)) !== raw) out.set(formatPath(path), raw);
      i = end;
    } else if (code === 0x7b || code === 0x5b) {
      kinds.push(code === 0x7b ? '{' : '[');
      path.push(code === 0x7b ? '' : 0);
      expectKey = code === 0x7b;
      i += 1;
    } else if (code === 0x7d || code === 0x5d) {
      kinds.pop();
      path.pop();
      expectKey = false;
      i += 1;
    } else if (code === 0x2c) {
      const top = kinds[kinds.length - 1];
      if (top === '[') path[path.length - 1] = (path[path.length - 1] as number) + 1;
      else expectKey = true;
      i += 1;
    } else {
      i += 1;
    }
  }
  return out;
}

/**
 * The offset of the first `[` or `{` that opens a container deeper than `maxDepth`, or `undefined`. One
 * linear pass that skips strings; it reads any text (valid JSON or not). It runs before `JSON.parse`, whose
 * time grows faster than the text for very deep nesting.
 */
export function findDeepNesting(text: string, maxDepth: number): number | undefined {
  let depth = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22) {
      // Skip the string: to the next unescaped quote.
      for (i += 1; i < n; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x5c) i += 1;
        else if (c === 0x22) break;
      }
    } else if (code === 0x5b || code === 0x7b) {
      depth += 1;
      if (depth > maxDepth) return i;
    } else if (code === 0x5d || code === 0x7d) {
      depth -= 1;
    }
  }
  return undefined;
}

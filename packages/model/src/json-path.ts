/*
 * Dotted JSON paths as used in ParseIssue.path and cell addresses: `t3.received.naturalPerson`,
 * `sections.overview[2].text`, `` for the root. A key that would make the dotted form ambiguous (empty, or
 * containing `.`, brackets, quotes, backslash or whitespace) is written as a JSON string in brackets,
 * `t3["a.b"]`, so every path names exactly one location.
 */

/** One step of a path: an object key or an array index. */
export type PathSegment = string | number;

const PLAIN_KEY = /^[^.[\]"'\\\s]+$/u;

/** Formats path segments as a dotted path (`` for the root). */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/**
 * Parses a path written by `formatPath` back into segments.
 * @throws SyntaxError when the text is not such a path.
 */
export function parsePath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  let i = 0;
  while (i < path.length) {
    const ch = path[i];
    if (ch === '[') {
      if (path[i + 1] === '"') {
        // A JSON string literal: find its closing quote, skipping escaped characters.
        let j = i + 2;
        while (j < path.length && path[j] !== '"') j += path[j] === '\\' ? 2 : 1;
        if (path[j + 1] !== ']') throw new SyntaxError(`bad path ${path}`);
        segments.push(JSON.parse(path.slice(i + 1, j + 1)) as string);
        i = j + 2;
      } else {
        const close = path.indexOf(']', i);
        const digits = path.slice(i + 1, close);
        if (close < 0 || !/^\d+$/.test(digits)) throw new SyntaxError(`bad path ${path}`);
        segments.push(Number(digits));
        i = close + 1;
      }
      continue;
    }
    if (ch === '.') {
      if (segments.length === 0) throw new SyntaxError(`bad path ${path}`);
      i += 1;
    } else if (segments.length > 0) {
      throw new SyntaxError(`bad path ${path}`);
    }
    let j = i;
    while (j < path.length && path[j] !== '.' && path[j] !== '[') j += 1;
    if (j === i) throw new SyntaxError(`bad path ${path}`);
    segments.push(path.slice(i, j));
    i = j;
  }
  return segments;
}

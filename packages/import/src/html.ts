import { type DefaultTreeAdapterMap, parse } from 'parse5';
import { COVERED, type Line } from './document.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const SKIP = new Set([
  'script',
  'style',
  'head',
  'template',
  'noscript',
  'caption',
  'tfoot',
  'svg',
  'button',
]);
const BLOCK = new Set([
  'p',
  'div',
  'li',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'blockquote',
  'pre',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'center',
  'form',
  'nav',
  'aside',
  'figure',
  'body',
  'html',
]);

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function attr(element: Element, name: string): string | undefined {
  return element.attrs.find((a) => a.name.toLowerCase() === name)?.value;
}

/**
 * The visible text of a node: `<br>` and block boundaries become spaces; runs of whitespace collapse.
 * Iterative (an explicit stack), so tags nested thousands deep cannot overflow the call stack.
 */
function textOf(node: Node): string {
  const parts: string[] = [];
  // A string on the stack is text to emit when it is reached (the space after a block's children).
  const stack: (Node | string)[] = [node];
  for (let n = stack.pop(); n !== undefined; n = stack.pop()) {
    if (typeof n === 'string') {
      parts.push(n);
      continue;
    }
    if (n.nodeName === '#text') {
      parts.push((n as DefaultTreeAdapterMap['textNode']).value);
      continue;
    }
    if (!isElement(n)) continue;
    const tag = n.tagName.toLowerCase();
    if (SKIP.has(tag) && tag !== 'caption') continue;
    if (tag === 'br') {
      parts.push(' ');
      continue;
    }
    if (BLOCK.has(tag) || tag === 'p' || tag === 'td' || tag === 'th') parts.push(' ');
    if (BLOCK.has(tag)) stack.push(' ');
    if (tag !== 'template') pushChildren(stack, n.childNodes);
  }
  return parts
    .join('')
    .replace(/[\s\u00a0\u3000]+/g, ' ')
    .trim();
}

/** Pushes children so that they pop in document order. */
function pushChildren<T>(stack: (Node | T)[], children: readonly Node[]): void {
  for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Node);
}

/** The 1-based source line of a node, when parse5 recorded one (elements it implied have none). */
function startLine(node: Node | null | undefined): number | undefined {
  return node && 'sourceCodeLocation' in node ? node.sourceCodeLocation?.startLine : undefined;
}

/**
 * The source line of an element. One the parser implied (a `<tr>` around cells after a stray `</tr>`) has no
 * location: the line of its first child that has one, else of its nearest ancestor that has one, else 1 — never
 * 0, which no note may name.
 */
function lineOf(element: Element): number {
  const own = startLine(element);
  if (own) return own;
  for (const child of element.childNodes) {
    const line = startLine(child);
    if (line) return line;
  }
  for (
    let up: Node | null = element.parentNode as Node | null;
    up;
    up = (up as Element).parentNode as Node | null
  ) {
    const line = startLine(up);
    if (line) return line;
  }
  return 1;
}

/** The most grid positions the spans of one table may cover (表三 is 28 × 15 = 420 in all). */
const MAX_SPANNED_POSITIONS = 100_000;

/** The rows of a table as a grid: rowspan/colspan expanded, covered positions marked COVERED. */
function tableRows(table: Element): Line[] {
  const rows: Element[] = [];
  const collect = (el: Element): void => {
    for (const child of el.childNodes) {
      if (!isElement(child)) continue;
      const tag = child.tagName.toLowerCase();
      if (tag === 'tr') rows.push(child);
      else if (tag === 'thead' || tag === 'tbody') collect(child);
      // tfoot (nianbao's own check rows) and nested tables are not data.
    }
  };
  collect(table);
  const grid: string[][] = [];
  const full: string[][] = [];
  // Grid positions spans may still cover in this table: a 60 KB page of cells spanning 200 rows and 50 columns
  // each expanded to millions of positions (17 s, 1.1 GB). Past the budget a span is read as 1 (its text kept).
  let budget = MAX_SPANNED_POSITIONS;
  rows.forEach((row, r) => {
    grid[r] ??= [];
    let c = 0;
    for (const cell of row.childNodes) {
      if (!isElement(cell)) continue;
      const tag = cell.tagName.toLowerCase();
      if (tag !== 'td' && tag !== 'th') continue;
      const current = grid[r] as string[];
      while (current[c] !== undefined) c++;
      let colspan = Math.max(1, Math.min(50, Number.parseInt(attr(cell, 'colspan') ?? '1', 10) || 1));
      // As in the HTML table model, a rowspan ends at the table's last row (no rows made of covered cells).
      let rowspan = Math.max(
        1,
        Math.min(200, rows.length - r, Number.parseInt(attr(cell, 'rowspan') ?? '1', 10) || 1),
      );
      if (colspan * rowspan > 1) {
        if (colspan * rowspan > budget) [colspan, rowspan] = [1, 1];
        else budget -= colspan * rowspan;
      }
      const text = textOf(cell);
      for (let dr = 0; dr < rowspan; dr++) {
        grid[r + dr] ??= [];
        full[r + dr] ??= [];
        const target = grid[r + dr] as string[];
        const filled = full[r + dr] as string[];
        for (let dc = 0; dc < colspan; dc++) {
          target[c + dc] = dr === 0 && dc === 0 ? text : COVERED;
          filled[c + dc] = text;
        }
      }
      c += colspan;
    }
  });
  return grid.map((cells, r) => {
    const filled = Array.from({ length: cells.length }, (_, i) => cells[i] ?? '');
    const row = rows[r];
    return {
      text: filled.join('\t'),
      line: row ? lineOf(row) : lineOf(table),
      kind: 'row' as const,
      cells: filled,
      filled: Array.from({ length: cells.length }, (_, i) => full[r]?.[i] ?? ''),
    };
  });
}

/** A `<p>` as one line; a leading `<strong>`/`<b>` is kept as its lead. */
function paragraph(node: Element, lines: Line[]): void {
  const first = node.childNodes.find((c) => !(c.nodeName === '#text' && textOf(c) === ''));
  const text = textOf(node);
  if (!text) return;
  if (first && isElement(first) && (first.tagName === 'strong' || first.tagName === 'b')) {
    const lead = textOf(first);
    if (lead && lead !== text && text.startsWith(lead)) {
      lines.push({ text, line: lineOf(node), kind: 'paragraph', lead });
      return;
    }
  }
  lines.push({ text, line: lineOf(node), kind: 'paragraph' });
}

/**
 * HTML to lines: headings and paragraphs become one line each (a leading `<strong>`/`<b>` is kept as the
 * paragraph's lead), tables become one `row` line per row. Scripts, styles and `<tfoot>` are dropped.
 */
export function htmlLines(html: string): Line[] {
  const document = parse(html, { sourceCodeLocationInfo: true });
  const lines: Line[] = [];
  const inline: { text: string; line: number } = { text: '', line: 0 };
  const flush = (): void => {
    const text = inline.text.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
    if (text) lines.push({ text, line: inline.line, kind: 'paragraph' });
    inline.text = '';
  };
  // Depth-first in document order with an explicit stack (tags nested thousands deep cannot overflow the
  // call stack); FLUSH on the stack ends a block after its children.
  const FLUSH = 0;
  const stack: (Node | typeof FLUSH)[] = [document];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node === FLUSH) {
      flush();
      continue;
    }
    if (node.nodeName === '#text') {
      if (inline.text === '') inline.line = node.sourceCodeLocation?.startLine ?? 0;
      inline.text += (node as DefaultTreeAdapterMap['textNode']).value;
      continue;
    }
    if (!isElement(node)) {
      if ('childNodes' in node) {
        for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i] as Node);
      }
      continue;
    }
    const tag = node.tagName.toLowerCase();
    if (SKIP.has(tag)) continue;
    if (tag === 'table') {
      flush();
      for (const row of tableRows(node)) lines.push(row);
      continue;
    }
    const heading = /^h([1-6])$/.exec(tag);
    if (heading) {
      flush();
      const text = textOf(node);
      if (text) lines.push({ text, line: lineOf(node), kind: 'heading', tag: Number(heading[1]) });
      continue;
    }
    if (tag === 'br') {
      flush();
      continue;
    }
    if (tag === 'p') {
      flush();
      paragraph(node, lines);
      continue;
    }
    if (BLOCK.has(tag)) {
      flush();
      stack.push(FLUSH);
    }
    pushChildren(stack, node.childNodes);
  }
  flush();
  return lines;
}

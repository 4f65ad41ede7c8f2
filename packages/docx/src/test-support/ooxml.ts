import { XMLParser, XMLValidator } from 'fast-xml-parser';
import JSZip from 'jszip';

/*
 * Reading back what the renderer wrote: the package unzipped with jszip, each part parsed with fast-xml-parser in
 * document order (`preserveOrder`), so tests look at the XML Word reads, not at docx's objects.
 */

/** An XML element: its name, attributes (without the `@_` prefix) and children in order. */
export interface XmlNode {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly XmlNode[];
  /** Text content of a text node (`name` is `#text`). */
  readonly text?: string;
}

type Raw = Record<string, unknown>;

function convert(raw: Raw): XmlNode {
  const attrsRaw = (raw[':@'] ?? {}) as Record<string, unknown>;
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries(attrsRaw)) attrs[k.replace(/^@_/, '')] = String(v);
  const name = Object.keys(raw).find((k) => k !== ':@') ?? '';
  if (name === '#text') return { name, attrs, children: [], text: String(raw[name]) };
  const kids = (raw[name] ?? []) as Raw[];
  return { name, attrs, children: kids.map(convert) };
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
});

/** Parses an XML part, throwing when it is not well-formed. */
export function parseXml(xml: string): XmlNode {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not well-formed XML: ${JSON.stringify(valid.err)}`);
  const roots = (parser.parse(xml) as Raw[]).map(convert).filter((n) => n.name !== '?xml');
  const root = roots[0];
  if (!root) throw new Error('empty XML part');
  return root;
}

/** The parts of a DOCX package by path. */
export async function unzipDocx(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, string>();
  for (const [path, file] of Object.entries(zip.files)) {
    if (!file.dir) out.set(path, await file.async('string'));
  }
  return out;
}

/** A part of the package, parsed. */
export async function docxPart(bytes: Uint8Array, path: string): Promise<XmlNode> {
  const xml = (await unzipDocx(bytes)).get(path);
  if (xml === undefined) throw new Error(`no ${path} in the package`);
  return parseXml(xml);
}

/** Direct children named `name`. */
export function kids(node: XmlNode, name: string): XmlNode[] {
  return node.children.filter((c) => c.name === name);
}

/** The first direct child named `name`. */
export function kid(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return node?.children.find((c) => c.name === name);
}

/** Every descendant named `name`, in document order. */
export function all(node: XmlNode, name: string): XmlNode[] {
  const out: XmlNode[] = [];
  const walk = (n: XmlNode): void => {
    for (const c of n.children) {
      if (c.name === name) out.push(c);
      walk(c);
    }
  };
  walk(node);
  return out;
}

/** The text of every `w:t` below a node, joined. */
export function textOf(node: XmlNode): string {
  return all(node, 'w:t')
    .map((t) => t.children.map((c) => c.text ?? '').join(''))
    .join('');
}

/** A Word table cell read back: its text, paragraph style and where it sits on the grid. */
export interface GridCell {
  readonly row: number;
  readonly col: number;
  readonly rowSpan: number;
  readonly colSpan: number;
  readonly text: string;
  readonly style: string | undefined;
}

/**
 * A `w:tbl` expanded to its grid: each `w:tc` placed at the next free column of its row, `gridSpan` columns wide;
 * a `vMerge` continuation cell extends the cell above it by a row (and must have that cell's columns).
 * Returns the origin cells and, for each grid position, the origin cell that covers it.
 */
export function expandTable(tbl: XmlNode): { cells: GridCell[]; grid: (GridCell | undefined)[][] } {
  const cells: { value: GridCell; rowSpan: number }[] = [];
  const grid: ({ value: GridCell; rowSpan: number } | undefined)[][] = [];
  kids(tbl, 'w:tr').forEach((tr, r) => {
    const line: ({ value: GridCell; rowSpan: number } | undefined)[] = [];
    grid.push(line);
    let c = 0;
    for (const tc of kids(tr, 'w:tc')) {
      const pr = kid(tc, 'w:tcPr');
      const span = Number(kid(pr, 'w:gridSpan')?.attrs['w:val'] ?? 1);
      const vMerge = kid(pr, 'w:vMerge');
      const continues = vMerge !== undefined && vMerge.attrs['w:val'] !== 'restart';
      if (continues) {
        const above = grid[r - 1]?.[c];
        if (!above) throw new Error(`vMerge continuation at (${r}, ${c}) with nothing above`);
        if (above.value.col !== c || above.value.colSpan !== span) {
          throw new Error(`vMerge continuation at (${r}, ${c}) is not as wide as the cell above`);
        }
        above.rowSpan += 1;
        for (let k = 0; k < span; k++) line[c + k] = above;
      } else {
        const p = kid(tc, 'w:p');
        const entry = {
          value: {
            row: r,
            col: c,
            rowSpan: 1,
            colSpan: span,
            text: textOf(tc),
            style: kid(kid(p, 'w:pPr'), 'w:pStyle')?.attrs['w:val'],
          },
          rowSpan: 1,
        };
        cells.push(entry);
        for (let k = 0; k < span; k++) line[c + k] = entry;
      }
      c += span;
    }
  });
  const done = new Map(cells.map((e) => [e, { ...e.value, rowSpan: e.rowSpan }]));
  return {
    cells: [...done.values()],
    grid: grid.map((line) => line.map((e) => (e ? done.get(e) : undefined))),
  };
}

import { createRequire } from 'node:module';
import { type Font, openSync } from 'fontkit';

/*
 * Text as glyph outlines from the bundled fonts, so a standalone SVG looks the same on every machine, with or without
 * the Noto fonts installed, and rasterises without text layout (resvg spends seconds laying out CJK text with a 15 MB
 * font; paths take it well under a second). Each glyph used is one <path> in <defs>, each occurrence a <use> of it.
 * The words stay in the SVG's <title> and <desc> and in the text alternative.
 */

const require = createRequire(import.meta.url);

interface Faces {
  regular: Font;
  bold: Font;
  /** For characters Noto Serif SC lacks (rare names), in order. */
  fallbacks: Font[];
}

let faces: Faces | undefined;

function open(file: string): Font {
  return openSync(require.resolve(`@nianbao/fonts/${file}`)) as Font;
}

function loadFaces(): Faces {
  faces ??= {
    regular: open('NotoSerifSC-Regular.ttf'),
    bold: open('NotoSerifSC-Bold.ttf'),
    fallbacks: [open('NotoSansJP-Regular.ttf'), open('NotoSansHK-Regular.ttf')],
  };
  return faces;
}

/** What a <text> inherits from its ancestors, as Plot and the infographic write it (attributes, not CSS). */
function inherited(element: Element, name: string): string | undefined {
  for (let node: Element | null = element; node; node = node.parentElement) {
    const value = node.getAttribute(name);
    if (value !== null) return value;
  }
  return undefined;
}

function length(value: string | null, fontSize: number): number {
  if (value === null || value === '') return 0;
  const em = /^(-?[\d.]+)em$/.exec(value);
  if (em) return Number(em[1]) * fontSize;
  const n = Number.parseFloat(value);
  return Number.isFinite(n) ? n : 0;
}

function round(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** One glyph placed: which font and glyph, and its pen position in font units. */
interface Placed {
  key: string;
  x: number;
}

/**
 * Replaces every `<text>` under `root` with its glyph outlines (a `<g>` of `<use>`s, keeping the text's position,
 * anchor, size, weight and fill) and puts the glyphs once each in a `<defs>` at the top of `root`. `prefix` keeps the
 * glyph ids apart from another chart's in the same page.
 */
export function outlineText(root: Element, document: Document, prefix: string): void {
  const { regular, bold, fallbacks } = loadFaces();
  const fonts = new Map<Font, string>([
    [regular, 'r'],
    [bold, 'b'],
    ...fallbacks.map((font, n): [Font, string] => [font, `f${n}`]),
  ]);
  const defs = new Map<string, string>();
  for (const text of [...root.querySelectorAll('text')]) {
    const content = text.textContent ?? '';
    const fontSize = Number.parseFloat(inherited(text, 'font-size') ?? '12') || 12;
    const weight = inherited(text, 'font-weight');
    const face = weight === 'bold' || Number(weight) >= 600 ? bold : regular;
    const anchor = inherited(text, 'text-anchor') ?? 'start';
    const placed: Placed[] = [];
    let pen = 0;
    for (const char of content) {
      const codePoint = char.codePointAt(0) as number;
      const font =
        [face, ...fallbacks].find((candidate) => candidate.hasGlyphForCodePoint(codePoint)) ?? face;
      const glyph = font.glyphForCodePoint(codePoint);
      // Every face is scaled to the same em, so advances from different fonts add up.
      const scale = face.unitsPerEm / font.unitsPerEm;
      const key = `${fonts.get(font)}${glyph.id}`;
      if (!defs.has(key)) {
        const d = glyph.path.scale(scale, scale).toSVG();
        defs.set(key, d);
      }
      if (char.trim() !== '') placed.push({ key, x: pen });
      pen += glyph.advanceWidth * scale;
    }
    const size = fontSize / face.unitsPerEm;
    const width = pen * size;
    const shift = anchor === 'end' ? -width : anchor === 'middle' ? -width / 2 : 0;
    const x = length(text.getAttribute('x'), fontSize) + length(text.getAttribute('dx'), fontSize) + shift;
    const y = length(text.getAttribute('y'), fontSize) + length(text.getAttribute('dy'), fontSize);
    const group = document.createElementNS('http://www.w3.org/2000/svg', 'g');
    const transform = text.getAttribute('transform');
    group.setAttribute(
      'transform',
      `${transform ? `${transform} ` : ''}translate(${round(x)} ${round(y)}) scale(${size} ${-size})`,
    );
    for (const name of ['fill', 'aria-hidden']) {
      const value = text.getAttribute(name);
      if (value !== null) group.setAttribute(name, value);
    }
    group.setAttribute('data-text', content);
    for (const glyph of placed) {
      const use = document.createElementNS('http://www.w3.org/2000/svg', 'use');
      use.setAttribute('href', `#${prefix}${glyph.key}`);
      if (glyph.x !== 0) use.setAttribute('x', String(Math.round(glyph.x)));
      group.append(use);
    }
    // A <title> inside a text (a tooltip) is kept on the group.
    text.replaceWith(group);
  }
  const defsElement = document.createElementNS('http://www.w3.org/2000/svg', 'defs');
  for (const [key, d] of defs) {
    const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    path.setAttribute('id', `${prefix}${key}`);
    path.setAttribute('d', d);
    defsElement.append(path);
  }
  const desc = [...root.children].find((child) => child.tagName.toLowerCase() === 'desc');
  if (desc) desc.after(defsElement);
  else root.prepend(defsElement);
}

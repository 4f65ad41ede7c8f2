import fc from 'fast-check';
import type { PdfPage, PdfRule, PdfWord } from '../pdf.js';
import { zipSync } from './documents.js';

/*
 * Generated documents for the fuzz tests, small enough that 100,000 of them run in minutes: web pages, Word
 * bodies, PDF page geometry (what pdf.js hands the PDF reader: words and ruling lines) and tiny PDFs with random
 * content streams. Each mixes the statute's headings and numbers (so the table readers are reached) with hostile
 * values: spans past any table, negative and huge coordinates, NaN, nesting, unclosed tags.
 */

/** Text that reaches the table and narrative readers, and text that breaks them. */
const TEXTS = [
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '一、总体情况',
  '五、存在的主要问题及改进情况',
  '（一）予以公开',
  '一、本年新收政府信息公开申请数量',
  '总计',
  '自然人',
  '规章',
  '本年新制发件数',
  '12',
  '0',
  '1,234',
  '123456789012345678901234567890',
  '—',
  '/',
  '无',
  '9007199254740993',
  '\u202e',
  '\u0000',
  '\ud800',
  '',
];

const text: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...TEXTS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
);

const SPANS = ['1', '2', '3', '0', '-1', '99999', '1e9', 'x', ''];

/** A web page: nested blocks and tables whose cells carry any rowspan/colspan, tags left open at random. */
export const generatedHtml: fc.Arbitrary<string> = fc
  .letrec<{ node: string; cell: string; row: string }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      text.map((t) => `<p>${t}</p>`),
      text.map((t) => `<h2>${t}</h2>`),
      fc.array(tie('row'), { maxLength: 6 }).map((rows) => `<table>${rows.join('')}</table>`),
      fc.array(tie('node'), { maxLength: 4 }).map((nodes) => `<div>${nodes.join('')}`),
      fc.constantFrom('<br>', '</td>', '</tr>', '</table>', '<tfoot>', '<script>', '<!--', '<td>'),
    ),
    row: fc.array(tie('cell'), { maxLength: 8 }).map((cells) => `<tr>${cells.join('')}</tr>`),
    cell: fc
      .record({
        tag: fc.constantFrom('td', 'th'),
        rowspan: fc.constantFrom(...SPANS),
        colspan: fc.constantFrom(...SPANS),
        body: fc.oneof({ weight: 5, arbitrary: text }, { weight: 1, arbitrary: tie('node') }),
      })
      .map(
        ({ tag, rowspan, colspan, body }) =>
          `<${tag}${rowspan ? ` rowspan="${rowspan}"` : ''}${colspan ? ` colspan="${colspan}"` : ''}>${body}</${tag}>`,
      ),
  }))
  .node.map((body) => `<html><body>${body}</body></html>`);

const W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

const { block: wordBlock } = fc.letrec<{ block: string; cell: string }>((tie) => ({
  block: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc
      .record({ t: text, style: fc.constantFrom('', 'Heading1', 'Heading2'), bold: fc.boolean() })
      .map(
        ({ t, style, bold }) =>
          `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t>${t.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</w:t></w:r></w:p>`,
      ),
    fc
      .record({
        before: fc.constantFrom('', '1', '99999', '-2'),
        rows: fc.array(fc.array(tie('cell'), { maxLength: 6 }), { maxLength: 6 }),
      })
      .map(
        ({ before, rows }) =>
          `<w:tbl>${rows
            .map(
              (cells) =>
                `<w:tr>${before ? `<w:trPr><w:gridBefore w:val="${before}"/></w:trPr>` : ''}${cells.join('')}</w:tr>`,
            )
            .join('')}</w:tbl>`,
      ),
  ),
  cell: fc
    .record({
      span: fc.constantFrom(...SPANS),
      merge: fc.constantFrom('', '<w:vMerge/>', '<w:vMerge w:val="restart"/>'),
      body: fc.oneof({ weight: 5, arbitrary: tie('block') }, { weight: 1, arbitrary: fc.constant('') }),
    })
    .map(
      ({ span, merge, body }) =>
        `<w:tc><w:tcPr>${span ? `<w:gridSpan w:val="${span}"/>` : ''}${merge}</w:tcPr>${body}</w:tc>`,
    ),
}));

/** A Word document (DOCX bytes): paragraphs, headings by style, tables with any gridSpan, vMerge and gridBefore. */
export const generatedDocx: fc.Arbitrary<Uint8Array> = fc
  .array(wordBlock, { minLength: 1, maxLength: 6 })
  .map((blocks) =>
    zipSync({ 'word/document.xml': `<w:document ${W_NS}><w:body>${blocks.join('')}</w:body></w:document>` }),
  );

/** A coordinate: mostly on a 16-point grid (so words and rules line up into tables), sometimes anything. */
const coordinate: fc.Arbitrary<number> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 50 }).map((i) => 40 + 16 * i) },
  { weight: 1, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, 1e308) },
);

const pdfWord: fc.Arbitrary<PdfWord> = fc
  .record({
    str: text,
    x0: coordinate,
    width: fc.oneof(fc.constantFrom(10, 20, 60), fc.double({ min: -10, max: 500, noNaN: true })),
    baseline: coordinate,
    size: fc.oneof(
      { weight: 6, arbitrary: fc.constant(10) },
      { weight: 1, arbitrary: fc.double({ min: -1, max: 300 }) },
    ),
    bold: fc.boolean(),
    spaced: fc.boolean(),
  })
  .map(({ width, ...w }) => ({ ...w, x1: w.x0 + width }));

const pdfRule: fc.Arbitrary<PdfRule> = fc
  .record({ horizontal: fc.boolean(), at: coordinate, from: coordinate, to: coordinate })
  .map(({ horizontal, at, from, to }) => {
    const [a, b] = from <= to ? [from, to] : [to, from];
    return horizontal ? { x0: a, x1: b, y0: at, y1: at } : { x0: at, x1: at, y0: a, y1: b };
  });

/** Pages as pdf.js reads them: words and ruling lines, up to 4 pages. */
export const generatedPdfPages: fc.Arbitrary<PdfPage[]> = fc
  .array(
    fc.record({
      words: fc.array(pdfWord, { maxLength: 60 }),
      rules: fc.array(pdfRule, { maxLength: 30 }),
      images: fc.nat({ max: 2 }),
    }),
    { minLength: 1, maxLength: 4 },
  )
  .map((pages) => pages.map((page, i) => ({ page: i + 1, width: 595, height: 842, ...page })));

/** A PDF of one page with the given content stream (Helvetica as /F1), cross-reference table and all. */
export function pdfWithContent(content: string): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

const n: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 50 }).map((i) => String(40 + 16 * i)) },
  { weight: 1, arbitrary: fc.constantFrom('-1e9', '1e30', '0.0001', 'NaN', '-0', '99999999999') },
);

/** A content stream of text shown at positions, ruling lines and rectangles, transforms, and stray tokens. */
const contentStream: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc
        .record({
          size: fc.constantFrom('10', '9', '0', '-4', '500'),
          x: n,
          y: n,
          t: fc.constantFrom('12', '0', '1,234', 'Total', '/', '123456789012'),
        })
        .map(({ size, x, y, t }) => `BT /F1 ${size} Tf ${x} ${y} Td (${t}) Tj ET`),
      fc.record({ x: n, y: n, x2: n, y2: n }).map(({ x, y, x2, y2 }) => `${x} ${y} m ${x2} ${y2} l S`),
      fc
        .record({ x: n, y: n, w: n, h: fc.constantFrom('0.5', '1', '-0.5', '300') })
        .map(({ x, y, w, h }) => `${x} ${y} ${w} ${h} re f`),
      fc.constantFrom(
        'q',
        'Q',
        '0.5 w',
        '1 0 0 -1 0 842 cm',
        '1e9 0 0 1e9 0 0 cm',
        '0 0 0 0 0 0 cm',
        'BT',
        'ET',
        '(',
        ')',
        '<<',
        '%',
      ),
    ),
    { maxLength: 40 },
  )
  .map((ops) => ops.join('\n'));

/** Tiny PDFs: one page with a random content stream. */
export const generatedPdf: fc.Arbitrary<Uint8Array> = contentStream.map(pdfWithContent);

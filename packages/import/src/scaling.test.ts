import { readFileSync } from 'node:fs';
import { seedReport } from '@nianbao/model/fixtures';
import { renderReportHtml } from '@nianbao/react/server';
import { describe, expect, it } from 'vitest';
import { htmlLines } from './html.js';
import { importReport } from './import-report.js';
import { growth, MAX_GROWTH } from './test-support/scaling.js';

/*
 * Every reader of the importer takes time linear in its input: for an input 8 times the size (the same
 * content shape repeated), the time grows at most MAX_GROWTH times. A failing ratio names the reader.
 */

const TEXT = readFileSync(
  new URL('../fixtures/corpus/010-huaian-city-2024-pdftotext-layout.txt', import.meta.url),
  'utf8',
);
const LINES = TEXT.split('\n');
const HTML = renderReportHtml(seedReport);

/** The corpus text with `extra` inserted after the first line that contains `marker`. */
function insertAfter(marker: string, extra: string): string {
  const at = LINES.findIndex((line) => line.includes(marker));
  return [...LINES.slice(0, at + 1), extra, ...LINES.slice(at + 1)].join('\n');
}

const PARAGRAPH =
  '  2024 年，市政府坚持以习近平新时代中国特色社会主义思想为指导，全年主动公开政府信息 1234 条，收到申请 56 件。\n';
const ROW =
  '其他未列明的情况说明                        12          3        0         0        0         0    15\n';
const RUN = '（九）其他处理                 123456789012345678901234567890123456789012\n';

interface Shape {
  reader: string;
  /** The input for `n` repetitions of the shape. */
  make: (n: number) => string;
  run: (input: string) => unknown;
  n: number;
}

const SHAPES: Shape[] = [
  {
    reader: 'text reader + narrative scanner (paragraphs)',
    make: (n) => insertAfter('一、总体情况', PARAGRAPH.repeat(n)),
    run: (input) => importReport(input, { kind: 'text' }),
    n: 100,
  },
  {
    reader: 'table records (rows)',
    make: (n) => insertAfter('三、收到和处理政府信息公开申请情况', ROW.repeat(n)),
    run: (input) => importReport(input, { kind: 'text' }),
    n: 50,
  },
  {
    reader: 'run-together digit splitter (digit runs)',
    make: (n) => insertAfter('（一）予以公开', RUN.repeat(n)),
    run: (input) => importReport(input, { kind: 'text' }),
    n: 20,
  },
  {
    reader: 'narrative scanner (repeated （)',
    make: (n) => insertAfter('一、总体情况', `  ${'（'.repeat(n)}\n`),
    run: (input) => importReport(input, { kind: 'text' }),
    n: 2000,
  },
  {
    reader: 'HTML reader (nested tags)',
    make: (n) => HTML.replace('<body>', `<body>${'<div><span>'.repeat(n)}x${'</span></div>'.repeat(n)}`),
    run: (input) => htmlLines(input),
    n: 200,
  },
  {
    reader: 'HTML reader + importer (paragraphs)',
    make: (n) => HTML.replace('</body>', `${'<p>本年度共收到申请 12 件，办结 12 件。</p>'.repeat(n)}</body>`),
    run: (input) => importReport(input, { kind: 'html' }),
    n: 100,
  },
];

describe('every importer reader is linear in its input (time for 8n ≤ 10 × time for n)', () => {
  for (const shape of SHAPES) {
    it(shape.reader, () => {
      const ratio = growth(shape.run, shape.make(shape.n), shape.make(8 * shape.n));
      console.log(`${shape.reader}: ×${ratio.toFixed(1)}`);
      expect(ratio, `${shape.reader}: 8 × the input took ${ratio.toFixed(1)} × the time`).toBeLessThanOrEqual(
        MAX_GROWTH,
      );
    });
  }
});

// Benchmark: peak memory (RSS) and time of the importer on inputs at its limits, each in a fresh child process,
// against a baseline child that only reads the same file:
// - a 20 MB text (the text limit): a published report's text with its narrative grown by paragraphs;
// - a 20 MB DOCX: the seed report written by @nianbao/docx with a 19 MB image (images are never inflated);
// - a DOCX whose XML is 45 MB (the reader inflates 50 MB at most): the seed report with paragraphs added;
// - a PDF of about 300 pages (the page limit): the seed report with 2,000 paragraphs added, by @nianbao/pdf.
// Plain Node ESM over the built packages: run `pnpm build` first. Fails (exit 1) when an input's peak RSS is
// over its ceiling (RSS_CEILING_MB overrides them all). Output: one human line per input and a final JSON line.

import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderReportDocx } from '@nianbao/docx';
import { seedReport } from '@nianbao/model/fixtures';
import { renderReportPdf } from '@nianbao/pdf/node';
import JSZip from 'jszip';

const MB = 1024 * 1024;
/** Peak RSS allowed per input, in MB: about 1.5 × what was measured, so a regression shows, noise does not. */
const CEILINGS_MB = {
  'text, 20 MB of paragraphs': 768,
  'DOCX, 20 MB (an image)': 256,
  'DOCX, 45 MB of XML': 2048,
  'PDF, about 300 pages': 384,
};
const override = process.env.RSS_CEILING_MB ? Number(process.env.RSS_CEILING_MB) : undefined;

function textInput() {
  const target = 20 * MB - 64 * 1024;
  const base = readFileSync(
    new URL('../fixtures/corpus/010-huaian-city-2024-pdftotext-layout.txt', import.meta.url),
    'utf8',
  );
  const paragraph =
    '  2024 年，市政府坚持以习近平新时代中国特色社会主义思想为指导，全年主动公开政府信息 1234 条，收到申请 56 件。\n';
  const lines = base.split('\n');
  const at = lines.findIndex((line) => line.includes('一、总体情况'));
  const count = Math.floor((target - Buffer.byteLength(base)) / Buffer.byteLength(paragraph));
  return Buffer.from(
    [...lines.slice(0, at + 1), paragraph.repeat(count), ...lines.slice(at + 1)].join('\n'),
    'utf8',
  );
}

async function docxWithImage() {
  const archive = await JSZip.loadAsync(await renderReportDocx(seedReport, { onWarning: () => {} }));
  archive.file('word/media/image1.png', randomBytes(19 * MB), { compression: 'STORE' });
  return archive.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

async function docxWithXml() {
  const archive = await JSZip.loadAsync(await renderReportDocx(seedReport, { onWarning: () => {} }));
  const document = await archive.file('word/document.xml').async('string');
  const paragraph =
    '<w:p><w:r><w:t>本年度共收到政府信息公开申请 12 件，办结 12 件，其中予以公开 8 件，部分公开 2 件。</w:t></w:r></w:p>';
  const count = Math.floor((45 * MB - Buffer.byteLength(document)) / Buffer.byteLength(paragraph));
  // After the title (the first paragraph), so the agency and year are still read from it.
  const at = document.indexOf('</w:p>', document.indexOf('<w:body')) + '</w:p>'.length;
  archive.file('word/document.xml', document.slice(0, at) + paragraph.repeat(count) + document.slice(at));
  return archive.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** The seed report with its overview grown by `count` paragraphs, rendered by @nianbao/pdf (2,000: about 300 pages). */
async function pdfReport(count) {
  const report = structuredClone(seedReport);
  const paragraph =
    '本年度共收到政府信息公开申请 12 件，办结 12 件，其中予以公开 8 件，部分公开 2 件，不予公开 2 件。全年主动公开政府信息 1234 条，政策解读 56 篇，回应关切 7 次。';
  report.sections.overview = [
    ...report.sections.overview,
    ...Array.from({ length: count }, (_, i) => ({ type: 'paragraph', text: `${i}${paragraph}` })),
  ];
  return Buffer.from(await renderReportPdf(report));
}

const inputs = [
  { input: 'text, 20 MB of paragraphs', mode: 'import', make: textInput },
  { input: 'DOCX, 20 MB (an image)', mode: 'document', make: docxWithImage },
  { input: 'DOCX, 45 MB of XML', mode: 'document', make: docxWithXml },
  { input: 'PDF, about 300 pages', mode: 'document', make: () => pdfReport(2000) },
];

const child = fileURLToPath(new URL('./memory-child.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'nianbao-import-rss-'));
const results = [];
try {
  for (const { input, mode, make } of inputs) {
    const file = join(dir, 'input');
    const bytes = await make();
    writeFileSync(file, bytes);
    const run = (m) => JSON.parse(execFileSync(process.execPath, [child, m, file], { encoding: 'utf8' }));
    const baseline = run('read');
    const imported = run(mode);
    const ceilingMb = override ?? CEILINGS_MB[input];
    const line = { input, bytes: bytes.length, baselineRssMb: baseline.rssMb, ...imported, ceilingMb };
    results.push(line);
    console.log(
      `${input}: ${(line.bytes / MB).toFixed(1)} MB → peak RSS ${line.rssMb} MB (reading the file alone: ${line.baselineRssMb} MB; ceiling ${ceilingMb} MB), ${line.seconds} s, ${line.outcome}`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(JSON.stringify({ bench: 'import-memory', results }));
const over = results.filter((r) => r.rssMb > r.ceilingMb);
if (over.length > 0) {
  console.error(
    `peak RSS over the ceiling: ${over.map((r) => `${r.input} (${r.rssMb} MB > ${r.ceilingMb} MB)`).join(', ')}`,
  );
  process.exit(1);
}

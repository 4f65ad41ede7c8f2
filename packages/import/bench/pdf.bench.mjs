// pnpm bench (after pnpm build): seconds per report for importing a 10-page PDF (and the same report as DOCX and
// as a Word 97–2003 .doc, saved by LibreOffice from that DOCX),
// against the baseline of pdf.js extracting that PDF's text alone — loading the document and getTextContent() of
// every page, the cost of reading the file at all — in the same run. Target: import ≤ 2× the baseline.
//
// The report is the busy fixture with its narrative repeated until @nianbao/pdf prints it on 10 pages or more.
// Warm: each side runs twice untimed, then BENCH_RUNS times (default 15), alternating, and the median is reported,
// so a machine busy with other work skews both sides alike.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const pkg = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(pkg, 'dist/index.js');
if (!existsSync(dist)) {
  console.error('bench: run `pnpm build` first (dist/index.js missing)');
  process.exit(1);
}
const { importDocument, importReport } = await import(pathToFileURL(dist).href);
const { renderReportPdf } = await import('@nianbao/pdf/node');
const { renderReportDocx } = await import('@nianbao/docx');
const { busyReport } = await import('@nianbao/model/fixtures');
// The same pdf.js the importer reads with: unpdf's serverless build.
const pdfjs = await import('unpdf/pdfjs');

/** pdf.js reading the text of every page: the baseline. */
async function extractText(bytes) {
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 });
  const doc = await task.promise;
  let chars = 0;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    for (const item of (await page.getTextContent()).items) chars += item.str?.length ?? 0;
  }
  const pages = doc.numPages;
  // pdf.js 6 closes a document through its loading task (PDFDocumentProxy.destroy is gone).
  await task.destroy();
  return { pages, chars };
}

let report = busyReport;
let pdf = await renderReportPdf(report);
for (let copies = 2; (await extractText(pdf)).pages < 10; copies++) {
  const overview = Array.from({ length: copies }, () => busyReport.sections.overview).flat();
  report = { ...busyReport, sections: { ...busyReport.sections, overview } };
  pdf = await renderReportPdf(report);
}
const docx = await renderReportDocx(report, { onWarning: () => {} });
const { pages } = await extractText(pdf);

/** The DOCX saved as Word 97–2003 by headless LibreOffice (private profile); a missing soffice fails the bench. */
function legacyWord(bytes) {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-doc-'));
  try {
    writeFileSync(join(dir, 'report.docx'), bytes);
    const result = spawnSync(
      'soffice',
      [
        `-env:UserInstallation=file://${join(dir, 'profile')}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'doc:MS Word 97',
        '--outdir',
        dir,
        join(dir, 'report.docx'),
      ],
      { encoding: 'utf8', timeout: 240_000, env: { ...process.env, HOME: dir } },
    );
    if (result.status !== 0)
      throw new Error(`bench: soffice (LibreOffice) failed or is missing: ${result.error ?? result.stderr}`);
    return new Uint8Array(readFileSync(join(dir, 'report.doc')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const doc = legacyWord(docx);
const docCheck = importReport(doc);
if (!docCheck.ok || docCheck.confidence.read.length !== 200)
  throw new Error('the bench .doc did not import with all 200 cells');

const check = await importDocument(pdf);
if (!check.ok || check.confidence.read.length !== 200)
  throw new Error('the bench PDF did not import with all 200 cells');

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function time(run) {
  const started = performance.now();
  await run();
  return (performance.now() - started) / 1000;
}
const sides = {
  'pdf.js text extraction alone (baseline)': () => extractText(pdf),
  'importDocument(PDF)': () => importDocument(pdf),
  'importReport(DOCX)': () => importReport(docx),
  'importReport(DOC)': () => importReport(doc),
};
const times = Object.fromEntries(Object.keys(sides).map((name) => [name, []]));
for (const run of Object.values(sides)) {
  await run();
  await run();
}
for (let i = 0; i < RUNS; i++) {
  for (const [name, run] of Object.entries(sides)) times[name].push(await time(run));
}
const base = median(times['pdf.js text extraction alone (baseline)']);
console.log(
  `import bench: a ${pages}-page PDF of the busy report (${(pdf.length / 1024).toFixed(0)} KB; DOCX ${(docx.length / 1024).toFixed(0)} KB; DOC ${(doc.length / 1024).toFixed(0)} KB), median of ${RUNS} warm runs`,
);
for (const [name, list] of Object.entries(times)) {
  const s = median(list);
  console.log(`  ${name.padEnd(42)} ${s.toFixed(3)} s/report   ${(s / base).toFixed(2)}× baseline`);
}
const ratio = median(times['importDocument(PDF)']) / base;
console.log(
  `  target: importDocument(PDF) ≤ 2× baseline — ${ratio <= 2 ? 'met' : 'NOT met'} (${ratio.toFixed(2)}×)`,
);

// Benchmark: peak memory (RSS) and time of importReport on a 20 MB input (the size limit): a published
// report's text with its narrative grown by paragraphs, in a fresh child process, against a baseline child that
// only reads the same text. Plain Node ESM over the built packages: run `pnpm build` first. Fails (exit 1)
// over the ceiling. Output: one human line and a final JSON line for CI.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Peak RSS allowed for importing one 20 MB input, in MB. */
const CEILING_MB = Number(process.env.RSS_CEILING_MB ?? 1536);
const TARGET = 20 * 1024 * 1024 - 64 * 1024;

const base = readFileSync(
  new URL('../fixtures/corpus/010-huaian-city-2024-pdftotext-layout.txt', import.meta.url),
  'utf8',
);
const paragraph =
  '  2024 年，市政府坚持以习近平新时代中国特色社会主义思想为指导，全年主动公开政府信息 1234 条，收到申请 56 件。\n';
const lines = base.split('\n');
const at = lines.findIndex((line) => line.includes('一、总体情况'));
const count = Math.floor((TARGET - Buffer.byteLength(base)) / Buffer.byteLength(paragraph));
const text = [...lines.slice(0, at + 1), paragraph.repeat(count), ...lines.slice(at + 1)].join('\n');

const child = fileURLToPath(new URL('./memory-child.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'nianbao-import-rss-'));
let line;
try {
  const file = join(dir, 'input.txt');
  writeFileSync(file, text);
  const run = (mode) => JSON.parse(execFileSync(process.execPath, [child, mode, file], { encoding: 'utf8' }));
  const baseline = run('read');
  const imported = run('import');
  line = { input: 'paragraphs', bytes: Buffer.byteLength(text), baselineRssMb: baseline.rssMb, ...imported };
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(
  `importReport, ${(line.bytes / 1048576).toFixed(1)} MB of paragraphs → peak RSS ${line.rssMb} MB (reading the text alone: ${line.baselineRssMb} MB), ${line.seconds} s, ${line.outcome}`,
);
console.log(JSON.stringify({ bench: 'import-memory', ceilingMb: CEILING_MB, results: [line] }));
if (line.rssMb > CEILING_MB) {
  console.error(`peak RSS ${line.rssMb} MB is over the ${CEILING_MB} MB ceiling`);
  process.exit(1);
}

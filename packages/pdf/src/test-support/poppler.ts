import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * What a test that needs poppler fails with when it is missing (never a skip): `pnpm test` installs it first
 * through scripts/setup-test-tools.mjs, so this is seen only when vitest runs on its own.
 */
export const POPPLER_MISSING: string =
  'poppler-utils (pdftotext, pdftoppm) is not installed: run `node scripts/setup-test-tools.mjs` from the ' +
  "repository root (as root it installs Debian's poppler-utils; otherwise it prints the command to run)";

function withPdf<T>(bytes: Uint8Array, run: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-pdf-'));
  try {
    const file = join(dir, 'in.pdf');
    writeFileSync(file, bytes);
    return run(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
    throw new Error(`${command} not found. ${POPPLER_MISSING}`);
  }
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
  return result.stdout;
}

/** Text of each page in content-stream order (`pdftotext -raw`). */
export function pdfPages(bytes: Uint8Array): string[] {
  return withPdf(bytes, (file) =>
    run('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']).split('\f').slice(0, -1),
  );
}

/** A word with its box on a page, in points from the top left. */
export interface WordBox {
  readonly page: number;
  readonly text: string;
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
}

/** Every word and its box (`pdftotext -bbox`). */
export function pdfWords(bytes: Uint8Array): {
  pages: { width: number; height: number }[];
  words: WordBox[];
} {
  const html = withPdf(bytes, (file) => run('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-']));
  const pages: { width: number; height: number }[] = [];
  const words: WordBox[] = [];
  const tag =
    /<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  for (const m of html.matchAll(tag)) {
    if (m[1]) pages.push({ width: Number(m[1]), height: Number(m[2]) });
    else
      words.push({
        page: pages.length,
        text: m[7] ?? '',
        xMin: Number(m[3]),
        yMin: Number(m[4]),
        xMax: Number(m[5]),
        yMax: Number(m[6]),
      });
  }
  return { pages, words };
}

/** Renders pages to PNG files and returns their bytes, page by page. */
export function pdfPngs(bytes: Uint8Array, dpi: number, pages: readonly number[]): Uint8Array[] {
  return withPdf(bytes, (file, dir) =>
    pages.map((page) => {
      run('pdftoppm', [
        '-r',
        String(dpi),
        '-png',
        '-f',
        String(page),
        '-l',
        String(page),
        file,
        join(dir, `p${page}`),
      ]);
      const name = readdirSync(dir).find((f) => f.startsWith(`p${page}`) && f.endsWith('.png'));
      if (!name) throw new Error(`pdftoppm wrote no page ${page}`);
      return new Uint8Array(readFileSync(join(dir, name)));
    }),
  );
}

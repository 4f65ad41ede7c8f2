import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * What a test that needs LibreOffice fails with when it is missing (never a skip): `pnpm test` installs it first
 * through scripts/setup-test-tools.mjs, so this is seen only when vitest runs on its own.
 */
export const LIBREOFFICE_MISSING: string =
  'LibreOffice (soffice) is not installed: as root run `apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libreoffice-writer-nogui`, or `node scripts/setup-test-tools.mjs` from the repository root';

/** Word's font names mapped to the open fonts of @nianbao/fonts, so the rendering does not depend on the machine. */
const ALIASES: Record<string, string> = {
  方正小标宋简体: 'Noto Sans SC',
  黑体: 'Noto Sans SC',
  楷体_GB2312: 'Noto Serif SC',
  仿宋_GB2312: 'Noto Serif SC',
  宋体: 'Noto Serif SC',
};

function fontsConf(dir: string): string {
  const fontsDir = dirname(fileURLToPath(import.meta.resolve('@nianbao/fonts/NotoSerifSC-Regular.ttf')));
  const aliases = Object.entries(ALIASES)
    .map(
      ([from, to]) =>
        `<match target="pattern"><test name="family"><string>${from}</string></test><edit name="family" mode="assign" binding="strong"><string>${to}</string></edit></match>`,
    )
    .join('');
  const file = join(dir, 'fonts.conf');
  writeFileSync(
    file,
    `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>${fontsDir}</dir><cachedir>${join(dir, 'fc-cache')}</cachedir>${aliases}</fontconfig>`,
  );
  return file;
}

/**
 * Converts DOCX files to PDF with headless LibreOffice, all in one run (it takes seconds to start): a private
 * profile, Word's font names mapped to @nianbao/fonts. Returns the PDFs in the order given.
 */
export function convertWithLibreOffice(docs: readonly Uint8Array[]): Uint8Array[] {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-docx-lo-'));
  try {
    const out = join(dir, 'out');
    mkdirSync(out);
    const inputs = docs.map((bytes, i) => {
      const file = join(dir, `doc-${i}.docx`);
      writeFileSync(file, bytes);
      return file;
    });
    const result = spawnSync(
      'soffice',
      [
        `-env:UserInstallation=file://${join(dir, 'profile')}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'pdf',
        '--outdir',
        out,
        ...inputs,
      ],
      {
        encoding: 'utf8',
        timeout: 240_000,
        env: { ...process.env, FONTCONFIG_FILE: fontsConf(dir), HOME: dir },
      },
    );
    if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT')
      throw new Error(LIBREOFFICE_MISSING);
    if (result.error) throw result.error;
    if (result.status !== 0) throw new Error(`soffice failed (${result.status}): ${result.stderr}`);
    return inputs.map((_, i) => new Uint8Array(readFileSync(join(out, `doc-${i}.pdf`))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function withFile<T>(bytes: Uint8Array, run: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-docx-pdf-'));
  try {
    const file = join(dir, 'in.pdf');
    writeFileSync(file, bytes);
    return run(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function run(command: string, args: string[]): Buffer {
  const result = spawnSync(command, args, { maxBuffer: 256 * 1024 * 1024 });
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
    throw new Error(
      `${command} not found: install Debian's poppler-utils (node scripts/setup-test-tools.mjs)`,
    );
  }
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr.toString()}`);
  return result.stdout;
}

/** Text of each page in content-stream order (`pdftotext -raw`). */
export function pdfPages(bytes: Uint8Array): string[] {
  return withFile(bytes, (file) =>
    run('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']).toString('utf8').split('\f').slice(0, -1),
  );
}

/** Page `page` (1-based) as PNG bytes at `dpi`, written to `keep` too when given. */
export function pdfPagePng(bytes: Uint8Array, page: number, dpi: number, keep?: string): Uint8Array {
  return withFile(bytes, (file, dir) => {
    run('pdftoppm', [
      '-png',
      '-r',
      String(dpi),
      '-f',
      String(page),
      '-l',
      String(page),
      '-singlefile',
      file,
      join(dir, 'p'),
    ]);
    const png = new Uint8Array(readFileSync(join(dir, 'p.png')));
    if (keep) writeFileSync(keep, png);
    return png;
  });
}

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fontEnv } from './fonts.js';

/**
 * DOCX files converted by headless LibreOffice, in one run with a private profile (a first start is slow, and two
 * runs sharing a profile collide): `pdf` prints them as a word processor does, `doc` saves them as Word 97–2003
 * (LibreOffice's "MS Word 97" filter), the files a word processor makes. Throws (fails the test) when
 * LibreOffice is missing or the conversion fails: a missing tool must fail loudly.
 */
export function convertDocx(docs: readonly Uint8Array[], to: 'pdf' | 'doc'): Uint8Array[] {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-import-lo-'));
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
        to === 'doc' ? 'doc:MS Word 97' : 'pdf',
        '--outdir',
        out,
        ...inputs,
      ],
      { encoding: 'utf8', timeout: 240_000, env: { ...process.env, ...fontEnv(), HOME: dir } },
    );
    if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
      throw new Error(
        'LibreOffice (soffice) is not installed: run `node scripts/setup-test-tools.mjs` from the repository root',
      );
    }
    if (result.status !== 0) throw new Error(`soffice failed (${result.status}): ${result.stderr}`);
    return inputs.map((_, i) => new Uint8Array(readFileSync(join(out, `doc-${i}.${to}`))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { busyReport, seedReport } from '@nianbao/model/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../test/fake-io.js';
import { outputFormats, withExtension } from './render-docx.js';

// PDF renders go through the worker pool: seconds each on two cores.
const SLOW = 120_000;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nianbao-render-docx-'));
  await writeFile(join(dir, 'busy.json'), JSON.stringify(busyReport));
  await writeFile(join(dir, 'seed.json'), JSON.stringify(seedReport));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A whole DOCX: a zip (PK\x03\x04) whose central directory names word/document.xml. */
async function isDocx(path: string): Promise<boolean> {
  const bytes = await readFile(path);
  return bytes.subarray(0, 4).toString('latin1') === 'PK\x03\x04' && bytes.includes('word/document.xml');
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

describe('render --format', () => {
  it('writes a DOCX beside the input with --format docx, and no PDF', async () => {
    const result = await run(['render', 'busy.json', '--format', 'docx'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(
      new RegExp(
        `✓ busy\\.json → ${join(dir, 'busy.docx').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(\\d+ ms\\)`,
      ),
    );
    expect(await isDocx(join(dir, 'busy.docx'))).toBe(true);
    expect(await exists(join(dir, 'busy.pdf'))).toBe(false);
  });

  it('picks DOCX from -o x.docx (the bundled example too)', async () => {
    const result = await run(['render', '-o', 'example.docx'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(await isDocx(join(dir, 'example.docx'))).toBe(true);
    expect(await exists(join(dir, 'example.pdf'))).toBe(false);
  });

  it(
    'writes both formats of every file with --format both, with one progress bar over all of them',
    async () => {
      const result = await run(
        ['render', 'busy.json', 'seed.json', '--format', 'both', '--out-dir', 'both'],
        {
          cwd: dir,
          stderrTty: true,
        },
      );
      expect(result.code, result.stderr).toBe(0);
      for (const name of ['busy', 'seed']) {
        expect(await isDocx(join(dir, 'both', `${name}.docx`))).toBe(true);
        const pdf = await readFile(join(dir, 'both', `${name}.pdf`));
        expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      }
      expect(result.stdout.match(/✓/g)).toHaveLength(4);
      expect(result.stderr).toContain('4/4');
    },
    SLOW,
  );

  it('refuses an unknown format and an -o that contradicts --format (exit 2)', async () => {
    const unknown = await run(['render', 'busy.json', '--format', 'odt'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--format');
    const contradiction = await run(['render', 'busy.json', '-o', 'x.pdf', '--format', 'docx'], { cwd: dir });
    expect(contradiction.code).toBe(2);
    expect(await exists(join(dir, 'x.pdf'))).toBe(false);
    expect(await exists(join(dir, 'x.docx'))).toBe(false);
  });

  it('writes a draft DOCX with --draft', async () => {
    const result = await run(['render', 'seed.json', '--format', 'docx', '-o', 'draft.docx', '--draft'], {
      cwd: dir,
    });
    expect(result.code, result.stderr).toBe(0);
    // Only a draft has headers (the watermark's); part names are stored uncompressed in the zip.
    const draft = await readFile(join(dir, 'draft.docx'));
    expect(draft.includes('word/header1.xml')).toBe(true);
    await run(['render', 'seed.json', '--format', 'docx', '-o', 'final.docx'], { cwd: dir });
    expect((await readFile(join(dir, 'final.docx'))).includes('word/header1.xml')).toBe(false);
  });
});

describe('outputFormats and withExtension', () => {
  it('defaults to pdf, reads -o, and takes pdf, docx or both', () => {
    expect(outputFormats(undefined, undefined)).toEqual(['pdf']);
    expect(outputFormats(undefined, 'a/b.DOCX')).toEqual(['docx']);
    expect(outputFormats(undefined, 'a/b.pdf')).toEqual(['pdf']);
    expect(outputFormats('both', 'a/b.pdf')).toEqual(['pdf', 'docx']);
    expect(outputFormats('docx', 'a/b.docx')).toEqual(['docx']);
    expect(() => outputFormats('docx', 'a/b.pdf')).toThrow(/--format/);
    expect(() => outputFormats('html', undefined)).toThrow(/pdf, docx or both/);
  });

  it('replaces or adds the extension', () => {
    expect(withExtension('/x/report.pdf', 'docx')).toBe('/x/report.docx');
    expect(withExtension('/x/report.DOCX', 'docx')).toBe('/x/report.DOCX');
    expect(withExtension('/x/report', 'docx')).toBe('/x/report.docx');
    expect(withExtension('/x.y/report', 'pdf')).toBe('/x.y/report.pdf');
  });
});

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeText, readTextFile } from './read-report.js';

describe('decodeText', () => {
  it('drops a UTF-8 BOM and keeps the rest', () => {
    expect(decodeText(Buffer.from('\uFEFF{"a":1}'))).toEqual({ ok: true, text: '{"a":1}' });
  });

  it.each([
    ['empty', Buffer.alloc(0)],
    ['empty', Buffer.from('\uFEFF  \n')],
    ['binary', Buffer.from([0x7b, 0x00, 0x7d])],
    ['not-utf8', Buffer.from('\uFEFF{}', 'utf16le')],
    ['not-utf8', Buffer.from([0x7b, 0x0a, 0x22, 0xc2, 0xde, 0x22, 0x7d])],
  ])('refuses %s input at the root path', (code, bytes) => {
    const result = decodeText(bytes);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([{ path: '', code, message: expect.objectContaining({}) }]);
  });

  it('locates invalid bytes by line and offset', () => {
    const result = decodeText(Buffer.from([0x7b, 0x0a, 0x22, 0xc2, 0xde, 0x22, 0x7d]));
    expect(result.ok ? '' : result.errors[0]?.message.en).toContain('line 2, byte offset 3');
  });
});

describe('readTextFile', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nianbao-read-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a file at the limit and refuses one byte over', async () => {
    await writeFile(join(dir, 'at.json'), '[1]');
    await writeFile(join(dir, 'over.json'), '[12]');
    expect(await readTextFile('at.json', dir, 3)).toEqual({ ok: true, text: '[1]' });
    const over = await readTextFile('over.json', dir, 3);
    expect(over.ok ? undefined : over.errors[0]?.code).toBe('too-large');
  });

  it.skipIf(process.platform === 'win32')('refuses devices without reading them', async () => {
    const result = await readTextFile('/dev/zero', dir);
    expect(result.ok ? undefined : result.errors[0]?.code).toBe('not-a-file');
  });
});

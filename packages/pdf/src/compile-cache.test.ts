import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codeCacheDirectory, isPrivateDirectory, loadWithCodeCache } from './compile-cache.js';

const root = mkdtempSync(join(tmpdir(), 'nianbao-cc-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let counter = 0;
/** A fresh CommonJS module (its own file and cache folder) using require, module, exports and its paths. */
function fixture(body: string): { file: string; directory: string } {
  counter += 1;
  const dir = join(root, `m${counter}`);
  mkdirSync(dir);
  writeFileSync(join(dir, 'dep.cjs'), 'module.exports = 40;');
  const file = join(dir, 'mod.cjs');
  writeFileSync(file, body);
  return { file, directory: join(dir, 'cache') };
}

/**
 * The same source under another name: V8 keeps what it compiled in this process per file, and would answer a second
 * load of the same file from there without looking at the cache file. A copy is what a new process sees.
 */
function copyOf(file: string): string {
  counter += 1;
  const copy = file.replace(/\.cjs$/, `-${counter}.cjs`);
  writeFileSync(copy, readFileSync(file));
  return copy;
}

const BODY = [
  "const path = require('node:path');",
  "const dep = require('./dep.cjs');",
  'exports.answer = () => dep + 2;',
  'exports.where = path.basename(__filename) + " in " + path.basename(__dirname);',
  '// a last-line comment must not swallow the wrapper',
].join('\n');

describe('loadWithCodeCache', () => {
  it('runs the file as CommonJS, writes the cache once after use, and compiles from it next time', () => {
    const { file, directory } = fixture(BODY);
    mkdirSync(directory);
    const first = loadWithCodeCache(file, { directory });
    const api = first.exports as { answer(): number; where: string };
    expect(api.answer()).toBe(42);
    expect(api.where).toBe(`mod.cjs in m${counter}`);
    expect(first.state).toBe('miss');
    expect(first.saveCache()).toBe(true);
    expect(first.saveCache()).toBe(false);
    expect(readdirSync(directory)).toHaveLength(1);

    const second = loadWithCodeCache(copyOf(file), { directory });
    expect(second.state).toBe('hit');
    expect((second.exports as { answer(): number }).answer()).toBe(42);
    expect(second.saveCache()).toBe(false);
  });

  it('refuses a damaged cache, still loads, and replaces it', () => {
    const { file, directory } = fixture(BODY);
    mkdirSync(directory);
    const first = loadWithCodeCache(file, { directory });
    first.saveCache();
    writeFileSync(first.cacheFile ?? '', Buffer.from('not bytecode at all'));
    const damaged = loadWithCodeCache(copyOf(file), { directory });
    expect(damaged.state).toBe('rejected');
    expect((damaged.exports as { answer(): number }).answer()).toBe(42);
    expect(damaged.saveCache()).toBe(true);
    expect(loadWithCodeCache(copyOf(file), { directory }).state).toBe('hit');
  });

  it('uses another cache file when the source changes, even at the same length', () => {
    const { file, directory } = fixture('exports.v = 1;');
    mkdirSync(directory);
    const one = loadWithCodeCache(file, { directory });
    one.saveCache();
    writeFileSync(file, 'exports.v = 2;');
    const two = loadWithCodeCache(file, { directory });
    expect(two.state).toBe('miss');
    expect((two.exports as { v: number }).v).toBe(2);
  });

  it('still loads when the cache cannot be written', () => {
    const { file } = fixture(BODY);
    const blocker = join(root, 'blocker');
    writeFileSync(blocker, 'a file where the cache folder would go');
    const loaded = loadWithCodeCache(file, { directory: join(blocker, 'cache') });
    expect((loaded.exports as { answer(): number }).answer()).toBe(42);
    expect(loaded.saveCache()).toBe(false);
  });

  it('passes a throwing module’s error through', () => {
    const { file, directory } = fixture("throw new Error('broken module');");
    expect(() => loadWithCodeCache(file, { directory })).toThrow('broken module');
  });
});

describe('codeCacheDirectory', () => {
  it('is off when switched off, by either variable', () => {
    for (const value of ['0', 'false', 'OFF', 'no']) {
      expect(codeCacheDirectory({ env: { NIANBAO_COMPILE_CACHE: value } })).toBeUndefined();
    }
    expect(codeCacheDirectory({ env: { NODE_DISABLE_COMPILE_CACHE: '1' } })).toBeUndefined();
    const { file } = fixture(BODY);
    const off = loadWithCodeCache(file, { env: { NIANBAO_COMPILE_CACHE: '0' } });
    expect(off.state).toBe('off');
    expect(off.cacheFile).toBeUndefined();
    expect(off.saveCache()).toBe(false);
  });

  it('takes a folder from NIANBAO_COMPILE_CACHE, else a private one in the temporary folder', () => {
    expect(codeCacheDirectory({ env: { NIANBAO_COMPILE_CACHE: '/srv/cache' } })).toBe('/srv/cache');
    const dir = codeCacheDirectory({ env: {} });
    expect(dir).toBe(join(tmpdir(), `nianbao-compile-cache-${process.getuid?.() ?? 'user'}`));
  });
});

describe('isPrivateDirectory', () => {
  const uid = process.getuid?.();
  it('accepts a folder of this user that only this user can write, and nothing else', () => {
    const mine = join(root, 'private');
    mkdirSync(mine, { mode: 0o700 });
    chmodSync(mine, 0o700);
    expect(isPrivateDirectory(mine, uid)).toBe(true);
    const open = join(root, 'open');
    mkdirSync(open);
    chmodSync(open, 0o777);
    expect(isPrivateDirectory(open, uid)).toBe(uid === undefined);
    const file = join(root, 'a-file');
    writeFileSync(file, '');
    expect(isPrivateDirectory(file, uid)).toBe(false);
    expect(isPrivateDirectory(join(root, 'missing'), uid)).toBe(false);
    if (uid !== undefined) expect(isPrivateDirectory(mine, uid + 1)).toBe(false);
  });
});

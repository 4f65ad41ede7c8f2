import { execFileSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPackages, publicPackages, publishedExports } from '../package-metadata.mjs';

const repo = fileURLToPath(new URL('../..', import.meta.url));

describe('package manifests', () => {
  it('every public package says what publishing needs (scripts/package-metadata.mjs --check)', () => {
    expect(checkPackages()).toEqual([]);
  });

  it('the published exports have no @nianbao/source condition', () => {
    for (const { manifest } of publicPackages()) {
      const published = manifest.publishConfig?.exports ?? manifest.exports;
      expect(JSON.stringify(published), manifest.name).not.toContain('@nianbao/source');
      expect(published, manifest.name).toEqual(publishedExports(manifest.exports));
    }
  });
});

describe('changesets', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-changesets-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the pending release is 0.1.0 and its changelog keeps 〔2021〕30号 intact', () => {
    // The workspace's manifests and changesets, versioned in a copy.
    cpSync(join(repo, '.changeset'), join(dir, '.changeset'), { recursive: true });
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ name: 'root', private: true, workspaces: ['packages/*'] }),
    );
    for (const { dir: pkgDir, manifest } of publicPackages()) {
      mkdirSync(join(dir, pkgDir), { recursive: true });
      writeFileSync(join(dir, pkgDir, 'package.json'), JSON.stringify(manifest, null, 2));
    }
    symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'), 'dir');
    const bin = createRequire(join(repo, 'package.json')).resolve('@changesets/cli/bin.js');
    execFileSync(process.execPath, [bin, 'version'], { cwd: dir, stdio: 'pipe' });
    const changelogs = [];
    for (const { dir: pkgDir, manifest } of publicPackages()) {
      const written = JSON.parse(readFileSync(join(dir, pkgDir, 'package.json'), 'utf8'));
      expect(written.version, manifest.name).toBe('0.1.0');
      if (readdirSync(join(dir, pkgDir)).includes('CHANGELOG.md')) {
        changelogs.push(readFileSync(join(dir, pkgDir, 'CHANGELOG.md'), 'utf8'));
      }
    }
    const all = changelogs.join('\n');
    expect(all).toContain('## 0.1.0');
    expect(all).toContain('国办公开办函〔2021〕30号');
    expect(all).not.toMatch(/〔2021〕30 号/);
  });
});

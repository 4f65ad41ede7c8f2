import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { missingFontMessage, packagedFontPath } from './font-path.js';

const SPEC = '@nianbao/fonts/NotoSerifSC-Regular.ttf';
const pkgDir = fileURLToPath(new URL('..', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'nianbao-font-path-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('packagedFontPath', () => {
  it('finds a default font as a local file path (fileURLToPath, not a URL pathname)', () => {
    const path = packagedFontPath(SPEC);
    expect(path).toBe(fileURLToPath(import.meta.resolve(SPEC)));
    expect(isAbsolute(path ?? '')).toBe(true);
    expect(existsSync(path ?? '')).toBe(true);
  });

  it('is undefined for a file no package has', () => {
    expect(packagedFontPath('@nianbao/fonts/NoSuchFont.ttf')).toBeUndefined();
  });

  it.each(['cjs', 'esm'] as const)(
    'still finds it when bundled by esbuild (%s) into a file outside node_modules',
    async (format) => {
      const entry = join(out, `entry-${format}.ts`);
      writeFileSync(
        entry,
        `import { packagedFontPath } from ${JSON.stringify(join(pkgDir, 'src/font-path.ts'))};\n` +
          `console.log(packagedFontPath(${JSON.stringify(SPEC)}) ?? 'undefined');\n`,
      );
      const outfile = join(out, `bundle.${format === 'cjs' ? 'cjs' : 'mjs'}`);
      await build({
        entryPoints: [entry],
        bundle: true,
        platform: 'node',
        format,
        outfile,
        logLevel: 'silent',
      });
      // The app's directory (here the package, whose node_modules has @nianbao/fonts) is the working directory.
      const printed = execFileSync(process.execPath, [outfile], { cwd: pkgDir, encoding: 'utf8' }).trim();
      expect(printed).toBe(packagedFontPath(SPEC));
    },
  );
});

describe('missingFontMessage', () => {
  it('tells a server what to install or configure, not to pass URLs', () => {
    const message = missingFontMessage(SPEC);
    expect(message).toContain('npm install @nianbao/fonts');
    expect(message).toContain("serverExternalPackages: ['@nianbao/pdf']");
    expect(message).not.toContain('browser');
  });

  it('tells a browser to pass fonts', () => {
    const original = process.getBuiltinModule;
    // What a browser looks like to this module: no Node built-ins.
    (process as { getBuiltinModule?: unknown }).getBuiltinModule = undefined;
    try {
      expect(missingFontMessage(SPEC)).toMatch(/no default font files in a browser.*pass `fonts`/);
      expect(packagedFontPath(SPEC)).toBeUndefined();
    } finally {
      process.getBuiltinModule = original;
    }
  });
});

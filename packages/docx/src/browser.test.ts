import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { seedReport } from '@nianbao/model/fixtures';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { docxPart, textOf } from './test-support/ooxml.js';

/*
 * The browser path: `@nianbao/docx` bundled for the browser (esbuild, platform browser: a `node:` import fails the
 * build), then run in a fresh V8 context that has only what a browser page has of the globals it uses — no
 * `process`, `Buffer`, `require` or file system — to render the seed to bytes.
 */

async function browserBundle(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./index.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'nianbaoDocx',
    platform: 'browser',
    conditions: ['@nianbao/source', 'browser', 'module', 'import', 'default'],
    logLevel: 'silent',
  });
  const out = result.outputFiles[0];
  if (!out) throw new Error('esbuild wrote nothing');
  return out.text;
}

describe('in a browser', () => {
  it('bundles without a Node built-in and renders in a context without Node globals', async () => {
    const code = await browserBundle();
    expect(code).not.toMatch(/\brequire\(["']node:/);
    const context: Record<string, unknown> = {
      TextDecoder,
      TextEncoder,
      console: { warn: () => {}, log: () => {}, error: () => {} },
      setTimeout,
      clearTimeout,
      queueMicrotask,
      report: structuredClone(seedReport),
    };
    context.globalThis = context;
    context.self = context;
    context.window = context;
    const bytes = (await runInNewContext(
      `${code}\n;nianbaoDocx.renderReportDocx(report, { onWarning() {}, creationDate: new Date(0) })`,
      context,
      { timeout: 30_000 },
    )) as Uint8Array;
    expect(bytes.length).toBeGreaterThan(5_000);
    expect(typeof context.process).toBe('undefined');
    expect(typeof context.Buffer).toBe('undefined');
    const doc = await docxPart(new Uint8Array(bytes), 'word/document.xml');
    expect(textOf(doc)).toContain('三、收到和处理政府信息公开申请情况');
  });
});

import { build } from 'esbuild';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { reportCss } from '../../src/server.js';
import { EditableApp } from './editable-app.js';

let bundle: Promise<string> | undefined;

/** The client script of the data-entry page, bundled once per test run (React in development mode, for warnings). */
export function editableBundle(): Promise<string> {
  bundle ??= build({
    entryPoints: [new URL('./editable-entry.tsx', import.meta.url).pathname],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    conditions: ['@nianbao/source'],
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"development"' },
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0]?.text ?? '');
  return bundle;
}

/** A whole page: server-rendered data entry plus the script that hydrates it. */
export async function editablePage(): Promise<string> {
  const html = renderToString(createElement(EditableApp));
  const script = (await editableBundle()).replace(/<\/script/gi, '<\\/script');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>数据填报</title><style>${reportCss()}</style></head><body><main id="root">${html}</main><script>${script}</script></body></html>`;
}

/**
 * @nianbao/docx/node — everything in `@nianbao/docx` plus the Node-only file writer.
 */
import type { Report } from '@nianbao/model/core';
import { type DocxRenderOptions, renderReportDocx } from './render.js';

export * from './index.js';

/**
 * Renders a report and writes it to `path` atomically: the bytes go to a temporary file beside it, which is then
 * renamed over `path`, so an interrupted render never leaves a half-written document. Node only.
 */
export async function renderReportDocxToFile(
  report: Report,
  path: string,
  options: DocxRenderOptions = {},
): Promise<void> {
  const bytes = await renderReportDocx(report, options);
  const fs = await import('node:fs/promises');
  const temp = `${path}.${process.pid}.${Date.now().toString(36)}.tmp`;
  try {
    await fs.writeFile(temp, bytes);
    await fs.rename(temp, path);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

/*
 * The entry of `dist/engine.cjs`: the render functions with react-pdf and everything else they import (React
 * excepted) bundled into one CommonJS file, which `node-engine.ts` loads through V8's code cache. Built by
 * `scripts/build-engine.mjs`; not part of the package's public entries.
 */
export { renderReportPdf, renderReportPdfToFile } from './render.js';
